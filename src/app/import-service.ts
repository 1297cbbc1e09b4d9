import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { WaymarkError } from '../core/errors.js';
import { type ImportWarning, importRoadmap } from '../core/markdown/import-roadmap.js';
import { type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { type ArchivedItem, archivedItems, hasProgress } from '../core/progress/archived-items.js';
import type { ProgressState } from '../core/progress/fold.js';
import { isLeaf } from '../core/progress/items.js';
import { matchReimport, type ReimportMatch } from '../core/progress/match-reimport.js';
import { normalizeTitle } from '../core/text/similarity.js';
import type { RoadmapRecord } from '../store/port.js';
import { resolveRoadmapPath } from './bundled-roadmaps.js';
import { correctedModel } from './corrected-model.js';
import { foldedState } from './folded-state.js';
import { decodeRoadmapBytes, type RoadmapFile, readRoadmapFile } from './read-roadmap-file.js';
import { leafStatuses, roadmapProgress } from './roadmap-progress.js';
import { stampChange, type Workspace } from './workspace.js';

export interface ImportSummary {
  /** The roadmap as the learner corrected it (`exclude`, `include`, `kind`): what views show. */
  roadmap: Roadmap;
  /** The importer's reading, as stored (corrections are applied on top when read, never saved into it). */
  stored: Roadmap;
  created: boolean;
  unchanged: boolean;
  match?: ReimportMatch;
  /** Archived items that came back (their line returned, or an item with their title was added). */
  restored: { from: string; to: string; title: string }[];
  /** Items no longer in the file, with their titles; their progress is archived. */
  archived: { id: string; title: string; hadProgress: boolean }[];
  /** First import: ticked boxes recorded as done. */
  recordedTicks: number;
  /** Re-import: boxes whose state differs from Waymark's, for `waymark sync` to reconcile. */
  pendingSync: number;
  warnings: ImportWarning[];
}

/**
 * Adds a roadmap to the store, or re-imports an edited one: progress follows moved and renamed items
 * (rename events), the progress of removed items is archived (archive events, with their titles) and that of
 * items that came back is restored, all as one change. `file` reuses a file already read (sync).
 */
export function importRoadmapFile(
  workspace: Workspace,
  pathOrName: string,
  options: { id?: string; file?: RoadmapFile } = {},
): ImportSummary {
  const path = resolve(resolveRoadmapPath(pathOrName));
  const file = options.file ?? readRoadmapFile(path);
  return importSource(
    workspace,
    { name: path, sourcePath: path, text: file.text, sha256: file.sha256 },
    options,
  );
}

/**
 * Imports a roadmap whose text came without a file on this machine (the dashboard's upload). It has no
 * source path, so `sync` has nothing to write back; uploading a file of the same name again re-imports it
 * (progress follows the items) instead of adding a copy.
 */
export function importRoadmapUpload(
  workspace: Workspace,
  upload: { name: string; text: string },
): ImportSummary {
  const bytes = Buffer.from(upload.text, 'utf8');
  const name = basename(upload.name);
  // The same checks as a file from disk (a NUL byte means binary, not Markdown).
  const text = decodeRoadmapBytes(bytes, name);
  return importSource(workspace, { name, text, sha256: createHash('sha256').update(bytes).digest('hex') });
}

interface ImportSource {
  /** The path, or an upload's file name: kept in the model's `source.path` and used for the id. */
  name: string;
  /** Where the file lives on this machine (absent for an upload). */
  sourcePath?: string;
  text: string;
  sha256: string;
}

function importSource(
  workspace: Workspace,
  source: ImportSource,
  options: { id?: string } = {},
): ImportSummary {
  const { roadmap: parsed, warnings } = importRoadmap(source.text, {
    path: source.name,
    sha256: source.sha256,
  });
  const { store } = workspace;
  const isSame = (record: RoadmapRecord) =>
    source.sourcePath !== undefined
      ? record.sourcePath === source.sourcePath
      : record.sourcePath === undefined && (record.model as Roadmap).source?.path === source.name;
  // Which roadmap this file is, and a free id for a new one, are decided inside the write transaction that
  // saves it: two first imports of same-named files at once can then never take the same id.
  return store.transaction((): ImportSummary => {
    const existing = store.listRoadmaps().find(isSame);
    const roadmap: Roadmap = { ...parsed, id: options.id ?? existing?.id ?? freeId(workspace, parsed.id) };
    const record: RoadmapRecord = {
      id: roadmap.id,
      title: roadmap.title,
      ...(source.sourcePath !== undefined ? { sourcePath: source.sourcePath } : {}),
      sha256: source.sha256,
      model: roadmap,
      importedAt: workspace.now.toISOString(),
    };
    const summary = {
      roadmap,
      stored: roadmap,
      restored: [],
      archived: [],
      recordedTicks: 0,
      pendingSync: 0,
      warnings,
    };
    if (!existing) {
      const recordedTicks = importCheckedBoxes(workspace, roadmap, source.sha256, () =>
        store.saveRoadmap(record),
      );
      return { ...summary, created: true, unchanged: false, recordedTicks };
    }
    const previous = existing.model as Roadmap;
    const match = matchReimport(previous.nodes, roadmap.nodes);
    const state = foldedState(store, roadmap.id);
    const previousIds = new Set([...walkNodes(previous.nodes)].map(({ node }) => node.id));
    // The log is read (for the archived items' titles) only when something is archived.
    const anyArchived = [...(state.nodes.get(roadmap.id)?.values() ?? [])].some(
      (progress) => progress.archived,
    );
    const pool = anyArchived
      ? archivedItems(store.listEvents({ roadmapId: roadmap.id }), state, roadmap.id).filter(
          (item) => !previousIds.has(item.id),
        )
      : [];
    const restored = restoreArchived(match, roadmap, pool);
    const archived = archivedWithTitles(previous, match.archived, state);
    const stillArchived = (id: string) => state.nodes.get(roadmap.id)?.get(id)?.archived === true;
    const changes = stampChange(workspace, workspace.now.toISOString(), [
      ...match.moved.map((move) => ({
        type: 'rename' as const,
        roadmapId: roadmap.id,
        nodeId: null,
        from: move.from,
        to: move.to,
      })),
      // An id still flagged archived though it is in the file (archived by an older Waymark, then re-added).
      ...match.kept
        .filter(stillArchived)
        .map((id) => ({ type: 'rename' as const, roadmapId: roadmap.id, nodeId: null, from: id, to: id })),
      ...restored.map((back) => ({
        type: 'rename' as const,
        roadmapId: roadmap.id,
        nodeId: null,
        from: back.from,
        to: back.to,
      })),
      ...archived.map((gone) => ({
        type: 'archive' as const,
        roadmapId: roadmap.id,
        nodeId: gone.id,
        title: gone.title,
        path: gone.path,
      })),
    ]);
    const modelChanged =
      existing.sha256 !== source.sha256 || JSON.stringify(previous) !== JSON.stringify(roadmap);
    store.transaction(() => {
      if (changes.length > 0) store.appendEvents(changes);
      // Saving also confirms a source path that came with a restored backup (importing it is the learner's say).
      if (modelChanged || existing.sourceUnconfirmed) store.saveRoadmap(record);
      const base = store.getSyncBase(roadmap.id);
      if (base && changes.length > 0)
        store.setSyncBase(roadmap.id, { ...base, checked: rekeyBase(base.checked, match) });
    });
    return {
      ...summary,
      // The learner's corrections followed the renames: report the roadmap as they corrected it.
      roadmap: correctedModel(store, record),
      created: false,
      unchanged: !modelChanged,
      match,
      restored,
      archived: archived.map(({ id, title, hadProgress }) => ({ id, title, hadProgress })),
      pendingSync: boxesToSync(workspace, roadmap),
    };
  });
}

/**
 * `waymark remove ROADMAP`: the roadmap leaves every view, but its events stay in the log, so importing
 * the same file again (or restoring a backup) brings it back with all its progress.
 */
export function removeRoadmap(
  workspace: Workspace,
  roadmapId: string,
): { id: string; title: string; events: number } {
  const record = workspace.store.getRoadmap(roadmapId);
  if (!record) {
    const known = workspace.store.listRoadmaps().map((entry) => entry.id);
    throw new WaymarkError(
      'NOT_FOUND',
      `no roadmap "${roadmapId}".`,
      known.length > 0 ? `Known: ${known.join(', ')}.` : 'Nothing is imported.',
    );
  }
  workspace.store.removeRoadmap(roadmapId);
  return { id: record.id, title: record.title, events: workspace.store.listEvents({ roadmapId }).length };
}

/** The removed items with what they were (title, ancestors), for the archive events and the report. */
function archivedWithTitles(previous: Roadmap, ids: readonly string[], state: ProgressState) {
  const gone = new Set(ids);
  const out: { id: string; title: string; path: string[]; hadProgress: boolean }[] = [];
  for (const { node, parents } of walkNodes(previous.nodes)) {
    if (!gone.has(node.id)) continue;
    const progress = state.nodes.get(previous.id)?.get(node.id);
    out.push({
      id: node.id,
      title: node.title,
      path: parents.map((parent) => parent.title),
      hadProgress: progress !== undefined && hasProgress(progress),
    });
  }
  return out;
}

/**
 * Items archived by an earlier import that are back: the same id, or else the only archived item with the
 * same title under a parent of the same title (a generic title such as "Resources" elsewhere is not it).
 * Taken out of `match.added`, as they are not new.
 */
function restoreArchived(match: ReimportMatch, roadmap: Roadmap, archived: ArchivedItem[]) {
  if (archived.length === 0 || match.added.length === 0) return [];
  const placeKey = (title: string, parents: readonly string[]) =>
    `${normalizeTitle(parents[parents.length - 1] ?? '')}\u0000${normalizeTitle(title)}`;
  const byId = new Map(archived.map((item) => [item.id, item]));
  const byPlace = new Map<string, ArchivedItem | null>();
  for (const item of archived) {
    const key = placeKey(item.title, item.path);
    byPlace.set(key, byPlace.has(key) ? null : item);
  }
  const added = new Set(match.added);
  const taken = new Set<string>();
  const restored: { from: string; to: string; title: string }[] = [];
  for (const { node, parents } of walkNodes(roadmap.nodes)) {
    if (!added.has(node.id)) continue;
    const key = placeKey(
      node.title,
      parents.map((parent) => parent.title),
    );
    const item = byId.get(node.id) ?? byPlace.get(key) ?? undefined;
    if (!item || taken.has(item.id)) continue;
    taken.add(item.id);
    restored.push({ from: item.id, to: node.id, title: node.title });
  }
  const back = new Set(restored.map((item) => item.to));
  match.added = match.added.filter((id) => !back.has(id));
  return restored;
}

/** The sync base follows the items: a moved item's last-synced box moves with it; a removed one's goes. */
function rekeyBase(
  checked: Readonly<Record<string, boolean>>,
  match: ReimportMatch,
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const id of match.kept) if (checked[id] !== undefined) out[id] = checked[id];
  for (const move of match.moved)
    if (checked[move.from] !== undefined) out[move.to] = checked[move.from] as boolean;
  return out;
}

