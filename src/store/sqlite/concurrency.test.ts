/** Several processes writing the same database at once: nothing lost, nobody fails, locks are waited for. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaymarkError } from '../../core/errors.js';
import type { NewEvent } from '../../core/progress/events.js';
import { openSqliteStore } from './open-sqlite-store.js';
import { type FixtureProcess, spawnFixture } from './test-fixtures/spawn-fixture.js';

let dir: string;
let path: string;
const children: FixtureProcess[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark-concurrency-'));
  path = join(dir, 'waymark.db');
  openSqliteStore(path).close(); // the schema, from the real migrations
});
afterEach(async () => {
  for (const child of children.splice(0)) child.child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const event = (id: string): NewEvent => ({
  id,
  roadmapId: 'r',
  nodeId: 'n',
  at: new Date().toISOString(),
  changeId: id,
  type: 'status',
  status: 'doing',
});

describe('concurrent writers', () => {
  it('4 processes x 300 transactions, plus this process through the store: all there', async () => {
    const startAt = Date.now() + 500; // after every child has loaded better-sqlite3
    const writers = ['c1', 'c2', 'c3', 'c4'].map((name) =>
      spawnFixture('./append-events.mjs', [path, name, '300', '1', String(startAt)]),
    );
    children.push(...writers);
    const store = openSqliteStore(path);
    const closed = Promise.all(writers.map((w) => w.closed));
    let mine = 0;
    let done = false;
    void closed.then(() => {
      done = true;
    });
    while (!done || mine < 100) {
      store.appendEvents([event(`p-${mine++}`)]);
      await yieldToEvents(); // let the children's output in
    }
    const results = await closed;
    writers.forEach((w, i) => {
      expect(results[i], w.stderr()).toEqual({ code: 0, signal: null });
      expect(w.stderr()).toBe('');
      expect(w.lines).toHaveLength(300);
    });

    const ids = store.listEvents().map((e) => e.id);
    store.close();
    expect(ids).toHaveLength(1200 + mine);
    expect(new Set(ids).size).toBe(ids.length);
    for (const name of ['c1', 'c2', 'c3', 'c4']) {
      const own = ids.filter((id) => id.startsWith(`${name}-`));
      expect(own).toEqual(Array.from({ length: 300 }, (_, i) => `${name}-${i}-0`)); // in their own order
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('waits for a lock held by another process, retrying past the busy timeout', async () => {
    const holder = spawnFixture('./hold-write-lock.mjs', [path, '400']);
    children.push(holder);
    expect(await holder.firstLine).toBe('locked');
    const store = openSqliteStore(path, { busyTimeoutMs: 100, busyRetries: 4 });
    const start = performance.now();
    store.appendEvents([event('after-lock')]); // 100 ms per attempt: only the retries make it
    const waited = performance.now() - start;
    expect(store.listEvents().map((e) => e.id)).toEqual(['after-lock']);
    store.close();
    expect(waited).toBeGreaterThan(150);
    expect((await holder.closed).code).toBe(0);
  });

  it('gives up with a clear CONFLICT when the lock is never released', async () => {
    const holder = spawnFixture('./hold-write-lock.mjs', [path, '60000']);
    children.push(holder);
    expect(await holder.firstLine).toBe('locked');
    const store = openSqliteStore(path, { busyTimeoutMs: 50, busyRetries: 2 });
    let error: unknown;
    try {
      store.appendEvents([event('never')]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WaymarkError);
    expect((error as WaymarkError).code).toBe('CONFLICT');
    expect((error as WaymarkError).message).toBe(
      `The database ${path} is busy: another Waymark process kept it locked. Try again in a moment.`,
    );
    holder.child.kill('SIGKILL');
    await holder.closed;
    expect(store.listEvents()).toEqual([]);
    store.close();
  });
});
