import type { Node, Roadmap } from '../core/model/roadmap.js';
import { estimateEffort } from '../core/plan/estimate-effort.js';
import type { ProgressState } from '../core/progress/fold.js';

/** The learner's own estimates (`waymark estimate ITEM 6h`) for one roadmap, from the folded log. */
export function estimateOverrides(roadmap: Roadmap, state: ProgressState): Map<string, number> {
  const overrides = new Map<string, number>();
  for (const [nodeId, progress] of state.nodes.get(roadmap.id) ?? []) {
    if (progress.estimateHours !== undefined) overrides.set(nodeId, progress.estimateHours);
  }
  return overrides;
}

/**
 * Names `effortWeights` for cached status views (see buildStatus): bump it when the weights change, and
 * keep the weights a function of the roadmap and its own events only, or the cache would miss changes.
 */
export const EFFORT_MODEL = 'effort-v2';

/** Effort weight of each item (midpoint of its estimated hours) for effort-weighted progress. */
export function effortWeights(roadmap: Roadmap, state: ProgressState): (node: Node) => number {
  const estimate = estimateEffort(roadmap, { overrides: estimateOverrides(roadmap, state) });
  return (node) => {
    const hours = estimate.items.get(node.id);
    return hours ? (hours.min + hours.max) / 2 : 0;
  };
}