/** How many boxes in the file say something other than Waymark does (what `waymark sync` would reconcile). */
function boxesToSync(workspace: Workspace, roadmap: Roadmap): number {
  const { tree } = roadmapProgress(roadmap, foldedState(workspace.store, roadmap.id));
  const finished = (id: string) => ['done', 'skipped'].includes(tree.get(id)?.status ?? 'todo');
  let count = 0;
  for (const { node } of walkNodes(roadmap.nodes)) {
    if (node.checked !== undefined && node.checked !== finished(node.id)) count++;
  }
  return count;
}

/** Two different files with the same name ("README.md") get "readme", "readme-2", ... */
function freeId(workspace: Workspace, wanted: string): string {
  const taken = new Set(workspace.store.listRoadmaps().map((record) => record.id));
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  return id;
}

/**
 * A first import takes the roadmap as it is: boxes already ticked become `done` (one change, undoable),
 * and the file's boxes become the sync base, so the first `waymark sync` does not see them as new edits.
 */
function importCheckedBoxes(
  workspace: Workspace,
  roadmap: Roadmap,
  sha256: string,
  save: () => void,
): number {
  const { store } = workspace;
  const boxed = [...walkNodes(roadmap.nodes)]
    .map(({ node }) => node)
    .filter((node) => node.checked !== undefined);
  const at = workspace.now.toISOString();
  // A roadmap imported again after `waymark remove` finds its events still in the log: what is done stays
  // done, and a ticked box records nothing new.
  const already = leafStatuses(roadmap, foldedState(store, roadmap.id));
  const done = stampChange(
    workspace,
    at,
    boxed
      .filter(
        (node) =>
          node.checked === true &&
          isLeaf(node) &&
          !['done', 'skipped'].includes(already.get(node.id) ?? 'todo'),
      )
      .map((node) => ({
        type: 'status' as const,
        roadmapId: roadmap.id,
        nodeId: node.id,
        status: 'done' as const,
      })),
  );
  store.transaction(() => {
    save();
    if (done.length > 0) store.appendEvents(done);
    store.setSyncBase(roadmap.id, {
      checked: Object.fromEntries(boxed.map((node) => [node.id, node.checked === true])),
      sha256,
      syncedAt: new Date().toISOString(),
    });
  });
  return done.length;
}
