/**
 * Against a target date: am I on track, by how many days, and what weekly hours would make it.
 */

import { type Capacity, weeklyHours } from './capacity.js';
import type { DailyHours } from './capacity-calendar.js';

export interface TargetCheck {
  target: string;
  /** The max-effort finish is on or before the target. */
  onTrack: boolean;
  /** Days from the target to the max-effort finish: positive = behind, negative = ahead. */
  daysBehind: number;
  /**
   * Weekly hours that finish the remaining max effort by the target, keeping the weekday proportions,
   * days off and review time; null when no study day is left before the target.
   */
  hoursPerWeekNeeded: number | null;
  /** The capacity's weekly hours now, to compare with. */
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
  capacity: Capacity;
  reserveHours: number;
  /** Unscaled weekday hours with days off at 0 (no reviews taken off). */
  baseHours: DailyHours;
}

const ceilTenth = (hours: number) => Math.ceil(hours * 10 - 1e-6) / 10;

export function checkTarget(input: TargetInput): TargetCheck {
  const weekly = weeklyHours(input.capacity);
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
  const base: number[] = [];
  for (let day = input.firstDay; day <= input.targetDay; day++) base.push(input.baseHours(day));
  const baseTotal = base.reduce((sum, hours) => sum + hours, 0);
  if (baseTotal <= 0) return result(null, false);
  // Work available when every weekday is scaled by `scale`; reviews still come off each study day first.
  const available = (scale: number) =>
    base.reduce((sum, hours) => sum + (hours > 0 ? Math.max(0, hours * scale - input.reserveHours) : 0), 0);
  let low = 0;
  let high = (input.remainingMaxHours + input.reserveHours * base.length) / baseTotal; // always enough
  for (let i = 0; i < 60 && high - low > 1e-9 * high; i++) {
    const mid = (low + high) / 2;
    if (available(mid) >= input.remainingMaxHours) high = mid;
    else low = mid;
  }
  const maxDay = Math.max(...input.capacity.hoursByWeekday);
  return result(ceilTenth(high * weekly), high * maxDay <= 24 + 1e-9);
}
