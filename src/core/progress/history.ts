/** The history of one node for `waymark show`: every event that concerns it, undone ones flagged. */
import type { RenameEvent, WaymarkEvent } from './events.js';
import { inLogOrder, isLater } from './order.js';
import { cancelledInLog } from './undo.js';

export interface HistoryEntry {
  event: WaymarkEvent;
  /** True when the event's change was undone: shown struck out, not counted. */
  undone: boolean;
}

/**
 * The node's own events, those of ids renamed into it (before the rename) and the renames themselves,
 * by `at` then seq. Walks the log backwards, tracking which ids end up as `nodeId`.
 */
export function historyOf(
  events: readonly WaymarkEvent[],
  roadmapId: string,
  nodeId: string,
): HistoryEntry[] {
  const ordered = inLogOrder(events);
  const cancelled = cancelledInLog(ordered);
  const picked: { event: WaymarkEvent; ord: number }[] = [];
  let ids = new Set([nodeId]);
  const concerns = (e: WaymarkEvent): boolean =>
    e.type === 'rename' ? ids.has(e.from) || ids.has(e.to) : e.nodeId !== null && ids.has(e.nodeId);

  for (let i = ordered.length - 1; i >= 0; i--) {
    const e = ordered[i] as WaymarkEvent;
    if (e.roadmapId !== roadmapId) continue;
    if (e.type !== 'rename' || cancelled.has(e.changeId)) {
      if (concerns(e)) picked.push({ event: e, ord: i });
      continue;
    }
    // A run of renames of one change applies at once (as in fold.ts): undo it as one step.
    let start = i;
    while (start > 0 && sameRun(ordered[start - 1] as WaymarkEvent, e)) start--;
    const run = ordered.slice(start, i + 1) as RenameEvent[];
    const before = new Set(ids);
    for (const r of run) before.delete(r.from);
    for (const r of run) if (ids.has(r.to)) before.add(r.from);
    run.forEach((r, k) => {
      if (concerns(r)) picked.push({ event: r, ord: start + k });
    });
    ids = before;
    i = start;
  }
  picked.sort((a, b) => (isLater(a.event.at, a.ord, b.event.at, b.ord) ? 1 : -1));
  return picked.map(({ event }) => ({ event, undone: cancelled.has(event.changeId) }));
}

function sameRun(e: WaymarkEvent, rename: WaymarkEvent): boolean {
  return e.type === 'rename' && e.changeId === rename.changeId && e.roadmapId === rename.roadmapId;
}
