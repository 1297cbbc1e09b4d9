/**
 * Packs several roadmaps into the learner's one budget, day by day. Each day the capacity first keeps the time
 * for spaced review and routine habits (day-budget.ts), then roadmaps with their own fixed hours take them (in
 * priority order, never more than is left), and the rest goes to the other roadmaps with work left: split by
 * their shares, or all of it to the first in priority order. A roadmap that finishes mid-day leaves its time to
 * the others the same day. So no day is ever planned beyond its capacity.
 */
import { inputError } from '../errors.js';
import type { DailyHours } from './capacity-calendar.js';
import { type DayBudget, dayBudget, type ReserveRule, type StudiedHours } from './day-budget.js';
import { MAX_PLAN_DAYS, type Packing } from './pack-items.js';

/** Float hours (thirds, tenths) must not spill a sliver of work onto the next day. */
const EPSILON = 1e-9;

export type Allotment =
  /** A part of each day by weight (a share in percent, or an equal part of what explicit shares leave). */
  | { kind: 'share'; weight: number }
  /** The roadmap's own hours per day, taken first (capped by what the day has left). */
  | { kind: 'fixed'; hours: DailyHours }
  | { kind: 'paused' };

export interface SharedRoadmap {
  /** Hours of each remaining item in plan order. */
  hours: ArrayLike<number>;
  /** No work before this day number (today, or the roadmap's start date). */
  firstDay: number;
  allotment: Allotment;
  /** Review hours a study day keeps for this roadmap's cards while it has work left. */
  reviewHours: number;
  /** Routine habit hours on a day while it has work left. */
  habitHours: DailyHours;
}

export interface SharedInput {
  roadmaps: readonly SharedRoadmap[];
  /** The learner's total study hours on a day (0 on a day off). */
  capacity: DailyHours;
  /** 'shares': the day is split by share; 'priority': finish one roadmap, then the next (array order). */
  strategy: 'shares' | 'priority';
  reserve: ReserveRule;
  /** The first day anything can be planned (today). */
  firstDay: number;
  /** Time already studied on the first day (a plan made during today): the day holds only the rest. */
  studiedOnFirstDay?: StudiedHours;
}

export interface SharedPacking {
  packing: Packing;
  /** Hours allotted to the roadmap per day from its first day (used or not), for target checks. */
  allotted: Float64Array;
}

export interface SharedResult {
  roadmaps: SharedPacking[];
  /** The day's budget in the schedule (reserves and work) for every day from firstDay to the last finish. */
  budgets: DayBudget[];
}

interface Cursor {
  roadmap: SharedRoadmap;
  index: number;
  need: number;
  started: boolean;
  start: Int32Array;
  end: Int32Array;
  allotted: number[];
}

const hasWork = (cursor: Cursor) => cursor.index < cursor.roadmap.hours.length;

/**
 * One schedule (every item at min, or at max, effort). `which` picks the hours; `onWork(roadmap, item, day,
 * hours)` sees each piece placed.
 */
