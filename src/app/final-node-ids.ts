import type { WaymarkEvent } from '../core/progress/events.js';

/**
 * Where each event's node ended up: re-imports that moved an item record renames, and the fold moves the
 * item's progress along (fold.ts). Views that list events one by one (journal, burn-up) need the same
 * mapping. Walks the log backwards, so each event sees only the renames recorded after it; a run of renames
 * of one change applies at once, as in the fold (a swap stays a swap).
 *
 * `ordered` is the log in seq order; `cancelled` the undone change ids. Returns the final id per index.
 */
export function finalNodeIds(
  ordered: readonly WaymarkEvent[],
  cancelled: ReadonlySet<string>,
): (string | null)[] {
  const out: (string | null)[] = new Array(ordered.length);
  const moved = new Map<string, string>(); // `${roadmapId}\0${id}` -> final id
  const finalOf = (roadmapId: string, id: string) => moved.get(`${roadmapId}\u0000${id}`) ?? id;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const e = ordered[i] as WaymarkEvent;
    if (e.type !== 'rename' || cancelled.has(e.changeId)) {
      out[i] = e.nodeId === null ? null : finalOf(e.roadmapId, e.nodeId);
      continue;
    }
    let start = i;
    while (start > 0 && sameRun(ordered[start - 1] as WaymarkEvent, e)) start--;
    const updates: [string, string][] = [];
    for (let j = start; j <= i; j++) {
      const r = ordered[j] as Extract<WaymarkEvent, { type: 'rename' }>;
      updates.push([`${r.roadmapId}\u0000${r.from}`, finalOf(r.roadmapId, r.to)]);
      out[j] = null;
    }
    for (const [key, to] of updates) moved.set(key, to);
    i = start;
  }
  return out;
}

function sameRun(a: WaymarkEvent, b: WaymarkEvent): boolean {
  return a.type === 'rename' && a.changeId === b.changeId && a.roadmapId === b.roadmapId;
}
