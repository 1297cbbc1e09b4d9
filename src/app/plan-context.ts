/**
 * Everything a plan of one roadmap is computed from, as of a date: the events up to the end of that day
 * (in the learner's time zone), their fold, the settings, effort and capacity, and the plan itself.
 * Shared by the plan, agenda, week and calendar views so they always agree.
 */
import { WaymarkError } from '../core/errors.js';
import type { Roadmap } from '../core/model/roadmap.js';
import { type CalendarDate, diffDays, fromDayNumber, parseCalendarDate } from '../core/plan/calendar-date.js';
import type { Capacity } from '../core/plan/capacity.js';
import type { DayBudget, StudiedHours } from '../core/plan/day-budget.js';
import type { HoursRange } from '../core/plan/duration-hours.js';
import { type EffortEstimate, estimateEffort } from '../core/plan/estimate-effort.js';
import { type LearnerPace, learnerPace } from '../core/plan/learner-pace.js';
import { localDate } from '../core/plan/local-date.js';
import { type Plan, planLearner } from '../core/plan/plan-roadmap.js';
import { analyseWork } from '../core/plan/work-structure.js';
import type { Status, WaymarkEvent } from '../core/progress/events.js';
import { foldEvents, type ProgressState } from '../core/progress/fold.js';
import type { RoadmapRecord } from '../store/port.js';
import { correctedModel } from './corrected-model.js';
import { estimateOverrides } from './effort.js';
import { foldedState } from './folded-state.js';
import { habitSchedule } from './habits-due.js';
import {
  type Allocation,
  type EffectiveCapacity,
  GLOBAL_SCOPE,
  learnerCapacity,
  type PlanningSettings,
  readSettings,
} from './planning-settings.js';
import { expectedReviewMinutesPerDay } from './review-service.js';
import { roadmapProgress, roadmapProgressAt } from './roadmap-progress.js';
import { loadRoadmaps as loadRecords, type Workspace } from './workspace.js';

/** Every stored roadmap's model (see loadRoadmap). */
export function allRoadmaps(workspace: Workspace): Roadmap[] {
  return loadRecords(workspace.store).map(({ record }) => canonicalModel(workspace, record));
}

export type TargetSource = 'option' | 'setting' | 'roadmap';

export interface TargetStatus {
  target: CalendarDate;
  source: TargetSource;
  onTrack: boolean;
  /** Days from the target to the max-effort finish: positive = behind, negative = ahead. */
  daysBehind: number;
  /** null when no study day is left before the target (or it has passed). */
  hoursPerWeekNeeded: number | null;
  feasible: boolean;
  /** A stored or roadmap target date that is already behind us. */
  passed: boolean;
}

/** How the roadmap takes part in the learner's shared time. */
export interface AllotmentView {
  kind: 'share' | 'fixed' | 'paused';
  /** Percent of the shared time: the learner's, or the equal part of what explicit shares leave. */
  share: number | null;
  shareFrom: 'roadmap' | 'default' | null;
  /** 1-based place in priority order (the order roadmaps get time when allocation is `priority`). */
  priority: number;
  /** The roadmap's own hours (`kind: fixed`), taken out of the total first. */
  own?: Capacity;
}

export interface PlanContext {
  roadmap: Roadmap;
  /** The date the plan is computed as of (the learner's today unless asked otherwise). */
  today: CalendarDate;
  /** The learner's real today. */
  realToday: CalendarDate;
  timeZone: string;
  /** The roadmap's and the global events. */
  events: WaymarkEvent[];
  state: ProgressState;
  status: Map<string, Status>;
  settings: PlanningSettings;
  /** The learner's total capacity (shared by every roadmap), with the roadmap's start date. */
  capacity: EffectiveCapacity;
  allotment: AllotmentView;
  effort: EffortEstimate;
  reviewMinutesPerDay: number;
  plan: Plan;
  target?: TargetStatus;
  learner: LearnerContext;
}

export interface LearnerContext {
  today: CalendarDate;
  realToday: CalendarDate;
  timeZone: string;
  total: EffectiveCapacity & { routineOf?: string };
  allocation: Allocation;
  habitsExtra: boolean;
  pace: LearnerPace;
  /** Roadmaps with a plan (not paused), in priority order. */
  roadmaps: PlanContext[];
  paused: Roadmap[];
  /** The day's capacity, review, habits and work hours in the (max-effort) schedule. */
  budgetOn: (date: CalendarDate) => DayBudget;
  /** Each roadmap's habit minutes on a date as planned (fitted into the day when inside the capacity). */
  habitFactorOn: (date: CalendarDate) => number;
}

