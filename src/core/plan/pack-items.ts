/**
 * Packs work into days in order, like pouring: each day takes hours until its capacity is used, and an
 * item may run over several days. Day numbers keep it fast (no dates in the loop).
 */
import { inputError } from '../errors.js';
import type { DailyHours } from './capacity-calendar.js';

/** Float hours (thirds, tenths) must not spill a sliver of work onto the next day. */
const EPSILON = 1e-9;
/** A plan that needs more than a century has capacity that is effectively zero. */
export const MAX_PLAN_DAYS = 36_525;

export interface Packing {
  /** Day number each item starts and ends on, by item index. */
  start: Int32Array;
  end: Int32Array;
  /** Day number of the last item's end (the first day when there are no items). */
  finish: number;
}

/** Calls `onWork(item, day, hours)` for every piece of work placed, in day order, when given. */
export function packItems(
  hours: ArrayLike<number>,
  firstDay: number,
  dailyHours: DailyHours,
  onWork?: (item: number, day: number, hours: number) => void,
): Packing {
  const start = new Int32Array(hours.length);
  const end = new Int32Array(hours.length);
  let day = firstDay;
  let left = dailyHours(day);
  const nextDay = () => {
    day++;
    if (day - firstDay > MAX_PLAN_DAYS) {
      throw inputError(
        'The plan would take more than 100 years at this capacity.',
        'Add study hours, shorten days off, or reserve less time for reviews.',
      );
    }
    left = dailyHours(day);
  };
  for (let item = 0; item < hours.length; item++) {
    let need = hours[item] ?? 0;
    while (left <= EPSILON) nextDay(); // even a zero-hour item lands on a day with room, never a day off
    start[item] = day;
    while (need > left + EPSILON) {
      if (left > EPSILON) onWork?.(item, day, left);
      need -= left;
      nextDay();
    }
    if (need > 0) onWork?.(item, day, need);
    left = Math.max(0, left - need);
    end[item] = day;
  }
  return { start, end, finish: hours.length > 0 ? (end[hours.length - 1] ?? firstDay) : firstDay };
}
