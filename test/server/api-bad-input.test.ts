import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSandbox, apiSandbox, type Json } from './api-harness.js';

/**
 * Bad input through the API: always a 4xx with `{error: {code, message}}` that says what is wrong, never a
 * 500, and never an event stored half-way.
 */
let s: ApiSandbox;
beforeAll(() => {
  s = apiSandbox(['ai-engineer', 'dev-to-ai-engineer']);
});
afterAll(() => s.cleanup());

async function expectRefused(
  request: Promise<{ status: number; json: Json }>,
  status: number,
  code: string,
  message: RegExp,
): Promise<Json> {
  const before = s.eventCount();
  const response = await request;
  expect(response.status, JSON.stringify(response.json)).toBe(status);
  expect(response.json.error.code).toBe(code);
  expect(response.json.error.message).toMatch(message);
  expect(JSON.stringify(response.json)).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(s.eventCount(), 'nothing stored').toBe(before);
  return response.json.error;
}

describe('bodies', () => {
  it('refuses malformed JSON', async () => {
    await expectRefused(
      s.send('POST', '/api/status', undefined, '{"items": ["1.1.1"], '),
      400,
      'INPUT',
      /not valid JSON/,
    );
    await expectRefused(s.send('POST', '/api/log', undefined, 'duration=1h'), 400, 'INPUT', /not valid JSON/);
  });

  it('names the offending field of a schema violation', async () => {
    await expectRefused(
      s.send('POST', '/api/status', { items: ['ai-engineer:1.1.1', 7], status: 'done' }),
      400,
      'INPUT',
      /items\.1: .*expected string/,
    );
    await expectRefused(
      s.send('POST', '/api/status', { items: ['1.1.1'], status: 'finished' }),
      400,
      'INPUT',
      /status: .*"done"/,
    );
    await expectRefused(
      s.send('POST', '/api/status', { items: [], status: 'done' }),
      400,
      'INPUT',
      /items: name at least one item/,
    );
    await expectRefused(s.send('POST', '/api/status', [1, 2]), 400, 'INPUT', /expected object/);
    await expectRefused(
      s.send('POST', '/api/notes', { item: 'ai-engineer:1.1.1', text: '   ' }),
      400,
      'INPUT',
      /text: the note is empty/,
    );
    await expectRefused(
      s.send('POST', '/api/notes', { item: 'ai-engineer:1.1.1', txt: 'typo' }),
      400,
      'INPUT',
      /Unrecognized key: "txt"/,
    );
    await expectRefused(
      s.send('POST', '/api/review', { item: 'ai-engineer:1.1.1', rating: 5 }),
      400,
      'INPUT',
      /rating/,
    );
    await expectRefused(
      s.send('PUT', '/api/settings/ai-engineer', { targetDate: '31/12/2027' }),
      400,
      'INPUT',
      /targetDate: expected a date like/,
    );
  });

  it('refuses values the use cases reject, with their message', async () => {
    await expectRefused(s.send('POST', '/api/log', { duration: 'a while' }), 400, 'INPUT', /a while/);
    await expectRefused(
      s.send('POST', '/api/status', { items: ['ai-engineer:1.1.1'], status: 'done', at: 'someday' }),
      400,
      'INPUT',
      /someday/,
    );
    // A year of two digits typed as four (0026 for 2026) must not become 1926.
    const early = await expectRefused(
      s.send('POST', '/api/log', { duration: '1h', at: '0026-11-20' }),
      400,
      'INPUT',
      /"0026-11-20" is before 1970/,
    );
    expect(early.hint).toMatch(/Did you mean 2026-11-20\?/);
    await expectRefused(
      s.send('PUT', '/api/settings/ai-engineer', { capacity: { weekdays: '30h' } }),
      400,
      'INPUT',
      /30 h on Monday/,
    );
    await expectRefused(
      s.send('PUT', '/api/settings/ai-engineer', { targetDate: '2020-01-01' }),
      400,
      'INPUT',
      /in the past/,
    );
    await expectRefused(s.send('PUT', '/api/settings/ai-engineer', {}), 400, 'INPUT', /Nothing to change/);
    await expectRefused(
      s.send('POST', '/api/review', { item: 'ai-engineer:1.1.1', rating: 3 }),
      400,
      'INPUT',
      /not done/,
    );
  });

  it('refuses a body over 1 MB with 413, storing nothing', async () => {
    const huge = JSON.stringify({ item: 'ai-engineer:1.1.1', text: 'x'.repeat(1_100_000) });
    await expectRefused(s.send('POST', '/api/notes', undefined, huge), 413, 'TOO_LARGE', /over 1 MB/);
  });

  it('accepts a body just under the limit up to the schema (a long list of refs)', async () => {
    const items = Array.from({ length: 5_000 }, () => 'ai-engineer:no-such-item-here');
    await expectRefused(
      s.send('POST', '/api/status', { items, status: 'done' }),
      404,
      'NOT_FOUND',
      /no-such-item-here/,
    );
  });
});