export function packShared(
  input: SharedInput,
  onWork?: (roadmap: number, item: number, day: number, hours: number) => void,
): SharedResult {
  const cursors: Cursor[] = input.roadmaps.map((roadmap) => ({
    roadmap,
    index: 0,
    need: roadmap.hours[0] ?? 0,
    started: false,
    start: new Int32Array(roadmap.hours.length),
    end: new Int32Array(roadmap.hours.length),
    allotted: [],
  }));
  const budgets: DayBudget[] = [];
  let day = input.firstDay;
  const remaining = () =>
    cursors.some((cursor) => hasWork(cursor) && cursor.roadmap.allotment.kind !== 'paused');

  const consume = (which: number, give: number): number => {
    const cursor = cursors[which] as Cursor;
    const { hours, firstDay } = cursor.roadmap;
    cursor.allotted[day - firstDay] = (cursor.allotted[day - firstDay] ?? 0) + give;
    let left = give;
    while (hasWork(cursor) && left > EPSILON) {
      const item = cursor.index;
      if (!cursor.started) {
        cursor.start[item] = day;
        cursor.started = true;
      }
      if (cursor.need > left + EPSILON) {
        onWork?.(which, item, day, left);
        cursor.need -= left;
        left = 0;
        break;
      }
      if (cursor.need > 0) onWork?.(which, item, day, cursor.need);
      left = Math.max(0, left - cursor.need);
      cursor.end[item] = day;
      cursor.index++;
      cursor.need = hours[cursor.index] ?? 0;
      cursor.started = false;
    }
    return give - left;
  };

  while (remaining()) {
    if (day - input.firstDay > MAX_PLAN_DAYS) {
      throw inputError(
        'The plan would take more than 100 years at this capacity.',
        'Add study hours, shorten days off, un-pause or reprioritise roadmaps, or reserve less time for reviews and habits.',
      );
    }
    const active: number[] = [];
    cursors.forEach((cursor, which) => {
      if (hasWork(cursor) && cursor.roadmap.allotment.kind !== 'paused' && cursor.roadmap.firstDay <= day)
        active.push(which);
    });
    let review = 0;
    let habits = 0;
    for (const which of active) {
      const { roadmap } = cursors[which] as Cursor;
      review += roadmap.reviewHours;
      habits += roadmap.habitHours(day);
    }
    const budget = dayBudget(
      input.capacity(day),
      review,
      habits,
      input.reserve,
      day === input.firstDay ? input.studiedOnFirstDay : undefined,
    );
    budgets.push(budget);
    let pool = budget.work;
    // Fixed hours first, in priority order.
    for (const which of active) {
      const { allotment } = (cursors[which] as Cursor).roadmap;
      if (allotment.kind !== 'fixed' || pool <= EPSILON) continue;
      pool -= consume(which, Math.min(allotment.hours(day), pool));
    }
    const sharing = active.filter((which) => (cursors[which] as Cursor).roadmap.allotment.kind === 'share');
    if (input.strategy === 'priority') {
      for (const which of sharing) {
        if (pool <= EPSILON) break;
        pool -= consume(which, pool);
      }
    } else {
      pool = splitByShares(sharing, pool, cursors, consume);
    }
    day++;
  }
  return {
    budgets,
    roadmaps: cursors.map((cursor) => {
      const count = cursor.roadmap.hours.length;
      const allotted = Float64Array.from(cursor.allotted, (hours) => hours ?? 0);
      return {
        packing: {
          start: cursor.start,
          end: cursor.end,
          finish: count > 0 ? (cursor.end[count - 1] ?? cursor.roadmap.firstDay) : cursor.roadmap.firstDay,
        },
        allotted,
      };
    }),
  };
}

/**
 * Water-filling: each round splits what is left of the day by weight among the roadmaps that still have work;
 * a roadmap that finishes leaves its part to the next round. Roadmaps of weight 0 get time only once no
 * roadmap with a share has work left that day.
 */
function splitByShares(
  sharing: readonly number[],
  available: number,
  cursors: readonly Cursor[],
  consume: (which: number, give: number) => number,
): number {
  let pool = available;
  const weightOf = (which: number) => {
    const { allotment } = (cursors[which] as Cursor).roadmap;
    return allotment.kind === 'share' ? allotment.weight : 0;
  };
  let hungry = sharing.filter((which) => weightOf(which) > 0);
  if (hungry.length === 0) hungry = [...sharing];
  const uniform = hungry.every((which) => weightOf(which) <= 0);
  for (let round = 0; round <= sharing.length && pool > EPSILON && hungry.length > 0; round++) {
    const total = hungry.reduce((sum, which) => sum + (uniform ? 1 : weightOf(which)), 0);
    const budget = pool;
    let spent = 0;
    for (const which of hungry) spent += consume(which, (budget * (uniform ? 1 : weightOf(which))) / total);
    pool -= spent;
    hungry = hungry.filter((which) => hasWork(cursors[which] as Cursor));
    if (hungry.length === 0) {
      const rest = sharing.filter((which) => hasWork(cursors[which] as Cursor));
      if (rest.length === 0) break;
      return splitByShares(rest, pool, cursors, consume);
    }
    if (spent <= EPSILON) break;
  }
  return pool;
}
