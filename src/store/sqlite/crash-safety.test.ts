/**
 * A writer process killed with SIGKILL at random moments must never lose an acknowledged change nor leave
 * half a change, and the file must stay intact. (SIGKILL tests process crashes: the OS still flushes its
 * cache. Surviving power loss rests on synchronous=FULL, which no test here can cut the power on.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteStore } from './open-sqlite-store.js';
import { type FixtureProcess, spawnFixture } from './test-fixtures/spawn-fixture.js';

const ROUNDS = 15;
const SEED = 0x5eed;

/** mulberry32: a tiny seeded PRNG, so a failing round can be replayed. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let dir: string;
let writer: FixtureProcess | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark-crash-'));
});
afterEach(async () => {
  writer?.child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** The events per change in the database; every change id ends with its size. */
function changesIn(path: string): Map<string, number> {
  const store = openSqliteStore(path); // opening also recovers the WAL left by the killed writer
  const counts = new Map<string, number>();
  for (const e of store.listEvents()) counts.set(e.changeId, (counts.get(e.changeId) ?? 0) + 1);
  store.close();
  return counts;
}

it(`keeps every acknowledged change, whole, across ${ROUNDS} random SIGKILLs`, async () => {
  const path = join(dir, 'waymark.db');
  openSqliteStore(path).close(); // the schema, from the real migrations
  const random = seeded(SEED);
  const acknowledged: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    writer = spawnFixture('./append-events.mjs', [path, `w${round}`, '0', '5', '0']);
    const first = await writer.firstLine;
    expect(first, `writer ${round} failed: ${writer.stderr()}`).toBeDefined();
    await delay(Math.floor(random() * 150));
    writer.child.kill('SIGKILL');
    expect((await writer.closed).signal).toBe('SIGKILL');
    acknowledged.push(...writer.lines);

    const changes = changesIn(path);
    for (const id of acknowledged) expect(changes.has(id), `acknowledged change ${id} lost`).toBe(true);
    for (const [id, count] of changes)
      expect(count, `change ${id} is partial`).toBe(Number(id.split('-').at(-1)));
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }
  const stored = changesIn(path).size;
  console.info(
    `crash safety: ${acknowledged.length} acknowledged changes kept; ${stored} changes stored in all`,
  );
  expect(acknowledged.length).toBeGreaterThan(ROUNDS);
});
