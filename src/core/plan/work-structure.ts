/**
 * Which nodes hold plannable work, and how much each weighs. Shared by the effort estimate and the planner
 * so both agree on the unit of planning: an item (see progress/items.ts), the unit every view counts.
 * Containers are done when their units are.
 */
import { electiveOptions, type Node, type NodeKind } from '../model/roadmap.js';
import { isCheckpoint, isLeaf } from '../progress/items.js';
import { kindWeight } from './work-size.js';

/** Groupings weigh only what they hold; other containers (a topic with sub-topics) add a share of their own. */
const GROUPING: ReadonlySet<NodeKind> = new Set<NodeKind>(['phase', 'section']);

/**
 * THE rule for what the planner never treats as work is the progress model's checkpoint rule (routine blocks,
 * reviews, milestones, and headings that only group them), so the plan and every count agree.
 */
export const isEffortless = isCheckpoint;

export interface WorkStructure {
  /** Planning units in document order. */
  units: Node[];
  unitSet: ReadonlySet<Node>;
  /** Size of the work beneath a node (a unit weighs its kind's weight, a topic 1), for nodes that have any. */
  weight: ReadonlyMap<Node, number>;
  /**
   * Elective options count for `choose.max / options` of their weight when their parent's budget is shared
   * out: a "choose 1-2 of 3" phase of 6-8 weeks means 6-8 weeks for two of the three options.
   */
  optionFactor: ReadonlyMap<Node, number>;
}

/** The roadmap is immutable data, so its structure is computed once per node list (effort, then plan). */
const analysed = new WeakMap<readonly Node[], WorkStructure>();

export function analyseWork(nodes: readonly Node[]): WorkStructure {
  let structure = analysed.get(nodes);
  if (!structure) {
    structure = analyse(nodes);
    analysed.set(nodes, structure);
  }
  return structure;
}

function analyse(nodes: readonly Node[]): WorkStructure {
  const units: Node[] = [];
  const unitSet = new Set<Node>();
  const weight = new Map<Node, number>();
  const optionFactor = new Map<Node, number>();
  const weigh = (node: Node): number => {
    if (isEffortless(node)) return 0;
    if (node.choose) {
      const options = electiveOptions(node);
      const factor = options.length > 0 ? Math.min(1, Math.max(1, node.choose.max) / options.length) : 1;
      for (const option of options) optionFactor.set(option, factor);
    }
    let inside = 0;
    for (const child of node.children) inside += weigh(child) * (optionFactor.get(child) ?? 1);
    let total = 0;
    if (inside > 0) total = inside + (node.trackable && !GROUPING.has(node.kind) ? kindWeight(node.kind) : 0);
    else if (isLeaf(node)) {
      total = kindWeight(node.kind);
      units.push(node); // nothing beneath a unit is a unit, so post-order is document order here
      unitSet.add(node);
    }
    if (total > 0) weight.set(node, total);
    return total;
  };
  for (const node of nodes) weigh(node);
  return { units, unitSet, weight, optionFactor };
}
