/**
 * The recent weeks a forecast samples from. History usually lists only weeks with activity, so the window
 * is rebuilt on a weekly grid: weeks missing inside it count as zero (a week off is part of the pace).
 */
import { inputError } from '../errors.js';
import { isCalendarDate, toDayNumber } from '../plan/calendar-date.js';

export interface WeekRecord {
  /** First day of the week (any weekday, as long as the history is consistent). */
  weekStart: string;
  itemsDone: number;
  hoursLogged: number;
  /** Estimated hours of the work finished that week (what it earned at the plan's estimates). */
  estimateHoursDone?: number;
}

export interface WeeklyWindow {
  items: number[];
  hours: number[];
}

function check(record: WeekRecord): void {
  if (!isCalendarDate(record.weekStart)) {
    throw inputError(`History week "${record.weekStart}" is not a calendar date.`, 'Use YYYY-MM-DD.');
  }
  for (const value of [record.itemsDone, record.hoursLogged]) {
    if (!Number.isFinite(value) || value < 0) {
      throw inputError(
        `History week ${record.weekStart} has ${value}, not a count.`,
        'Use numbers 0 or more.',
      );
    }
  }
}

/**
 * The last `windowWeeks` complete weeks before `today` (the current, partial week would understate the pace),
 * never reaching back before the first week of history (the learner had not started).
 */
export function weeklyWindow(
  history: readonly WeekRecord[],
  todayDay: number,
  windowWeeks: number,
): WeeklyWindow {
  const days = history.map((record) => {
    check(record);
    return toDayNumber(record.weekStart);
  });
  const past = days.filter((day) => day + 7 <= todayDay);
  if (past.length === 0) return { items: [], hours: [] };
  const phase = (((Math.max(...past) % 7) + 7) % 7) as number; // the grid follows the latest week's weekday
  const weekIndex = (day: number) => Math.floor((day - phase) / 7);
  const lastComplete = weekIndex(todayDay) - 1;
  const first = Math.max(weekIndex(Math.min(...past)), lastComplete - windowWeeks + 1);
  const count = Math.max(0, lastComplete - first + 1);
  const window: WeeklyWindow = { items: new Array(count).fill(0), hours: new Array(count).fill(0) };
  history.forEach((record, index) => {
    const slot = weekIndex(days[index] as number) - first;
    if (slot < 0 || slot >= count) return;
    window.items[slot] = (window.items[slot] ?? 0) + record.itemsDone;
    window.hours[slot] = (window.hours[slot] ?? 0) + record.hoursLogged;
  });
  return window;
}
