import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { measureAppend } from './append-throughput.js';
import { openSqliteStore } from './open-sqlite-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark-bench-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('measures both ways of appending and leaves the events stored', () => {
  const path = join(dir, 'bench.db');
  const result = measureAppend(path, 200);
  console.info(
    `append: ${result.singleMedianMs.toFixed(2)} ms median per durable change, ` +
      `${Math.round(result.singlePerSecond)} events/s one transaction each, ` +
      `${Math.round(result.batchedPerSecond)} events/s batched`,
  );
  expect(result.singlePerSecond).toBeGreaterThan(0);
  expect(result.batchedPerSecond).toBeGreaterThan(result.singlePerSecond);
  expect(result.singleMedianMs).toBeGreaterThan(0);
  measureAppend(path, 1); // a second run appends to the same store: ids never collide
  const store = openSqliteStore(path);
  expect(store.listEvents({ roadmapId: 'bench' })).toHaveLength(402);
  store.close();
});

it('refuses a count that is not a positive whole number', () => {
  expect(() => measureAppend(join(dir, 'x.db'), 0)).toThrow(RangeError);
});
