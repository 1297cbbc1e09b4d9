import { correctedModel } from '../../app/corrected-model.js';
import { WaymarkError } from '../../core/errors.js';
import type { Roadmap } from '../../core/model/roadmap.js';
import type { Store } from '../../store/port.js';

/** The stored roadmap with this id, or a 404 that lists the known ones. */
export function requireRoadmap(store: Store, id: string): Roadmap {
  const record = store.getRoadmap(id);
  if (record) return correctedModel(store, record);
  const known = store.listRoadmaps().map((r) => r.id);
  throw new WaymarkError(
    'NOT_FOUND',
    `no roadmap "${id}".`,
    known.length > 0
      ? `Known roadmaps: ${known.join(', ')}.`
      : 'Import one first: `waymark import ai-engineer`.',
  );
}
