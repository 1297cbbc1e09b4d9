import { inputError } from '../errors.js';

/**
 * Parses `--at WHEN` for backfilling: "now", "today", "yesterday", "3 days ago", "2026-11-20" (noon, local),
 * "2026-11-20T19:30" (local), or a full ISO instant. Local means the given UTC offset in minutes
 * (the caller passes the learner's offset for that date), so the function stays pure. Returns an ISO instant.
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
  return result.toISOString();
}

function localInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): Date | undefined {
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return new Date(utc - offsetMinutes * 60_000);
}
