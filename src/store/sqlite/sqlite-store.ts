/** The Store port over an open, migrated better-sqlite3 connection (see open-sqlite-store.ts). */
import type Database from 'better-sqlite3';
import { WaymarkError } from '../../core/errors.js';
import { type NewEvent, validateEvent, type WaymarkEvent } from '../../core/progress/events.js';
import { cancelledChanges, type UndoRef } from '../../core/progress/undo.js';
import type { ChangeMark, EventFilter, RoadmapRecord, Store, SyncBase } from '../port.js';
import { dataOf, type EventRow, eventFromRow } from './event-rows.js';
import { inWriteTransaction, type RetryOptions } from './write-transaction.js';

export interface SqliteStore extends Store {
  readonly path: string;
}

interface RoadmapRow {
  id: string;
  title: string;
  source_path: string | null;
  source_unconfirmed: number;
  sha256: string;
  model: string;
  imported_at: string;
}

export interface SqliteStoreMode {
  /** Opened for reading: every write is refused, and the connection cannot take the write lock. */
  readOnly: boolean;
  /** Where a read-only store puts derived-cache entries instead (best effort, never waits). */
  writeCache?: (key: string, stamp: string, value: string) => void;
  /** Called after the connection closes (releases the cache writer's connection). */
  onClose?: () => void;
}

