import type { Node } from '../model/roadmap.js';
import type { Status } from './events.js';

export interface RolledUpProgress {
  /** The status shown: the node's own, or derived from its trackable children. */
  status: Status;
  /** Trackable leaf items beneath (or the node itself when it is one), and how many are finished. */
  total: number;
  finished: number;
  /** Effort-weighted: hours of finished work over hours of all work beneath. */
  weightTotal: number;
  weightFinished: number;
}

export type ProgressTree = Map<string, RolledUpProgress>;

const isFinished = (status: Status | undefined) => status === 'done' || status === 'skipped';

/**
 * Rolls item statuses up the tree. A parent is done when all its trackable children are done or skipped,
 * or when the learner marked it done itself; it is "doing" as soon as anything beneath has started.
 * `weightOf` gives an item's effort (hours) so progress can be weighted by effort as well as by count.
 */
export function rollUp(
  nodes: readonly Node[],
  statusOf: (nodeId: string) => Status | undefined,
  weightOf: (node: Node) => number = () => 1,
): ProgressTree {
  const tree: ProgressTree = new Map();
  const visit = (node: Node, ancestorFinished: boolean): RolledUpProgress => {
    const own = statusOf(node.id);
    const finishedAbove = ancestorFinished || isFinished(own);
    const children = node.children
      .filter((child) => child.trackable)
      .map((child) => visit(child, finishedAbove));
    for (const child of node.children) if (!child.trackable) visit(child, finishedAbove);
    let progress: RolledUpProgress;
    if (children.length === 0) {
      const status: Status = own ?? (ancestorFinished ? 'done' : 'todo');
      const counted = node.trackable ? 1 : 0;
      const weight = node.trackable ? weightOf(node) : 0;
      const finished = node.trackable && (isFinished(status) || ancestorFinished);
      progress = {
        status: ancestorFinished && !own ? 'done' : status,
        total: counted,
        finished: finished ? 1 : 0,
        weightTotal: weight,
        weightFinished: finished ? weight : 0,
      };
    } else {
      const sum = (pick: (p: RolledUpProgress) => number) =>
        children.reduce((total, child) => total + pick(child), 0);
      const total = sum((p) => p.total);
      const finished = sum((p) => p.finished);
      const started = children.some((child) => child.status !== 'todo');
      const allSkipped = children.every((child) => child.status === 'skipped');
      const derived: Status =
        finished === total
          ? allSkipped
            ? 'skipped'
            : 'done'
          : started || own === 'doing'
            ? 'doing'
            : 'todo';
      progress = {
        status: isFinished(own) ? (own as Status) : derived,
        total,
        finished,
        weightTotal: sum((p) => p.weightTotal),
        weightFinished: sum((p) => p.weightFinished),
      };
    }
    tree.set(node.id, progress);
    return progress;
  };
  for (const node of nodes) visit(node, false);
  return tree;
}

/** Totals over a list of top-level nodes (a whole roadmap). */
export function totalOf(nodes: readonly Node[], tree: ProgressTree): Omit<RolledUpProgress, 'status'> {
  const totals = { total: 0, finished: 0, weightTotal: 0, weightFinished: 0 };
  for (const node of nodes) {
    const progress = tree.get(node.id);
    if (!progress || !node.trackable) continue;
    totals.total += progress.total;
    totals.finished += progress.finished;
    totals.weightTotal += progress.weightTotal;
    totals.weightFinished += progress.weightFinished;
  }
  return totals;
}
