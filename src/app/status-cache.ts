/**
 * Where each roadmap's status view is cached (`derived_cache`), kept apart from progress-view.ts so that
 * `waymark status` on an unchanged store reads it without loading the code that derives it.
 */
import type { RoadmapRecord, Store } from '../store/port.js';
import type { RoadmapStatus } from './progress-view.js';

/** Bump when RoadmapStatus or the rules behind it change, so caches written before are ignored. */
const STATUS_VERSION = 3;

export const statusCacheKey = (tag: string, roadmapId: string) =>
  `status:v${STATUS_VERSION}:${tag}:${roadmapId}`;

/** The roadmap's events and its import: a status view derived from them stays true until either changes. */
export function statusStamp(store: Store, record: RoadmapRecord): string {
  return `${store.eventStamp({ roadmapId: record.id })}|${record.sha256}|${record.importedAt}|${record.sourcePath ?? ''}`;
}

/** The cached status of a roadmap, when it is still true. */
export function cachedStatus(store: Store, record: RoadmapRecord, tag: string): RoadmapStatus | undefined {
  const cached = store.readCache(statusCacheKey(tag, record.id));
  return cached?.stamp === statusStamp(store, record)
    ? (JSON.parse(cached.value) as RoadmapStatus)
    : undefined;
}
