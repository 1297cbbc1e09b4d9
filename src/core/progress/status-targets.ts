/**
 * Which leaves a status change acts on. Status is recorded on leaves only (items.ts), so marking a parent
 * acts on the leaves beneath it: `done`/`skip` on the unfinished ones, `start` on those not started, `reset`
 * on every one not at todo. A leaf named directly changes whenever its status differs (that is how a
 * finished item is reopened). A leaf already at the wanted status records nothing.
 */
import type { Node } from '../model/roadmap.js';
import type { Status } from './events.js';
import { isLeaf } from './items.js';

export interface StatusTargets {
  /** Leaves whose status changes, in document order. */
  change: Node[];
  /** Leaves beneath the node that keep their status (already there, or finished work `start` leaves alone). */
  unchanged: Node[];
}

const ACTS_ON: Record<Status, (current: Status) => boolean> = {
  done: (current) => current === 'todo' || current === 'doing',
  skipped: (current) => current === 'todo' || current === 'doing',
  doing: (current) => current === 'todo',
  todo: (current) => current !== 'todo',
};

/**
 * `excluded` are the elective options not chosen: marking a parent leaves their leaves alone, unless the
 * node named is one of them or inside one (`namedExcluded`).
 */
export function statusTargets(
  named: Node,
  status: Status,
  current: (nodeId: string) => Status,
  excluded: ReadonlySet<Node> = new Set(),
  namedExcluded = false,
): StatusTargets {
  const change: Node[] = [];
  const unchanged: Node[] = [];
  if (isLeaf(named)) {
    (current(named.id) === status ? unchanged : change).push(named);
    return { change, unchanged };
  }
  const visit = (node: Node) => {
    if (!namedExcluded && excluded.has(node)) return;
    if (isLeaf(node)) (ACTS_ON[status](current(node.id)) ? change : unchanged).push(node);
    else for (const child of node.children) visit(child);
  };
  visit(named);
  return { change, unchanged };
}
