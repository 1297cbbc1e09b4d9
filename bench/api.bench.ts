/**
 * API throughput (autocannon against 127.0.0.1): reading the ai-engineer tree with 20,000 events in the store
 * and posting a status change, against a bare hono route served the same way in the same run. The servers run
 * in a child process so the load generator does not share their thread. WAYMARK_BENCH_API_SECONDS (default 10)
 * sets each run's duration. Then: a 1,000-item status POST (items resolved through the index), and the
 * latency of reads while another process holds the store's write lock and a POST waits for it.
 * Run alone: `node dist/bench/run.js api` after a build.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { importRoadmapFile } from '../src/app/import-service.js';
import { walkNodes } from '../src/core/model/roadmap.js';
import type { NewEvent } from '../src/core/progress/events.js';
import { MAX_STATUS_ITEMS } from '../src/server/schemas.js';
import { startServer } from '../src/server/start-server.js';
import { openDatabase, openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import { generateRoadmap } from '../src/testing/generate-roadmap.js';
import { holdWriteLock } from '../src/testing/hold-write-lock.js';
import type { BenchRow, BenchSuite } from './run.js';

const EVENTS = 20_000;
const CONNECTIONS = 10;
const READ_TARGET = 0.5;
const BULK_ITEMS = 1_000;
const BULK_TARGET_MS = 50;
const LOCK_HELD_MS = 5_000;
const LOCKED_READ_TARGET_MS = 100;

interface Ports {
  bare: number;
  api: number;
}

/**
 * Fills a store: ai-engineer and 20,000 events (status changes, logs, notes) over a year, plus a generated
 * roadmap of 10,400 items for the bulk POST. Returns references to the generated roadmap's items.
 */
function seedStore(db: string, dir: string): string[] {
  const store = openSqliteStore(db);
  try {
    const workspace = { store, now: new Date('2026-11-20T12:00:00Z'), newId: () => crypto.randomUUID() };
    const bigFile = join(dir, 'big.md');
    writeFileSync(
      bigFile,
      generateRoadmap({ phases: 20, sectionsPerPhase: 10, itemsPerSection: 13, subItemsPerItem: 3 }),
    );
    const big = importRoadmapFile(workspace, bigFile).roadmap;
    const bigRefs = [...walkNodes(big.nodes)]
      .map(({ node }) => node)
      .filter((node) => node.trackable)
      .map((node) => `${big.id}:${node.id}`);
    const roadmap = importRoadmapFile(workspace, 'ai-engineer').roadmap;
    const items = [...walkNodes(roadmap.nodes)].map(({ node }) => node).filter((node) => node.trackable);
    const start = Date.parse('2025-11-20T08:00:00Z');
    const batch: NewEvent[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const node = items[(i * 7) % items.length];
      const base = {
        id: `bench-${i}`,
        changeId: `bench-${i}`,
        roadmapId: roadmap.id,
        at: new Date(start + i * 1_500_000).toISOString(),
      };
      const kind = i % 4;
      if (kind === 0) batch.push({ ...base, type: 'log', nodeId: node?.id ?? null, minutes: 25 + (i % 60) });
      else if (kind === 1)
        batch.push({ ...base, type: 'note', nodeId: node?.id as string, text: `note ${i}` });
      else
        batch.push({
          ...base,
          type: 'status',
          nodeId: node?.id as string,
          status: i % 3 === 0 ? 'done' : 'doing',
        });
    }
    for (let i = 0; i < batch.length; i += 5_000) store.appendEvents(batch.slice(i, i + 5_000));
    return bigRefs;
  } finally {
    store.close();
  }
}

/** The child: the bare hono route and the Waymark server, both on 127.0.0.1, in one process. */
async function serveChild(db: string): Promise<void> {
  const bareApp = new Hono();
  bareApp.get('/bare', (c) => c.json({ ok: true }));
  const bare = createAdaptorServer({ fetch: bareApp.fetch }) as Server;
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const api = await startServer({ db, port: 0, env: { ...process.env, WAYMARK_TZ: 'UTC' } });
  const ports: Ports = { bare: (bare.address() as { port: number }).port, api: api.port };
  process.send?.(ports);
  process.on('message', async (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
      return;
    }
    bare.close();
    await api.close();
    process.exit(0);
  });
}

