/**
 * "What have I got to show?": every certificate and project node across the roadmaps with its status,
 * evidence and dates. Pure over the roadmaps and the folded log.
 */
import { type Roadmap, walkNodes } from '../core/model/roadmap.js';
import type { EvidenceKind, Status } from '../core/progress/events.js';
import { nodeProgress, type ProgressState } from '../core/progress/fold.js';

export interface ShowcaseItem {
  roadmapId: string;
  nodeId: string;
  title: string;
  kind: 'certificate' | 'project';
  status: Status;
  statusAt?: string;
  evidence: { kind: EvidenceKind; ref: string; at: string }[];
  /** The item's first link in the roadmap (the course or project page), if it has one. */
  url?: string;
  /** Titles of the phase/section above it, outermost first. */
  path: string[];
  minutes: number;
}

export function showcaseView(roadmaps: readonly Roadmap[], state: ProgressState): { items: ShowcaseItem[] } {
  const items: ShowcaseItem[] = [];
  for (const roadmap of roadmaps) {
    for (const { node, parents } of walkNodes(roadmap.nodes)) {
      if (node.kind !== 'certificate' && node.kind !== 'project') continue;
      const progress = nodeProgress(state, roadmap.id, node.id);
      const url = node.links?.[0]?.url;
      items.push({
        roadmapId: roadmap.id,
        nodeId: node.id,
        title: node.title,
        kind: node.kind,
        status: progress.status,
        ...(progress.statusAt ? { statusAt: progress.statusAt } : {}),
        evidence: progress.evidence.map(({ kind, ref, at }) => ({ kind, ref, at })),
        ...(url ? { url } : {}),
        path: parents.map((parent) => parent.title),
        minutes: progress.minutes,
      });
    }
  }
  return { items };
}
