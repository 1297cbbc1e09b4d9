import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { WaymarkError } from '../core/errors.js';
import { importRoadmap } from '../core/markdown/import-roadmap.js';
import type { Node } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import type { WaymarkEvent } from '../core/progress/events.js';
import { foldEvents } from '../core/progress/fold.js';
import { rollUp } from '../core/progress/rollup.js';
import { applyCheckboxEdits } from '../core/sync/checkbox-edits.js';
import { mergeCheckboxes, type Prefer } from '../core/sync/merge-checkboxes.js';
import type { RoadmapRecord, SyncBase } from '../store/port.js';
import { bundledRoadmapsDir } from './bundled-roadmaps.js';
import { importRoadmapFile } from './import-service.js';
import { type RoadmapFile, readRoadmapFile } from './read-roadmap-file.js';
import { loadRoadmaps, stampChange, type Workspace } from './workspace.js';
import { writeFileAtomically } from './write-file-atomically.js';

export interface SyncResult {
  roadmapId: string;
  path: string;
  /** Boxes ticked or cleared in the file. */
  written: { id: string; title: string; checked: boolean }[];
  /** Statuses recorded from boxes changed in the editor. */
  recorded: { id: string; title: string; done: boolean }[];
  conflicts: { id: string; title: string; file: boolean; store: boolean }[];
  /** Items of the file matched to the stored structure (kept or followed). */
  matched: number;
  /** Items the re-read structure followed to a new id or title (their progress went with them). */
  followed: { from: string; to: string; before: string; after: string }[];
  /** Archived items that came back to the file. */
  restored: { from: string; to: string; title: string }[];
  /** Items no longer in the file: their progress is archived (`waymark list --archived`). */
  archived: { id: string; title: string; hadProgress: boolean }[];
  /** Finished items with no checkbox anywhere in their part of the file: their state cannot be written. */
  unwritable: { id: string; title: string }[];
  /** Checkboxes in the file. */
  boxes: number;
}

export type { Prefer } from '../core/sync/merge-checkboxes.js';

/**
 * Two-way sync with the roadmap's Markdown file: a three-way merge of the file's boxes and the store's
 * statuses against the state at the last sync. The file's structure is re-read first, every time, so edited,
 * moved and removed items are followed (or archived) before any box is compared; the write touches only the
 * bytes inside changed boxes and refuses if the file changes meanwhile.
 */
export function syncRoadmap(workspace: Workspace, roadmapId: string, prefer?: Prefer): SyncResult {
  const { store } = workspace;
  const record = store.getRoadmap(roadmapId);
  if (!record)
    throw new WaymarkError('NOT_FOUND', `no roadmap "${roadmapId}".`, 'Run `waymark list` to see the ids.');
  const path = sourceOf(record);
  const current = readRoadmapFile(path);
  const structure = rereadStructure(workspace, record, current);
  const model = structure.roadmap;
  const nodes = new Map([...walkNodes(model.nodes)].map(({ node }) => [node.id, node]));
  const boxed = [...nodes.values()].filter((node) => node.checked !== undefined);

  const events = store.listEvents({ roadmapId });
  const state = foldEvents(events);
  const tree = rollUp(model.nodes, (id) => state.nodes.get(roadmapId)?.get(id)?.status);
  const finished = (id: string) => ['done', 'skipped'].includes(tree.get(id)?.status ?? 'todo');
  const plan = mergePlan(store.getSyncBase(roadmapId), events, boxed, finished, prefer);
  const titleOf = (id: string) => nodes.get(id)?.title ?? id;

  if (plan.toStore.length > 0) {
    store.appendEvents(
      stampChange(
        workspace,
        workspace.now.toISOString(),
        plan.toStore.map((change) => ({
          type: 'status' as const,
          roadmapId,
          nodeId: change.id,
          status: change.done ? ('done' as const) : ('todo' as const),
        })),
      ),
    );
  }
  let sha256 = current.sha256;
  let written = model;
  if (plan.toFile.length > 0) {
    const edits = plan.toFile.map((change) => ({
      line: (nodes.get(change.id) as Node).source.line,
      checked: change.checked,
    }));
    const bytes = applyCheckboxEdits(current.bytes, edits);
    writeFileAtomically(path, bytes, current.sha256);
    const after = readRoadmapFile(path);
    sha256 = after.sha256;
    written = { ...importRoadmap(after.text, { path, sha256 }).roadmap, id: roadmapId };
  }
  const saved = store.getRoadmap(roadmapId) ?? record;
  store.transaction(() => {
    store.saveRoadmap({
      ...saved,
      title: written.title,
      sha256,
      model: written,
      importedAt: saved.importedAt,
    });
    store.setSyncBase(roadmapId, {
      checked: plan.base,
      sha256,
      syncedAt: new Date(Date.now()).toISOString(),
    });
  });
  return {
    roadmapId,
    path,
    written: plan.toFile.map((change) => ({
      id: change.id,
      title: titleOf(change.id),
      checked: change.checked,
    })),
    recorded: plan.toStore.map((change) => ({ id: change.id, title: titleOf(change.id), done: change.done })),
    conflicts: plan.conflicts.map((conflict) => ({ ...conflict, title: titleOf(conflict.id) })),
    ...structure.report,
    unwritable: unwritableItems(model.nodes, finished),
    boxes: boxed.length,
  };
}

