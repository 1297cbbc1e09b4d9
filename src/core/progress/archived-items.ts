/**
 * The items a re-import archived (they left the roadmap's file) and whose progress is still kept: what
 * `list --archived` lists, `show` finds and `reattach` moves onto a live item.
 */
import type { WaymarkEvent } from './events.js';
import type { NodeProgress, ProgressState } from './fold.js';

export interface ArchivedItem {
  roadmapId: string;
  id: string;
  /** The title it had (its id when archived by a Waymark that did not record titles). */
  title: string;
  /** Its ancestors' titles, outermost first. */
  path: string[];
  archivedAt: string;
  progress: NodeProgress;
}

/** Whether an archived node carries anything a learner would miss. */
export function hasProgress(progress: NodeProgress): boolean {
  return (
    progress.status !== 'todo' ||
    progress.minutes > 0 ||
    progress.notes.length > 0 ||
    progress.evidence.length > 0 ||
    progress.reviews.length > 0 ||
    progress.estimateHours !== undefined
  );
}

/** The archived nodes of one roadmap, in the order they were archived; `events` is that roadmap's log. */
export function archivedItems(
  events: readonly WaymarkEvent[],
  state: ProgressState,
  roadmapId: string,
): ArchivedItem[] {
  const byNode = state.nodes.get(roadmapId);
  if (!byNode) return [];
  const archivedBy = new Map<string, Extract<WaymarkEvent, { type: 'archive' }>>();
  for (const event of events) {
    if (event.type === 'archive' && event.roadmapId === roadmapId) archivedBy.set(event.nodeId, event);
  }
  const out: ArchivedItem[] = [];
  for (const [id, event] of archivedBy) {
    const progress = byNode.get(id);
    if (!progress?.archived) continue;
    out.push({
      roadmapId,
      id,
      title: event.title ?? id,
      path: event.path ?? [],
      archivedAt: event.at,
      progress,
    });
  }
  return out;
}
