/** `waymark list --archived`: what re-imports archived, per roadmap, with the progress each item keeps. */
import { type ArchivedItem, archivedItems, hasProgress } from '../core/progress/archived-items.js';
import type { Store } from '../store/port.js';
import { foldedState } from './folded-state.js';

export interface ArchivedEntry {
  roadmapId: string;
  id: string;
  title: string;
  path: string[];
  archivedAt: string;
  status: string;
  minutes: number;
  notes: number;
  evidence: number;
  reviews: number;
  /** Whether it carries anything a learner would miss (status, time, notes, evidence, reviews, estimate). */
  hasProgress: boolean;
}

export function archivedView(store: Store, roadmapId?: string): ArchivedEntry[] {
  return store
    .listRoadmaps()
    .filter((record) => roadmapId === undefined || record.id === roadmapId)
    .flatMap((record) =>
      archivedItems(store.listEvents({ roadmapId: record.id }), foldedState(store, record.id), record.id),
    )
    .map(toEntry);
}

function toEntry(item: ArchivedItem): ArchivedEntry {
  const { progress } = item;
  return {
    roadmapId: item.roadmapId,
    id: item.id,
    title: item.title,
    path: item.path,
    archivedAt: item.archivedAt,
    status: progress.status,
    minutes: progress.minutes,
    notes: progress.notes.length,
    evidence: progress.evidence.length,
    reviews: progress.reviews.length,
    hasProgress: hasProgress(progress),
  };
}
