/**
 * The one derivation every view reads progress from (status, list, show, plan, today, retro, sync, the
 * API and the dashboard): leaf statuses from the fold, parents derived from them, unchosen elective options
 * out of scope. Derived once per folded state and roadmap version, so no view re-folds or re-derives.
 */
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { resolveElectives } from '../core/plan/electives.js';
import type { Status } from '../core/progress/events.js';
import type { ProgressState } from '../core/progress/fold.js';
import { isLeaf, itemsOf } from '../core/progress/items.js';
import { type ProgressTree, rollUp } from '../core/progress/rollup.js';
import type { Store } from '../store/port.js';
import { readSettings } from './planning-settings.js';

export interface RoadmapProgress {
  /** Every node's derived status and item counts. */
  tree: ProgressTree;
  /** Derived status of every node that is not todo (the planner's input). */
  status: ReadonlyMap<string, Status>;
  /** Elective options not chosen and optional items not started (see resolveElectives): not counted. */
  excluded: ReadonlySet<Node>;
  /** The items that count, in document order. */
  items: readonly Node[];
}

const derivedByState = new WeakMap<ProgressState, WeakMap<Roadmap, RoadmapProgress>>();

/** The recorded statuses of the roadmap's leaves (a status on a node with trackable children is ignored). */
export function leafStatuses(roadmap: Roadmap, state: ProgressState): Map<string, Status> {
  const recorded = state.nodes.get(roadmap.id);
  const status = new Map<string, Status>();
  if (!recorded) return status;
  const visit = (node: Node) => {
    if (isLeaf(node)) {
      const own = recorded.get(node.id);
      if (own && !own.archived && own.status !== 'todo') status.set(node.id, own.status);
    }
    for (const child of node.children) visit(child);
  };
  for (const node of roadmap.nodes) visit(node);
  return status;
}

/** The derived progress of one roadmap (cached per state object and model). */
export function roadmapProgress(
  roadmap: Roadmap,
  state: ProgressState,
  weightOf?: (node: Node) => number,
): RoadmapProgress {
  if (weightOf) return derive(roadmap, state, weightOf);
  let byRoadmap = derivedByState.get(state);
  if (!byRoadmap) {
    byRoadmap = new WeakMap();
    derivedByState.set(state, byRoadmap);
  }
  let progress = byRoadmap.get(roadmap);
  if (!progress) {
    progress = derive(roadmap, state, undefined);
    byRoadmap.set(roadmap, progress);
  }
  return progress;
}

const byStamp = new WeakMap<Store, Map<string, { model: Roadmap; progress: RoadmapProgress }>>();
const STAMP_CACHE_LIMIT = 32;

/**
 * The same derivation, reused across folds of the whole log: keyed by the store and the roadmap's event
 * stamp (which changes with every event), so a long-lived process (the server, the plan view) derives once
 * per stamp even when each request folds the log afresh. `state` must be the fold of the whole log.
 */
export function roadmapProgressAt(roadmap: Roadmap, state: ProgressState, store: Store): RoadmapProgress {
  let cache = byStamp.get(store);
  if (!cache) {
    cache = new Map();
    byStamp.set(store, cache);
  }
  const key = `${roadmap.id}\u0000${store.eventStamp({ roadmapId: roadmap.id })}`;
  const hit = cache.get(key);
  if (hit && hit.model === roadmap) return hit.progress;
  const progress = roadmapProgress(roadmap, state);
  if (cache.size >= STAMP_CACHE_LIMIT) cache.clear();
  cache.set(key, { model: roadmap, progress });
  return progress;
}

function derive(
  roadmap: Roadmap,
  state: ProgressState,
  weightOf: ((node: Node) => number) | undefined,
): RoadmapProgress {
  const leaves = leafStatuses(roadmap, state);
  const excluded = hasElectives(roadmap.nodes)
    ? resolveElectives(roadmap.nodes, readSettings(state, roadmap.id).choices, leaves).excluded
    : new Set<Node>();
  const tree = rollUp(roadmap.nodes, (id) => leaves.get(id), weightOf, { excluded });
  const status = new Map<string, Status>();
  for (const [id, progress] of tree) if (progress.status !== 'todo') status.set(id, progress.status);
  const items = itemsOf(roadmap.nodes).filter((node) => (tree.get(node.id)?.total ?? 0) > 0);
  return { tree, status, excluded, items };
}

const electiveRoadmaps = new WeakMap<readonly Node[], boolean>();

/** Whether the roadmap has any elective group (most have none: their derivation skips the electives). */
/** Whether any node is an elective group or an optional item (both wait until chosen or started). */
function hasElectives(nodes: readonly Node[]): boolean {
  let known = electiveRoadmaps.get(nodes);
  if (known === undefined) {
    const visit = (node: Node): boolean =>
      node.choose !== undefined || node.meta?.optional === 'true' || node.children.some(visit);
    known = nodes.some(visit);
    electiveRoadmaps.set(nodes, known);
  }
  return known;
}

/** The derived status of one node. */
export function derivedStatus(progress: RoadmapProgress, nodeId: string): Status {
  return progress.status.get(nodeId) ?? 'todo';
}