export interface PlanRequest {
  /** Plan against this date instead of the stored one (must be from today on). */
  target?: string;
  /** Plan as of this date: only events up to its end count, and work starts on it. Default: today. */
  today?: string;
  /** Minutes a day kept free for spaced review before any roadmap work (default: the review service's expectation). */
  reviewMinutesPerDay?: number;
  /**
   * Plan the day as it began: the work recorded on the `today` date itself (status, time, review ratings)
   * is left out, so what the learner does during the day counts against its plan instead of re-planning it
   * under them. Settings, estimates and corrections of the day still apply. Used by the day's agenda.
   */
  dayStart?: boolean;
}

/**
 * The first model read of each imported version, so the planner's per-roadmap analysis (cached per node list)
 * is reused by every later plan in a long-lived process such as the server.
 */
const models = new Map<string, Roadmap>();
const MODEL_CACHE_LIMIT = 32;

function canonicalModel(workspace: Workspace, record: RoadmapRecord): Roadmap {
  const key = `${record.id}\u0000${record.sha256}\u0000${record.importedAt}`;
  let model = models.get(key);
  if (!model) {
    if (models.size >= MODEL_CACHE_LIMIT) models.clear();
    model = record.model as Roadmap;
    models.set(key, model);
  }
  // The learner's corrections (exclude, include, kind) on top; the same object while they do not change.
  return correctedModel(workspace.store, record, model);
}

export function loadRoadmap(workspace: Workspace, roadmapId: string): Roadmap {
  const record = workspace.store.getRoadmap(roadmapId);
  if (!record) {
    const known = workspace.store.listRoadmaps().map((entry) => entry.id);
    throw new WaymarkError(
      'NOT_FOUND',
      `no roadmap "${roadmapId}".`,
      known.length > 0 ? `Known: ${known.join(', ')}.` : 'Import one with `waymark import FILE`.',
    );
  }
  return canonicalModel(workspace, record);
}

/** The learner's work of a day: what `dayStart` leaves out of that day's plan. */
const DAY_WORK = new Set<WaymarkEvent['type']>(['status', 'log', 'review']);

/**
 * Every event in log order, up to the end of `asOf` when it is before today; with `dayStart`, without the
 * work done on `asOf` itself (an undo of such work then finds nothing to cancel, which is what it meant).
 */
function learnerEvents(
  workspace: Workspace,
  asOf: CalendarDate,
  realToday: CalendarDate,
  timeZone: string,
  dayStart: boolean,
) {
  const events = workspace.store.listEvents();
  if (asOf >= realToday && !dayStart) return { events, state: foldedState(workspace.store) };
  const kept = events.filter((event) => {
    const date = localDate(event.at, timeZone);
    if (date > asOf) return asOf >= realToday; // a later day's events are the future only for a past day
    return !(dayStart && date === asOf && DAY_WORK.has(event.type));
  });
  return { events: kept, state: foldEvents(kept) };
}

/**
 * What the learner already studied on the day the plan is made (every roadmap's sessions, paused ones and time
 * on no item included: it is all the learner's one day), so the day holds only the rest.
 */
function studiedOn(state: ProgressState, date: CalendarDate, timeZone: string): StudiedHours {
  const studied = { work: 0, review: 0 };
  for (const session of state.sessions) {
    if (localDate(session.at, timeZone) !== date) continue;
    if (session.review === true) studied.review += session.minutes / 60;
    else studied.work += session.minutes / 60;
  }
  return studied;
}

/**
 * The derived status of every node (ARCHITECTURE.md, "Progress semantics": parents from their leaves), so the
 * planner packs exactly the unfinished items every view counts. Derived once per event stamp when the plan is
 * of today (the whole log); an earlier day's log is a prefix.
 */
function derivedStatus(
  workspace: Workspace,
  roadmap: Roadmap,
  state: ProgressState,
  wholeLog: boolean,
): Map<string, Status> {
  const derived = wholeLog
    ? roadmapProgressAt(roadmap, state, workspace.store)
    : roadmapProgress(roadmap, state);
  return new Map(derived.status);
}

