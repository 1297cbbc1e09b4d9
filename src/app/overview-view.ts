/**
 * The overview's list of roadmaps: progress overall and per phase (by count and by effort), time logged,
 * work in progress and the target date. Built on `buildStatus` (the numbers of `waymark status`).
 */
import type { Roadmap } from '../core/model/roadmap.js';
import type { ProgressState } from '../core/progress/fold.js';
import { readSettings } from './planning-settings.js';
import type { RoadmapStatus, StatusNode } from './progress-view.js';

export interface PhaseSummary {
  id: string;
  title: string;
  done: number;
  total: number;
  ratio: number;
  effortRatio: number;
}

export interface RoadmapSummary extends Omit<RoadmapStatus, 'nodes'> {
  /** The stored target date, else the roadmap's own goal date; absent when cleared or never given. */
  targetDate?: string;
  phases: PhaseSummary[];
}

export function roadmapSummaries(
  statuses: readonly RoadmapStatus[],
  models: ReadonlyMap<string, Roadmap>,
  state: ProgressState,
): RoadmapSummary[] {
  return statuses.map(({ nodes, ...status }) => {
    const stored = readSettings(state, status.id).targetDate;
    const targetDate = stored === undefined ? models.get(status.id)?.goal?.targetDate : (stored ?? undefined);
    return { ...status, ...(targetDate ? { targetDate } : {}), phases: phasesOf(nodes) };
  });
}

/** The phases; a roadmap without phases shows its top-level groups that hold work. */
function phasesOf(nodes: readonly StatusNode[]): PhaseSummary[] {
  const phases = nodes.filter((node) => node.kind === 'phase');
  const shown = phases.length > 0 ? phases : nodes.filter((node) => node.total > 0);
  return shown.map((node) => ({
    id: node.id,
    title: node.title,
    done: node.done,
    total: node.total,
    ratio: node.total === 0 ? 0 : node.done / node.total,
    effortRatio: node.effortTotal === 0 ? 0 : node.effortDone / node.effortTotal,
  }));
}
