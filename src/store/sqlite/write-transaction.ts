/**
 * Write transactions that start with BEGIN IMMEDIATE: the write lock is taken up front, so two writers
 * never both read and then fail to upgrade (SQLITE_BUSY mid-transaction). While another process holds
 * the lock, SQLite's busy_timeout waits; on top of that we retry the start a few times with backoff,
 * because some busy cases (WAL recovery, a checkpoint) return at once without calling the busy handler.
 */
import type Database from 'better-sqlite3';
import { StoreBusyError } from '../store-busy.js';

export interface RetryOptions {
  /** SQLite's own wait for a lock, per attempt. */
  busyTimeoutMs: number;
  /** Extra attempts to start the transaction after SQLITE_BUSY. */
  busyRetries: number;
}

export const DEFAULT_RETRY: RetryOptions = { busyTimeoutMs: 5000, busyRetries: 3 };

export function inWriteTransaction<T>(
  db: Database.Database,
  dbPath: string,
  retry: RetryOptions,
  fn: () => T,
): T {
  const body = () => {
    const result = fn();
    if (result instanceof Promise) throw new TypeError('Store.transaction needs a synchronous function.');
    return result;
  };
  if (db.inTransaction) return db.transaction(body)(); // nested: a savepoint inside the outer transaction
  for (let attempt = 0; ; attempt++) {
    let started = false;
    try {
      return db
        .transaction(() => {
          started = true;
          return body();
        })
        .immediate();
    } catch (error) {
      // Only a failed start is safe to retry: once `fn` ran, its effects outside the database may not be.
      if (started || !isBusy(error)) throw error;
      if (attempt >= retry.busyRetries) {
        throw new StoreBusyError(
          `The database ${dbPath} is busy: another Waymark process kept it locked. Try again in a moment.`,
        );
      }
      sleep(25 * 2 ** attempt + Math.random() * 25);
    }
  }
}

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** A synchronous sleep: the store is synchronous, and this only runs while another process holds the lock. */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