describe('items', () => {
  it('answers an unknown item with 404 and the closest matches', async () => {
    const error = await expectRefused(
      s.send('POST', '/api/status', { items: ['ai-engineer:Linear Algebar'], status: 'done' }),
      404,
      'NOT_FOUND',
      /No item matches "ai-engineer:Linear Algebar"/,
    );
    expect(error.hint).toMatch(/Closest matches:[\s\S]*ai-engineer:1\.1\.1\s+Linear Algebra/);
    await expectRefused(s.get('/api/items/ai-engineer/99.99.99'), 404, 'NOT_FOUND', /99\.99\.99/);
  });

  it('answers an ambiguous item with 409 and the candidates', async () => {
    const error = await expectRefused(
      s.send('POST', '/api/status', { items: ['neural'], status: 'doing' }),
      409,
      'CONFLICT',
      /"neural" matches \d+ items/,
    );
    expect(error.hint).toMatch(/roadmap:id/);
  });

  it('stores nothing when one item of several is bad', async () => {
    await expectRefused(
      s.send('POST', '/api/status', {
        items: ['ai-engineer:1.1.1', 'ai-engineer:1.1.2', 'nope-nope-nope'],
        status: 'done',
      }),
      404,
      'NOT_FOUND',
      /nope-nope-nope/,
    );
    const tree = await s.get('/api/roadmaps/ai-engineer/tree');
    expect(tree.json.progress.done).toBe(0);
  });

  it('refuses an item that is information, not work', async () => {
    await expectRefused(
      s.send('POST', '/api/status', { items: ['ai-engineer:table-of-contents'], status: 'done' }),
      400,
      'INPUT',
      /not an item to finish/,
    );
  });

  it('answers an unknown roadmap with 404 listing the known ones', async () => {
    for (const path of [
      '/api/roadmaps/nope/tree',
      '/api/roadmaps/nope/plan',
      '/api/roadmaps/nope/burnup',
      '/api/settings/nope',
    ]) {
      const error = await expectRefused(s.get(path), 404, 'NOT_FOUND', /nope/);
      expect(error.hint ?? '', path).toMatch(/ai-engineer/);
    }
  });

  it('says there is nothing to undo', async () => {
    await expectRefused(s.send('POST', '/api/undo', {}), 400, 'INPUT', /nothing to undo/);
  });
});

describe('queries, routes and origins', () => {
  it('validates queries', async () => {
    await expectRefused(s.get('/api/activity?days=lots'), 400, 'INPUT', /days: expected a whole number/);
    await expectRefused(s.get('/api/activity?days=0'), 400, 'INPUT', /days/);
    await expectRefused(s.get('/api/journal?from=yesterday'), 400, 'INPUT', /from: expected a date/);
    await expectRefused(s.get('/api/journal?type=log,tweet'), 400, 'INPUT', /type/);
    await expectRefused(s.get('/api/today?dat=2026-11-20'), 400, 'INPUT', /Unrecognized key: "dat"/);
    await expectRefused(s.get('/api/roadmaps/ai-engineer/plan?target=2020-01-01'), 400, 'INPUT', /past/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    await expectRefused(s.get('/api/nothing-here'), 404, 'NOT_FOUND', /No API route GET \/api\/nothing-here/);
    await expectRefused(s.send('DELETE', '/api/status', {}), 404, 'NOT_FOUND', /DELETE/);
  });

  it('refuses requests for another host (DNS rebinding) and from other origins (CSRF)', async () => {
    const foreign = await s.app.request('http://evil.example:4747/api/roadmaps');
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('FORBIDDEN');
    const before = s.eventCount();
    const crossSite = await s.app.request('http://127.0.0.1:4747/api/status', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'https://evil.example' },
      body: JSON.stringify({ items: ['ai-engineer:1.1.1'], status: 'done' }),
    });
    expect(crossSite.status).toBe(403);
    expect(s.eventCount()).toBe(before);
    const sameSite = await s.app.request('http://127.0.0.1:4747/api/roadmaps', {
      headers: { Origin: 'http://127.0.0.1:4747' },
    });
    expect(sameSite.status).toBe(200);
  });

  it('keeps serving after all of it', async () => {
    const ok = await s.send('POST', '/api/status', { items: ['ai-engineer:1.1.1'], status: 'done' });
    expect(ok.status).toBe(201);
    expect((await s.get('/api/roadmaps')).status).toBe(200);
  });
});
