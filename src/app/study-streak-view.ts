/**
 * `waymark streak`: days in a row with logged study. Rest days come from the planner's capacity
 * (planning-settings.ts: the roadmap's capacity, else the global one, else the roadmap's routine): a day
 * with 0 hours in every roadmap's capacity (a weekday at 0 h, or a day off) does not break a streak.
 */
import type { CalendarDate } from '../core/plan/calendar-date.js';
import { hoursOn } from '../core/plan/capacity.js';
import { localDate } from '../core/plan/local-date.js';
import type { ProgressState } from '../core/progress/fold.js';
import { type Streak, studyStreak } from '../core/review/study-streak.js';
import { foldedState } from './folded-state.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { effectiveCapacity, readSettings } from './planning-settings.js';
import { loadRoadmaps, type Workspace } from './workspace.js';

export const STREAK_RULE =
  'A streak counts days with study time logged. A rest day (0 hours of capacity, or a day off) does not break it; today does not break it until it is over.';

export interface StreakView extends Streak {
  today: CalendarDate;
  timeZone: string;
  rule: string;
  /** Where the rest days came from, per roadmap. */
  capacitySources: { roadmapId: string; source: string }[];
}

/** A day is a rest day when every roadmap's capacity gives it 0 hours (no roadmaps: no rest days). */
export function restDayRule(workspace: Workspace, state: ProgressState) {
  const capacities = loadRoadmaps(workspace.store).map(({ model }) => ({
    roadmapId: model.id,
    ...effectiveCapacity(model, readSettings(state, model.id)),
  }));
  const isRestDay = (date: CalendarDate) =>
    capacities.length > 0 && capacities.every(({ capacity }) => hoursOn(capacity, date) === 0);
  return { isRestDay, capacities };
}

/** Local dates with logged study (any roadmap, with or without an item). */
export function studyDays(state: ProgressState, timeZone: string): Set<CalendarDate> {
  const days = new Set<CalendarDate>();
  for (const session of state.sessions) if (session.minutes > 0) days.add(localDate(session.at, timeZone));
  return days;
}

/** The streak today, or as it stood at the end of day `asOf` (a retro of a past period). */
export function streakView(
  workspace: Workspace,
  options: { timeZone?: string; asOf?: CalendarDate } = {},
): StreakView {
  const timeZone = options.timeZone ?? learnerTimeZone();
  const realToday = learnerToday(workspace, timeZone);
  const today = options.asOf !== undefined && options.asOf < realToday ? options.asOf : realToday;
  const state = foldedState(workspace.store);
  const { isRestDay, capacities } = restDayRule(workspace, state);
  const days = new Set([...studyDays(state, timeZone)].filter((date) => date <= today));
  return {
    ...studyStreak(days, today, isRestDay),
    today,
    timeZone,
    rule: STREAK_RULE,
    capacitySources: capacities.map(({ roadmapId, source }) => ({ roadmapId, source })),
  };
}
