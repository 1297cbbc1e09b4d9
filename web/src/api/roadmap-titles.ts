import type { RoadmapSummary } from './types';
import { useApi } from './use-api';

/** Roadmap titles by id, for pages that list entries from several roadmaps (the id until they load). */
export function useRoadmapTitles(): { titleOf: (id: string) => string; count: number } {
  const roadmaps = useApi<RoadmapSummary[]>('/api/roadmaps');
  const titles = new Map((roadmaps.data ?? []).map((roadmap) => [roadmap.id, roadmap.title]));
  return { titleOf: (id) => titles.get(id) ?? id, count: titles.size };
}
