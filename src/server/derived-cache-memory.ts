/**
 * The store's derived cache (folded state, status views), kept in memory too for a long-running server:
 * a read then skips reading a multi-megabyte value back from SQLite, and, while another process holds the
 * write lock (so the store skips the cache write instead of waiting), the next read still finds what the
 * last one derived instead of folding the whole log again. Entries carry their stamp like the store's, and
 * callers compare it, so a stale entry is only ever a miss.
 */
import { LRUCache } from 'lru-cache';
import type { Store } from '../store/port.js';

export function withDerivedCacheInMemory(store: Store, capacity = 256): Store {
  const entries = new LRUCache<string, { stamp: string; value: string }>({ max: capacity });
  return {
    ...store,
    readCache(key) {
      const known = entries.get(key);
      if (known !== undefined) return known;
      const stored = store.readCache(key);
      if (stored !== undefined) entries.set(key, stored);
      return stored;
    },
    writeCache(key, stamp, value) {
      entries.set(key, { stamp, value });
      store.writeCache(key, stamp, value);
    },
  };
}
