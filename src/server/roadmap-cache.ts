/**
 * A long-running server lists the roadmaps on almost every request (every item reference is resolved
 * against them), and parsing a 500-item model costs milliseconds. This wrapper keeps the parsed records
 * while the store's roadmaps fingerprint (see ChangeMark) stays the same — checked on every call, so an
 * import from the CLI is seen at once — and forgets them on its own writes.
 */
import type { RoadmapRecord, Store } from '../store/port.js';

export function withRoadmapCache(store: Store): Store {
  let fingerprint: string | undefined;
  let records: RoadmapRecord[] | undefined;
  const fresh = (): RoadmapRecord[] => {
    const current = store.changeMark().roadmaps;
    if (records === undefined || current !== fingerprint) {
      records = store.listRoadmaps();
      fingerprint = current;
    }
    return records;
  };
  const forget = () => {
    records = undefined;
  };
  return {
    ...store,
    listRoadmaps: () => [...fresh()],
    getRoadmap: (id) => fresh().find((record) => record.id === id),
    saveRoadmap(record) {
      forget();
      store.saveRoadmap(record);
    },
    removeRoadmap(id) {
      forget();
      return store.removeRoadmap(id);
    },
    transaction(fn) {
      try {
        return store.transaction(fn);
      } finally {
        forget(); // a rolled-back import must not leave its record cached
      }
    },
  };
}
