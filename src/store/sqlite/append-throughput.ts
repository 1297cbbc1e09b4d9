/** Append speed of the SQLite store, for `npm run bench`: what synchronous=FULL costs per commit. */
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../core/progress/events.js';
import { openSqliteStore } from './open-sqlite-store.js';

export interface AppendThroughput {
  /** Events per second, each appended in its own (durable) transaction. */
  singlePerSecond: number;
  /** Events per second, all appended in one transaction. */
  batchedPerSecond: number;
  /** Median wall time of one durable status change (one event, one transaction). */
  singleMedianMs: number;
}

/** Appends `n` events one transaction each, then `n` more in one transaction, to the store at `dbPath`. */
export function measureAppend(dbPath: string, n: number): AppendThroughput {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError('measureAppend needs a positive whole number of events.');
  const run = randomUUID();
  const event = (i: number): NewEvent => ({
    id: `${run}-${i}`,
    roadmapId: 'bench',
    nodeId: `node-${i % 500}`,
    at: new Date().toISOString(),
    changeId: `${run}-${i}`,
    type: 'status',
    status: i % 2 === 0 ? 'doing' : 'done',
  });
  const store = openSqliteStore(dbPath);
  try {
    const durations: number[] = [];
    const singleStart = performance.now();
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      store.appendEvents([event(i)]);
      durations.push(performance.now() - start);
    }
    const singleMs = performance.now() - singleStart;
    const batch = Array.from({ length: n }, (_, i) => event(n + i));
    const batchStart = performance.now();
    store.appendEvents(batch);
    const batchMs = performance.now() - batchStart;
    return {
      singlePerSecond: perSecond(n, singleMs),
      batchedPerSecond: perSecond(n, batchMs),
      singleMedianMs: median(durations),
    };
  } finally {
    store.close();
  }
}

const perSecond = (n: number, ms: number) => (n * 1000) / Math.max(ms, 1e-3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
