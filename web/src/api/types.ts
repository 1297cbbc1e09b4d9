/*
 * Shapes of the local HTTP API, derived from the server's route list (src/server/api-contract.ts): each name
 * is a route's answer, or a part of one, as the server's handler returns it. Nothing is copied by hand, so a
 * server change that breaks a page fails `tsc -p web/tsconfig.json`. `import type` only: no server code is
 * bundled.
 */
import type { ApiResponse } from '../../../src/server/api-contract';

export type {
  ApiBody,
  ApiContract,
  ApiQuery,
  ApiResponse,
  ApiRouteKey,
} from '../../../src/server/api-contract';

type Element<T> = T extends readonly (infer E)[] ? E : never;

export type RoadmapSummary = Element<ApiResponse<'GET /api/roadmaps'>>;
export type Progress = RoadmapSummary['progress'];
export type PhaseSummary = Element<RoadmapSummary['phases']>;

/** `waymark status ID --json`, each node with its source line and checkbox. */
export type RoadmapStatus = ApiResponse<'GET /api/roadmaps/:id/tree'>;
export type StatusNode = Element<RoadmapStatus['nodes']>;
export type Status = StatusNode['status'];
export const STATUSES = ['todo', 'doing', 'done', 'skipped'] as const satisfies readonly Status[];

/** `waymark plan ID --json`. */
export type Plan = ApiResponse<'GET /api/roadmaps/:id/plan'>;
export type Forecast = NonNullable<Plan['forecast']>;
export type Burnup = ApiResponse<'GET /api/roadmaps/:id/burnup'>;
export type Activity = ApiResponse<'GET /api/activity'>;
export type Journal = ApiResponse<'GET /api/journal'>;
export type JournalEntry = Element<Journal['entries']>;
export type ShowcaseItem = Element<ApiResponse<'GET /api/showcase'>['items']>;
export type Agenda = ApiResponse<'GET /api/today'>;
export type DueList = ApiResponse<'GET /api/review/due'>;
export type ReviewStats = ApiResponse<'GET /api/review/stats'>;

/** A roadmap's planner settings (`waymark capacity ID --json`). */
export type Settings = ApiResponse<'GET /api/settings/:roadmapId'>;
export type GlobalSettings = ApiResponse<'GET /api/settings'>;
export type Capacity = Settings['capacity'];
export type ElectiveGroup = Element<Settings['electiveGroups']>;

/** `waymark show ID --json`. */
export type ItemDetail = ApiResponse<'GET /api/items/:roadmapId/:nodeId'>;

/** One actionable entry (agenda item, review card) found in a response whose exact grouping may vary. */
export interface ItemRef {
  roadmapId: string;
  nodeId: string;
  title: string;
  minutes?: number;
  status?: string;
  due?: string;
  /** Titles of the ancestors, outermost first. */
  path?: string[];
}
