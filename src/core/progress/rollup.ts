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

interface Tally {
  leaves: number;
  finished: number;
  skipped: number;
  started: number;
}

const newTally = (): Tally => ({ leaves: 0, finished: 0, skipped: 0, started: 0 });

function addTo(into: Tally, from: Tally): void {
  into.leaves += from.leaves;
  into.finished += from.finished;
  into.skipped += from.skipped;
  into.started += from.started;
}

/** All finished: done (skipped when every one was skipped); anything started: doing; else todo. */
function derived(tally: Tally): Status {
  if (tally.leaves === 0) return 'todo';
  if (tally.finished === tally.leaves) return tally.skipped === tally.leaves ? 'skipped' : 'done';
  return tally.started > 0 ? 'doing' : 'todo';
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
  const excluded = options.excluded;
  /** Returns the tallies of in-scope leaves and of all leaves beneath. */
  const visit = (node: Node, checkpoint: boolean, outOfScope: boolean): [Tally, Tally] => {
    const inCheckpoint = checkpoint || isCheckpoint(node);
    const out = outOfScope || excluded?.has(node) === true;
    const scoped = newTally();
    const all = newTally();
    let progress: RolledUpProgress;
    if (isLeaf(node)) {
      const status = statusOf(node.id) ?? 'todo';
      const tally: Tally = {
        leaves: 1,
        finished: isFinished(status) ? 1 : 0,
        skipped: status === 'skipped' ? 1 : 0,
        started: status === 'todo' ? 0 : 1,
      };
      addTo(all, tally);
      if (!out) addTo(scoped, tally);
      const counted = !inCheckpoint && !out;
      const weight = counted ? weightOf(node) : 0;
      const finished = counted && isFinished(status);
      progress = {
        status,
        total: counted ? 1 : 0,
        finished: finished ? 1 : 0,
        weightTotal: weight,
        weightFinished: finished ? weight : 0,
      };
      for (const child of node.children) visit(child, inCheckpoint, out); // information beneath an item
    } else {
      progress = { status: 'todo', total: 0, finished: 0, weightTotal: 0, weightFinished: 0 };
      for (const child of node.children) {
        const [childScoped, childAll] = visit(child, inCheckpoint, out);
        addTo(scoped, childScoped);
        addTo(all, childAll);
        const sub = tree.get(child.id) as RolledUpProgress;
        progress.total += sub.total;
        progress.finished += sub.finished;
        progress.weightTotal += sub.weightTotal;
        progress.weightFinished += sub.weightFinished;
      }
      // An elective option not chosen still shows its own state.
      progress.status = derived(scoped.leaves > 0 ? scoped : all);
    }
    tree.set(node.id, progress);
    return [scoped, all];
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
