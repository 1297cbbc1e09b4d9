/**
 * The overview's list of roadmaps: progress overall and per phase (by count and by effort), time logged,
 * work in progress and the target date. Built on `buildStatus` (the numbers of `waymark status`).
 * `overviewView` adds, per roadmap, the three answers of the dashboard's first line — progress by effort,
 * today's work (minutes planned, time logged today, reviews due) and the forecast's verdict — plus the
 * burn-up, all from one learner plan per request, so nothing is computed twice or can disagree.
 */
import type { Roadmap } from '../core/model/roadmap.js';
import { addDays, type CalendarDate } from '../core/plan/calendar-date.js';
import { localDate } from '../core/plan/local-date.js';
import type { ProgressState } from '../core/progress/fold.js';
import { dayOfLearner } from './agenda-view.js';
import { type Burnup, burnupView } from './burnup-view.js';
import { effortWeights } from './effort.js';
import { foldedState } from './folded-state.js';
import { type ForecastView, forecastView } from './forecast-view.js';
import { learnerContext, type PlanContext } from './plan-context.js';
import { readSettings } from './planning-settings.js';
import { buildStatus, type RoadmapStatus, type StatusNode } from './progress-view.js';
import { dueCards } from './review-service.js';
import { loadRoadmaps, type Workspace } from './workspace.js';

export interface PhaseSummary {
  id: string;
  title: string;
  done: number;
  total: number;
  ratio: number;
  effortRatio: number;
}

export interface RoadmapSummary extends Omit<RoadmapStatus, 'nodes'> {
  /** The stored target date, else the roadmap's own goal date; absent when cleared or never given. */
  targetDate?: string;
  phases: PhaseSummary[];
}

export function roadmapSummaries(
  statuses: readonly RoadmapStatus[],
  models: ReadonlyMap<string, Roadmap>,
  state: ProgressState,
): RoadmapSummary[] {
  return statuses.map(({ nodes, ...status }) => {
    const stored = readSettings(state, status.id).targetDate;
    const targetDate = stored === undefined ? models.get(status.id)?.goal?.targetDate : (stored ?? undefined);
    return { ...status, ...(targetDate ? { targetDate } : {}), phases: phasesOf(nodes) };
  });
}

/**
 * The roadmap's work in groups that together hold every item exactly once: each phase (wherever it sits,
 * e.g. under an information heading), and each top-level node outside the phases that holds items (a
 * "Learning Resources" section, a lone item). So the groups always add up to the roadmap's total.
 */
