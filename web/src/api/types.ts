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
/** The forecast's one verdict: on track means the P85 is on or before the target. */
export type ForecastVerdict = NonNullable<Forecast['verdict']>;
export type Burnup = ApiResponse<'GET /api/roadmaps/:id/burnup'>;
export type Activity = ApiResponse<'GET /api/activity'>;
/** GET /api/journal: one page, newest first, and the totals of its days over the whole filter. */
export type JournalPage = ApiResponse<'GET /api/journal'>;
export type Journal = JournalPage;
export type JournalEntry = Element<JournalPage['entries']>;
export type JournalEntryType = JournalEntry['type'];
export type ShowcaseItem = Element<ApiResponse<'GET /api/showcase'>['items']>;
/** GET /api/today: the day's plan as it began, with what was done on it set against it. */
export type Agenda = ApiResponse<'GET /api/today'>;
export type DayItem = Element<Agenda['items']>;
export type HabitDue = Element<Agenda['habits']>;
export type LoggedOnDay = Element<Agenda['logged']>;
/** GET /api/overview: one entry per roadmap answering progress, today's work and the verdict. */
export type Overview = ApiResponse<'GET /api/overview'>;
export type RoadmapOverview = Element<Overview['roadmaps']>;
/** POST /api/import: what the import found (`waymark import --json`) and its warnings. */
export type ImportResult = ApiResponse<'POST /api/import'>;
/** GET /api/review/due (`waymark review --json`) and one of its cards. */
export type DueList = ApiResponse<'GET /api/review/due'>;
export type DueCard = Element<DueList['cards']>;
export type ReviewStats = ApiResponse<'GET /api/review/stats'>;
/** GET /api/review/stats: what the end of a session shows. */
export type ReviewStatsSummary = Pick<ReviewStats, 'today' | 'load'>;
/** POST /api/review. */
export type RatedCard = ApiResponse<'POST /api/review'>;
/** POST /api/review/session. */
export type LoggedReviewTime = ApiResponse<'POST /api/review/session'>;
/** `POST /api/status` (`waymark done --json`): the leaves changed, as "roadmapId:nodeId", and their events. */
export type StatusChangeResult = ApiResponse<'POST /api/status'>;

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
