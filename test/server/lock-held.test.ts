/**
 * The server never freezes (issue 14, point 14): while another process holds the SQLite write lock for 5 s,
 * reads keep being answered at once and a write answers 503 with Retry-After instead of blocking the event
 * loop; once the lock is released, the write goes through. Bounds are generous (GET under 1 s while the
 * target is 100 ms, measured by `npm run bench`), so a slow machine does not make this flaky.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importRoadmapFile } from '../../src/app/import-service.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.js';
import { holdWriteLock } from '../../src/testing/hold-write-lock.js';

const LOCK_MS = 5_000;

let dir: string;
let db: string;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waymark lock held '));
  db = join(dir, 'store.db');
  const store = openSqliteStore(db);
  importRoadmapFile(
    { store, now: new Date('2026-11-20T12:00:00Z'), newId: () => crypto.randomUUID() },
    'ai-engineer',
  );
  store.close();
  server = await startServer({
    db,
    port: 0,
    env: { ...process.env, WAYMARK_TZ: 'UTC' },
    webRoot: join(dir, 'no-web'),
  });
  token = ((await (await fetch(`${server.url}api/session`)).json()) as { token: string }).token;
}, 30_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const holdLock = (ms: number) => holdWriteLock(db, ms);

const post = (body: unknown) =>
  fetch(`${server.url}api/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Waymark-Token': token },
    body: JSON.stringify(body),
  });

async function timedGet(path: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

it('answers reads while another process holds the write lock, and a write with 503 + Retry-After, then saves it', async () => {
  const { released } = await holdLock(LOCK_MS);
  const lockedAt = performance.now();
  const write = post({ items: ['ai-engineer:1.1.1'], status: 'done' }).then(async (response) => ({
    at: performance.now() - lockedAt,
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    json: (await response.json()) as { error?: { code: string; message: string } },
  }));
  // Reads of all kinds while the write waits; the journal and activity URLs are new each time (uncached),
  // so each folds the log and tries to write the derived cache, which must not wait for the lock either.
  const reads: { ms: number; status: number }[] = [];
  const once = ['api/roadmaps', 'api/roadmaps/ai-engineer/tree', 'api/items/ai-engineer/1.1.1', 'api/today'];
  for (const path of once) reads.push(await timedGet(path));
  for (let i = 1; performance.now() - lockedAt < 3_000; i++) {
    reads.push(await timedGet(`api/journal?limit=${i}`));
    reads.push(await timedGet(`api/activity?days=${i}`));
    await new Promise((r) => setTimeout(r, 50));
  }
  const written = await write;
  expect(written.status, JSON.stringify(written.json)).toBe(503);
  expect(written.json.error?.code).toBe('BUSY');
  expect(written.json.error?.message).toMatch(/busy/);
  expect(Number(written.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(written.at).toBeLessThan(LOCK_MS); // answered while the lock was still held
  expect(performance.now() - lockedAt, 'the lock was held all along').toBeLessThan(LOCK_MS);
  expect(reads.length).toBeGreaterThan(10);
  for (const read of reads) expect(read.status).toBeLessThan(500);
  expect(
    Math.max(...reads.map((read) => read.ms)),
    JSON.stringify(reads.map((r) => Math.round(r.ms))),
  ).toBeLessThan(1_000);

  await released;
  const retried = await post({ items: ['ai-engineer:1.1.1'], status: 'done' });
  expect(retried.status).toBe(201);
}, 30_000);

it('a write that starts while the lock is held goes through once it is released within the wait', async () => {
  const { released } = await holdLock(500);
  const response = await post({ items: ['ai-engineer:1.1.2'], status: 'doing' });
  expect(response.status).toBe(201);
  await released;
}, 30_000);
