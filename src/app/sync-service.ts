import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { WaymarkError } from '../core/errors.js';
import { importRoadmap } from '../core/markdown/import-roadmap.js';
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import type { Status } from '../core/progress/events.js';
import { foldEvents } from '../core/progress/fold.js';
import { isLeaf } from '../core/progress/items.js';
import { rollUp } from '../core/progress/rollup.js';
import { statusTargets } from '../core/progress/status-targets.js';
import { applyCheckboxEdits } from '../core/sync/checkbox-edits.js';
import { mergeCheckboxes } from '../core/sync/merge-checkboxes.js';
import type { RoadmapRecord } from '../store/port.js';
import { bundledRoadmapsDir } from './bundled-roadmaps.js';
import { importRoadmapFile } from './import-service.js';
import { readRoadmapFile } from './read-roadmap-file.js';
import { leafStatuses, roadmapProgress } from './roadmap-progress.js';
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
}

export type Prefer = 'file' | 'store';

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
  const path = sourceOf(record);
  const current = readRoadmapFile(path);
  const base = store.getSyncBase(roadmapId);
  const baseChecked = { ...(base?.checked ?? {}) };
  let model = record.model as Roadmap;
  if (current.sha256 !== record.sha256) {
    // Edited in the editor since we last saw it: re-import so ids line up, and carry the base along moves.
    const reimported = importRoadmapFile(workspace, path);
    model = reimported.roadmap;
    for (const move of reimported.match?.moved ?? []) {
      const before = base?.checked[move.from];
      if (before !== undefined) baseChecked[move.to] = before;
    }
  }
  const nodes = new Map([...walkNodes(model.nodes)].map(({ node }) => [node.id, node]));
  const boxed = [...nodes.values()].filter((node) => node.checked !== undefined);

  const events = store.listEvents({ roadmapId });
  const state = foldEvents(events);
  // A parent's box follows its derived state (ARCHITECTURE.md, "Progress semantics").
  const { tree } = roadmapProgress(model, state);
  const finished = (id: string) => ['done', 'skipped'].includes(tree.get(id)?.status ?? 'todo');
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
  });
  for (const conflict of prefer ? plan.conflicts : []) {
    if (prefer === 'file') plan.toStore.push({ id: conflict.id, done: conflict.file });
    else plan.toFile.push({ id: conflict.id, checked: conflict.store });
    plan.base[conflict.id] = prefer === 'file' ? conflict.file : conflict.store;
  }
  const conflicts = prefer ? [] : plan.conflicts;
  const titleOf = (id: string) => nodes.get(id)?.title ?? id;

  const leaves = leafStatuses(model, state);
  const recorded = leafChanges(plan.toStore, nodes, leaves);
  followDerivedParents(model, boxed, plan, leaves, recorded);
  if (recorded.length > 0) {
    store.appendEvents(
      stampChange(
        workspace,
        workspace.now.toISOString(),
        recorded.map(([nodeId, status]) => ({ type: 'status' as const, roadmapId, nodeId, status })),
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
  store.transaction(() => {
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
  };
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