export function phasesOf(nodes: readonly StatusNode[]): PhaseSummary[] {
  const groups: StatusNode[] = [];
  const hasPhase = (node: StatusNode): boolean =>
    node.children.some((child) => (child.kind === 'phase' && child.total > 0) || hasPhase(child));
  const visit = (node: StatusNode) => {
    if (node.total === 0) return;
    if (node.kind === 'phase' || !hasPhase(node)) groups.push(node);
    else for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return groups.map((node) => ({
    id: node.id,
    title: node.title,
    done: node.done,
    total: node.total,
    ratio: node.total === 0 ? 0 : node.done / node.total,
    effortRatio: node.effortTotal === 0 ? 0 : node.effortDone / node.effortTotal,
  }));
}

/** Today's part of a roadmap: what the shared plan puts on it, what was logged on it, its reviews due. */
export interface RoadmapToday {
  plannedMinutes: number;
  loggedMinutes: number;
  reviewsDue: number;
}

export interface RoadmapOverview extends RoadmapSummary {
  /** No time is planned for it (`waymark capacity ID --pause`). */
  paused: boolean;
  /** Every item is done, skipped or outside the elective choices. */
  nothingLeft: boolean;
  today: RoadmapToday;
  /** The forecast view of `plan`, `today` and the API: its `verdict` and `summary` are the one verdict. */
  forecast: ForecastView | null;
  /** Planned finish (max-effort schedule) and each open phase's planned end. */
  plan: { finish: { min: CalendarDate; max: CalendarDate } | null; phaseEnds: Record<string, CalendarDate> };
  burnup: Burnup;
}

export interface OverviewView {
  today: CalendarDate;
  /** The day across roadmaps: capacity, work planned, minutes logged, review time kept and cards due. */
  day: { capacityMinutes: number; plannedMinutes: number; loggedMinutes: number; reviewMinutes: number };
  reviewsDue: number;
  roadmaps: RoadmapOverview[];
}

/** GET /api/overview: every roadmap's summary with today's work, the forecast's verdict and the burn-up. */
export function overviewView(
  workspace: Workspace,
  options: { today: CalendarDate; timeZone: string },
): OverviewView {
  const { store } = workspace;
  const { today, timeZone } = options;
  const state = foldedState(store);
  const models = new Map(loadRoadmaps(store).map(({ model }) => [model.id, model]));
  const summaries = roadmapSummaries(buildStatus(store, effortWeights), models, state);
  const learner = learnerContext(workspace, {}, timeZone, today);
  const contexts = new Map(learner.roadmaps.map((context) => [context.roadmap.id, context]));
  // Today's work is the Today page's: the day planned as it began, with what was logged set against it
  // (the plan from now, which the forecast and burn-up read, has already taken today's studied time out).
  const day = dayOfLearner(learnerContext(workspace, { dayStart: true }, timeZone, today), today);
  const planned = new Map(day.roadmaps.map((entry) => [entry.roadmapId, entry.plannedMinutes]));
  const due = countBy(dueCards(workspace, { timeZone }).cards, (card) => card.roadmapId);
  const logged = loggedOn(state, today, timeZone);
  const roadmaps = summaries.map((summary): RoadmapOverview => {
    const context = contexts.get(summary.id);
    const model = models.get(summary.id) as Roadmap;
    const nothingLeft = context?.plan.nothingLeft ?? false;
    const forecast = context && !nothingLeft ? forecastView(context) : null;
    return {
      ...summary,
      paused: context === undefined,
      nothingLeft,
      today: {
        plannedMinutes: planned.get(summary.id) ?? 0,
        loggedMinutes: logged.get(summary.id) ?? 0,
        reviewsDue: due.get(summary.id) ?? 0,
      },
      forecast,
      plan: planSummary(context),
      burnup: roadmapBurnup({ workspace, roadmap: model, context, forecast, today, timeZone }),
    };
  });
  return {
    today,
    day: {
      capacityMinutes: day.capacityMinutes,
      plannedMinutes: day.plannedMinutes,
      loggedMinutes: [...logged.values()].reduce((sum, minutes) => sum + minutes, 0),
      reviewMinutes: day.reviewMinutes,
    },
    reviewsDue: [...due.values()].reduce((sum, count) => sum + count, 0),
    roadmaps,
  };
}

/** The burn-up of one roadmap from its plan context (none when paused): GET /api/roadmaps/:id/burnup too. */
export function roadmapBurnup(input: {
  workspace: Workspace;
  roadmap: Roadmap;
  context: PlanContext | undefined;
  /** The roadmap's forecast when the caller has it (else computed here; none with nothing left). */
  forecast?: ForecastView | null;
  today: CalendarDate;
  timeZone: string;
}): Burnup {
  const { context, roadmap } = input;
  const forecast =
    input.forecast !== undefined
      ? input.forecast
      : !context || context.plan.nothingLeft
        ? null
        : forecastView(context);
  return burnupView({
    roadmap,
    events: context?.events ?? input.workspace.store.listEvents({ roadmapId: roadmap.id }),
    today: input.today,
    timeZone: input.timeZone,
    planItems: context?.plan.items ?? [], // a paused roadmap has no plan line
    forecast: {
      ...(forecast?.p50 ? { p50: forecast.p50 } : {}),
      ...(forecast?.p85 ? { p85: forecast.p85 } : {}),
    },
    target: context?.target && !context.target.passed ? context.target.target : null,
  });
}

function planSummary(context: PlanContext | undefined): RoadmapOverview['plan'] {
  if (!context || context.plan.nothingLeft) return { finish: null, phaseEnds: {} };
  const phaseEnds: Record<string, CalendarDate> = {};
  for (const phase of context.plan.phases) if (!phase.done) phaseEnds[phase.id] = phase.end;
  return { finish: context.plan.finish, phaseEnds };
}

/** Minutes logged per roadmap on the date (the learner's calendar day). */
function loggedOn(state: ProgressState, date: CalendarDate, timeZone: string): Map<string, number> {
  const minutes = new Map<string, number>();
  for (const session of state.sessions) {
    // Cheap pre-filter: a session more than a day away from the date in UTC cannot fall on it anywhere.
    const utcDay = session.at.slice(0, 10);
    if (utcDay < addDays(date, -1) || utcDay > addDays(date, 1)) continue;
    if (localDate(session.at, timeZone) !== date) continue;
    minutes.set(session.roadmapId, (minutes.get(session.roadmapId) ?? 0) + session.minutes);
  }
  return minutes;
}

function countBy<T>(list: readonly T[], key: (value: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of list) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
  return counts;
}
