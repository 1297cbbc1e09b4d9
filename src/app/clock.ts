import { WaymarkError } from '../core/errors.js';

/**
 * The one place that reads the real clock. `WAYMARK_NOW` (an ISO instant) freezes it, so tests and
 * "as of" views are deterministic.
 */
export function clockNow(env: NodeJS.ProcessEnv = process.env): Date {
  const frozen = env.WAYMARK_NOW;
  if (!frozen) return new Date();
  const date = new Date(frozen);
  if (Number.isNaN(date.getTime())) {
    throw new WaymarkError(
      'USAGE',
      `WAYMARK_NOW="${frozen}" is not a date and time.`,
      'Use ISO form, e.g. 2026-11-20T12:00:00Z.',
    );
  }
  return date;
}

/** The learner's UTC offset in minutes at an instant (positive east of UTC), from the process time zone. */
export function utcOffsetMinutes(at: Date): number {
  return -at.getTimezoneOffset();
}
