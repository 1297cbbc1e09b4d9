/**
 * Everything a plan of one roadmap is computed from, as of a date: the events up to the end of that day
 * (in the learner's time zone), their fold, the settings, effort and capacity, and the plan itself.
 * Shared by the plan, agenda, week and calendar views so they always agree.
 */
import { WaymarkError } from '../core/errors.js';
import type { Roadmap } from '../core/model/roadmap.js';
import { type CalendarDate, diffDays, parseCalendarDate } from '../core/plan/calendar-date.js';
import type { Capacity } from '../core/plan/capacity.js';
import type { HoursRange } from '../core/plan/duration-hours.js';
import { type EffortEstimate, estimateEffort } from '../core/plan/estimate-effort.js';
import { localDate } from '../core/plan/local-date.js';
import { type Plan, planRoadmap } from '../core/plan/plan-roadmap.js';
import { analyseWork } from '../core/plan/work-structure.js';
import type { Status, WaymarkEvent } from '../core/progress/events.js';
import { foldEvents, type ProgressState } from '../core/progress/fold.js';
import type { RoadmapRecord } from '../store/port.js';
import { correctedModel } from './corrected-model.js';
import { estimateOverrides } from './effort.js';
import {
  type EffectiveCapacity,
  effectiveCapacity,
  GLOBAL_SCOPE,
  type PlanningSettings,
  readSettings,
} from './planning-settings.js';
import { expectedReviewMinutesPerDay } from './review-service.js';
import { type RoadmapProgress, roadmapProgress, roadmapProgressAt } from './roadmap-progress.js';
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

export interface PlanContext {
  roadmap: Roadmap;
  /** The date the plan is computed as of (the learner's today unless asked otherwise). */
  today: CalendarDate;
  /** The learner's real today. */
  realToday: CalendarDate;
  timeZone: string;
  events: WaymarkEvent[];
  state: ProgressState;
  status: Map<string, Status>;
  settings: PlanningSettings;
  capacity: EffectiveCapacity;
  effort: EffortEstimate;
  reviewMinutesPerDay: number;
  plan: Plan;
  target?: TargetStatus;
}

export interface PlanRequest {
  /** Plan against this date instead of the stored one (must be from today on). */
  target?: string;
  /** Plan as of this date: only events up to its end count, and work starts on it. Default: today. */
  today?: string;
  /** Minutes a day kept free for spaced review before any roadmap work (default: the review service's expectation). */
  reviewMinutesPerDay?: number;
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

/** The roadmap's and the global events, in log order, up to the end of `asOf` when it is before today. */
export function planningEvents(
  workspace: Workspace,
  roadmapId: string,
  asOf: CalendarDate,
  realToday: CalendarDate,
  timeZone: string,
): WaymarkEvent[] {
  const events = [
    ...workspace.store.listEvents({ roadmapId }),
    ...workspace.store.listEvents({ roadmapId: GLOBAL_SCOPE }),
  ].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  if (asOf >= realToday) return events;
  return events.filter((event) => localDate(event.at, timeZone) <= asOf);
}

/**
 * Effort with the learner's estimates and pace; an item in progress keeps only what is left of it after the
 * time already logged on it (never below zero).
 */
function remainingEffort(
  roadmap: Roadmap,
  state: ProgressState,
  settings: PlanningSettings,
  derived: RoadmapProgress,
): EffortEstimate {
  const progress = state.nodes.get(roadmap.id) ?? new Map();
  const { status } = derived;
  const actuals: { nodeId: string; hours: number }[] = [];
  for (const [nodeId, entry] of progress) {
    if (status.get(nodeId) === 'done' && entry.minutes > 0)
      actuals.push({ nodeId, hours: entry.minutes / 60 });
  }
  const effort = estimateEffort(roadmap, {
    overrides: estimateOverrides(roadmap, state),
    actuals,
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

/** Half the shortest study day, in minutes (whole minutes, so the agenda shows what the plan keeps). */
export function automaticReviewLimit(capacity: Capacity): number {
  const studyDays = capacity.hoursByWeekday.filter((hours) => hours > 0);
  return studyDays.length === 0 ? 0 : Math.floor((Math.min(...studyDays) * 60) / 2);
}

/** Computes the plan of one roadmap; does not refuse a roadmap with nothing left (callers decide). */
export function planContext(
  workspace: Workspace,
  roadmap: Roadmap,
  request: PlanRequest,
  timeZone: string,
  realToday: CalendarDate,
): PlanContext {
  const today = request.today === undefined ? realToday : parseCalendarDate(request.today, 'date');
  const events = planningEvents(workspace, roadmap.id, today, realToday, timeZone);
  const state = foldEvents(events);
  const settings = readSettings(state, roadmap.id);
  const capacity = effectiveCapacity(roadmap, settings);
  // Unless told otherwise, keep the expected spaced-review time free (review-service.ts), but never so much
  // that no roadmap work fits: an automatic reservation takes at most half of the shortest study day.
  const reviewMinutesPerDay =
    request.reviewMinutesPerDay !== undefined
      ? checkReviewMinutes(request.reviewMinutesPerDay)
      : Math.min(
          checkReviewMinutes(expectedReviewMinutesPerDay(workspace, roadmap.id, { state, roadmap })),
          automaticReviewLimit(capacity.capacity),
        );
  // Derived once per event stamp when the plan is of today (the whole log); an earlier day's log is a prefix.
  const derived =
    today >= realToday ? roadmapProgressAt(roadmap, state, workspace.store) : roadmapProgress(roadmap, state);
  const status = new Map(derived.status);
  const effort = remainingEffort(roadmap, state, settings, derived);

  let target: { date: CalendarDate; source: TargetSource } | undefined;
  if (request.target !== undefined) {
    target = { date: parseCalendarDate(request.target, 'target date'), source: 'option' };
  } else if (settings.targetDate !== undefined) {
    if (settings.targetDate !== null) target = { date: settings.targetDate, source: 'setting' };
  } else if (roadmap.goal?.targetDate) {
    target = { date: roadmap.goal.targetDate, source: 'roadmap' };
  }
  // A target typed now must be ahead (the planner refuses a past one); a stored one may have passed since.
  const passed = target !== undefined && target.source !== 'option' && target.date < today;
  const plan = planRoadmap({
    roadmap,
    status,
    effort,
    capacity: capacity.capacity,
    choices: settings.choices,
    today,
    ...(target && !passed ? { target: target.date } : {}),
    reviewMinutesPerDay,
  });
  const context: PlanContext = {
    roadmap,
    today,
    realToday,
    timeZone,
    events,
    state,
    status,
    settings,
    capacity,
    effort,
    reviewMinutesPerDay,
    plan,
  };
  if (target && passed) {
    const daysBehind = diffDays(target.date, plan.finish.max);
    context.target = {
      target: target.date,
      source: target.source,
      onTrack: plan.nothingLeft,
      daysBehind: plan.nothingLeft ? 0 : daysBehind,
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
  return context;
}
