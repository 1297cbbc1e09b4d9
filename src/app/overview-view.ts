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

/**
 * The roadmap's work in groups that together hold every item exactly once: each phase (wherever it sits,
 * e.g. under an information heading), and each top-level node outside the phases that holds items (a
 * "Learning Resources" section, a lone item). So the groups always add up to the roadmap's total.
 */
export function phasesOf(nodes: readonly StatusNode[]): PhaseSummary[] {
  const groups: StatusNode[] = [];
  const hasPhase = (node: StatusNode): boolean =>
    node.children.some((child) => (child.kind === 'phase' && child.total > 0) || hasPhase(child));
  const visit = (node: StatusNode) => {
    if (node.total === 0) return;
    if (node.kind === 'phase' || !hasPhase(node)) groups.push(node);
    else for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return groups.map((node) => ({
    id: node.id,
    title: node.title,
    done: node.done,
    total: node.total,
    ratio: node.total === 0 ? 0 : node.done / node.total,
    effortRatio: node.effortTotal === 0 ? 0 : node.effortDone / node.effortTotal,
  }));
}
