import { inputError } from '../errors.js';

/** Nothing a learner records happened before this: an earlier year is a typo (0026 for 2026). */
export const EARLIEST_EVENT_YEAR = 1970;

/**
 * Parses `--at WHEN` for backfilling: "now", "today", "yesterday", "3 days ago", "2026-11-20" (noon, local),
 * "2026-11-20T19:30" (local), or a full ISO instant. Local means the given UTC offset in minutes
 * (the caller passes the learner's offset for that date), so the function stays pure. Returns an ISO instant.
 * Refuses the future and anything before 1970.
 */
export function parseWhen(text: string, now: Date, offsetMinutes = 0): string {
  const value = text.trim().toLowerCase();
  const hint = 'Use now, today, yesterday, "3 days ago", 2026-11-20 or 2026-11-20T19:30.';
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  let result: Date | undefined;
  if (value === 'now' || value === 'today') result = now;
  else if (value === 'yesterday') result = daysAgo(1);
  else {
    const ago = /^(\d{1,4})\s*(day|days|d|week|weeks|w)\s+ago$/.exec(value);
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const local = /^(\d{4})-(\d{2})-(\d{2})[t ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
    const typedYear = /^(\d{4})-/.exec(value)?.[1];
    if (typedYear !== undefined && Number(typedYear) < EARLIEST_EVENT_YEAR) {
      throw tooEarly(text, typedYear);
    }
    if (ago) result = daysAgo(Number(ago[1]) * (ago[2]?.startsWith('w') ? 7 : 1));
    else if (date)
      result = localInstant(Number(date[1]), Number(date[2]), Number(date[3]), 12, 0, 0, offsetMinutes);
    else if (local) {
      result = localInstant(
        Number(local[1]),
        Number(local[2]),
        Number(local[3]),
        Number(local[4]),
        Number(local[5]),
        Number(local[6] ?? 0),
        offsetMinutes,
      );
    } else if (/^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:\d{2})$/.test(value)) {
      const parsed = new Date(text.trim());
      result = Number.isNaN(parsed.getTime()) ? undefined : parsed;
    }
  }
  if (!result) throw inputError(`"${text}" is not a date or time Waymark understands.`, hint);
  if (result.getTime() > now.getTime() + 60_000) {
    throw inputError(`"${text}" is in the future; --at records what already happened.`, hint);
  }
  // "3000 weeks ago", or an offset that crosses 1970: as implausible as a typed year before it.
  if (result.getUTCFullYear() < EARLIEST_EVENT_YEAR) throw tooEarly(text, undefined);
  return result.toISOString();
}

function tooEarly(text: string, typedYear: string | undefined) {
  const year = Number(typedYear);
  // 0026 or 0126 is most likely 2026 with a slipped digit: offer the year of this century.
  const guess = typedYear !== undefined && year < 1000 ? `20${typedYear.slice(2)}` : undefined;
  return inputError(
    `"${text}" is before ${EARLIEST_EVENT_YEAR}; Waymark records study from ${EARLIEST_EVENT_YEAR} on.`,
    guess
      ? `Did you mean ${text.trim().replace(typedYear as string, guess)}? Years have four digits, e.g. 2026-11-20.`
      : 'Check the year: it has four digits, e.g. 2026-11-20.',
  );
}

/**
 * The instant of a local date and time. Date.UTC maps years 0-99 to 1900-1999, so the year is set apart
 * (callers refuse those years before they get here; this keeps the arithmetic honest regardless).
 */
function localInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): Date | undefined {
  const check = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  check.setUTCFullYear(year, month - 1, day);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return new Date(check.getTime() - offsetMinutes * 60_000);
}
