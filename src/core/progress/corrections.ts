/**
 * The learner's corrections of the importer's reading: "this is not work" (`exclude`), "this is work"
 * (`include`), "this is a course" (`kind`). Each is a node-scoped `setting` event, so it is undone by
 * `undo`, kept by backups and follows the item through re-imports (the fold moves a node's settings along
 * its renames). Applied to the imported model by `applyCorrections`, which every view and the planner read.
 */
import { NODE_KINDS, type Node, type NodeKind, type Roadmap } from '../model/roadmap.js';
import type { ProgressState } from './fold.js';

/** Setting keys of corrections (node-scoped `setting` events). */
export const CORRECTION_KEY = { exclude: 'exclude', kind: 'kind' } as const;

export interface ItemCorrection {
  /** true: not work (the whole subtree); false: work (the whole subtree), whatever the importer read. */
  exclude?: boolean;
  kind?: NodeKind;
}

/** Kinds a learner can finish, planned unless excluded. */
const WORK_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'topic',
  'course',
  'project',
  'certificate',
  'milestone',
]);

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}

/** The corrections of one roadmap from a folded log, by node id (archived nodes have none). */
export function correctionsOf(state: ProgressState, roadmapId: string): Map<string, ItemCorrection> {
  const out = new Map<string, ItemCorrection>();
  for (const [nodeId, progress] of state.nodes.get(roadmapId) ?? []) {
    if (progress.archived) continue;
    const exclude = progress.settings[CORRECTION_KEY.exclude];
    const kind = progress.settings[CORRECTION_KEY.kind];
    const correction: ItemCorrection = {};
    if (typeof exclude === 'boolean') correction.exclude = exclude;
    if (isNodeKind(kind)) correction.kind = kind;
    if (correction.exclude !== undefined || correction.kind !== undefined) out.set(nodeId, correction);
  }
  return out;
}

/** A stable text of a set of corrections, for cache keys. */
export function correctionsSignature(corrections: ReadonlyMap<string, ItemCorrection>): string {
  return JSON.stringify([...corrections].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The roadmap as the learner corrected it. The nearest `exclude`/`include` above a node (or on it) decides
 * whether it is work; a `kind` changes the node's kind (and makes work of a kind one can finish). Included
 * information becomes a topic and an included optional item is no longer optional. Nodes below no
 * correction are shared with the input, which is returned as is when there are no corrections.
 */
export function applyCorrections(
  roadmap: Roadmap,
  corrections: ReadonlyMap<string, ItemCorrection>,
): Roadmap {
  if (corrections.size === 0) return roadmap;
  // Which nodes have a correction at or below them: one post-order pass, so the walk stays linear.
  const marked = new Set<Node>();
  const mark = (node: Node): boolean => {
    let any = corrections.has(node.id);
    for (const child of node.children) if (mark(child)) any = true;
    if (any) marked.add(node);
    return any;
  };
  for (const node of roadmap.nodes) mark(node);
  const visit = (node: Node, inherited: boolean | undefined): Node => {
    const own = corrections.get(node.id);
    const exclude = own?.exclude ?? inherited;
    if (!own && exclude === undefined && !marked.has(node)) return node;
    const copy: Node = { ...node, children: node.children.map((child) => visit(child, exclude)) };
    if (own?.kind && own.kind !== node.kind) {
      copy.kind = own.kind;
      copy.trackable = WORK_KINDS.has(own.kind)
        ? true
        : own.kind === 'info' || own.kind === 'habit' || own.kind === 'review'
          ? false
          : node.trackable;
      copy.meta = { ...copy.meta, importedKind: node.kind };
    }
    if (exclude === true && copy.trackable) {
      copy.trackable = false;
      copy.meta = { ...copy.meta, excluded: 'true' };
    } else if (exclude === false && !copy.trackable && canBeWork(copy)) {
      copy.trackable = true;
      if (copy.kind === 'info') copy.kind = 'topic';
      copy.meta = { ...copy.meta, included: 'true' };
    }
    if (exclude === false && copy.meta?.optional === 'true') {
      const { optional: _optional, ...meta } = copy.meta;
      copy.meta = { ...meta, included: 'true' };
    }
    return copy;
  };
  return { ...roadmap, nodes: roadmap.nodes.map((node) => visit(node, undefined)) };
}

/** Routine blocks and reviews stay what they are when a section around them is included. */
function canBeWork(node: Node): boolean {
  return node.kind !== 'habit' && node.kind !== 'review' && node.recurrence === undefined;
}
