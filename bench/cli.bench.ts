/**
 * Everyday CLI speed: `waymark status` on the bundled 515-item roadmap with 20,000 events in the store,
 * as a ratio to starting Node itself (`node -e 0`) in the same run, the store's append throughput, a first write
 * (which runs quick_check once) and a read while another process holds the write lock.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRoadmapPath } from '../src/app/bundled-roadmaps.js';
import { importRoadmapFile } from '../src/app/import-service.js';
import type { Workspace } from '../src/app/workspace.js';
import { walkNodes } from '../src/core/model/roadmap.js';
import type { NewEvent, Status } from '../src/core/progress/events.js';
import { measureAppend } from '../src/store/sqlite/append-throughput.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import type { BenchRow, BenchSuite } from './run.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waymark');
const EVENTS = 20_000;
const RUNS = 15;
const STATUS_TARGET = 1.3;
const SINGLE_CHANGE_TARGET_MS = 5;

/** A store with the bundled ai-engineer roadmap and `count` events spread over its items and a year. */
export function seedStore(path: string, count: number): void {
  const store = openSqliteStore(path);
  try {
    const workspace: Workspace = { store, now: new Date('2026-11-20T12:00:00Z'), newId: randomUUID };
    const { roadmap } = importRoadmapFile(workspace, resolveRoadmapPath('ai-engineer'));
    const ids = [...walkNodes(roadmap.nodes)].map(({ node }) => node.id);
    const statuses: Status[] = ['doing', 'done', 'todo', 'done'];
    const start = Date.parse('2025-11-20T08:00:00Z');
    const events: NewEvent[] = [];
    for (let i = 0; i < count; i++) {
      const base = {
        id: randomUUID(),
        roadmapId: roadmap.id,
        nodeId: ids[i % ids.length] as string,
        at: new Date(start + i * 26 * 60_000).toISOString(),
        changeId: randomUUID(),
      };
      if (i % 3 === 0) events.push({ ...base, type: 'log', minutes: 30 + (i % 90) });
      else if (i % 17 === 0) events.push({ ...base, type: 'note', text: `note ${i}` });
      else events.push({ ...base, type: 'status', status: statuses[i % statuses.length] as Status });
    }
    store.appendEvents(events);
  } finally {
    store.close();
  }
}

/** Runs `fn` while a child process holds the store's write lock (BEGIN IMMEDIATE, never committed). */
async function withWriteLockHeld<T>(db: string, fn: () => T): Promise<T> {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.exec('BEGIN IMMEDIATE');console.log('locked');setInterval(()=>{},1e3)`,
      db,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: join(import.meta.dirname, '..', '..') },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout?.once('data', () => resolve());
      holder.once('exit', () => reject(new Error('the lock holder exited before taking the lock')));
    });
    return fn();
  } finally {
    holder.kill('SIGKILL');
  }
}

function medianWallMs(args: string[]): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    samples.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

export const cliBench: BenchSuite = {
  name: 'cli',
  description: `waymark status with ${EVENTS.toLocaleString('en')} events vs node -e 0; event append speed`,
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-cli-'));
    try {
      const db = join(dir, 'store.db');
      seedStore(db, EVENTS);
      medianWallMs([BIN, '--db', db, 'status', 'ai-engineer']); // warm the file cache
      const node = medianWallMs(['-e', '0']);
      const status = medianWallMs([BIN, '--db', db, 'status', 'ai-engineer']);
      const statusJson = medianWallMs([BIN, '--db', db, 'status', 'ai-engineer', '--json']);
      const append = measureAppend(join(dir, 'append.db'), 2_000);
      const log = medianWallMs([BIN, '--db', db, 'log', '30m']); // its first write runs quick_check
      const list = medianWallMs([BIN, '--db', db, 'list']);
      const listLocked = await withWriteLockHeld(db, () => medianWallMs([BIN, '--db', db, 'list']));
      const ratio = status / node;
      const jsonRatio = statusJson / node;
      return [
        { name: 'node -e 0 (baseline)', cells: { 'wall ms': node.toFixed(1), ratio: '1.00x' } },
        {
          name: 'waymark status ai-engineer',
          cells: { 'wall ms': status.toFixed(1), ratio: `${ratio.toFixed(2)}x` },
          checks: [
            {
              target: `<= ${STATUS_TARGET}x node -e 0`,
              pass: ratio <= STATUS_TARGET,
              actual: `${ratio.toFixed(2)}x`,
            },
          ],
        },
        {
          name: 'waymark status ai-engineer --json',
          cells: { 'wall ms': statusJson.toFixed(1), ratio: `${jsonRatio.toFixed(2)}x` },
        },
        {
          name: 'append: one durable status change',
          cells: {
            'wall ms': append.singleMedianMs.toFixed(2),
            'events/s': Math.round(append.singlePerSecond),
          },
          checks: [
            {
              target: `< ${SINGLE_CHANGE_TARGET_MS} ms`,
              pass: append.singleMedianMs < SINGLE_CHANGE_TARGET_MS,
              actual: `${append.singleMedianMs.toFixed(2)} ms`,
            },
          ],
        },
        {
          name: 'append: batched in one transaction',
          cells: { 'events/s': Math.round(append.batchedPerSecond) },
        },
        {
          name: `waymark log 30m (its first write checks the ${EVENTS.toLocaleString('en')}-event store)`,
          cells: { 'wall ms': log.toFixed(1), ratio: `${(log / node).toFixed(2)}x` },
        },
        {
          name: 'waymark list',
          cells: { 'wall ms': list.toFixed(1), ratio: `${(list / node).toFixed(2)}x` },
        },
        {
          name: 'waymark list while another process holds the write lock',
          cells: { 'wall ms': listLocked.toFixed(1), ratio: `${(listLocked / node).toFixed(2)}x` },
          checks: [
            {
              // A read that waited for the writer would take the 5 s busy timeout, not a few percent more.
              target: '<= 2x waymark list (reads never wait for a writer)',
              pass: listLocked <= 2 * list,
              actual: `${(listLocked / list).toFixed(2)}x`,
            },
          ],
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
