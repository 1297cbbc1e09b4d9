import { createHash } from 'node:crypto';
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { WaymarkError } from '../core/errors.js';
import { importRoadmap } from '../core/markdown/import-roadmap.js';
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import type { Status, WaymarkEvent } from '../core/progress/events.js';
import { foldEvents } from '../core/progress/fold.js';
import { isLeaf } from '../core/progress/items.js';
import { rollUp } from '../core/progress/rollup.js';
import { statusTargets } from '../core/progress/status-targets.js';
import { applyCheckboxEdits, lineStarts, locateCheckbox } from '../core/sync/checkbox-edits.js';
import { type MergePlan, mergeCheckboxes, type Prefer } from '../core/sync/merge-checkboxes.js';
import type { RoadmapRecord } from '../store/port.js';
import { bundledRoadmapsDir } from './bundled-roadmaps.js';
import { describeFileError } from './file-errors.js';
import { importRoadmapFile } from './import-service.js';
import type { RoadmapFile } from './read-roadmap-file.js';
import { readSettledRoadmapFile } from './read-settled-roadmap-file.js';
import { leafStatuses, roadmapProgress } from './roadmap-progress.js';
import { assertSourceConfirmed } from './source-confirmation.js';
import { loadRoadmaps, stampChange, type Workspace } from './workspace.js';
import { assertWritable, writeFileAtomically } from './write-file-atomically.js';
import { recoverRoadmapFile } from './write-side-files.js';

export interface SyncResult {
  roadmapId: string;
  path: string;
  /** Boxes ticked or cleared in the file. */
  written: { id: string; title: string; checked: boolean }[];
  /** Statuses recorded from boxes changed in the editor. */
  recorded: { id: string; title: string; done: boolean }[];
  conflicts: { id: string; title: string; file: boolean; store: boolean }[];
  /** Items whose box Waymark cannot flip byte-exactly (a `✅` or `done` table cell): tick them by hand. */
  unwritable: { id: string; title: string; line: number; checked: boolean }[];
  /** Items of the file matched to the stored structure (kept or followed). */
  matched: number;
  /** Items the re-read structure followed to a new id or title (their progress went with them). */
  followed: { from: string; to: string; before: string; after: string }[];
  /** Archived items that came back to the file. */
  restored: { from: string; to: string; title: string }[];
  /** Items no longer in the file: their progress is archived (`waymark list --archived`). */
  archived: { id: string; title: string; hadProgress: boolean }[];
  /** Finished items with no checkbox anywhere in their part of the file: their state cannot be written. */
  boxless: { id: string; title: string }[];
  /** Checkboxes in the file. */
  boxes: number;
  /** Leftovers of an interrupted earlier write that were cleaned up (the file put back if it was missing). */
  recovered?: { removed: number; restored: boolean };
}

export type { Prefer } from '../core/sync/merge-checkboxes.js';

/**
 * Two-way sync with the roadmap's Markdown file: a three-way merge of the file's boxes and the store's
 * statuses against the state at the last sync. The file is re-imported first when it was edited, so ids
 * line up; the write touches only the bytes inside changed boxes and refuses if the file changes meanwhile.
 */