function startChild(db: string): Promise<{ child: ChildProcess; ports: Ports }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--api-bench-server', db], { stdio: 'inherit' });
    child.once('message', (ports) => resolve({ child, ports: ports as Ports }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
  });
}

/** Warms the route up first (JIT, caches), then measures. */
interface Load {
  result: autocannon.Result;
  /** The servers' CPU time per request: what the server spends, whatever the load generator can take. */
  cpuMicrosPerRequest: number;
}

function serverCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve((message as { cpuMicros: number }).cpuMicros));
    child.send('cpu');
  });
}

/** Warms the route up first (JIT, caches), then measures. */
async function load(child: ChildProcess, options: autocannon.Options): Promise<Load> {
  const warmup = Math.max(1, Math.round(Number(options.duration) / 5));
  await autocannon({ connections: CONNECTIONS, ...options, duration: warmup });
  const before = await serverCpu(child);
  const result = await autocannon({ connections: CONNECTIONS, ...options });
  const after = await serverCpu(child);
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${options.url}: ${result.errors} errors, ${result.non2xx} non-2xx responses`);
  }
  return { result, cpuMicrosPerRequest: (after - before) / Math.max(1, result.requests.total) };
}

export const apiBench: BenchSuite = {
  name: 'api',
  description: `HTTP API throughput (autocannon, ${CONNECTIONS} connections, 127.0.0.1) vs a bare hono route`,
  async run(): Promise<BenchRow[]> {
    const seconds = Number(process.env.WAYMARK_BENCH_API_SECONDS ?? 10);
    const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-api-'));
    const db = join(dir, 'store.db');
    const bigRefs = seedStore(db, dir);
    const { child, ports } = await startChild(db);
    try {
      const api = `http://127.0.0.1:${ports.api}`;
      const token = ((await (await fetch(`${api}/api/session`)).json()) as { token: string }).token;
      const writeHeaders = { 'content-type': 'application/json', 'x-waymark-token': token };
      const firstRead = await timedFetch(`${api}/api/roadmaps/ai-engineer/tree`);
      const treeUrl = `${api}/api/roadmaps/ai-engineer/tree`;
      const bare = await load(child, { url: `http://127.0.0.1:${ports.bare}/bare`, duration: seconds });
      const tree = await load(child, { url: treeUrl, duration: seconds });
      // As a browser asks: gzip (15 KB instead of 130 KB on the wire).
      const treeGzip = await load(child, {
        url: treeUrl,
        headers: { 'accept-encoding': 'gzip' },
        duration: seconds,
      });
      const post = await load(child, {
        url: `${api}/api/status`,
        method: 'POST',
        headers: writeHeaders,
        body: JSON.stringify({ items: ['ai-engineer:1.1.1'], status: 'done' }),
        duration: seconds,
      });
      const afterChange = await timedFetch(treeUrl);
      const bulk = await bulkPosts(child, api, writeHeaders, bigRefs);
      const floor = insertFloor(join(dir, 'floor.db'));
      const locked = await whileLocked(api, db, writeHeaders);
      const row = (
        name: string,
        { result, cpuMicrosPerRequest }: Load,
        checks?: BenchRow['checks'],
      ): BenchRow => ({
        name,
        cells: {
          'req/s': Math.round(result.requests.average),
          'vs bare': `${(result.requests.average / bare.result.requests.average).toFixed(2)}x`,
          'p50 ms': result.latency.p50,
          'p99 ms': result.latency.p99,
          'KB/resp': Math.round(result.throughput.average / Math.max(1, result.requests.average) / 1024),
          'server CPU µs/req': Math.round(cpuMicrosPerRequest),
        },
        ...(checks ? { checks } : {}),
      });
      const readRatio = tree.result.requests.average / bare.result.requests.average;
      return [
        row('GET /bare (hono baseline)', bare),
        row(`GET tree ai-engineer, ${EVENTS.toLocaleString('en-US')} events`, tree, [
          {
            target: `reads >= ${READ_TARGET}x bare`,
            pass: readRatio >= READ_TARGET,
            actual: `${readRatio.toFixed(2)}x`,
          },
        ]),
        row('GET tree, Accept-Encoding: gzip', treeGzip),
        row('POST /api/status (one event, fsync)', post),
        {
          name: 'one tree read, cold / after the POST run (ms)',
          cells: { 'req/s': `${firstRead.toFixed(0)} / ${afterChange.toFixed(0)}` },
        },
        {
          name: `POST /api/status, ${BULK_ITEMS.toLocaleString('en-US')} items (ms, median / max of ${bulk.runs})`,
          cells: {
            'req/s': `${bulk.median.toFixed(1)} / ${bulk.max.toFixed(1)}`,
            'server CPU µs/req': Math.round(bulk.cpuMs * 1000),
          },
          checks: [
            {
              target: `median < ${BULK_TARGET_MS} ms`,
              pass: bulk.median < BULK_TARGET_MS,
              actual: `${bulk.median.toFixed(1)} ms`,
            },
          ],
        },
        {
          name: `  floor: ${BULK_ITEMS.toLocaleString('en-US')} event rows inserted by better-sqlite3 in one transaction, same schema and store size (ms, median)`,
          cells: { 'req/s': `${floor.toFixed(1)} (POST = ${(bulk.median / floor).toFixed(1)}x)` },
        },
        {
          name: `POST /api/status, ${MAX_STATUS_ITEMS.toLocaleString('en-US')} items (the cap) / 10,000 (refused) (ms)`,
          cells: { 'req/s': `${bulk.cap.toFixed(0)} / ${bulk.overCap.toFixed(0)}` },
        },
        {
          name: `GET (view cache hit) while another process holds the write lock ${LOCK_HELD_MS / 1000} s / no lock (ms, p50 / max)`,
          cells: {
            'req/s': `${ms(locked.locked.cached)} | ${ms(locked.free.cached)}`,
          },
          checks: [
            {
              target: `max < ${LOCKED_READ_TARGET_MS} ms while locked`,
              pass: locked.locked.cached.max < LOCKED_READ_TARGET_MS,
              actual: `${locked.locked.cached.max.toFixed(1)} ms`,
            },
          ],
        },
        {
          name: `GET journal/activity (computed) while locked / no lock (ms, p50 / max, ${locked.locked.rounds} rounds)`,
          cells: { 'req/s': `${ms(locked.locked.computed)} | ${ms(locked.free.computed)}` },
        },
        {
          name: 'POST during the lock: status, answered after (ms)',
          cells: {
            'req/s': `${locked.writeStatus} Retry-After ${locked.retryAfter} / ${locked.writeMs.toFixed(0)}`,
          },
          checks: [
            {
              target: '503 + Retry-After before the lock is released',
              pass: locked.writeStatus === 503 && locked.retryAfter !== null && locked.writeMs < LOCK_HELD_MS,
              actual: `${locked.writeStatus} after ${locked.writeMs.toFixed(0)} ms`,
            },
          ],
        },
      ];
    } finally {
      child.removeAllListeners('exit');
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** A 1,000-item status change, alternated so each one records events; then the cap and one over it. */
async function bulkPosts(child: ChildProcess, api: string, headers: Record<string, string>, refs: string[]) {
  const times: number[] = [];
  const post = async (items: string[], status: string) => {
    const started = performance.now();
    const response = await fetch(`${api}/api/status`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ items, status }),
    });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  };
  const items = refs.slice(0, BULK_ITEMS);
  for (let i = 0; i < 3; i++) await post(items, i % 2 ? 'done' : 'doing'); // warm-up
  const cpuBefore = await serverCpu(child);
  for (let i = 0; i < 15; i++) {
    const { ms, status } = await post(items, i % 2 ? 'done' : 'doing');
    if (status !== 201) throw new Error(`bulk POST answered ${status}`);
    times.push(ms);
  }
  const cpuMs = (await serverCpu(child)) - cpuBefore;
  const cap = await post(refs.slice(0, MAX_STATUS_ITEMS), 'done');
  const overCap = await post(refs.slice(0, 10_000), 'done');
  if (cap.status !== 201 || overCap.status !== 400)
    throw new Error(`cap POSTs answered ${cap.status} / ${overCap.status}`);
  times.sort((a, b) => a - b);
  return {
    runs: times.length,
    median: times[Math.floor(times.length / 2)] as number,
    max: times.at(-1) as number,
    cpuMs: cpuMs / 1000 / times.length,
    cap: cap.ms,
    overCap: overCap.ms,
  };
}

