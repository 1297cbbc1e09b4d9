import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSandbox, apiSandbox, type Json } from './api-harness.js';

/** Issue 12: the dashboard's item panel corrects the importer through POST /api/corrections. */
let s: ApiSandbox;
beforeAll(() => {
  s = apiSandbox(['ai-engineer']);
});
afterAll(() => s.cleanup());

const planIds = async () =>
  ((await s.get('/api/roadmaps/ai-engineer/plan')).json.items as Json[]).map((item) => item.nodeId);

describe('POST /api/corrections', () => {
  it('excludes an item: the item view, the tree and the plan follow; undo reverts', async () => {
    expect(await planIds()).toContain('1.1.1.1');
    const before = s.eventCount();
    const res = await s.send('POST', '/api/corrections', { item: 'ai-engineer:1.1', work: false });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      nodeId: '1.1',
      before: { trackable: true },
      after: { trackable: false },
    });
    expect(s.eventCount()).toBe(before + 1);
    const item = await s.get('/api/items/ai-engineer/1.1.1');
    expect(item.json.node).toMatchObject({ trackable: false, meta: { excluded: 'true' } });
    expect(await planIds()).not.toContain('1.1.1.1');
    await s.send('POST', '/api/undo', {});
    expect(await planIds()).toContain('1.1.1.1');
  });

  it('sets a kind and includes information', async () => {
    const kind = await s.send('POST', '/api/corrections', { item: 'ai-engineer:11.2.1', kind: 'course' });
    expect(kind.status).toBe(201);
    expect((await s.get('/api/items/ai-engineer/11.2.1')).json.node).toMatchObject({
      kind: 'course',
      meta: { importedKind: 'resource' },
    });
    const tip = await s.send('POST', '/api/corrections', {
      item: 'ai-engineer:14/code-daily-build-the-muscle-memory',
      work: true,
    });
    expect(tip.status).toBe(201);
    expect(tip.json.after.trackable).toBe(true);
  });

  it('refuses a body with both or neither field, or an unknown kind, naming the problem (400)', async () => {
    for (const body of [
      { item: 'ai-engineer:1.1' },
      { item: 'ai-engineer:1.1', work: true, kind: 'topic' },
      { item: 'ai-engineer:1.1', kind: 'banana' },
    ]) {
      const res = await s.send('POST', '/api/corrections', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('INPUT');
    }
    const missing = await s.send('POST', '/api/corrections', { item: 'ai-engineer:9.9.9.9', work: false });
    expect(missing.status).toBe(404);
  });
});
