/**
 * Capacity: the hours a learner can study on each weekday, minus days off. The planner packs work into it.
 * Settings arrive as JSON, so `parseCapacity` checks the shape and `validateCapacity` the values.
 */
import { inputError } from '../errors.js';
import {
  type CalendarDate,
  isCalendarDate,
  toDayNumber,
  WEEKDAY_NAMES,
  weekdayOfDayNumber,
} from './calendar-date.js';

/** Hours per weekday, Sunday first (the index of `weekday()`). */
export type WeekHours = readonly [number, number, number, number, number, number, number];

/** An inclusive range of days off: `{ from: '2026-12-24', to: '2026-12-26' }` is three days. */
export interface DaysOff {
  from: CalendarDate;
  to: CalendarDate;
}

export interface Capacity {
  hoursByWeekday: WeekHours;
  daysOff: readonly DaysOff[];
  /** No work is planned before this date (e.g. the course starts next month). */
  start?: CalendarDate;
}

const HOURS_HINT = 'Give each weekday (Sunday first) between 0 and 24 hours, e.g. [4, 2, 2, 2, 2, 2, 4].';
const DATE_HINT = 'Write dates as YYYY-MM-DD, e.g. 2026-12-24.';

function checkDate(value: unknown, what: string): void {
  if (!isCalendarDate(value))
    throw inputError(`The ${what} "${String(value)}" is not a calendar date.`, DATE_HINT);
}

/** Throws WaymarkError('INPUT') for a capacity nothing can be planned into; returns it unchanged otherwise. */
export function validateCapacity(capacity: Capacity): Capacity {
  const hours = capacity.hoursByWeekday;
  if (hours.length !== 7) {
    throw inputError(`Capacity needs hours for 7 weekdays, got ${hours.length}.`, HOURS_HINT);
  }
  hours.forEach((value, day) => {
    const name = WEEKDAY_NAMES[day] ?? `day ${day}`;
    if (!Number.isFinite(value)) throw inputError(`Capacity for ${name} is not a number.`, HOURS_HINT);
    if (value < 0) throw inputError(`Capacity of ${value} h on ${name} is negative.`, HOURS_HINT);
    if (value > 24) throw inputError(`Capacity of ${value} h on ${name} is more than a day has.`, HOURS_HINT);
  });
  if (hours.every((value) => value === 0)) {
    throw inputError('zero capacity: no hours to plan into', HOURS_HINT);
  }
  for (const range of capacity.daysOff) {
    checkDate(range.from, 'first day off');
    checkDate(range.to, 'last day off');
    if (range.from > range.to) {
      throw inputError(
        `The days off ${range.from} to ${range.to} run backwards.`,
        'Give the first day off, then the last (the same day for a single day).',
      );
    }
  }
  if (capacity.start !== undefined) checkDate(capacity.start, 'start date');
  return capacity;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a capacity from untyped settings (JSON) and validates it. */
export function parseCapacity(input: unknown): Capacity {
  if (!isRecord(input)) throw inputError('Capacity must be an object with hoursByWeekday.', HOURS_HINT);
  const hours = input.hoursByWeekday;
  if (!Array.isArray(hours) || hours.some((value) => typeof value !== 'number')) {
    throw inputError('Capacity hoursByWeekday must be a list of 7 numbers.', HOURS_HINT);
  }
  const daysOffInput = input.daysOff ?? [];
  if (!Array.isArray(daysOffInput))
    throw inputError('Capacity daysOff must be a list of {from, to}.', DATE_HINT);
  const daysOff = daysOffInput.map((range): DaysOff => {
    if (!isRecord(range)) throw inputError('Each day-off range must be {from, to}.', DATE_HINT);
    const from = range.from;
    const to = range.to ?? from; // a single day may omit `to`
    checkDate(from, 'first day off');
    checkDate(to, 'last day off');
    return { from: from as string, to: to as string };
  });
  if (input.start !== undefined) checkDate(input.start, 'start date');
  const capacity: Capacity = {
    hoursByWeekday: [...hours] as unknown as WeekHours,
    daysOff,
    ...(input.start === undefined ? {} : { start: input.start as string }),
  };
  return validateCapacity(capacity);
}

export function isDayOff(capacity: Capacity, date: CalendarDate): boolean {
  return capacity.daysOff.some((range) => range.from <= date && date <= range.to);
}

/** Study hours on a date: the weekday's hours, or 0 on a day off. */
export function hoursOn(capacity: Capacity, date: CalendarDate): number {
  if (isDayOff(capacity, date)) return 0;
  return capacity.hoursByWeekday[weekdayOfDayNumber(toDayNumber(date))] ?? 0;
}

/** Hours in an ordinary week (no days off). */
export function weeklyHours(capacity: Capacity): number {
  return capacity.hoursByWeekday.reduce((sum, value) => sum + value, 0);
}
