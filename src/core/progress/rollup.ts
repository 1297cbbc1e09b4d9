/**
 * Progress of every node from the statuses recorded on leaves (see items.ts): a parent's state is derived
 * from the leaves beneath it, never recorded, so no view can show a finished parent over an unfinished child.
 */
import type { Node } from '../model/roadmap.js';
import type { Status } from './events.js';
import { isCheckpoint, isLeaf } from './items.js';

export interface RolledUpProgress {
  /** The leaf's own status, or, for any other node, the state derived from the leaves beneath it. */
  status: Status;
  /** Items beneath (or the node itself when it is one), and how many are finished (done or skipped). */
  total: number;
  finished: number;
  /** Effort-weighted: hours of finished items over hours of all items beneath. */
  weightTotal: number;
  weightFinished: number;
}

export type ProgressTree = Map<string, RolledUpProgress>;

export interface RollUpOptions {
  /** Elective options not chosen: their items are out of scope (neither counted nor deciding a parent's state). */
  excluded?: ReadonlySet<Node>;
}

const isFinished = (status: Status) => status === 'done' || status === 'skipped';

/** Leaves beneath a node, in scope and in all: how many, finished, skipped, started. One object per node. */
interface Tally {
  leaves: number;
  finished: number;
  skipped: number;
  started: number;
  allLeaves: number;
  allFinished: number;
  allSkipped: number;
  allStarted: number;
}

/** All finished: done (skipped when every one was skipped); anything started: doing; else todo. */
function derived(leaves: number, finished: number, skipped: number, started: number): Status {
  if (leaves === 0) return 'todo';
  if (finished === leaves) return skipped === leaves ? 'skipped' : 'done';
  return started > 0 ? 'doing' : 'todo';
}

/**
 * Rolls leaf statuses up the tree. `statusOf` gives the recorded status of a node; it is read for leaves
 * only (a status recorded on a node that has since gained trackable children no longer decides anything).
 * `weightOf` gives an item's effort (hours), so progress can be weighted by effort as well as by count.
 */
export function rollUp(
  nodes: readonly Node[],
  statusOf: (nodeId: string) => Status | undefined,
  weightOf: (node: Node) => number = () => 1,
  options: RollUpOptions = {},
): ProgressTree {
  const tree: ProgressTree = new Map();
  const excluded = options.excluded !== undefined && options.excluded.size > 0 ? options.excluded : undefined;
  const visit = (node: Node, checkpoint: boolean, outOfScope: boolean): Tally => {
    const inCheckpoint = checkpoint || isCheckpoint(node);
    const out = outOfScope || excluded?.has(node) === true;
    const tally: Tally = {
      leaves: 0,
      finished: 0,
      skipped: 0,
      started: 0,
      allLeaves: 0,
      allFinished: 0,
      allSkipped: 0,
      allStarted: 0,
    };
    if (isLeaf(node)) {
      const status = statusOf(node.id) ?? 'todo';
      const done = isFinished(status) ? 1 : 0;
      const skipped = status === 'skipped' ? 1 : 0;
      const started = status === 'todo' ? 0 : 1;
      tally.allLeaves = 1;
      tally.allFinished = done;
      tally.allSkipped = skipped;
      tally.allStarted = started;
      if (!out) {
        tally.leaves = 1;
        tally.finished = done;
        tally.skipped = skipped;
        tally.started = started;
      }
      const counted = !inCheckpoint && !out;
      const weight = counted ? weightOf(node) : 0;
      const finished = counted && done === 1;
      tree.set(node.id, {
        status,
        total: counted ? 1 : 0,
        finished: finished ? 1 : 0,
        weightTotal: weight,
        weightFinished: finished ? weight : 0,
      });
      for (const child of node.children) visit(child, inCheckpoint, out); // information beneath an item
      return tally;
    }
    const progress: RolledUpProgress = {
      status: 'todo',
      total: 0,
      finished: 0,
      weightTotal: 0,
      weightFinished: 0,
    };
    for (const child of node.children) {
      const sub = visit(child, inCheckpoint, out);
      tally.leaves += sub.leaves;
      tally.finished += sub.finished;
      tally.skipped += sub.skipped;
      tally.started += sub.started;
      tally.allLeaves += sub.allLeaves;
      tally.allFinished += sub.allFinished;
      tally.allSkipped += sub.allSkipped;
      tally.allStarted += sub.allStarted;
      const counts = tree.get(child.id) as RolledUpProgress;
      progress.total += counts.total;
      progress.finished += counts.finished;
      progress.weightTotal += counts.weightTotal;
      progress.weightFinished += counts.weightFinished;
    }
    // An elective option not chosen still shows its own state.
    progress.status =
      tally.leaves > 0
        ? derived(tally.leaves, tally.finished, tally.skipped, tally.started)
        : derived(tally.allLeaves, tally.allFinished, tally.allSkipped, tally.allStarted);
    tree.set(node.id, progress);
    return tally;
  };
  for (const node of nodes) visit(node, false, false);
  return tree;
}

/** Totals over the top-level nodes of a roadmap: every item, wherever it sits. */
export function totalOf(nodes: readonly Node[], tree: ProgressTree): Omit<RolledUpProgress, 'status'> {
  const totals = { total: 0, finished: 0, weightTotal: 0, weightFinished: 0 };
  for (const node of nodes) {
    const progress = tree.get(node.id);
    if (!progress) continue;
    totals.total += progress.total;
    totals.finished += progress.finished;
    totals.weightTotal += progress.weightTotal;
    totals.weightFinished += progress.weightFinished;
  }
  return totals;
}
