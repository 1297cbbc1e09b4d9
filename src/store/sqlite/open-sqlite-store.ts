/**
 * Opens the local SQLite store: checks the file is a Waymark database, sets the pragmas, runs pending
 * migrations. Two modes:
 * - write (the default): creates the store if needed (atomically, see create-store-file.ts), refuses a
 *   read-only location, a zero-byte file and a store known to be damaged;
 * - read (`readOnly: true`, for list, status, export…): a read-only connection that never takes the write
 *   lock, so it neither waits for writers nor needs write permission; on read-only media or a full disk,
 *   where SQLite cannot make its shared-memory file, it reads a snapshot of the file instead.
 * Every refusal is a STORE error that says what to do.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { WaymarkError } from '../../core/errors.js';
import { createStoreFile } from './create-store-file.js';
import { recordedDamage } from './damage-mark.js';
import { guardStore } from './guard-store.js';
import { APPLICATION_ID, appliedVersion, MIGRATIONS, migrate } from './migrations.js';
import { codeOf, damagedStoreError, describeStoreFailure } from './sqlite-errors.js';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';
import { DEFAULT_RETRY, type RetryOptions } from './write-transaction.js';

export interface SqliteStoreOptions extends Partial<RetryOptions> {
  /**
   * The lock policy while opening (migrations), when it differs from the store's: the server waits at
   * start-up like the CLI, then never blocks its event loop waiting for another process's lock.
   */
  whileOpening?: Partial<RetryOptions>;
  /** Open for reading only (see the module comment). */
  readOnly?: boolean;
}

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

/** A better-sqlite3 connection through the addon found once (see NATIVE_BINDING). */
function connect(
  filename: string | Buffer,
  options: Omit<Database.Options, 'nativeBinding'> = {},
): Database.Database {
  return new Database(filename, NATIVE_BINDING ? { ...options, nativeBinding: NATIVE_BINDING } : options);
}

export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const { readOnly = false, whileOpening, ...rest } = options;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...rest };
  if (!readOnly) {
    const db = openDatabase(path, whileOpening ? { ...retry, ...whileOpening } : retry);
    if (whileOpening) setBusyTimeout(db, retry);
    return guardStore(createSqliteStore(db, path, retry), () => structuralDamage(db));
  }
  const reader = openForReading(path, retry);
  const cache = reader.fromFile ? cacheWriter(path) : undefined;
  return guardStore(
    createSqliteStore(reader.db, path, retry, {
      readOnly: true,
      ...(cache ? { writeCache: cache.write, onClose: cache.close } : {}),
    }),
  );
}

/** The checked, configured and migrated read-write connection under the store. */
export function openDatabase(path: string, retry: RetryOptions = DEFAULT_RETRY): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const stat = existingStoreFile(path);
    if (!stat) createStoreFile(path, (temp) => initialize(connect(temp), temp, retry).close());
    const damage = recordedDamage(path);
    if (damage) throw damagedStoreError(path, `found ${damage.foundAt}: ${damage.detail}`);
    // SQLite would open a read-only file read-only and fail only at the first write: refuse up front.
    accessSync(path, constants.W_OK);
    db = initialize(connect(path, { fileMustExist: true }), path, retry);
    return db;
  } catch (error) {
    db?.close();
    throw openFailure(error, path);
  }
}

/**
 * What SQLite's quick_check finds wrong with the file's structure, or undefined when it is sound. It reads
 * every page (about 1 ms per 200 KB, 0.1 s for 100,000 events), once per process and only before its first
 * write, so reads pay nothing; `npm run bench` reports it (cli suite, `waymark log`).
 */
function structuralDamage(db: Database.Database): string | undefined {
  const rows = db.pragma('quick_check(1)', { simple: false }) as { quick_check: string }[];
  const first = rows[0]?.quick_check;
  return first === undefined || first === 'ok' ? undefined : first;
}

/** At open, SQLITE_NOTADB means the file was never a database (a text file given as --db), not damage. */
function openFailure(error: unknown, path: string): unknown {
  if (codeOf(error) === 'SQLITE_NOTADB') {
    return new WaymarkError(
      'STORE',
      `${path} is not a Waymark database (file is not a database). Move it away or pass --db with another path.`,
    );
  }
  return describeStoreFailure(error, path) ?? error;
}

function initialize(db: Database.Database, path: string, retry: RetryOptions): Database.Database {
  try {
    configure(db, retry);
    checkIsWaymark(db, path);
    migrate(db, path, retry);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The store file's stat, or undefined when there is none yet. A zero-byte file is refused: Waymark never
 * leaves one (a new store appears complete, see create-store-file.ts), so it is a store truncated by a
 * failed copy or a full disk, or a placeholder of a sync tool, and starting a new store in its place
 * would hide that the learner's data is gone.
 */
function existingStoreFile(path: string): Stats | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isDirectory()) {
    throw new WaymarkError(
      'STORE',
      `${path} is a directory, not a database file. Pass --db with a file path.`,
    );
  }
  if (stat.isFile() && stat.size === 0) {
    throw new WaymarkError(
      'STORE',
      `${path} is empty (0 bytes): it is not a Waymark database, and Waymark does not start a new store over it.`,
      'If it held your progress, it was truncated: restore your last backup into a new file (`waymark --db NEW.db restore BACKUP.json`). If you meant to start afresh, delete the empty file.',
    );
  }
  return stat;
}

