/**
 * Fast study hours per day number for the packer: weekday hours, days off as merged sorted ranges
 * found by binary search, and the daily review time reserved first.
 */
import { toDayNumber, weekdayOfDayNumber } from './calendar-date.js';
import type { Capacity } from './capacity.js';

export type DailyHours = (dayNumber: number) => number;

/** Merged, sorted [from, to] day-number ranges. */
function mergedDaysOff(capacity: Capacity): [number, number][] {
  const ranges = capacity.daysOff
    .map((range): [number, number] => [toDayNumber(range.from), toDayNumber(range.to)])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Hours left for roadmap work on a day: the weekday's capacity minus `reserveHours` (reviews), never below 0.
 * `scale` multiplies the weekday hours (used to find the hours a target needs).
 */
export function dailyWorkHours(capacity: Capacity, reserveHours = 0, scale = 1): DailyHours {
  const off = mergedDaysOff(capacity);
  const byWeekday = capacity.hoursByWeekday.map((hours) => Math.max(0, hours * scale - reserveHours));
  return (day) => {
    let low = 0;
    let high = off.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const range = off[mid] as [number, number];
      if (day < range[0]) high = mid - 1;
      else if (day > range[1]) low = mid + 1;
      else return 0;
    }
    return byWeekday[weekdayOfDayNumber(day)] ?? 0;
  };
}
