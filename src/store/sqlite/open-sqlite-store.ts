/**
 * Opens (creating if needed) the local SQLite store: checks the file is a Waymark database, sets the
 * pragmas, runs pending migrations. Every refusal is a STORE error that says what to do.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { WaymarkError } from '../../core/errors.js';
import { APPLICATION_ID, migrate } from './migrations.js';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';
import { DEFAULT_RETRY, type RetryOptions } from './write-transaction.js';

export type SqliteStoreOptions = Partial<RetryOptions>;

/**
 * The addon's path, found once: better-sqlite3 otherwise asks the `bindings` package, which probes a dozen
 * paths with fs calls on every start (a few ms of each CLI command). Left to `bindings` if not built there.
 */
const NATIVE_BINDING = (() => {
  const path = join(
    dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  );
  return existsSync(path) ? path : undefined;
})();

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options };
  return createSqliteStore(openDatabase(path, retry), path, retry);
}

/** The checked, configured and migrated connection under the store. */
export function openDatabase(path: string, retry: RetryOptions = DEFAULT_RETRY): Database.Database {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw storeError(error, path);
  }
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    throw new WaymarkError(
      'STORE',
      `${path} is a directory, not a database file. Pass --db with a file path.`,
    );
  }
  let db: Database.Database | undefined;
  try {
    // SQLite would open a read-only file read-only and fail only at the first write: refuse up front.
    if (stat) accessSync(path, constants.W_OK);
    db = new Database(path, NATIVE_BINDING ? { nativeBinding: NATIVE_BINDING } : {});
    configure(db, retry);
    checkIsWaymark(db, path);
    migrate(db, path, retry);
    return db;
  } catch (error) {
    db?.close();
    throw storeError(error, path);
  }
}

/**
 * WAL lets readers (the dashboard) run while the CLI writes. synchronous=FULL syncs the WAL on every
 * commit: with NORMAL, the last commits before a power loss or OS crash can vanish although
 * appendEvents returned. FULL costs one WAL fsync per transaction: measured on the dev VM, 0.28 ms per
 * one-event commit against 0.03 ms with NORMAL; bigger on laptops, still invisible to a CLI command.
 * (`npm run bench` reports it through append-throughput.ts.)
 */
function configure(db: Database.Database, retry: RetryOptions): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(retry.busyTimeoutMs))}`);
  db.pragma('journal_mode = WAL'); // first statement that reads the file: fails here if it is not a database
  db.pragma('synchronous = FULL');
}

/** A SQLite file that another program made must not be migrated into a Waymark database. */
function checkIsWaymark(db: Database.Database, path: string): void {
  const appId = db.pragma('application_id', { simple: true });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const foreign =
    (appId !== 0 && appId !== APPLICATION_ID) || (tables.length > 0 && !tables.includes('schema_migrations'));
  if (foreign) {
    throw new WaymarkError(
      'STORE',
      `${path} is not a Waymark database (it is a SQLite database of another program). Move it away or pass --db with another path.`,
    );
  }
}

const READ_ONLY_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'SQLITE_CANTOPEN',
  'SQLITE_PERM',
  'SQLITE_AUTH',
]);

function storeError(error: unknown, path: string): WaymarkError {
  if (error instanceof WaymarkError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') {
    return new WaymarkError(
      'STORE',
      `${path} is not a Waymark database (file is not a database). Move it away or pass --db with another path.`,
    );
  }
  if (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY')) {
    return new WaymarkError(
      'STORE',
      `Cannot write the Waymark database at ${path}: the location is read-only or not permitted (${message}). Pass --db with a writable path or set WAYMARK_DB.`,
    );
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new WaymarkError(
      'CONFLICT',
      `The database ${path} is busy: another Waymark process kept it locked. Try again.`,
    );
  }
  return new WaymarkError('STORE', `Cannot open the Waymark database at ${path}: ${message}.`);
}
