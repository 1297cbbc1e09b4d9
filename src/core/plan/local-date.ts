/**
 * The learner's calendar date for an instant. Pure: the instant and the IANA time zone are parameters,
 * and Intl does the zone rules (DST included), so the same inputs always give the same date.
 */
import { inputError } from '../errors.js';
import type { CalendarDate } from './calendar-date.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        calendar: 'gregory',
        numberingSystem: 'latn',
      });
    } catch {
      throw inputError(`"${timeZone}" is not a time zone.`, 'Use an IANA name such as Europe/Berlin or UTC.');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Every UTC offset in use since the 1970s is a multiple of 15 minutes, so all instants of one UTC quarter-hour
 * share a local date: a log's dates are computed once per quarter-hour, not once per event (Intl is slow).
 */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, CalendarDate>();

function quarterHourKey(instant: Date, timeZone: string): string {
  return `${timeZone} ${Math.floor(instant.getTime() / 900_000)}`;
}

/** `localDate('2026-11-02T04:30:00Z', 'America/New_York')` is '2026-11-01' (23:30 EST). */
export function localDate(instantIso: string, timeZone: string): CalendarDate {
  const instant = new Date(instantIso);
  const time = instant.getTime();
  if (!Number.isNaN(time) && instant.getUTCFullYear() >= 1980) {
    const key = quarterHourKey(instant, timeZone);
    let date = cache.get(key);
    if (date === undefined) {
      date = computeLocalDate(instant, instantIso, timeZone);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, date);
    }
    return date;
  }
  return computeLocalDate(instant, instantIso, timeZone);
}

function computeLocalDate(instant: Date, instantIso: string, timeZone: string): CalendarDate {
  if (Number.isNaN(instant.getTime())) {
    throw inputError(`"${instantIso}" is not an instant.`, 'Use ISO form, e.g. 2026-11-20T12:00:00Z.');
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}