export function createSqliteStore(
  db: Database.Database,
  path: string,
  retry: RetryOptions,
  mode: SqliteStoreMode = { readOnly: false },
): SqliteStore {
  const insertEvent = db.prepare(
    `INSERT INTO events (id, roadmap_id, node_id, type, at, recorded_at, change_id, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRestoredEvent = db.prepare(
    `INSERT INTO events (seq, id, roadmap_id, node_id, type, at, recorded_at, change_id, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const countEvents = db.prepare('SELECT COUNT(*) AS n FROM events');
  // Two statements, so each is one index lookup (an OR in one statement would scan the log).
  const selectMaxSeq = db.prepare('SELECT MAX(seq) AS max FROM events');
  const selectMaxSeqOf = db.prepare('SELECT MAX(seq) AS max FROM events WHERE roadmap_id = ?');
  const selectCache = db.prepare('SELECT stamp, value FROM derived_cache WHERE key = ?');
  const upsertCache = db.prepare(
    `INSERT INTO derived_cache (key, stamp, value) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET stamp = excluded.stamp, value = excluded.value`,
  );
  const selectEvents = db.prepare<{ roadmapId: string | null; sinceSeq: number }>(
    'SELECT * FROM events WHERE (@roadmapId IS NULL OR roadmap_id = @roadmapId) AND seq > @sinceSeq ORDER BY seq',
  );
  const selectUndos = db.prepare("SELECT seq, change_id, data FROM events WHERE type = 'undo'");
  const selectLastSeqOfChange = db.prepare('SELECT MAX(seq) AS seq FROM events WHERE change_id = ?');
  const selectRecentChanges = db.prepare<{ roadmapId: string | null }>(
    "SELECT change_id FROM events WHERE type <> 'undo' AND (@roadmapId IS NULL OR roadmap_id = @roadmapId) ORDER BY seq DESC",
  );
  const upsertRoadmap = db.prepare(
    `INSERT INTO roadmaps (id, title, source_path, source_unconfirmed, sha256, model, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, source_path = excluded.source_path,
       source_unconfirmed = excluded.source_unconfirmed, sha256 = excluded.sha256, model = excluded.model,
       imported_at = excluded.imported_at`,
  );
  const selectChangeMark = db.prepare(
    `SELECT (SELECT COALESCE(MAX(seq), 0) FROM events) AS seq,
       (SELECT COALESCE(group_concat(id || ':' || sha256 || ':' || imported_at, ','), '')
          FROM (SELECT id, sha256, imported_at FROM roadmaps ORDER BY id)) AS roadmaps`,
  );
  const selectRoadmap = db.prepare('SELECT * FROM roadmaps WHERE id = ?');
  const selectRoadmaps = db.prepare('SELECT * FROM roadmaps ORDER BY imported_at, id');
  const deleteRoadmap = db.prepare('DELETE FROM roadmaps WHERE id = ?');
  const deleteSyncBase = db.prepare('DELETE FROM sync_bases WHERE roadmap_id = ?');
  const upsertSyncBase = db.prepare(
    `INSERT INTO sync_bases (roadmap_id, checked, sha256, synced_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (roadmap_id) DO UPDATE SET checked = excluded.checked, sha256 = excluded.sha256,
       synced_at = excluded.synced_at`,
  );
  const selectSyncBase = db.prepare('SELECT * FROM sync_bases WHERE roadmap_id = ?');

  const transaction = <T>(fn: () => T): T => {
    if (mode.readOnly) {
      throw new WaymarkError(
        'STORE',
        `This command opened the database ${path} for reading only, yet tried to change it.`,
        'This is a bug in Waymark. Run again with WAYMARK_DEBUG=1 and report the output.',
      );
    }
    return inWriteTransaction(db, path, retry, fn);
  };

  const cancelled = (): Set<string> => {
    const undos = (selectUndos.all() as { seq: number; change_id: string; data: string }[]).map(
      (row): UndoRef => ({ seq: row.seq, changeId: row.change_id, undoes: JSON.parse(row.data).undoes }),
    );
    const lastSeqOf = (changeId: string) =>
      (selectLastSeqOfChange.get(changeId) as { seq: number | null }).seq ?? undefined;
    return cancelledChanges(undos, lastSeqOf);
  };

  return {
    path,
    appendEvents(events: readonly NewEvent[]): WaymarkEvent[] {
      if (events.length === 0) return [];
      const recordedAt = new Date().toISOString();
      const valid = events.map((e, i) =>
        validateEvent({ ...e, recordedAt }, `event ${i + 1} of ${events.length}`),
      );
      return transaction(() =>
        valid.map((e) => {
          const info = insertRow(
            insertEvent,
            [...eventColumns(e)],
            e.id,
            'CONFLICT',
            'is already stored; nothing of this change was saved',
          );
          return { ...e, seq: Number(info.lastInsertRowid) };
        }),
      );
    },
    restoreEvents(events: readonly WaymarkEvent[]): void {
      const valid = events.map((e, i) => validateEvent(e, `event ${i + 1} of ${events.length}`));
      let previous = 0;
      for (const e of valid) {
        if (e.seq === undefined || e.seq <= previous) {
          throw new WaymarkError(
            'INPUT',
            `Invalid event "${e.id}": "seq" must be present and increase through the backup (after ${previous}).`,
          );
        }
        previous = e.seq;
      }
      transaction(() => {
        if ((countEvents.get() as { n: number }).n > 0) {
          throw new WaymarkError(
            'CONFLICT',
            'this store already has events; a backup restores only into an empty one.',
          );
        }
        for (const e of valid) {
          insertRow(
            insertRestoredEvent,
            [e.seq, ...eventColumns(e)],
            e.id,
            'INPUT',
            'appears twice in the backup; nothing was restored',
          );
        }
      });
    },
    eventStamp(filter = {}): string {
      const row = (
        filter.roadmapId === undefined ? selectMaxSeq.get() : selectMaxSeqOf.get(filter.roadmapId)
      ) as { max: number | null };
      return String(row.max ?? 0);
    },
    readCache(key: string) {
      return selectCache.get(key) as { stamp: string; value: string } | undefined;
    },
    writeCache(key: string, stamp: string, value: string): void {
      if (mode.readOnly) {
        mode.writeCache?.(key, stamp, value);
        return;
      }
      try {
        // Best effort: a store that stays busy or is read-only just misses the cache next time.
        if (db.inTransaction) upsertCache.run(key, stamp, value);
        else db.transaction(() => upsertCache.run(key, stamp, value)).immediate();
      } catch {
        // the cache is an optimization only
      }
    },
    listEvents(filter: EventFilter = {}): WaymarkEvent[] {
      const rows = selectEvents.all({
        roadmapId: filter.roadmapId ?? null,
        sinceSeq: filter.sinceSeq ?? 0,
      }) as EventRow[];
      return rows.map(eventFromRow);
    },
    lastChange(roadmapId?: string): string | undefined {
      const undone = cancelled();
      // Newest first; stops at the first change that still counts, so this reads a few rows, not the log.
      for (const row of selectRecentChanges.iterate({ roadmapId: roadmapId ?? null }) as Iterable<{
        change_id: string;
      }>) {
        if (!undone.has(row.change_id)) return row.change_id;
      }
      return undefined;
    },
    changeMark(): ChangeMark {
      return selectChangeMark.get() as ChangeMark;
    },
    saveRoadmap(r: RoadmapRecord): void {
      const model = JSON.stringify(r.model);
      transaction(() =>
        upsertRoadmap.run(
          r.id,
          r.title,
          r.sourcePath ?? null,
          r.sourcePath !== undefined && r.sourceUnconfirmed === true ? 1 : 0,
          r.sha256,
          model,
          r.importedAt,
        ),
      );
    },
    getRoadmap(id: string): RoadmapRecord | undefined {
      const row = selectRoadmap.get(id) as RoadmapRow | undefined;
      return row && roadmapFromRow(row);
    },
    listRoadmaps(): RoadmapRecord[] {
      return (selectRoadmaps.all() as RoadmapRow[]).map(roadmapFromRow);
    },
    removeRoadmap(id: string): boolean {
      return transaction(() => {
        deleteSyncBase.run(id);
        return deleteRoadmap.run(id).changes > 0;
      });
    },
    getSyncBase(roadmapId: string): SyncBase | undefined {
      const row = selectSyncBase.get(roadmapId) as
        | { checked: string; sha256: string; synced_at: string }
        | undefined;
      return row && { checked: JSON.parse(row.checked), sha256: row.sha256, syncedAt: row.synced_at };
    },
    setSyncBase(roadmapId: string, base: SyncBase): void {
      const checked = JSON.stringify(base.checked);
      transaction(() => upsertSyncBase.run(roadmapId, checked, base.sha256, base.syncedAt));
    },
    transaction,
    readTransaction<T>(fn: () => T): T {
      if (db.inTransaction) return fn();
      // DEFERRED: the first read fixes the snapshot (WAL); no lock that a writer would wait for.
      return db.transaction(fn).deferred();
    },
    close(): void {
      db.close();
      mode.onClose?.();
    },
  };
}

/** The column values of an event row after `seq`, in the order of the INSERT statements above. */
function eventColumns(e: WaymarkEvent) {
  return [e.id, e.roadmapId, e.nodeId, e.type, e.at, e.recordedAt, e.changeId, dataOf(e)] as const;
}

/** Runs an event INSERT, turning a duplicate id into a WaymarkError (the transaction then rolls back). */
function insertRow(
  statement: Database.Statement,
  values: readonly unknown[],
  id: string,
  code: 'CONFLICT' | 'INPUT',
  problem: string,
): Database.RunResult {
  try {
    return statement.run(...values);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
    throw new WaymarkError(code, `Event "${id}" ${problem}.`);
  }
}

function roadmapFromRow(row: RoadmapRow): RoadmapRecord {
  const record: RoadmapRecord = {
    id: row.id,
    title: row.title,
    sha256: row.sha256,
    model: undefined,
    importedAt: row.imported_at,
  };
  // Parsed on first use: listing roadmaps (every command does) need not parse every model.
  let model: unknown;
  Object.defineProperty(record, 'model', {
    enumerable: true,
    configurable: true,
    get: () => {
      model ??= JSON.parse(row.model);
      return model;
    },
  });
  if (row.source_path !== null) record.sourcePath = row.source_path;
  if (row.source_path !== null && row.source_unconfirmed === 1) record.sourceUnconfirmed = true;
  return record;
}