/**
 * What storing 1,000 status events costs SQLite itself (WAL, synchronous=FULL, the store's indexes), in a
 * store as big as the bench's after the bulk POSTs: the floor under the bulk POST, like the bare hono route
 * under the reads. Measured in this process, with nothing else of Waymark in the way.
 */
function insertFloor(path: string): number {
  openSqliteStore(path).close(); // the real schema and pragmas
  const db = openDatabase(path);
  try {
    const insert = db.prepare(
      'INSERT INTO events (id, roadmap_id, node_id, type, at, recorded_at, change_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const at = new Date('2026-11-20T12:00:00Z').toISOString();
    const batch = db.transaction((n: number) => {
      const change = crypto.randomUUID();
      for (let i = 0; i < n; i++)
        insert.run(
          crypto.randomUUID(),
          'big',
          `${i % 20}.${i % 10}.${i}`,
          'status',
          at,
          at,
          change,
          '{"status":"done"}',
        );
    });
    for (let i = 0; i < 20; i++) batch(2_000); // 40,000 events, as the bench store holds by now
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      batch(BULK_ITEMS);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] as number;
  } finally {
    db.close();
  }
}

/**
 * Another process takes the write lock (BEGIN IMMEDIATE) and keeps it LOCK_HELD_MS; meanwhile a POST waits
 * for it and reads (fresh URLs, so each folds and tries to write the derived cache) are timed one by one.
 */
