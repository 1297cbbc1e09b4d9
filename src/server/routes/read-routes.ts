/** Read routes over the app's views: the same numbers as `waymark status|show` and the dashboard's pages. */
import { activityView } from '../../app/activity-view.js';
import { effortWeights } from '../../app/effort.js';
import { foldedState } from '../../app/folded-state.js';
import { itemView } from '../../app/item-view.js';
import { type JournalEntryType, journalView } from '../../app/journal-view.js';
import { overviewView, roadmapSummaries } from '../../app/overview-view.js';
import { GLOBAL_SCOPE, learnerCapacity, readSettings } from '../../app/planning-settings.js';
import { buildStatus } from '../../app/progress-view.js';
import { showcaseView } from '../../app/showcase-view.js';
import { restDayRule } from '../../app/study-streak-view.js';
import { findItem } from '../../app/tracking-service.js';
import { treeView } from '../../app/tree-view.js';
import { loadRoadmaps } from '../../app/workspace.js';
import type { Roadmap } from '../../core/model/roadmap.js';
import type { ProgressState } from '../../core/progress/fold.js';
import { route } from '../route.js';
import { activityQuery, journalQuery } from '../schemas.js';
import { requireRoadmap } from './require-roadmap.js';

const JOURNAL_LIMIT = 1_000;

export const readRoutes = [
  route({
    method: 'get',
    path: '/api/roadmaps',
    tag: 'progress',
    summary: 'Every stored roadmap with progress overall and per phase, time logged and target date',
    responseDescription: 'RoadmapSummary[]',
    cached: true,
    handle: ({ workspace: { store } }) => {
      const loaded = loadRoadmaps(store);
      const models = new Map(loaded.map(({ model }) => [model.id, model]));
      return roadmapSummaries(buildStatus(store, effortWeights), models, foldedState(store));
    },
  }),
  route({
    method: 'get',
    path: '/api/overview',
    tag: 'progress',
    summary:
      "Every roadmap's progress by effort, today's work (minutes planned and logged, reviews due), the forecast's verdict and the burn-up, from one plan",
    responseDescription:
      '{ today, day: {capacityMinutes, plannedMinutes, loggedMinutes, reviewMinutes}, reviewsDue, roadmaps: RoadmapOverview[] }',
    cached: true,
    handle: ({ workspace, today, timeZone }) => overviewView(workspace, { today, timeZone }),
  }),
  route({
    method: 'get',
    path: '/api/roadmaps/:id/tree',
    tag: 'progress',
    summary:
      'The whole tree with status, counts, effort and time (`waymark status ID --json`), plus source lines',
    responseDescription: 'RoadmapStatus whose nodes also carry `line` and `checkbox`',
    cached: true,
    handle: ({ workspace: { store }, params }) => {
      const id = params.id;
      const model = requireRoadmap(store, id);
      const [status] = buildStatus(store, effortWeights, id);
      return treeView(status as NonNullable<typeof status>, model);
    },
  }),
  route({
    method: 'get',
    path: '/api/items/:roadmapId/:nodeId',
    tag: 'progress',
    summary:
      'One item with its path, status, history, notes, evidence, sessions and source line (`waymark show --json`)',
    responseDescription: 'ItemView',
    cached: true,
    handle: ({ workspace, params }) => {
      requireRoadmap(workspace.store, params.roadmapId);
      return itemView(workspace, `${params.roadmapId}:${params.nodeId}`);
    },
  }),
  route({
    method: 'get',
    path: '/api/journal',
    tag: 'history',
    query: journalQuery,
    summary:
      'Study sessions, notes, status changes and evidence, newest first, a page at a time, with the totals of the days on the page',
    responseDescription:
      '{ entries: JournalEntry[], total, offset, next, newer, days: [{ date, minutes, entries }] } (day totals over the whole filter; `next`/`newer`: the `before` cursors of the older and newer pages)',
    cached: true,
    handle: ({ workspace, query, timeZone }) => {
      const item = query.item === undefined ? undefined : findItem(workspace, query.item);
      if (query.roadmap !== undefined) requireRoadmap(workspace.store, query.roadmap);
      return journalView(
        loadRoadmaps(workspace.store).map(({ model }) => model),
        workspace.store.listEvents(),
        {
          ...(item ? { item: { roadmapId: item.roadmapId, nodeId: item.node.id } } : {}),
          ...(query.roadmap !== undefined ? { roadmapId: query.roadmap } : {}),
          ...(query.from !== undefined ? { from: query.from } : {}),
          ...(query.to !== undefined ? { to: query.to } : {}),
          ...(query.type !== undefined ? { types: query.type.split(',') as JournalEntryType[] } : {}),
          limit: query.limit ?? JOURNAL_LIMIT,
          ...(query.offset !== undefined ? { offset: query.offset } : {}),
          ...(query.before !== undefined ? { before: query.before } : {}),
        },
        timeZone,
      );
    },
  }),
  route({
    method: 'get',
    path: '/api/showcase',
    tag: 'history',
    summary: 'Every certificate and project across roadmaps with status, evidence and dates',
    responseDescription: '{ items: ShowcaseItem[] }',
    cached: true,
    handle: ({ workspace: { store } }) =>
      showcaseView(
        loadRoadmaps(store).map(({ model }) => model),
        foldedState(store),
      ),
  }),
  route({
    method: 'get',
    path: '/api/activity',
    tag: 'history',
    query: activityQuery,
    summary: 'Minutes studied per day (heatmap), streak, and this week against capacity',
    responseDescription:
      '{ days: [{date, minutes}], streak: {current, longest}, week: {start, minutes, capacityMinutes} }',
    cached: true,
    handle: ({ workspace, query, today, timeZone }) => {
      const { store } = workspace;
      const models = loadRoadmaps(store).map(({ model }) => model);
      if (query.roadmap !== undefined) requireRoadmap(store, query.roadmap);
      const state = foldedState(store);
      const capacity = capacityFor(query.roadmap, models, state);
      return activityView({
        state,
        today,
        timeZone,
        days: query.days ?? 365,
        ...(query.roadmap !== undefined ? { roadmapId: query.roadmap } : {}),
        ...(capacity ? { capacity } : {}),
        isRestDay: restDayRule(workspace, state).isRestDay,
      });
    },
  }),
];

/** The learner's one budget (the planner's total capacity), the same with or without a roadmap filter. */
function capacityFor(_roadmapId: string | undefined, models: readonly Roadmap[], state: ProgressState) {
  const entries = models.map((model) => ({ roadmap: model, settings: readSettings(state, model.id) }));
  return learnerCapacity(
    entries.filter((entry) => !entry.settings.paused),
    readSettings(state, GLOBAL_SCOPE),
  ).capacity;
}
