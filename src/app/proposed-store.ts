/**
 * A read-only view of a store as if some events had been appended: for "what if" answers (the settings
 * preview) computed by the very code that computes the real ones, with nothing written. Every write throws,
 * derived-cache entries are read (an entry is tagged with the stamp it was derived from, and the stamps of
 * whatever the proposed events touch differ from every stored one) but never written, so a hypothetical state
 * can neither be stored nor be served later as a real one.
 */
import { WaymarkError } from '../core/errors.js';
import type { NewEvent, WaymarkEvent } from '../core/progress/events.js';
import type { EventFilter, Store } from '../store/port.js';

export function withProposedEvents(store: Store, proposed: readonly NewEvent[], at: string): Store {
  const lastSeq = store.changeMark().seq;
  const events = proposed.map(
    (event, index) => ({ ...event, seq: lastSeq + index + 1, recordedAt: at }) as WaymarkEvent,
  );
  const matches = (event: WaymarkEvent, filter: EventFilter) =>
    (filter.roadmapId === undefined || event.roadmapId === filter.roadmapId) &&
    (filter.sinceSeq === undefined || (event.seq ?? 0) > filter.sinceSeq);
  const refuse = (): never => {
    throw new WaymarkError('INPUT', 'a preview cannot write to the store.', 'Save the change instead.');
  };
  return {
    ...store,
    listEvents: (filter = {}) => [...store.listEvents(filter), ...events.filter((e) => matches(e, filter))],
    eventStamp(filter = {}) {
      const stamp = store.eventStamp(filter);
      const added = events.filter((event) => matches(event, filter)).length;
      return added === 0 ? stamp : `${stamp}+proposed:${lastSeq}:${added}`;
    },
    writeCache: () => {},
    appendEvents: refuse,
    restoreEvents: refuse,
    saveRoadmap: refuse,
    removeRoadmap: refuse,
    setSyncBase: refuse,
    lastChange: (roadmapId) => store.lastChange(roadmapId),
    changeMark: () => ({ ...store.changeMark(), seq: lastSeq + events.length }),
    transaction: (fn) => store.readTransaction(fn),
  };
}
