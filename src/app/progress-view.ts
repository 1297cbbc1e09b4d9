import type { Node, NodeKind, Roadmap } from '../core/model/roadmap.js';
import type { Status } from '../core/progress/events.js';
import { nodeProgress, type ProgressState } from '../core/progress/fold.js';
import { isLeaf } from '../core/progress/items.js';
import { totalOf } from '../core/progress/rollup.js';
import type { Store } from '../store/port.js';
import { correctedModel } from './corrected-model.js';
import { foldedState } from './folded-state.js';
import { roadmapProgress } from './roadmap-progress.js';
import { cachedStatus, statusCacheKey, statusStamp } from './status-cache.js';
import type { LoadedRoadmap } from './workspace.js';

/** One node as `waymark status --json` and the dashboard show it. */
export interface StatusNode {
  id: string;
  title: string;
  kind: NodeKind;
  trackable: boolean;
  /** A leaf's own status; any other node's derived from the leaves beneath it (ARCHITECTURE.md). */
  status: Status;
  /** Finished (done or skipped) / all items beneath (or the item itself), as defined in core/progress/items.ts. */
  done: number;
  total: number;
  /** Hours of finished work / all work beneath, by the effort estimates. */
  effortDone: number;
  effortTotal: number;
  /** Study time logged on the node and everything beneath it. */
  minutes: number;
  children: StatusNode[];
}

export interface RoadmapStatus {
  id: string;
  title: string;
  sourcePath?: string;
  progress: { done: number; total: number; ratio: number; effortRatio: number };
  minutes: number;
  doing: { id: string; title: string }[];
  nodes: StatusNode[];
}

export type EffortOf = (roadmap: Roadmap, state: ProgressState) => (node: Node) => number;

/**
 * Builds the status of every (or one) stored roadmap from the roadmap models and the folded event log.
 * With `cacheTag` (naming the effort model, as `effortOf` is a function), each roadmap's status is cached
 * in the store against the stamp of its events and its import, so a repeated `waymark status` on a long
 * log reads one small value instead of folding every event.
 */
export function buildStatus(
  store: Store,
  effortOf: EffortOf,
  roadmapId?: string,
  cacheTag?: string,
): RoadmapStatus[] {
  const records = store.listRoadmaps().filter((record) => roadmapId === undefined || record.id === roadmapId);
  let state: ProgressState | undefined;
  const fold = () => {
    state ??= foldedState(store, roadmapId);
    return state;
  };
  return records.map((record) => {
    const loaded = () => roadmapStatus({ record, model: correctedModel(store, record) }, fold(), effortOf);
    if (cacheTag === undefined) return loaded();
    const cached = cachedStatus(store, record, cacheTag);
    if (cached) return cached;
    const status = loaded();
    store.writeCache(statusCacheKey(cacheTag, record.id), statusStamp(store, record), JSON.stringify(status));
    return status;
  });
}

function roadmapStatus(loaded: LoadedRoadmap, state: ProgressState, effortOf: EffortOf): RoadmapStatus {
  const { model } = loaded;
  const { tree } = roadmapProgress(model, state, effortOf(model, state));
  const doing: { id: string; title: string }[] = [];
  const toView = (node: Node): StatusNode => {
    const progress = tree.get(node.id);
    if (progress?.status === 'doing' && isLeaf(node)) doing.push({ id: node.id, title: node.title });
    const children = node.children.map(toView);
    const own = nodeProgress(state, model.id, node.id);
    return {
      id: node.id,
      title: node.title,
      kind: node.kind,
      trackable: node.trackable,
      status: progress?.status ?? 'todo',
      done: progress?.finished ?? 0,
      total: progress?.total ?? 0,
      effortDone: round(progress?.weightFinished ?? 0),
      effortTotal: round(progress?.weightTotal ?? 0),
      minutes: own.minutes + children.reduce((sum, child) => sum + child.minutes, 0),
      children,
    };
  };
  const nodes = model.nodes.map(toView);
  const totals = totalOf(model.nodes, tree);
  const looseMinutes = state.sessions
    // Review sessions are study time, not work on the roadmap (ARCHITECTURE.md, "Progress semantics").
    .filter((session) => session.roadmapId === model.id && session.nodeId === null && !session.review)
    .reduce((sum, session) => sum + session.minutes, 0);
  return {
    id: model.id,
    title: model.title,
    ...(loaded.record.sourcePath ? { sourcePath: loaded.record.sourcePath } : {}),
    progress: {
      done: totals.finished,
      total: totals.total,
      ratio: totals.total === 0 ? 0 : totals.finished / totals.total,
      effortRatio: totals.weightTotal === 0 ? 0 : totals.weightFinished / totals.weightTotal,
    },
    minutes: nodes.reduce((sum, node) => sum + node.minutes, 0) + looseMinutes,
    doing,
    nodes,
  };
}

const round = (hours: number) => Math.round(hours * 100) / 100;
