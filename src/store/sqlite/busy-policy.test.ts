import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isStoreBusy, StoreBusyError } from '../store-busy.js';
import { openSqliteStore } from './open-sqlite-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-busy-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const event = (id: string) => ({
  id,
  roadmapId: 'r',
  nodeId: 'n',
  at: '2026-01-01T00:00:00.000Z',
  changeId: id,
  type: 'log' as const,
  minutes: 5,
});

it('a store opened not to wait fails a write at once with StoreBusyError while another connection holds the lock', () => {
  const path = join(dir, 'w.db');
  openSqliteStore(path).close();
  const store = openSqliteStore(path, { busyTimeoutMs: 0, busyRetries: 0, whileOpening: {} });
  const holder = new Database(path);
  holder.exec('BEGIN IMMEDIATE');
  try {
    const started = performance.now();
    let error: unknown;
    try {
      store.appendEvents([event('e1')]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreBusyError);
    expect(isStoreBusy(error)).toBe(true);
    expect((error as StoreBusyError).code).toBe('CONFLICT');
    // No synchronous waiting: generous bound, the old policy took seconds.
    expect(performance.now() - started).toBeLessThan(500);
    // Reads go on (WAL), and a cache write is skipped rather than waited for.
    expect(store.changeMark().seq).toBe(0);
    store.writeCache('k', '1', 'v');
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
  }
  expect(store.appendEvents([event('e2')])).toHaveLength(1);
  store.close();
});

it('isStoreBusy tells busy errors from others', () => {
  expect(isStoreBusy(new StoreBusyError('busy'))).toBe(true);
  expect(isStoreBusy(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }))).toBe(true);
  expect(isStoreBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(true);
  expect(isStoreBusy(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
  expect(isStoreBusy(new Error('busy'))).toBe(false);
  expect(isStoreBusy(undefined)).toBe(false);
});
