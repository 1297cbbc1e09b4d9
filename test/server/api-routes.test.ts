import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { type ApiSandbox, apiSandbox, type Json } from './api-harness.js';

/** Every route of the API over a real SQLite file with the bundled ai-engineer roadmap, clock frozen. */
let s: ApiSandbox;
/** Items finished by marking 1.1.1 done (it may hold sub-items). */
let finished = 0;
beforeAll(() => {
  s = apiSandbox(['ai-engineer', 'dev-to-ai-engineer']);
});
afterAll(() => s.cleanup());

const findNode = (nodes: Json[], id: string): Json => {
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = findNode(node.children, id);
    if (below) return below;
  }
  return undefined;
};

describe('reads and writes', () => {
  it('lists the roadmaps with progress per phase and the target date', async () => {
    const { status, json } = await s.get('/api/roadmaps');
    expect(status).toBe(200);
    expect(json.map((r: Json) => r.id)).toEqual(['ai-engineer', 'dev-to-ai-engineer']);
    const ai = json[0];
    expect(ai.progress).toMatchObject({ done: 0, ratio: 0, effortRatio: 0 });
    expect(ai.progress.total).toBeGreaterThan(400);
    expect(ai.phases.length).toBeGreaterThanOrEqual(10);
    expect(ai.phases[0]).toMatchObject({ id: '1', done: 0, ratio: 0 });
    expect(ai.nodes).toBeUndefined();
  });

  it('marks an item done through the API and reads the tree back with it done', async () => {
    const before = s.eventCount();
    const marked = await s.send('POST', '/api/status', { items: ['ai-engineer:1.1.1'], status: 'done' });
    expect(marked.status).toBe(201);
    // 1.1.1 is a parent: its status is derived, so marking it records one event per item beneath it.
    expect(marked.json.items.length).toBeGreaterThan(1);
    expect(marked.json.items.every((ref: string) => ref.startsWith('ai-engineer:1.1.1.'))).toBe(true);
    expect(marked.json.named).toEqual([
      { item: 'ai-engineer:1.1.1', changed: marked.json.items.length, unchanged: 0 },
    ]);
    expect(marked.json.events).toHaveLength(marked.json.items.length);
    expect(s.eventCount()).toBe(before + marked.json.items.length);

    const tree = await s.get('/api/roadmaps/ai-engineer/tree');
    expect(tree.status).toBe(200);
    const node = findNode(tree.json.nodes, '1.1.1');
    expect(node).toMatchObject({ status: 'done', checkbox: expect.any(Boolean) });
    expect(node.total).toBeGreaterThanOrEqual(1);
    expect(node.done).toBe(node.total);
    expect(node.line).toBeGreaterThan(0);
    expect(tree.json.progress.done).toBe(node.total);
    finished = node.total;
    expect(findNode(tree.json.nodes, '1').status).toBe('doing');

    const list = await s.get('/api/roadmaps');
    expect(list.json[0].progress.done).toBe(finished);
    expect(list.json[0].phases[0].done).toBe(finished);
  });

  it('answers a revalidation with 304 until the store changes', async () => {
    const first = await s.app.request('/api/roadmaps/ai-engineer/tree');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await s.app.request('/api/roadmaps/ai-engineer/tree', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    await s.send('POST', '/api/notes', { item: 'ai-engineer:1.2', text: 'changes the store' });
    const changed = await s.app.request('/api/roadmaps/ai-engineer/tree', {
      headers: { 'If-None-Match': etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('sends a gzipped tree to a client that accepts it', async () => {
    const plain = await s.app.request('/api/roadmaps/ai-engineer/tree');
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const zipped = await s.app.request('/api/roadmaps/ai-engineer/tree', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(plainBytes / 4);
    expect(JSON.parse(gunzipSync(bytes).toString()).id).toBe('ai-engineer');
  });

  it('marks a whole section with `all` as one change, and undo reverts all of it', async () => {
    const marked = await s.send('POST', '/api/status', {
      items: ['ai-engineer:1.2'],
      status: 'done',
      all: true,
    });
    expect(marked.status).toBe(201);
    expect(marked.json.items.length).toBeGreaterThan(1);
    const tree = (await s.get('/api/roadmaps/ai-engineer/tree')).json;
    expect(findNode(tree.nodes, '1.2').status).toBe('done');
    const undone = await s.send('POST', '/api/undo', {});
    expect(undone.status).toBe(201);
    expect(undone.json.undone).toHaveLength(marked.json.items.length);
    const after = (await s.get('/api/roadmaps/ai-engineer/tree')).json;
    expect(findNode(after.nodes, '1.2').status).toBe('todo');
    expect(findNode(after.nodes, '1.1.1').status).toBe('done');
  });

  it('accepts an undo with an empty body (still declared JSON, with the token)', async () => {
    await s.send('POST', '/api/status', { items: ['ai-engineer:1.1.2'], status: 'doing' });
    const response = await s.app.request('/api/undo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Waymark-Token': s.sessionToken },
    });
    expect(response.status).toBe(201);
  });

  it('undoes a named change only while it is still the last one (the Undo of a toast never reverts another)', async () => {
    const first = await s.send('POST', '/api/status', { items: ['ai-engineer:1.1.2'], status: 'done' });
    const firstChange = first.json.events[0].changeId as string;
    const second = await s.send('POST', '/api/log', { duration: '10m', item: 'ai-engineer:1.1.2' });
    const before = s.eventCount();
    const refused = await s.send('POST', '/api/undo', { change: firstChange });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/no longer the last/);
    expect(s.eventCount()).toBe(before);
    const undone = await s.send('POST', '/api/undo', { change: second.json.changeId });
    expect(undone.status).toBe(201);
    expect(undone.json.undone.map((e: Json) => e.type)).toEqual(['log']);
    expect((await s.send('POST', '/api/undo', { change: firstChange })).status).toBe(201);
  });

  it('logs time, adds a note and evidence, and shows them on the item and in the journal', async () => {
    const log = await s.send('POST', '/api/log', {
      duration: '1h30',
      item: 'ai-engineer:1.1.1',
      note: 'matrices',
    });
    expect(log.status).toBe(201);
    expect(log.json).toMatchObject({ type: 'log', minutes: 90, nodeId: '1.1.1', note: 'matrices' });
    const loose = await s.send('POST', '/api/log', {
      duration: '20m',
      at: '2026-11-19',
      roadmap: 'ai-engineer',
    });
    expect(loose.json).toMatchObject({ minutes: 20, nodeId: null });
    const note = await s.send('POST', '/api/notes', {
      item: 'ai-engineer:1.1.1',
      text: 'Eigenvectors finally click',
    });
    expect(note.json).toMatchObject({ type: 'note', text: 'Eigenvectors finally click' });
    const evidence = await s.send('POST', '/api/evidence', {
      item: 'ai-engineer:10.1.1',
      ref: 'https://github.com/me/house-prices',
      kind: 'project',
    });
    expect(evidence.status).toBe(201);
    expect(evidence.json).toMatchObject({ kind: 'project', ref: 'https://github.com/me/house-prices' });

    const item = await s.get('/api/items/ai-engineer/1.1.1');
    expect(item.status).toBe(200);
    expect(item.json.node).toMatchObject({ id: '1.1.1', title: expect.any(String) });
    expect(item.json.node.source.line).toBeGreaterThan(0);
    expect(item.json.path.map((p: Json) => p.id)).toEqual(['1', '1.1']);
    expect(item.json.progress).toMatchObject({ status: 'done', minutes: 90 });
    expect(item.json.progress.notes[0].text).toBe('Eigenvectors finally click');
    expect(item.json.sessions).toHaveLength(1);
    // A parent's history is its own events: its status is derived from the items beneath it.
    expect(item.json.history.map((e: Json) => e.type)).toEqual(['log', 'note']);

    const journal = await s.get('/api/journal');
    expect(journal.status).toBe(200);
    const types = journal.json.entries.map((e: Json) => e.type);
    expect(types).toContain('evidence');
    expect(journal.json.entries.at(-1).at <= journal.json.entries[0].at).toBe(true);
    const onItem = await s.get('/api/journal?item=ai-engineer:1.1&type=log,note');
    expect(onItem.json.entries.map((e: Json) => e.type).sort()).toEqual(['log', 'note']);
    const yesterday = await s.get('/api/journal?from=2026-11-19&to=2026-11-19');
    expect(yesterday.json.entries).toEqual([
      expect.objectContaining({ type: 'log', minutes: 20, nodeId: null }),
    ]);
  });

  it('lists certificates and projects with their evidence', async () => {
    const { status, json } = await s.get('/api/showcase');
    expect(status).toBe(200);
    const house = json.items.find((item: Json) => item.nodeId === '10.1.1');
    expect(house).toMatchObject({ kind: 'project', roadmapId: 'ai-engineer' });
    expect(house.evidence).toEqual([
      { kind: 'project', ref: 'https://github.com/me/house-prices', at: expect.any(String) },
    ]);
    expect(json.items.every((item: Json) => item.kind === 'certificate' || item.kind === 'project')).toBe(
      true,
    );
    expect(json.items.some((item: Json) => item.roadmapId === 'dev-to-ai-engineer')).toBe(true);
  });

  it('reports activity: minutes per day, the streak and the week against capacity', async () => {
    const { status, json } = await s.get('/api/activity?days=30');
    expect(status).toBe(200);
    expect(json.days).toHaveLength(30);
    expect(json.days.at(-1)).toEqual({ date: '2026-11-20', minutes: 90 });
    expect(json.days.at(-2)).toEqual({ date: '2026-11-19', minutes: 20 });
    expect(json.streak).toMatchObject({ current: 2, longest: 2, studiedToday: true });
    expect(json.week).toMatchObject({ start: '2026-11-16', minutes: 110 });
    expect(json.week.capacityMinutes).toBeGreaterThan(0);
    const one = await s.get('/api/activity?roadmap=dev-to-ai-engineer&days=7');
    expect(one.json.days.every((day: Json) => day.minutes === 0)).toBe(true);
  });

  it('plans, forecasts, burns up and gives the agenda of today', async () => {
    const plan = await s.get('/api/roadmaps/ai-engineer/plan');
    expect(plan.status).toBe(200);
    expect(plan.json).toMatchObject({ roadmapId: 'ai-engineer', today: '2026-11-20' });
    expect(plan.json.finish.min <= plan.json.finish.max).toBe(true);
    expect(plan.json.forecast).toMatchObject({ trials: 10_000, basis: { speedFactor: expect.any(Number) } });
    const target = await s.get('/api/roadmaps/ai-engineer/plan?target=2027-06-30');
    expect(target.json).toMatchObject({ target: '2027-06-30', onTrack: expect.any(Boolean) });

    const burnup = await s.get('/api/roadmaps/ai-engineer/burnup');
    expect(burnup.status).toBe(200);
    expect(burnup.json.points.at(-1)).toMatchObject({ date: '2026-11-20', done: finished });
    expect(burnup.json.points[0].date).toBe('2026-11-19');
    expect(burnup.json.points[0].done).toBe(0);
    // The plan counts finished items at the end of each day: items planned for today count today.
    expect(burnup.json.plan[0].date).toBe('2026-11-20');
    expect(burnup.json.plan[0].done).toBeGreaterThanOrEqual(finished);
    // Everything but the electives left out of the plan.
    expect(burnup.json.plan.at(-1).done).toBeGreaterThan(burnup.json.points.at(-1).total * 0.9);
    expect(burnup.json.plan.at(-1).done).toBeLessThanOrEqual(burnup.json.points.at(-1).total);
    expect(burnup.json.plan.at(-1).date).toBe(plan.json.finish.max);

    const today = await s.get('/api/today');
    expect(today.status).toBe(200);
    expect(today.json.date).toBe('2026-11-20');
    expect(today.json.planned.length + today.json.inProgress.length).toBeGreaterThan(0);
    const other = await s.get('/api/today?date=2026-11-23&roadmap=ai-engineer');
    expect(other.json.date).toBe('2026-11-23');
    expect(other.json.roadmaps.map((r: Json) => r.roadmapId)).toEqual(['ai-engineer']);
  });

  it('reads and changes the settings as one change', async () => {
    const before = await s.get('/api/settings/dev-to-ai-engineer');
    expect(before.status).toBe(200);
    expect(before.json.capacity.hoursByWeekday).toHaveLength(7);
    const group = before.json.electiveGroups[0];
    expect(group).toBeDefined();
    const changed = await s.send('PUT', '/api/settings/dev-to-ai-engineer', {
      capacity: { weekdays: '2h', weekend: 5 },
      targetDate: '2027-12-31',
      choices: { [group.id]: [group.options[0].id] },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.events).toHaveLength(3);
    expect(new Set(changed.json.events.map((e: Json) => e.changeId)).size).toBe(1);
    expect(changed.json.settings).toMatchObject({
      targetDate: '2027-12-31',
      choices: { [group.id]: [group.options[0].id] },
      // A roadmap's hours are its own slice: the total (global) capacity is neither converted nor copied.
      allotment: { kind: 'fixed', own: { hoursByWeekday: [5, 2, 2, 2, 2, 2, 5], weeklyHours: 20 } },
      capacity: { hoursByWeekday: before.json.capacity.hoursByWeekday, source: before.json.capacity.source },
    });
    const global = await s.get('/api/settings');
    expect(global.json.capacity).toMatchObject({ hoursByWeekday: before.json.capacity.hoursByWeekday });
    const total = await s.send('PUT', '/api/settings', { capacity: { weekdays: '3h', weekend: '6h' } });
    expect(total.status).toBe(200);
    expect(total.json.settings.capacity).toMatchObject({ source: 'global', weeklyHours: 27 });
    const shared = await s.send('PUT', '/api/settings/ai-engineer', { share: '150%' });
    expect(shared.status).toBe(400);
    expect(shared.json.error.message).toMatch(/more than all of your time/);
    const after = await s.get('/api/settings/dev-to-ai-engineer');
    expect(after.json.targetDate).toBe('2027-12-31');
    const list = await s.get('/api/roadmaps');
    expect(list.json[1].targetDate).toBe('2027-12-31');
    // Dropping your own target gives the roadmap's own date back (this roadmap has none) in one change.
    const reset = await s.send('PUT', '/api/settings/dev-to-ai-engineer', { resetTarget: true });
    expect(reset.status).toBe(200);
    expect(reset.json.settings).toMatchObject({
      targetDate: null,
      targetSource: null,
      roadmapTargetDate: null,
    });
    const both = await s.send('PUT', '/api/settings/dev-to-ai-engineer', {
      resetTarget: true,
      targetDate: '2027-12-31',
    });
    expect(both.status).toBe(400);
    expect(both.json.error.message).toMatch(/not two of them/);
  });

  it('serves spaced review: due cards, stats, and a rating', async () => {
    // A finished topic becomes a review card.
    await s.send('POST', '/api/status', { items: ['ai-engineer:1.1.1.1'], status: 'done' });
    const due = await s.get('/api/review/due');
    expect(due.status).toBe(200);
    expect(due.json).toMatchObject({ date: '2026-11-20' });
    const stats = await s.get('/api/review/stats');
    expect(stats.status).toBe(200);
    expect(stats.json.totalCards).toBeGreaterThanOrEqual(1);
    const rated = await s.send('POST', '/api/review', { item: 'ai-engineer:1.1.1.1', rating: 3 });
    expect(rated.status, JSON.stringify(rated.json)).toBe(201);
    expect(rated.json).toMatchObject({ ref: 'ai-engineer:1.1.1.1', rating: 3, event: { type: 'review' } });
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, lists every route, and its body schemas are valid JSON Schema that accept the examples', async () => {
    const { status, json } = await s.get('/api/openapi.json');
    expect(status).toBe(200);
    expect(json.openapi).toBe('3.1.0');
    for (const [path, method] of [
      ['/api/roadmaps', 'get'],
      ['/api/roadmaps/{id}/tree', 'get'],
      ['/api/items/{roadmapId}/{nodeId}', 'get'],
      ['/api/roadmaps/{id}/plan', 'get'],
      ['/api/today', 'get'],
      ['/api/roadmaps/{id}/burnup', 'get'],
      ['/api/activity', 'get'],
      ['/api/journal', 'get'],
      ['/api/showcase', 'get'],
      ['/api/settings/{roadmapId}', 'get'],
      ['/api/settings/{roadmapId}', 'put'],
      ['/api/review/due', 'get'],
      ['/api/review/stats', 'get'],
      ['/api/events/stream', 'get'],
      ['/api/status', 'post'],
      ['/api/log', 'post'],
      ['/api/notes', 'post'],
      ['/api/evidence', 'post'],
      ['/api/undo', 'post'],
      ['/api/corrections', 'post'],
      ['/api/review', 'post'],
      ['/api/review/session', 'post'],
      ['/api/overview', 'get'],
      ['/api/bundled-roadmaps', 'get'],
      ['/api/import', 'post'],
    ] as const) {
      expect(json.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const ajv = new Ajv2020.default({ strict: false });
    const statusSchema = json.paths['/api/status'].post.requestBody.content['application/json'].schema;
    const validate = ajv.compile(statusSchema);
    expect(validate({ items: ['ai-engineer:1.1.1'], status: 'done' })).toBe(true);
    expect(validate({ items: ['x'], status: 'finished' })).toBe(false);
    expect(json.paths['/api/journal'].get.parameters.map((p: Json) => p.name)).toEqual(
      expect.arrayContaining(['item', 'from', 'to', 'limit', 'offset', 'before']),
    );
  });
});

describe('the dashboard files', () => {
  it('says how to build the dashboard when it is not built', async () => {
    const response = await s.app.request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('npm run build');
  });

  it('serves the built files and falls back to index.html for the dashboard routes, never for /api', async () => {
    const web = mkdtempSync(join(tmpdir(), 'waymark-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>dash</title><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'app-abc123.js'), 'console.log(1)');
    const store = openSqliteStore(join(web, 'store.db'));
    const { app, close } = createApp({ store, env: { WAYMARK_TZ: 'UTC' }, webRoot: web });
    try {
      const index = await app.request('/');
      expect(await index.text()).toContain('<title>dash</title>');
      expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
      const asset = await app.request('/assets/app-abc123.js');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const deep = await app.request('/roadmap/ai-engineer');
      expect(await deep.text()).toContain('<title>dash</title>');
      const api = await app.request('/api/nope');
      expect(api.status).toBe(404);
      expect((await api.json()).error.code).toBe('NOT_FOUND');
    } finally {
      close();
      store.close();
      rmSync(web, { recursive: true, force: true });
    }
  });
});
