/**
 * Big status changes (issue 14, point 14): item references are resolved through an index, and a request
 * names at most MAX_STATUS_ITEMS items (over it: a 400 that says the cap and how to send more). Timing is
 * measured by `npm run bench` (api), not here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importRoadmapFile } from '../../src/app/import-service.js';
import { itemsOf } from '../../src/core/progress/items.js';
import { MAX_STATUS_ITEMS } from '../../src/server/schemas.js';
import { generateRoadmap } from '../../src/testing/generate-roadmap.js';
import { type ApiSandbox, apiSandbox } from './api-harness.js';

let s: ApiSandbox;
let refs: string[];
beforeAll(() => {
  s = apiSandbox([]);
  const file = join(s.dir, 'big.md');
  // 20 phases x 10 sections x 17 items x 3 sub-items: 10,200 items (the sub-items are the leaves).
  writeFileSync(
    file,
    generateRoadmap({ phases: 20, sectionsPerPhase: 10, itemsPerSection: 17, subItemsPerItem: 3 }),
  );
  const roadmap = importRoadmapFile(s.workspace, file).roadmap;
  // Items (leaves): a parent named in a status change acts on the items beneath it instead.
  refs = itemsOf(roadmap.nodes).map((node) => `${roadmap.id}:${node.id}`);
}, 60_000);
afterAll(() => s.cleanup());

it('the cap is documented, reasonable and within the body limit', () => {
  expect(MAX_STATUS_ITEMS).toBe(5_000);
  expect(refs.length).toBeGreaterThan(MAX_STATUS_ITEMS * 2);
});

it(`marks ${MAX_STATUS_ITEMS.toLocaleString('en-US')} items in one request, as one change`, async () => {
  const before = s.eventCount();
  const items = refs.slice(0, MAX_STATUS_ITEMS);
  const response = await s.send('POST', '/api/status', { items, status: 'done' });
  expect(response.status).toBe(201);
  expect(response.json.items).toEqual(items);
  expect(new Set(response.json.events.map((e: { changeId: string }) => e.changeId)).size).toBe(1);
  expect(s.eventCount()).toBe(before + MAX_STATUS_ITEMS);
}, 60_000);

it('refuses more than the cap with a message that says how to send more, storing nothing', async () => {
  const before = s.eventCount();
  const response = await s.send('POST', '/api/status', { items: refs.slice(0, 10_000), status: 'done' });
  expect(response.status).toBe(400);
  expect(response.json.error.code).toBe('INPUT');
  expect(response.json.error.message).toMatch(/items: at most 5000 items per request \(got 10000\)/);
  expect(response.json.error.message).toMatch(/"all": true|several requests/);
  expect(s.eventCount()).toBe(before);
});

it('still names an unknown item among thousands (the index keeps the messages)', async () => {
  const items = [...refs.slice(0, 3_000), 'big-does-not-exist:9.9.9'];
  const response = await s.send('POST', '/api/status', { items, status: 'done' });
  expect(response.status).toBe(404);
  expect(response.json.error.message).toMatch(/No item matches "big-does-not-exist:9\.9\.9"/);
});
