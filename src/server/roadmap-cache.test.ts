import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RoadmapRecord, Store } from '../store/port.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { withRoadmapCache } from './roadmap-cache.js';

let dir: string;
let raw: Store;
let other: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-roadmap-cache-'));
  raw = openSqliteStore(join(dir, 'store.db'));
  other = openSqliteStore(join(dir, 'store.db')); // another process, in effect
});
afterEach(() => {
  raw.close();
  other.close();
  rmSync(dir, { recursive: true, force: true });
});

const record = (id: string, sha = 'a'): RoadmapRecord => ({
  id,
  title: `Roadmap ${id}`,
  sha256: sha.repeat(64),
  model: { id, nodes: [] },
  importedAt: '2026-11-20T12:00:00.000Z',
});

it('reuses parsed records until the roadmaps change, by this store or another connection', () => {
  const store = withRoadmapCache(raw);
  store.saveRoadmap(record('a'));
  const first = store.getRoadmap('a');
  expect(store.getRoadmap('a')).toBe(first);
  expect(store.listRoadmaps()[0]).toBe(first);

  other.saveRoadmap(record('b'));
  expect(store.listRoadmaps().map((r) => r.id)).toEqual(['a', 'b']);
  other.saveRoadmap(record('a', 'c'));
  expect(store.getRoadmap('a')?.sha256).toBe('c'.repeat(64));

  store.removeRoadmap('b');
  expect(store.getRoadmap('b')).toBeUndefined();
  expect(() =>
    store.transaction(() => {
      store.saveRoadmap(record('z'));
      throw new Error('rolled back');
    }),
  ).toThrow('rolled back');
  expect(store.getRoadmap('z')).toBeUndefined();
});
