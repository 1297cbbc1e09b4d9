/**
 * Study activity for the overview: minutes per day (the heatmap calendar), the study streak, and this week's
 * time against capacity. Pure over the folded log. The streak is `waymark streak`'s (study-streak-view.ts:
 * days with time logged; rest days do not break it) and is the learner's, across roadmaps; minutes and the
 * week can be narrowed to one roadmap. Days are the learner's calendar days; weeks start on Monday.
 */
import { addDays, type CalendarDate, weekday } from '../core/plan/calendar-date.js';
import { type Capacity, hoursOn } from '../core/plan/capacity.js';
import { localDate } from '../core/plan/local-date.js';
import type { ProgressState } from '../core/progress/fold.js';
import { type Streak, studyStreak } from '../core/review/study-streak.js';
import { studyDays } from './study-streak-view.js';

export interface Activity {
  /** Every day of the window, oldest first, zero days included. */
  days: { date: CalendarDate; minutes: number }[];
  streak: Streak;
  /** Monday to Sunday around today; `capacityMinutes` is null without a capacity. */
  week: { start: CalendarDate; minutes: number; capacityMinutes: number | null };
}

export interface ActivityInput {
  state: ProgressState;
  today: CalendarDate;
  timeZone: string;
  /** Length of the window ending today. */
  days: number;
  /** Only this roadmap's minutes (the streak stays the learner's). */
  roadmapId?: string;
  capacity?: Capacity;
  isRestDay?: (date: CalendarDate) => boolean;
}

export function activityView(input: ActivityInput): Activity {
  const { today, timeZone, state } = input;
  const minutesByDay = new Map<CalendarDate, number>();
  const dateOf = memoDate(timeZone);
  for (const session of state.sessions) {
    if (input.roadmapId !== undefined && session.roadmapId !== input.roadmapId) continue;
    const date = dateOf(session.at);
    minutesByDay.set(date, (minutesByDay.get(date) ?? 0) + session.minutes);
  }

  const days: Activity['days'] = [];
  for (let date = addDays(today, 1 - input.days); date <= today; date = addDays(date, 1))
    days.push({ date, minutes: minutesByDay.get(date) ?? 0 });

  const weekStart = addDays(today, -((weekday(today) + 6) % 7));
  let weekMinutes = 0;
  let capacityHours = 0;
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStart, i);
    weekMinutes += minutesByDay.get(date) ?? 0;
    if (input.capacity) capacityHours += hoursOn(input.capacity, date);
  }

  return {
    days,
    streak: studyStreak(studyDays(state, timeZone), today, input.isRestDay ?? (() => false)),
    week: {
      start: weekStart,
      minutes: weekMinutes,
      capacityMinutes: input.capacity ? Math.round(capacityHours * 60) : null,
    },
  };
}

/** localDate is the costly part over a long log: remember it per minute (no zone shifts within a minute). */
function memoDate(timeZone: string): (at: string) => CalendarDate {
  const cache = new Map<string, CalendarDate>();
  return (at) => {
    const key = at.slice(0, 16);
    let date = cache.get(key);
    if (date === undefined) {
      date = localDate(at, timeZone);
      cache.set(key, date);
    }
    return date;
  };
}
