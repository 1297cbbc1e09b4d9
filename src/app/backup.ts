/**
 * Full backups: every roadmap, its sync base and every event, as one JSON document that restores into an
 * empty store with nothing lost (event seq, recordedAt and change grouping included).
 */
import { WaymarkError } from '../core/errors.js';
import type { WaymarkEvent } from '../core/progress/events.js';
import type { RoadmapRecord, SyncBase } from '../store/port.js';
import type { Workspace } from './workspace.js';

export const BACKUP_FORMAT = 'waymark-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  roadmaps: RoadmapRecord[];
  syncBases: Record<string, SyncBase>;
  events: WaymarkEvent[];
}

export function exportBackup(workspace: Workspace): Backup {
  const { store } = workspace;
  // One read snapshot, so a change made meanwhile by another process is either wholly in or out; no write
  // lock, so an export neither waits for a writer nor needs a writable store.
  return store.readTransaction(() => {
    const roadmaps = store.listRoadmaps();
    const syncBases: Record<string, SyncBase> = {};
    for (const roadmap of roadmaps) {
      const base = store.getSyncBase(roadmap.id);
      if (base) syncBases[roadmap.id] = base;
    }
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: workspace.now.toISOString(),
      roadmaps,
      syncBases,
      events: store.listEvents(),
    };
  });
}

export interface RestoreSummary {
  roadmaps: number;
  events: number;
}

/** Restores a backup (the text of an exported file) into an empty store, all or nothing. */
export function restoreBackup(workspace: Workspace, text: string, path: string): RestoreSummary {
  const backup = parseBackup(text, path);
  const { store } = workspace;
  return store.transaction(() => {
    if (store.listRoadmaps().length > 0 || store.eventStamp() !== '0') {
      throw new WaymarkError(
        'CONFLICT',
        'this store is not empty; a backup restores only into an empty store.',
        'Restore into a new file with `waymark --db NEW.db restore FILE`, then point WAYMARK_DB at it.',
      );
    }
    for (const roadmap of backup.roadmaps) store.saveRoadmap(roadmap);
    for (const [roadmapId, base] of Object.entries(backup.syncBases)) store.setSyncBase(roadmapId, base);
    try {
      store.restoreEvents(backup.events);
    } catch (error) {
      if (error instanceof WaymarkError && error.code === 'INPUT') {
        throw new WaymarkError(
          'INPUT',
          `${path}: ${error.message}`,
          'The backup is damaged; nothing was restored.',
        );
      }
      throw error;
    }
    return { roadmaps: backup.roadmaps.length, events: backup.events.length };
  });
}

function parseBackup(text: string, path: string): Backup {
  const fail = (problem: string): never => {
    throw new WaymarkError(
      'INPUT',
      `${path} is not a Waymark backup: ${problem}.`,
      'Make one with `waymark export --format json --out FILE`.',
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('expected a JSON object');
  const o = value as Record<string, unknown>;
  if (o.format !== BACKUP_FORMAT) return fail(`"format" must be "${BACKUP_FORMAT}"`);
  if (typeof o.version !== 'number') return fail('"version" is missing');
  if (o.version > BACKUP_VERSION) {
    throw new WaymarkError(
      'INPUT',
      `${path} was written by a newer Waymark (backup version ${o.version}; this one reads ${BACKUP_VERSION}).`,
      'Upgrade Waymark, then restore.',
    );
  }
  if (!Array.isArray(o.roadmaps)) return fail('"roadmaps" must be a list');
  if (!Array.isArray(o.events)) return fail('"events" must be a list');
  const syncBases = o.syncBases ?? {};
  if (typeof syncBases !== 'object' || syncBases === null || Array.isArray(syncBases)) {
    return fail('"syncBases" must be an object');
  }
  o.roadmaps.forEach((roadmap, i) => {
    checkRoadmapRecord(roadmap, (problem) => fail(`roadmap ${i + 1}: ${problem}`));
  });
  for (const [id, base] of Object.entries(syncBases)) {
    const b = base as Partial<SyncBase> | null;
    if (
      !b ||
      typeof b.checked !== 'object' ||
      typeof b.sha256 !== 'string' ||
      typeof b.syncedAt !== 'string'
    ) {
      fail(`the sync base of "${id}" is incomplete`);
    }
  }
  return value as Backup;
}

function checkRoadmapRecord(value: unknown, fail: (problem: string) => never): void {
  if (typeof value !== 'object' || value === null) fail('expected an object');
  const r = value as Record<string, unknown>;
  for (const key of ['id', 'title', 'sha256', 'importedAt']) {
    if (typeof r[key] !== 'string' || r[key] === '') fail(`"${key}" must be a non-empty string`);
  }
  const model = r.model as Record<string, unknown> | null;
  if (typeof model !== 'object' || model === null || model.id !== r.id || !Array.isArray(model.nodes)) {
    fail('"model" must be the imported roadmap (with its id and nodes)');
  }
}
