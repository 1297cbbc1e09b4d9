/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic runs on day numbers (days since 1970-01-01) with
 * integer civil-calendar formulas, never on instants, so time zones and DST changes cannot shift a date.
 */
import { inputError } from '../errors.js';

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function fields(text: string): [number, number, number] | undefined {
  const match = SHAPE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/** True for a real `YYYY-MM-DD` date (2028-02-29 yes, 2027-02-29 no). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && fields(value) !== undefined;
}

/** Validates user text as a calendar date; `what` names it in the error ("target date"). */
export function parseCalendarDate(text: string, what = 'date'): CalendarDate {
  const value = text.trim();
  if (!isCalendarDate(value)) {
    throw inputError(
      `The ${what} "${text}" is not a calendar date.`,
      'Write dates as YYYY-MM-DD, e.g. 2026-09-30.',
    );
  }
  return value;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days since 1970-01-01 (negative before). Throws INPUT for text that is not a calendar date. */
export function toDayNumber(date: CalendarDate): number {
  const parts = fields(date);
  if (!parts) parseCalendarDate(date); // throws the teaching error
  const [year, month, day] = parts as [number, number, number];
  return daysFromCivil(year, month, day);
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday ... 6 = Saturday, the index into `Capacity.hoursByWeekday`. */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function weekday(date: CalendarDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function diffDays(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** `YYYY-MM-DD` strings of valid dates compare correctly as text. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const laterOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? b : a);