function finishedActuals(
  roadmap: Roadmap,
  state: ProgressState,
  status: ReadonlyMap<string, Status>,
): { nodeId: string; hours: number }[] {
  const actuals: { nodeId: string; hours: number }[] = [];
  for (const [nodeId, entry] of state.nodes.get(roadmap.id) ?? []) {
    if (status.get(nodeId) === 'done' && entry.minutes > 0)
      actuals.push({ nodeId, hours: entry.minutes / 60 });
  }
  return actuals;
}

/**
 * Effort with the learner's estimates and the learner-wide pace; an item in progress keeps only what is left
 * of it after the time already logged on it (never below zero).
 */
function remainingEffort(
  roadmap: Roadmap,
  state: ProgressState,
  settings: PlanningSettings,
  paceFactor: number,
  status: ReadonlyMap<string, Status>,
): EffortEstimate {
  const progress = state.nodes.get(roadmap.id) ?? new Map();
  const effort = estimateEffort(roadmap, {
    overrides: estimateOverrides(roadmap, state),
    actuals: finishedActuals(roadmap, state, status),
    paceFactor,
    ...effortAssumptions(settings),
  });
  const { unitSet } = analyseWork(roadmap.nodes);
  for (const unit of unitSet) {
    const entry = progress.get(unit.id);
    const hours = effort.items.get(unit.id);
    if (status.get(unit.id) !== 'doing' || !entry || entry.minutes <= 0 || !hours) continue;
    const logged = entry.minutes / 60;
    const left: HoursRange = { min: Math.max(0, hours.min - logged), max: Math.max(0, hours.max - logged) };
    effort.items.set(unit.id, left);
  }
  return effort;
}

/** The learner's pace from every roadmap's finished work (learner-pace.ts). */
function paceOf(
  entries: readonly { roadmap: Roadmap; settings: PlanningSettings; status: ReadonlyMap<string, Status> }[],
  state: ProgressState,
) {
  const samples = entries.flatMap(
    ({ roadmap, settings, status }) =>
      estimateEffort(roadmap, {
        overrides: estimateOverrides(roadmap, state),
        actuals: finishedActuals(roadmap, state, status),
        paceFactor: 1,
        ...effortAssumptions(settings),
      }).samples,
  );
  return learnerPace(samples);
}

/** The learner's own sizing assumptions (`waymark estimate ROADMAP --default 2h --week 15h`). */
export function effortAssumptions(settings: PlanningSettings): {
  defaultItemHours?: number;
  weeklyHours?: number;
} {
  return {
    ...(settings.defaultItemHours !== undefined ? { defaultItemHours: settings.defaultItemHours } : {}),
    ...(settings.weekHours !== undefined ? { weeklyHours: settings.weekHours } : {}),
  };
}

function checkReviewMinutes(minutes: number | undefined): number {
  const value = minutes ?? 0;
  if (!Number.isFinite(value) || value < 0 || value > 24 * 60) {
    throw new WaymarkError(
      'INPUT',
      `review time of ${value} minutes a day is not possible.`,
      'Give minutes between 0 and 1440.',
    );
  }
  return value;
}

/** Roadmaps in priority order: explicit priorities first (1 = first), then the order `waymark list` shows. */
function inPriorityOrder<T extends { settings: PlanningSettings }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        (a.entry.settings.priority ?? Number.MAX_SAFE_INTEGER) -
          (b.entry.settings.priority ?? Number.MAX_SAFE_INTEGER) || a.index - b.index,
    )
    .map(({ entry }) => entry);
}

/** Explicit shares as given; the roadmaps without one split what is left equally. */
function sharesOf(entries: readonly { settings: PlanningSettings }[]): (number | null)[] {
  const sharing = entries.filter((entry) => !entry.settings.paused && !entry.settings.roadmapCapacity);
  const explicit = sharing.reduce((sum, entry) => sum + (entry.settings.share ?? 0), 0);
  const unset = sharing.filter((entry) => entry.settings.share === undefined).length;
  const equal = unset > 0 ? Math.max(0, 100 - explicit) / unset : 0;
  return entries.map((entry) =>
    entry.settings.paused || entry.settings.roadmapCapacity ? null : (entry.settings.share ?? equal),
  );
}

