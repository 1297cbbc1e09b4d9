/** The calendar period a retro covers: an ISO week (Monday to Sunday) or a calendar month. */
import { inputError } from '../errors.js';
import { addDays, type CalendarDate, fromDayNumber, toDayNumber } from '../plan/calendar-date.js';
import { weekStart } from './review-stats.js';

export type RetroKind = 'week' | 'month';

export interface RetroPeriod {
  kind: RetroKind;
  from: CalendarDate;
  to: CalendarDate;
  /** "Week of 2026-11-16" / "November 2026". */
  label: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The period holding `date`; refuses one that has not started by `today`. */
export function retroPeriod(kind: RetroKind, date: CalendarDate, today: CalendarDate): RetroPeriod {
  let period: RetroPeriod;
  if (kind === 'week') {
    const from = weekStart(date);
    period = { kind, from, to: addDays(from, 6), label: `Week of ${from}` };
  } else {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const from = `${date.slice(0, 7)}-01`;
    const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const to = fromDayNumber(toDayNumber(nextMonth) - 1);
    period = { kind, from, to, label: `${MONTHS[month - 1]} ${year}` };
  }
  if (period.from > today) {
    throw inputError(
      `The ${kind} of ${date} (${period.from} to ${period.to}) has not started yet: today is ${today}.`,
      `Give a date on or before ${today}, e.g. --date ${today}, or leave --date out for this ${kind}.`,
    );
  }
  return period;
}