/**
 * Re-reads the file's structure and matches it to the stored one (the same matcher as re-import), so the
 * ids the merge compares are the file's current ones and the sync base has followed every moved item.
 */
function rereadStructure(workspace: Workspace, record: RoadmapRecord, file: RoadmapFile) {
  const summary = importRoadmapFile(workspace, file.path, { id: record.id, file });
  const match = summary.match;
  const renamed = new Map((match?.retitled ?? []).map((change) => [change.id, change]));
  const followed: SyncResult['followed'] = [];
  for (const move of match?.moved ?? []) {
    const titles = renamed.get(move.to);
    followed.push({ from: move.from, to: move.to, before: titles?.before ?? move.title, after: move.title });
    renamed.delete(move.to);
  }
  for (const change of renamed.values()) {
    followed.push({ from: change.id, to: change.id, before: change.before, after: change.after });
  }
  return {
    roadmap: summary.roadmap,
    report: {
      matched: (match?.kept.length ?? 0) + (match?.moved.length ?? 0),
      followed,
      restored: summary.restored,
      archived: summary.archived,
    },
  };
}

/** The three-way merge's inputs from the store: the last sync's boxes and what changed in Waymark since. */
function mergePlan(
  base: SyncBase | undefined,
  events: readonly WaymarkEvent[],
  boxed: readonly Node[],
  finished: (id: string) => boolean,
  prefer: Prefer | undefined,
) {
  const touched = new Set(
    events
      .filter((event) => event.type === 'status' && (!base || event.recordedAt > base.syncedAt))
      .map((event) => event.nodeId as string),
  );
  return mergeCheckboxes({
    base: base?.checked ?? {},
    file: Object.fromEntries(boxed.map((node) => [node.id, node.checked === true])),
    store: Object.fromEntries(boxed.map((node) => [node.id, finished(node.id)])),
    storeTouched: touched,
    ...(prefer ? { prefer } : {}),
  });
}

/**
 * Finished work items the file cannot show: no box on their line nor on any line beneath them. Reported so
 * that "in sync" never hides them.
 */
function unwritableItems(
  nodes: readonly Node[],
  finished: (id: string) => boolean,
): { id: string; title: string }[] {
  const out: { id: string; title: string }[] = [];
  const visit = (node: Node): boolean => {
    let boxedBelow = false;
    for (const child of node.children) boxedBelow = visit(child) || boxedBelow;
    const boxed = node.checked !== undefined || boxedBelow;
    // Work items only: a parent's state is its items' (and is reported through them).
    const workItem = node.trackable && !node.children.some((child) => child.trackable);
    if (!boxed && workItem && finished(node.id)) out.push({ id: node.id, title: node.title });
    return boxed;
  };
  for (const node of nodes) visit(node);
  return out;
}

/** Every stored roadmap that came from a file (bundled ones included). */
export function syncableRoadmaps(workspace: Workspace): string[] {
  return loadRoadmaps(workspace.store)
    .filter(({ record }) => record.sourcePath !== undefined && !isBundled(record.sourcePath))
    .map(({ record }) => record.id);
}

/** The bundled roadmaps belong to the installation: writing their boxes would edit Waymark itself. */
function isBundled(path: string): boolean {
  const rel = relative(bundledRoadmapsDir(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function sourceOf(record: RoadmapRecord): string {
  const path = record.sourcePath;
  if (!path) throw new WaymarkError('INPUT', `roadmap "${record.id}" has no source file to sync with.`);
  if (isBundled(path)) {
    throw new WaymarkError(
      'INPUT',
      `"${record.id}" is a bundled roadmap: its file ${path} belongs to Waymark, so sync does not write it.`,
      'To keep your ticks in Markdown, copy that file to a folder of yours and `waymark import` the copy.',
    );
  }
  if (!existsSync(path)) {
    throw new WaymarkError(
      'NOT_FOUND',
      `the source of "${record.id}" is gone: ${path} was deleted or moved.`,
      `Import it from its new place (waymark import NEW_PATH); progress follows the items.`,
    );
  }
  return path;
}
