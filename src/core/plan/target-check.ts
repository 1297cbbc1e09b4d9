/**
 * Against a target date: am I on track, by how many days, and what weekly hours would make it.
 */

import type { DailyHours } from './capacity-calendar.js';

export interface TargetCheck {
  target: string;
  /** The max-effort finish is on or before the target. */
  onTrack: boolean;
  /** Days from the target to the max-effort finish: positive = behind, negative = ahead. */
  daysBehind: number;
  /**
   * Weekly hours for this roadmap that finish the remaining max effort by the target, keeping the weekday
   * proportions and days off of the time it gets now; null when no study day is left before the target.
   */
  hoursPerWeekNeeded: number | null;
  /** The hours a week the roadmap gets now (its part of the learner's capacity), to compare with. */
  weeklyHours: number;
  /** False when the hours needed would not fit in 24-hour days. */
  feasible: boolean;
}

export interface TargetInput {
  target: string;
  targetDay: number;
  firstDay: number;
  finishMaxDay: number;
  remainingMaxHours: number;
  /** Hours the roadmap gets per day (its part of the capacity, reviews and habits already taken off). */
  allotted: DailyHours;
  /** The learner's capacity per day (days off at 0) and in an ordinary week: the scale of "a week". */
  capacity: DailyHours;
  weeklyCapacity: number;
}

const ceilTenth = (hours: number) => Math.ceil(hours * 10 - 1e-6) / 10;

/**
 * Hours are counted in ordinary weeks: what the roadmap gets over the days to the target, scaled by the
 * capacity of an ordinary week over the capacity of those days (so a day off or a short week asks more of the
 * other weeks, not less).
 */
export function checkTarget(input: TargetInput): TargetCheck {
  let baseTotal = 0;
  let capacityTotal = 0;
  let maxDay = 0;
  for (let day = input.firstDay; day <= input.targetDay; day++) {
    const hours = input.allotted(day);
    baseTotal += hours;
    capacityTotal += input.capacity(day);
    if (hours > maxDay) maxDay = hours;
  }
  const perWeek = capacityTotal > 0 ? input.weeklyCapacity / capacityTotal : 0;
  const weekly = Math.round(baseTotal * perWeek * 100) / 100;
  const daysBehind = input.finishMaxDay - input.targetDay;
  const result = (needed: number | null, feasible: boolean): TargetCheck => ({
    target: input.target,
    onTrack: daysBehind <= 0,
    daysBehind,
    hoursPerWeekNeeded: needed,
    weeklyHours: weekly,
    feasible,
  });
  if (input.remainingMaxHours <= 0) return result(0, true);
  if (baseTotal <= 0) return result(null, false);
  // Scaling every day's hours by the same factor keeps the weekday pattern and days off.
  const scale = input.remainingMaxHours / baseTotal;
  return result(ceilTenth(input.remainingMaxHours * perWeek), scale * maxDay <= 24 + 1e-9);
}