interface Reader {
  db: Database.Database;
  /** False for an in-memory stand-in (no store yet, or a snapshot): cache entries would be lost anyway. */
  fromFile: boolean;
}

/** Failures of a read-only connection that a snapshot of the file gets around. */
const NEEDS_SNAPSHOT = (code: string) =>
  code === 'SQLITE_READONLY_DIRECTORY' ||
  code === 'SQLITE_READONLY_CANTINIT' ||
  code === 'SQLITE_READONLY_RECOVERY' ||
  code === 'SQLITE_CANTOPEN' ||
  code.startsWith('SQLITE_IOERR');

function openForReading(path: string, retry: RetryOptions): Reader {
  let stat: Stats | undefined;
  try {
    stat = existingStoreFile(path);
  } catch (error) {
    throw openFailure(error, path);
  }
  // Nothing stored yet: an empty store, and no file created by a command that only reads.
  if (!stat) return { db: initialize(connect(':memory:'), path, retry), fromFile: false };
  let db: Database.Database | undefined;
  try {
    db = connect(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(retry.busyTimeoutMs))}`);
    checkIsWaymark(db, path); // the first read: fails here on read-only media without a -shm file
    if (appliedVersion(db) < (MIGRATIONS.at(-1)?.id ?? 0)) {
      // An older schema: upgrade it once if the file is writable, else read an upgraded snapshot.
      db.close();
      db = undefined;
      try {
        openDatabase(path, retry).close();
      } catch {
        return snapshotReader(path, retry);
      }
      return openForReading(path, retry);
    }
    checkNotNewer(db, path);
    return { db, fromFile: true };
  } catch (error) {
    db?.close();
    if (NEEDS_SNAPSHOT(codeOf(error))) return snapshotReader(path, retry);
    throw openFailure(error, path);
  }
}

/**
 * The store read into memory. Only sound when the file holds every commit: a non-empty `-wal` beside it
 * holds commits the file does not have yet, so then we refuse rather than show an older state.
 */
function snapshotReader(path: string, retry: RetryOptions): Reader {
  try {
    const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
    if (wal && wal.size > 0) {
      throw new WaymarkError(
        'STORE',
        `Cannot read the database ${path}: its latest changes are in ${path}-wal, which SQLite cannot open here (a read-only or full disk).`,
        'Free some disk space, or copy the database and its -wal file to a writable folder and pass --db with the copy.',
      );
    }
    const bytes = readFileSync(path);
    // Bytes 18-19 say "WAL mode"; an in-memory database cannot be in WAL mode, so read it as a rollback one.
    if (bytes[18] === 2 && bytes[19] === 2) bytes.fill(1, 18, 20);
    const db = connect(bytes);
    configureMemory(db);
    checkIsWaymark(db, path);
    checkNotNewer(db, path);
    migrate(db, path, retry); // in memory only: an older store reads like a current one
    return { db, fromFile: false };
  } catch (error) {
    throw openFailure(error, path);
  }
}

/**
 * Derived-cache entries from a read-only store: through a second, writable connection that does not wait
 * (busy timeout 0), so a read never waits for a writer; given up for good on the first failure (a
 * read-only file, a held lock): the cache is an optimization only.
 */
function cacheWriter(path: string): {
  write: (key: string, stamp: string, value: string) => void;
  close(): void;
} {
  let db: Database.Database | undefined;
  let upsert: Database.Statement | undefined;
  let failed = false;
  return {
    write(key, stamp, value) {
      if (failed) return;
      try {
        if (!db) {
          accessSync(path, constants.W_OK);
          if (recordedDamage(path)) throw new Error('damaged');
          db = connect(path, { fileMustExist: true });
          db.pragma('busy_timeout = 0');
          upsert = db.prepare(
            `INSERT INTO derived_cache (key, stamp, value) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET stamp = excluded.stamp, value = excluded.value`,
          );
        }
        const statement = upsert as Database.Statement;
        db.transaction(() => statement.run(key, stamp, value)).immediate();
      } catch {
        failed = true;
      }
    },
    close() {
      db?.close();
    },
  };
}

/**
 * WAL lets readers (the dashboard) run while the CLI writes. synchronous=FULL syncs the WAL on every
 * commit: with NORMAL, the last commits before a power loss or OS crash can vanish although
 * appendEvents returned. FULL costs one WAL fsync per transaction: measured on the dev VM, 0.28 ms per
 * one-event commit against 0.03 ms with NORMAL; bigger on laptops, still invisible to a CLI command.
 * (`npm run bench` reports it through append-throughput.ts.)
 */
function configure(db: Database.Database, retry: RetryOptions): void {
  setBusyTimeout(db, retry);
  db.pragma('journal_mode = WAL'); // first statement that reads the file: fails here if it is not a database
  db.pragma('synchronous = FULL');
}

function setBusyTimeout(db: Database.Database, retry: RetryOptions): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(retry.busyTimeoutMs))}`);
}

function configureMemory(db: Database.Database): void {
  db.pragma('journal_mode'); // reads the header: fails here if it is not a database
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

function checkNotNewer(db: Database.Database, path: string): void {
  const current = appliedVersion(db);
  const known = MIGRATIONS.at(-1)?.id ?? 0;
  if (current > known) {
    throw new WaymarkError(
      'STORE',
      `The database ${path} was written by a newer Waymark (schema ${current} > ${known}). Upgrade Waymark.`,
    );
  }
}
