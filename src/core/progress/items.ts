/**
 * What "an item" is — the unit of "N of M" in every view (list, status, plan, today, retro, API,
 * dashboard) — defined once, here. See ARCHITECTURE.md, "Progress semantics".
 *
 * - A **leaf** is a trackable node with no trackable node beneath it. Status is recorded on leaves only;
 *   every other node's state is derived from the leaves beneath it (see rollup.ts).
 * - An **item** is a leaf that is not a checkpoint: milestones ("3-Month Goal") and the goals listed in them
 *   (and routine habits, review blocks) are ticked and synced like items, but they restate work counted
 *   where it sits, so they are not counted and not planned. A non-trackable heading above a leaf hides nothing: the leaf still counts.
 */
import type { Node, NodeKind } from '../model/roadmap.js';

const below = new WeakMap<Node, boolean>();

/** True when some node beneath `node` is trackable (memoized: roadmap models are immutable). */
export function hasTrackableBelow(node: Node): boolean {
  let known = below.get(node);
  if (known === undefined) {
    known = node.children.some((child) => child.trackable || hasTrackableBelow(child));
    below.set(node, known);
  }
  return known;
}

/** A node whose status is recorded: trackable, nothing trackable beneath it. */
export const isLeaf = (node: Node): boolean => node.trackable && !hasTrackableBelow(node);

const NOT_WORK: ReadonlySet<NodeKind> = new Set<NodeKind>(['milestone', 'habit', 'review']);

const checkpoints = new WeakMap<Node, boolean>();

/**
 * Milestones, routine habits and review blocks (and everything beneath them) restate work counted elsewhere:
 * checkpoints, not items; so does a heading that only groups such nodes ("Milestones & Goals" over its
 * N-Month Goals, "Daily Learning Routine" over its blocks). The planner gives them no effort for the same
 * reason (plan/work-structure.ts uses this very rule). Memoized: roadmap models are immutable.
 */
export function isCheckpoint(node: Node): boolean {
  let known = checkpoints.get(node);
  if (known === undefined) {
    known =
      NOT_WORK.has(node.kind) ||
      node.recurrence !== undefined ||
      (node.children.length > 0 && node.children.every(isCheckpoint));
    checkpoints.set(node, known);
  }
  return known;
}

const itemLists = new WeakMap<readonly Node[], readonly Node[]>();

/** The items of a roadmap (or of the subtrees given), in document order. */
export function itemsOf(nodes: readonly Node[]): readonly Node[] {
  let items = itemLists.get(nodes);
  if (!items) {
    const found: Node[] = [];
    const visit = (node: Node) => {
      if (isCheckpoint(node)) return;
      if (isLeaf(node)) found.push(node);
      else for (const child of node.children) visit(child);
    };
    for (const node of nodes) visit(node);
    items = found;
    itemLists.set(nodes, items);
  }
  return items;
}

/** The leaves beneath `node` (or `node` itself when it is one), checkpoints included, in document order. */
export function leavesOf(node: Node): Node[] {
  if (isLeaf(node)) return [node];
  const found: Node[] = [];
  for (const child of node.children) found.push(...leavesOf(child));
  return found;
}
