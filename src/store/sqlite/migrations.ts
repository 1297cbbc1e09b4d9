/**
 * Forward-only, versioned schema migrations for the SQLite adapter. Never edit a released migration:
 * add the next one. Applied ids are recorded in `schema_migrations`, checked and run at open.
 */
import type Database from 'better-sqlite3';
import { WaymarkError } from '../../core/errors.js';
import { inWriteTransaction, type RetryOptions } from './write-transaction.js';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'event log, roadmaps, sync bases',
    sql: `
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: a seq is never reused
        id TEXT UNIQUE NOT NULL,
        roadmap_id TEXT NOT NULL,
        node_id TEXT,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        change_id TEXT NOT NULL,
        data TEXT NOT NULL -- JSON of the type-specific fields
      ) STRICT;
      CREATE INDEX events_by_node ON events (roadmap_id, node_id);
      CREATE INDEX events_by_change ON events (change_id);
      CREATE TABLE roadmaps (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        source_path TEXT,
        sha256 TEXT NOT NULL,
        model TEXT NOT NULL, -- JSON
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sync_bases (
        roadmap_id TEXT PRIMARY KEY,
        checked TEXT NOT NULL, -- JSON: nodeId -> boolean
        sha256 TEXT NOT NULL,
        synced_at TEXT NOT NULL
      ) STRICT;`,
  },
  {
    id: 2,
    name: 'derived-state cache',
    sql: `
      CREATE TABLE derived_cache (
        key TEXT PRIMARY KEY,
        stamp TEXT NOT NULL, -- what the value was derived from; a different stamp means stale
        value TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_by_roadmap_seq ON events (roadmap_id, seq);`,
  },
  {
    id: 3,
    name: 'source paths awaiting confirmation',
    // 1 for a source path that arrived with a restored backup: sync leaves it alone until confirmed.
    sql: 'ALTER TABLE roadmaps ADD COLUMN source_unconfirmed INTEGER NOT NULL DEFAULT 0;',
  },
];

/** 'WYMK': marks the file as a Waymark database, so `file` and we can tell it from other SQLite files. */
export const APPLICATION_ID = 0x57594d4b;

/**
 * Refuses a store written by a newer Waymark, then applies the missing migrations in one write
 * transaction (re-checked inside it, as another process may be migrating too). Returns the applied ids.
 */
export function migrate(
  db: Database.Database,
  dbPath: string,
  retry: RetryOptions,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  const known = migrations.at(-1)?.id ?? 0;
  const pending = () => {
    const current = appliedVersion(db);
    if (current > known) {
      throw new WaymarkError(
        'STORE',
        `The database ${dbPath} was written by a newer Waymark (schema ${current} > ${known}). Upgrade Waymark.`,
      );
    }
    return migrations.filter((m) => m.id > current);
  };
  if (pending().length === 0) return [];
  return inWriteTransaction(db, dbPath, retry, () => {
    const todo = pending();
    if (todo.length > 0 && db.pragma('application_id', { simple: true }) === 0) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT',
    );
    const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
    for (const m of todo) {
      db.exec(m.sql);
      record.run(m.id, new Date().toISOString());
    }
    return todo.map((m) => m.id);
  });
}

export function appliedVersion(db: Database.Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!table) return 0;
  const row = db.prepare('SELECT MAX(id) AS id FROM schema_migrations').get() as { id: number | null };
  return row.id ?? 0;
}