async function whileLocked(api: string, db: string, headers: Record<string, string>) {
  await timedFetch(`${api}/api/roadmaps/ai-engineer/tree`); // in the view cache before the lock is taken
  const { released } = await holdWriteLock(db, LOCK_HELD_MS);
  const lockedAt = performance.now();
  const write = fetch(`${api}/api/status`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ items: ['ai-engineer:1.1.2'], status: 'done' }),
  }).then(async (response) => {
    await response.arrayBuffer();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      ms: performance.now() - lockedAt,
    };
  });
  const locked = await readRounds(api, 1, () => performance.now() - lockedAt < LOCK_HELD_MS - 1_000);
  const written = await write;
  await released;
  // The same kind of reads with nobody holding the lock, for comparison.
  let rounds = 0;
  const free = await readRounds(api, 10_000, () => rounds++ < locked.rounds);
  return { locked, free, writeStatus: written.status, retryAfter: written.retryAfter, writeMs: written.ms };
}

interface ReadTimes {
  rounds: number;
  /** A read served from the view cache: what the lock could block, nothing to compute. */
  cached: { p50: number; max: number };
  /** Journal and activity views at new URLs: computed each time. */
  computed: { p50: number; max: number };
}

async function readRounds(api: string, first: number, more: () => boolean): Promise<ReadTimes> {
  const cached: number[] = [];
  const computed: number[] = [];
  let i = first;
  for (; more(); i++) {
    cached.push(await timedFetch(`${api}/api/roadmaps/ai-engineer/tree`));
    computed.push(await timedFetch(`${api}/api/journal?limit=${i}`));
    computed.push(await timedFetch(`${api}/api/activity?days=${1 + (i % 3_000)}`));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const summary = (times: number[]) => {
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 };
  };
  return { rounds: i - first, cached: summary(cached), computed: summary(computed) };
}

const ms = ({ p50, max }: { p50: number; max: number }) => `${p50.toFixed(1)} / ${max.toFixed(1)}`;

async function timedFetch(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

if (process.argv[2] === '--api-bench-server') void serveChild(process.argv[3] as string);
