/**
 * The stored roadmap as the learner corrected it (`waymark exclude/include/kind`). Every view and the planner
 * read models through here (or through `loadRoadmaps`, which does), so a correction shows everywhere at once.
 * The corrections of a roadmap are cached in the store by the stamp of its events, like the fold, so a read
 * command pays one indexed read when nothing changed.
 */
import type { Roadmap } from '../core/model/roadmap.js';
import {
  applyCorrections,
  correctionsOf,
  correctionsSignature,
  type ItemCorrection,
} from '../core/progress/corrections.js';
import type { RoadmapRecord, Store } from '../store/port.js';
import { foldedState } from './folded-state.js';

const CORRECTIONS_VERSION = 1;

export function storedCorrections(store: Store, roadmapId: string): Map<string, ItemCorrection> {
  const key = `corrections:v${CORRECTIONS_VERSION}:${roadmapId}`;
  const stamp = store.eventStamp({ roadmapId });
  const cached = store.readCache(key);
  if (cached?.stamp === stamp) {
    try {
      return new Map(JSON.parse(cached.value) as [string, ItemCorrection][]);
    } catch {
      // an unreadable entry is recomputed below
    }
  }
  const corrections = correctionsOf(foldedState(store, roadmapId), roadmapId);
  store.writeCache(key, stamp, JSON.stringify([...corrections]));
  return corrections;
}

/** One corrected model per import and set of corrections, so per-model caches (analyseWork) keep working. */
const models = new Map<string, Roadmap>();
const MODEL_CACHE_LIMIT = 32;

/** `base`: the record's model as the caller keeps it (plan-context reuses one object per import). */
export function correctedModel(
  store: Store,
  record: RoadmapRecord,
  base: Roadmap = record.model as Roadmap,
): Roadmap {
  const model = base;
  const corrections = storedCorrections(store, record.id);
  if (corrections.size === 0) return model;
  const key = `${record.id}\u0000${record.sha256}\u0000${record.importedAt}\u0000${correctionsSignature(corrections)}`;
  let corrected = models.get(key);
  if (!corrected) {
    if (models.size >= MODEL_CACHE_LIMIT) models.clear();
    corrected = applyCorrections(model, corrections);
    models.set(key, corrected);
  }
  return corrected;
}
