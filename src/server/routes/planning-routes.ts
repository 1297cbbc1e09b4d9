/** Planning routes over planning-service.ts: the plan and forecast, today's agenda, the burn-up, settings. */
import { roadmapBurnup } from '../../app/overview-view.js';
import { learnerContext, loadRoadmap } from '../../app/plan-context.js';
import {
  agendaView,
  globalSettingsView,
  planView,
  type SettingsChange,
  settingsView,
  updateSettings,
} from '../../app/planning-service.js';
import { route } from '../route.js';
import { globalSettingsBody, planQuery, settingsBody, todayQuery } from '../schemas.js';

export const planningRoutes = [
  route({
    method: 'get',
    path: '/api/roadmaps/:id/plan',
    tag: 'planning',
    query: planQuery,
    summary:
      'The plan to the finish with phases, target check and P50/P85 forecast (`waymark plan ID --json`)',
    responseDescription: 'PlanView',
    cached: true,
    handle: ({ workspace, params, query, timeZone }) =>
      planView(workspace, params.id as string, query.target !== undefined ? { target: query.target } : {}, {
        timeZone,
      }),
  }),
  route({
    method: 'get',
    path: '/api/today',
    tag: 'planning',
    query: todayQuery,
    summary:
      "The day's agenda as the day began, with what was done on it: planned items (minutes logged, left), work in progress, habits and reviews due, the day's logged total (`waymark today --json`)",
    responseDescription: 'AgendaView',
    cached: true,
    handle: ({ workspace, query, timeZone }) =>
      agendaView(workspace, {
        timeZone,
        ...(query.date !== undefined ? { date: query.date } : {}),
        ...(query.roadmap !== undefined ? { roadmapId: query.roadmap } : {}),
      }),
  }),
  route({
    method: 'get',
    path: '/api/roadmaps/:id/burnup',
    tag: 'planning',
    summary: 'Finished items per day to today, the planned line to the finish, and the forecast dates',
    responseDescription:
      '{ points: [{date, done, total}], plan: [{date, done}], forecast: {p50?, p85?}, today, target }',
    cached: true,
    handle: ({ workspace, params, today, timeZone }) => {
      const roadmap = loadRoadmap(workspace, params.id as string);
      const learner = learnerContext(workspace, {}, timeZone, today);
      const context = learner.roadmaps.find((entry) => entry.roadmap.id === roadmap.id);
      return roadmapBurnup({ workspace, roadmap, context, today, timeZone });
    },
  }),
  route({
    method: 'get',
    path: '/api/settings',
    tag: 'planning',
    summary: "The learner's total capacity, how roadmaps share it, and each roadmap's part",
    responseDescription: 'GlobalSettingsView (`waymark capacity --json`)',
    cached: true,
    handle: ({ workspace }) => globalSettingsView(workspace),
  }),
  route({
    method: 'put',
    path: '/api/settings',
    tag: 'planning',
    body: globalSettingsBody,
    summary: "Change the learner's total capacity, the sharing rule, habits or study window, as one change",
    responseDescription: '{ events, settings: GlobalSettingsView }',
    handle: ({ workspace, body, timeZone }) => {
      const { events } = updateSettings(workspace, undefined, body as SettingsChange, { timeZone });
      return { events, settings: globalSettingsView(workspace) };
    },
  }),
  route({
    method: 'get',
    path: '/api/settings/:roadmapId',
    tag: 'planning',
    summary: 'Capacity, target and start dates, elective groups and choices of a roadmap',
    responseDescription: 'SettingsView',
    cached: true,
    handle: ({ workspace, params }) => settingsView(workspace, params.roadmapId as string),
  }),
  route({
    method: 'put',
    path: '/api/settings/:roadmapId',
    tag: 'planning',
    body: settingsBody,
    summary:
      'Change capacity, target date, start date or elective choices, as one change (one undo reverts it)',
    responseDescription: '{ events, settings: SettingsView } (the recorded events and the settings after)',
    handle: ({ workspace, params, body, timeZone }) => {
      const roadmapId = params.roadmapId as string;
      const { events } = updateSettings(workspace, roadmapId, body as SettingsChange, { timeZone });
      return { events, settings: settingsView(workspace, roadmapId) };
    },
  }),
];