export function syncRoadmap(workspace: Workspace, roadmapId: string, prefer?: Prefer): SyncResult {
  const { store } = workspace;
  const record = store.getRoadmap(roadmapId);
  if (!record)
    throw new WaymarkError('NOT_FOUND', `no roadmap "${roadmapId}".`, 'Run `waymark list` to see the ids.');
  // A path that came with a restored backup is not touched at all (not even cleaned up) until confirmed.
  assertSourceConfirmed(record);
  const recovery =
    record.sourcePath && !isBundled(record.sourcePath)
      ? recoverRoadmapFile(record.sourcePath)
      : { removed: [] };
  const path = sourceOf(record);
  const current = readSettledRoadmapFile(path);
  // The structure is re-read every time (the same matcher as re-import), so the ids the merge compares are
  // the file's current ones and the sync base has followed every moved item.
  const structure = rereadStructure(workspace, record, current);
  const model = structure.roadmap;
  const base = store.getSyncBase(roadmapId);
  const baseChecked = { ...(base?.checked ?? {}) };
  const nodes = new Map([...walkNodes(model.nodes)].map(({ node }) => [node.id, node]));
  const boxed = [...nodes.values()].filter((node) => node.checked !== undefined);

  const events = store.listEvents({ roadmapId });
  const state = foldEvents(events);
  // A parent's box follows its derived state (ARCHITECTURE.md, "Progress semantics").
  const { tree } = roadmapProgress(model, state);
  const finished = (id: string) => ['done', 'skipped'].includes(tree.get(id)?.status ?? 'todo');
  const finishedAtBase = base
    ? finishedIn(
        model,
        roadmapId,
        events.filter((event) => event.recordedAt <= base.syncedAt),
        structure.moves,
      )
    : undefined;
  const touched = new Set(
    events
      .filter((event) => event.type === 'status' && (!base || event.recordedAt > base.syncedAt))
      .map((event) => event.nodeId as string),
  );
  const plan = mergeCheckboxes({
    base: baseChecked,
    file: Object.fromEntries(boxed.map((node) => [node.id, node.checked === true])),
    store: Object.fromEntries(boxed.map((node) => [node.id, finished(node.id)])),
    storeTouched: touched,
    ...(finishedAtBase
      ? { storeAtBase: Object.fromEntries(boxed.map((node) => [node.id, finishedAtBase(node.id)])) }
      : {}),
    ...(prefer ? { prefer } : {}),
  });
  const conflicts = plan.conflicts;
  const titleOf = (id: string) => nodes.get(id)?.title ?? id;
  // Box edits as leaf statuses (a parent's box acts on its leaves); parents' boxes follow in the same write.
  const leaves = leafStatuses(model, state);
  const recorded = leafChanges(plan.toStore, nodes, leaves);
  followDerivedParents(model, boxed, plan, leaves, recorded);
  const unwritable = splitUnwritable(plan, nodes, current.bytes, baseChecked, (id) =>
    finished(id) === (nodes.get(id)?.checked === true) ? undefined : finished(id),
  );

  // Everything that can fail is checked or done before the store is touched: a refused or conflicting
  // write records nothing, so the next run starts from the same state.
  let sha256 = current.sha256;
  let written = model;
  if (plan.toFile.length > 0) {
    const edits = plan.toFile.map((change) => ({
      line: (nodes.get(change.id) as Node).source.line,
      checked: change.checked,
    }));
    const bytes = applyCheckboxEdits(current.bytes, edits);
    assertWritable(path);
    writeFileAtomically(path, bytes, current.sha256);
    sha256 = createHash('sha256').update(bytes).digest('hex');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    written = { ...importRoadmap(text, { path, sha256 }).roadmap, id: roadmapId };
  }
  store.transaction(() => {
    if (recorded.length > 0) {
      store.appendEvents(
        stampChange(
          workspace,
          workspace.now.toISOString(),
          recorded.map(([nodeId, status]) => ({ type: 'status' as const, roadmapId, nodeId, status })),
        ),
      );
    }
    store.saveRoadmap({
      ...record,
      title: written.title,
      sha256,
      model: written,
      importedAt: record.importedAt,
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
    conflicts: conflicts.map((conflict) => ({ ...conflict, title: titleOf(conflict.id) })),
    unwritable: unwritable.map((change) => ({
      id: change.id,
      title: titleOf(change.id),
      line: (nodes.get(change.id) as Node).source.line,
      checked: change.checked,
    })),
    ...structure.report,
    boxless: boxlessItems(model.nodes, finished),
    boxes: boxed.length,
    ...(recovery.removed.length > 0 || recovery.restoredFrom
      ? { recovered: { removed: recovery.removed.length, restored: recovery.restoredFrom !== undefined } }
      : {}),
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
    roadmap: summary.stored,
    moves: (match?.moved ?? []).map(({ from, to }) => ({ from, to })),
    report: {
      matched: (match?.kept.length ?? 0) + (match?.moved.length ?? 0),
      followed,
      restored: summary.restored,
      archived: summary.archived,
    },
  };
}

/**
 * Finished work items the file cannot show: no box on their line nor on any line beneath them. Reported so
 * that "in sync" never hides them.
 */
function boxlessItems(
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

/** Finished-ness (done or skipped, rolled up the tree) of each node after `events`, renamed along `moves`. */
function finishedIn(
  model: Roadmap,
  roadmapId: string,
  events: readonly WaymarkEvent[],
  moves: readonly { from: string; to: string }[] = [],
): (id: string) => boolean {
  const statuses = foldEvents(events).nodes.get(roadmapId);
  const renamed = new Map(moves.map((move) => [move.to, move.from]));
  const tree = rollUp(
    model.nodes,
    (id) => statuses?.get(id)?.status ?? statuses?.get(renamed.get(id) ?? '')?.status,
  );
  return (id) => ['done', 'skipped'].includes(tree.get(id)?.status ?? 'todo');
}

/**
 * Takes out of `plan.toFile` the boxes that cannot be flipped byte-exactly (a `✅` or `done` table cell):
 * they are returned to be reported, and keep their old base. Such a box that still disagrees with the store
 * from an earlier sync (`pending` gives the store's side) is reported again, until it is ticked by hand.
 */
function splitUnwritable(
  plan: MergePlan,
  nodes: ReadonlyMap<string, Node>,
  bytes: Uint8Array,
  baseChecked: Readonly<Record<string, boolean>>,
  pending: (id: string) => boolean | undefined,
): MergePlan['toFile'] {
  const starts = lineStarts(bytes);
  const cannotWrite = (id: string) => {
    const line = nodes.get(id)?.source.line;
    return line === undefined || locateCheckbox(bytes, starts, line) === undefined;
  };
  const unwritable = plan.toFile.filter((change) => cannotWrite(change.id));
  const planned = new Set([...plan.toFile, ...plan.toStore, ...plan.conflicts].map((change) => change.id));
  for (const node of nodes.values()) {
    const wanted = node.checked === undefined || planned.has(node.id) ? undefined : pending(node.id);
    if (wanted !== undefined && cannotWrite(node.id)) unwritable.push({ id: node.id, checked: wanted });
  }
  if (unwritable.length === 0) return [];
  const skipped = new Set(unwritable.map((change) => change.id));
  plan.toFile = plan.toFile.filter((change) => !skipped.has(change.id));
  for (const id of skipped) {
    const before = baseChecked[id];
    if (before === undefined) delete plan.base[id];
    else plan.base[id] = before;
  }
  return unwritable;
}

export interface SyncFailure {
  roadmapId: string;
  error: { code: string; message: string; hint?: string };
}

/**
 * Syncs each roadmap on its own: one roadmap's problem (a read-only file, a conflict, a file that is gone,
 * even a bug) is reported for that roadmap and never stops the others.
 */
export function syncEach(
  workspace: Workspace,
  roadmapIds: readonly string[],
  prefer?: Prefer,
): { results: SyncResult[]; failures: SyncFailure[] } {
  const results: SyncResult[] = [];
  const failures: SyncFailure[] = [];
  for (const roadmapId of roadmapIds) {
    try {
      results.push(syncRoadmap(workspace, roadmapId, prefer));
    } catch (caught) {
      const error = caught instanceof WaymarkError ? caught : describeFileError(caught);
      failures.push({
        roadmapId,
        error: error
          ? { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
          : {
              code: 'INTERNAL',
              message: `unexpected error: ${caught instanceof Error ? caught.message : String(caught)}`,
              hint: 'This is a bug in Waymark. Run `waymark sync ID` with WAYMARK_DEBUG=1 and report the output.',
            },
      });
    }
  }
  return { results, failures };
}

/**
 * Box changes made in the editor, as leaf statuses: a leaf's box sets it; a parent's box acts on the leaves
 * beneath it (ticked: the unfinished ones become done; cleared: the finished ones go back to todo), except
 * leaves whose own box changed too, which decide for themselves.
 */
function leafChanges(
  changes: readonly { id: string; done: boolean }[],
  nodes: ReadonlyMap<string, Node>,
  current: ReadonlyMap<string, Status>,
): [string, Status][] {
  const out = new Map<string, Status>();
  const own = new Set(changes.map((change) => change.id));
  for (const change of changes) {
    const node = nodes.get(change.id);
    if (!node) continue;
    const status: Status = change.done ? 'done' : 'todo';
    const { change: leaves } = statusTargets(node, status, (id) => current.get(id) ?? 'todo');
    for (const leaf of leaves) if (leaf === node || !own.has(leaf.id)) out.set(leaf.id, status);
  }
  return [...out];
}

/**
 * A box edited in the editor changes the state of the parents above it (untick an item and its section is
 * no longer done): their boxes follow in the same write, unless they are in conflict.
 */
function followDerivedParents(
  model: Roadmap,
  boxed: readonly Node[],
  plan: ReturnType<typeof mergeCheckboxes>,
  before: ReadonlyMap<string, Status>,
  recorded: readonly [string, Status][],
): void {
  if (recorded.length === 0) return;
  const after = new Map(before);
  for (const [id, status] of recorded) after.set(id, status);
  const tree = rollUp(model.nodes, (id) => after.get(id));
  const conflicted = new Set(plan.conflicts.map((conflict) => conflict.id));
  for (const node of boxed) {
    if (isLeaf(node) || conflicted.has(node.id)) continue;
    const wanted = ['done', 'skipped'].includes(tree.get(node.id)?.status ?? 'todo');
    const edit = plan.toFile.find((change) => change.id === node.id);
    const inFile = edit ? edit.checked : node.checked === true;
    if (inFile === wanted) continue;
    if (edit) edit.checked = wanted;
    else plan.toFile.push({ id: node.id, checked: wanted });
    plan.base[node.id] = wanted;
  }
}

/** Every stored roadmap that came from a file of the learner's, once its path is confirmed. */
export function syncableRoadmaps(workspace: Workspace): string[] {
  return loadRoadmaps(workspace.store)
    .filter(({ record }) => record.sourcePath !== undefined && !isBundled(record.sourcePath))
    .filter(({ record }) => !record.sourceUnconfirmed)
    .map(({ record }) => record.id);
}

/** The bundled roadmaps belong to the installation: writing their boxes would edit Waymark itself. */
function isBundled(path: string): boolean {
  const inside = (dir: string, file: string) => {
    const rel = relative(dir, file);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  // A link of the learner's that points into the installation names a bundled file too.
  return inside(bundledRoadmapsDir(), path) || inside(realOrSame(bundledRoadmapsDir()), realOrSame(path));
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function sourceOf(record: RoadmapRecord): string {
  assertSourceConfirmed(record);
  const path = record.sourcePath;
  if (!path) throw new WaymarkError('INPUT', `roadmap "${record.id}" has no source file to sync with.`);
  if (isBundled(path)) {
    throw new WaymarkError(
      'INPUT',
      `"${record.id}" is a bundled roadmap: its file ${path} belongs to Waymark, so sync does not write it.`,
      'To keep your ticks in Markdown, copy that file to a folder of yours and `waymark import` the copy.',
    );
  }
  if (!existsSync(path) && !isDanglingLink(path)) {
    throw new WaymarkError(
      'NOT_FOUND',
      `the source of "${record.id}" is gone: ${path} was deleted or moved.`,
      `Import it from its new place (waymark import NEW_PATH); progress follows the items.`,
    );
  }
  return path;
}

/** A symlink whose target is gone: reading it says so (naming the link), better than "deleted or moved". */
function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
