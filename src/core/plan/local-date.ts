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

/** `localDate('2026-11-02T04:30:00Z', 'America/New_York')` is '2026-11-01' (23:30 EST). */
export function localDate(instantIso: string, timeZone: string): CalendarDate {
  const instant = new Date(instantIso);
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
