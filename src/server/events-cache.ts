/**
 * One read of the event log per store change, not one per view: a single overview request used to read all
 * 20,000 events three times (the folded state, the learner plan, the roadmap's own list), about half of its
 * time. This wrapper keeps the last full list while the highest event `seq` (Store.changeMark, one indexed
 * read, checked on every call so another process's write is seen at once) stays the same: the log is
 * append-only and a new event's seq is above every stored one, so an equal seq means the same log.
 * Inside a write transaction it reads through (what it reads may still roll back) and forgets on writes.
 */
import type { WaymarkEvent } from '../core/progress/events.js';
import type { EventFilter, Store } from '../store/port.js';

export function withEventsCache(store: Store): Store {
  let cached: { seq: number; events: WaymarkEvent[] } | undefined;
  let writing = 0;
  const all = (): WaymarkEvent[] => {
    const { seq } = store.changeMark();
    if (cached?.seq !== seq) cached = { seq, events: store.listEvents() };
    return cached.events;
  };
  return {
    ...store,
    listEvents(filter: EventFilter = {}) {
      if (writing > 0 || (filter.sinceSeq ?? 0) > 0) return store.listEvents(filter);
      const events = all();
      // A copy: callers own what they are given.
      return filter.roadmapId === undefined
        ? events.slice()
        : events.filter((event) => event.roadmapId === filter.roadmapId);
    },
    appendEvents(events) {
      cached = undefined;
      return store.appendEvents(events);
    },
    transaction(fn) {
      writing++;
      try {
        return store.transaction(fn);
      } finally {
        writing--;
        cached = undefined;
      }
    },
  };
}