/** Each roadmap's part of the learner's time, in priority order (what the plan and the settings show). */
export function allotmentViews<T extends { settings: PlanningSettings }>(
  unordered: readonly T[],
): { entry: T; allotment: AllotmentView; share: number | null }[] {
  const entries = inPriorityOrder(unordered);
  const shares = sharesOf(entries);
  return entries.map((entry, index) => {
    const { settings } = entry;
    const share = shares[index] ?? null;
    const allotment: AllotmentView = settings.paused
      ? { kind: 'paused', share: null, shareFrom: null, priority: index + 1 }
      : settings.roadmapCapacity
        ? { kind: 'fixed', share: null, shareFrom: null, priority: index + 1, own: settings.roadmapCapacity }
        : {
            kind: 'share',
            share: share === null ? null : Math.round(share * 100) / 100,
            shareFrom: settings.share !== undefined ? 'roadmap' : 'default',
            priority: index + 1,
          };
    return { entry, allotment, share };
  });
}

/**
 * Plans every stored roadmap together against the learner's one capacity, as of a date. Each view (plan,
 * today, week, retro, calendar, API) reads its numbers from this, so they cannot disagree.
 */
export function learnerContext(
  workspace: Workspace,
  request: PlanRequest,
  timeZone: string,
  realToday: CalendarDate,
  targets: ReadonlyMap<string, string> = new Map(),
): LearnerContext {
  const today = request.today === undefined ? realToday : parseCalendarDate(request.today, 'date');
  const dayStart = request.dayStart === true;
  const { events, state } = learnerEvents(workspace, today, realToday, timeZone, dayStart);
  const global = readSettings(state, GLOBAL_SCOPE);
  const parts = allotmentViews(
    allRoadmaps(workspace).map((roadmap) => ({ roadmap, settings: readSettings(state, roadmap.id) })),
  );
  const active = parts.map(({ entry }) => entry).filter((entry) => !entry.settings.paused);
  const total = learnerCapacity(active, global);
  const statuses = new Map(
    parts.map(({ entry }) => [
      entry.roadmap.id,
      derivedStatus(workspace, entry.roadmap, state, today >= realToday && !dayStart),
    ]),
  );
  const statusOf = (roadmapId: string) => statuses.get(roadmapId) ?? new Map<string, Status>();
  const pace = paceOf(
    active.map((entry) => ({ ...entry, status: statusOf(entry.roadmap.id) })),
    state,
  );
  const explicitReview =
    request.reviewMinutesPerDay === undefined ? undefined : checkReviewMinutes(request.reviewMinutesPerDay);
  const eventsOf = (roadmapId: string) =>
    events.filter((event) => event.roadmapId === roadmapId || event.roadmapId === GLOBAL_SCOPE);

  const prepared = parts.map(({ entry, allotment, share }) => {
    const { roadmap, settings } = entry;
    const status = statusOf(roadmap.id);
    const effort = remainingEffort(roadmap, state, settings, pace.factor, status);
    const reviewMinutesPerDay = settings.paused
      ? 0
      : explicitReview !== undefined
        ? explicitReview / Math.max(1, active.length)
        : checkReviewMinutes(expectedReviewMinutesPerDay(workspace, roadmap.id, { state, roadmap }));
    const typed = targets.get(roadmap.id);
    let target: { date: CalendarDate; source: TargetSource } | undefined;
    if (typed !== undefined) target = { date: parseCalendarDate(typed, 'target date'), source: 'option' };
    else if (settings.targetDate !== undefined) {
      if (settings.targetDate !== null) target = { date: settings.targetDate, source: 'setting' };
    } else if (roadmap.goal?.targetDate) target = { date: roadmap.goal.targetDate, source: 'roadmap' };
    // A target typed now must be ahead (the planner refuses a past one); a stored one may have passed since.
    const passed = target !== undefined && target.source !== 'option' && target.date < today;
    return { roadmap, settings, status, effort, allotment, share, reviewMinutesPerDay, target, passed };
  });

  const habitSchedules = new Map(prepared.map((entry) => [entry.roadmap.id, habitSchedule(entry.roadmap)]));
  const learnerPlan = planLearner({
    today,
    ...(dayStart ? {} : { studiedToday: studiedOn(state, today, timeZone) }),
    capacity: total.capacity,
    strategy: global.allocation,
    reserve: { habitsExtra: global.habitsExtra, reviewExplicit: explicitReview !== undefined },
    roadmaps: prepared.map((entry) => ({
      roadmap: entry.roadmap,
      status: entry.status,
      effort: entry.effort,
      choices: entry.settings.choices,
      today,
      ...(entry.settings.startDate ? { start: entry.settings.startDate } : {}),
      ...(entry.target && !entry.passed ? { target: entry.target.date } : {}),
      allotment:
        entry.allotment.kind === 'paused'
          ? { kind: 'paused' }
          : entry.allotment.own
            ? { kind: 'fixed', capacity: entry.allotment.own }
            : { kind: 'share', weight: entry.share ?? 0 },
      reviewMinutesPerDay: entry.reviewMinutesPerDay,
      habitHours: habitHoursOf(habitSchedules.get(entry.roadmap.id)),
    })),
  });

  const learner: LearnerContext = {
    today,
    realToday,
    timeZone,
    total,
    allocation: global.allocation,
    habitsExtra: global.habitsExtra,
    pace,
    roadmaps: [],
    paused: prepared.filter((entry) => entry.allotment.kind === 'paused').map((entry) => entry.roadmap),
    budgetOn: learnerPlan.budgetOn,
    habitFactorOn: (date) => {
      const budget = learnerPlan.budgetOn(date);
      return budget.habitsAsked > 0 ? budget.habits / budget.habitsAsked : 0;
    },
  };
  prepared.forEach((entry, index) => {
    const plan = learnerPlan.plans[index];
    if (!plan) return;
    const capacity: EffectiveCapacity = {
      ...total,
      capacity: {
        ...total.capacity,
        ...(entry.settings.startDate ? { start: entry.settings.startDate } : {}),
      },
    };
    const context: PlanContext = {
      roadmap: entry.roadmap,
      today,
      realToday,
      timeZone,
      events: eventsOf(entry.roadmap.id),
      state,
      status: entry.status,
      settings: entry.settings,
      capacity,
      allotment: entry.allotment,
      effort: entry.effort,
      reviewMinutesPerDay: entry.reviewMinutesPerDay,
      plan,
      learner,
    };
    const { target } = entry;
    if (target && entry.passed) {
      context.target = {
        target: target.date,
        source: target.source,
        onTrack: plan.nothingLeft,
        daysBehind: plan.nothingLeft ? 0 : diffDays(target.date, plan.finish.max),
        hoursPerWeekNeeded: null,
        feasible: plan.nothingLeft,
        passed: true,
      };
    } else if (target && plan.target) {
      context.target = {
        target: target.date,
        source: target.source,
        onTrack: plan.target.onTrack,
        daysBehind: plan.target.daysBehind,
        hoursPerWeekNeeded: plan.target.hoursPerWeekNeeded,
        feasible: plan.target.feasible,
        passed: false,
      };
    }
    learner.roadmaps.push(context);
  });
  return learner;
}

