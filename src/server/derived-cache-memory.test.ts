import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { withDerivedCacheInMemory } from './derived-cache-memory.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-derived-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('keeps what was derived while another process holds the write lock, and writes it through otherwise', () => {
  const path = join(dir, 'store.db');
  const raw = openSqliteStore(path, { busyTimeoutMs: 0, busyRetries: 0 });
  const store = withDerivedCacheInMemory(raw);
  const holder = new Database(path);
  holder.exec('BEGIN IMMEDIATE');
  store.writeCache('fold:*', '7', 'state at 7');
  expect(raw.readCache('fold:*'), 'the store skipped the write').toBeUndefined();
  expect(store.readCache('fold:*')).toEqual({ stamp: '7', value: 'state at 7' });
  holder.exec('ROLLBACK');
  holder.close();
  store.writeCache('fold:*', '8', 'state at 8');
  expect(raw.readCache('fold:*')).toEqual({ stamp: '8', value: 'state at 8' });
  expect(store.readCache('fold:*')).toEqual({ stamp: '8', value: 'state at 8' });
  raw.close();
});

it('reads through to the store once, then from memory, and forgets the oldest beyond its capacity', () => {
  const raw = openSqliteStore(join(dir, 'store.db'));
  raw.writeCache('a', '1', 'A');
  const store = withDerivedCacheInMemory(raw, 2);
  expect(store.readCache('a')).toEqual({ stamp: '1', value: 'A' });
  raw.writeCache('a', '2', 'A2'); // another process's newer entry: ours is older, a miss for the caller
  expect(store.readCache('a')).toEqual({ stamp: '1', value: 'A' });
  store.writeCache('b', '1', 'B');
  store.writeCache('c', '1', 'C'); // evicts a
  expect(store.readCache('a')).toEqual({ stamp: '2', value: 'A2' });
  expect(store.readCache('missing')).toBeUndefined();
  raw.close();
});
