/**
 * Full backups: every roadmap, its sync base and every event, as one JSON document that restores into an
 * empty store with nothing lost (event seq, recordedAt and change grouping included).
 */
import { WaymarkError } from '../core/errors.js';
import type { RoadmapRecord, SyncBase } from '../store/port.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, validateBackup } from './validate-backup.js';
import type { Workspace } from './workspace.js';

export { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './validate-backup.js';

/** How far another machine's clock may run ahead of ours before its times count as "in the future". */
const CLOCK_MARGIN_MS = 24 * 60 * 60 * 1000;

export function exportBackup(workspace: Workspace): Backup {
  const { store } = workspace;
  // One read snapshot, so a change made meanwhile by another process is either wholly in or out; no write
  // lock, so an export neither waits for a writer nor needs a writable store.
  return store.readTransaction(() => {
    const roadmaps = store.listRoadmaps().map(portable);
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

/** Whether a source path is confirmed belongs to this machine, not to the backup (a restore resets it). */
function portable(record: RoadmapRecord): RoadmapRecord {
  const { sourceUnconfirmed: _local, ...rest } = record;
  return rest;
}

export interface RestoreSummary {
  roadmaps: number;
  events: number;
  /** Roadmaps whose source file sync leaves alone until `waymark sync --relink` confirms it. */
  unconfirmedSources: { id: string; path: string }[];
}

/**
 * Restores a backup (the text of an exported file) into an empty store, all or nothing: the whole backup
 * is checked first (see validate-backup.ts). The source paths it names are another machine's word: they
 * are kept but unconfirmed, so `sync` writes no file because a backup said so.
 */
export function restoreBackup(workspace: Workspace, text: string, path: string): RestoreSummary {
  // Dates after now are refused as the CLI refuses them; the margin covers machines whose clocks differ.
  const latest = new Date(Math.max(workspace.now.getTime(), Date.now()) + CLOCK_MARGIN_MS);
  const backup = validateBackup(text, path, latest);
  const { store } = workspace;
  return store.transaction(() => {
    if (store.listRoadmaps().length > 0 || store.eventStamp() !== '0') {
      throw new WaymarkError(
        'CONFLICT',
        'this store is not empty; a backup restores only into an empty store.',
        'Restore into a new file with `waymark --db NEW.db restore FILE`, then point WAYMARK_DB at it.',
      );
    }
    const unconfirmedSources: RestoreSummary['unconfirmedSources'] = [];
    for (const roadmap of backup.roadmaps) {
      const restored = { ...roadmap, ...(roadmap.sourcePath ? { sourceUnconfirmed: true } : {}) };
      store.saveRoadmap(restored);
      if (roadmap.sourcePath) unconfirmedSources.push({ id: roadmap.id, path: roadmap.sourcePath });
    }
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
    return { roadmaps: backup.roadmaps.length, events: backup.events.length, unconfirmedSources };
  });
}