/** Habit hours per day number for the planner, from the roadmap's routine (habits-due.ts). */
function habitHoursOf(schedule: ((date: CalendarDate) => number) | undefined) {
  if (!schedule) return undefined;
  const cache = new Map<number, number>();
  return (day: number) => {
    const weekdayKey = day; // habits depend on the date (the 1st of a month), so key by day
    let hours = cache.get(weekdayKey);
    if (hours === undefined) {
      hours = schedule(fromDayNumber(day)) / 60;
      cache.set(weekdayKey, hours);
    }
    return hours;
  };
}

/** The plan of one roadmap within the learner's plan; a paused roadmap is refused (it has no plan). */
export function planContext(
  workspace: Workspace,
  roadmap: Roadmap,
  request: PlanRequest,
  timeZone: string,
  realToday: CalendarDate,
): PlanContext {
  const learner = learnerContext(
    workspace,
    { ...request, target: undefined },
    timeZone,
    realToday,
    request.target === undefined ? new Map() : new Map([[roadmap.id, request.target]]),
  );
  return contextOf(learner, roadmap.id);
}

/** One roadmap's context from a learner context; a paused roadmap is refused with how to resume it. */
export function contextOf(learner: LearnerContext, roadmapId: string): PlanContext {
  const context = learner.roadmaps.find((entry) => entry.roadmap.id === roadmapId);
  if (context) return context;
  if (learner.paused.some((roadmap) => roadmap.id === roadmapId)) throw pausedError(roadmapId);
  throw new WaymarkError('NOT_FOUND', `no roadmap "${roadmapId}".`);
}

export function pausedError(roadmapId: string): WaymarkError {
  return new WaymarkError(
    'INPUT',
    `${roadmapId} is paused: no time is planned for it.`,
    `Resume it with \`waymark capacity ${roadmapId} --resume\`, or ask for another roadmap.`,
  );
}
