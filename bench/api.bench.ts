/**
 * API throughput (autocannon against 127.0.0.1): reading the ai-engineer tree with 20,000 events in the store
 * and posting a status change, against a bare hono route served the same way in the same run. The servers run
 * in a child process so the load generator does not share their thread. WAYMARK_BENCH_API_SECONDS (default 10)
 * sets each run's duration. Run alone: `node dist/bench/run.js api` after a build.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
import { startServer } from '../src/server/start-server.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { BenchRow, BenchSuite } from './run.js';

const EVENTS = 20_000;
const CONNECTIONS = 10;
const READ_TARGET = 0.5;

interface Ports {
  bare: number;
  api: number;
}

/** Fills a store: ai-engineer and 20,000 events (status changes, logs, notes) over a year. */
function seedStore(db: string): void {
  const store = openSqliteStore(db);
  try {
    const workspace = { store, now: new Date('2026-11-20T12:00:00Z'), newId: () => crypto.randomUUID() };
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
    seedStore(db);
    const { child, ports } = await startChild(db);
    try {
      const api = `http://127.0.0.1:${ports.api}`;
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
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: ['ai-engineer:1.1.1'], status: 'done' }),
        duration: seconds,
      });
      const afterChange = await timedFetch(treeUrl);
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
      ];
    } finally {
      child.removeAllListeners('exit');
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

async function timedFetch(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

if (process.argv[2] === '--api-bench-server') void serveChild(process.argv[3] as string);
