/**
 * The learner's calendar: which IANA time zone they live in and what date it is there now. Plans and
 * agendas work on calendar dates in that zone, so a session logged at 23:30 in New York counts for that
 * day, not for the next UTC day.
 */
import { WaymarkError } from '../core/errors.js';
import type { CalendarDate } from '../core/plan/calendar-date.js';
import { localDate } from '../core/plan/local-date.js';
import type { Workspace } from './workspace.js';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * WAYMARK_TZ if set (must be valid), else TZ when it names a zone Intl knows (POSIX strings such as
 * ":/etc/localtime" are ignored), else the zone the runtime resolved.
 */
export function learnerTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.WAYMARK_TZ?.trim();
  if (explicit) {
    if (!isTimeZone(explicit)) {
      throw new WaymarkError(
        'USAGE',
        `WAYMARK_TZ="${explicit}" is not a time zone.`,
        'Use an IANA name such as Europe/Berlin, America/New_York or UTC.',
      );
    }
    return explicit;
  }
  const tz = env.TZ?.trim();
  if (tz && isTimeZone(tz)) return tz;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Today's date for the learner, from the workspace clock (WAYMARK_NOW freezes it). */
export function learnerToday(workspace: Workspace, timeZone: string): CalendarDate {
  return localDate(workspace.now.toISOString(), timeZone);
}
