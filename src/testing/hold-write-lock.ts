/**
 * Another process that takes a store's write lock (BEGIN IMMEDIATE), says so, and keeps it for `ms`: what a
 * long CLI command or an import does to a server or a reader. Used by the lock-held tests and the api bench.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const SCRIPT = `
  const Database = require(process.argv[3]);
  const db = new Database(process.argv[1]);
  db.exec('BEGIN IMMEDIATE');
  process.stdout.write('locked\\n');
  setTimeout(() => { db.exec('COMMIT'); db.close(); process.exit(0); }, Number(process.argv[2]));`;

export interface HeldLock {
  child: ChildProcess;
  /** Resolves when the holder has committed and exited. */
  released: Promise<void>;
}

/** Resolves once the lock is held; rejects if the holder could not start or exited before locking. */
export function holdWriteLock(db: string, ms: number): Promise<HeldLock> {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(process.execPath, ['-e', SCRIPT, db, String(ms), sqlite], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const released = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve({ child, released }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the lock holder exited before locking (${code})`)));
  });
}
