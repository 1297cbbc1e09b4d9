import { inputError } from '../errors.js';

/** A single study log longer than a day is a typo, not a session. */
export const MAX_LOG_MINUTES = 24 * 60;

/**
 * Parses a study duration as learners type it: "90m", "1h30", "1h 30m", "2h", "1.5h". A bare number ("90")
 * is refused with a hint: elsewhere (estimates, capacity) hours are meant, so it would read two ways.
 * Returns whole minutes; rejects zero, negative, absurd and unreadable values with a message that shows the forms.
 */
export function parseStudyDuration(text: string): number {
  const trimmed = text.trim().toLowerCase();
  const forms = 'Use forms like 90m, 1h30, 1h 30m, 2h or 1.5h.';
  if (trimmed.startsWith('-')) throw inputError(`duration "${text}" is negative.`, forms);
  let minutes: number | undefined;
  const hm = /^(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?\s*(?:(\d{1,2})\s*(?:m(?:in(?:utes?)?)?)?)?$/.exec(trimmed);
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) {
    // `estimate` and `capacity` think in hours, `log` in minutes: a bare number would mean one or the other.
    throw inputError(
      `"${text}" has no unit.`,
      `Write ${trimmed}m for minutes or ${trimmed}h for hours (also 1h30, 1.5h).`,
    );
  }
  const m = /^(\d+)\s*(?:m|min|mins|minutes?)$/.exec(trimmed);
  if (hm && Number(hm[2] ?? 0) < 60) minutes = Number(hm[1]) * 60 + Number(hm[2] ?? 0);
  else if (m) minutes = Number(m[1]);
  if (minutes === undefined || !Number.isFinite(minutes))
    throw inputError(`"${text}" is not a duration.`, forms);
  minutes = Math.round(minutes);
  if (minutes <= 0) throw inputError(`duration "${text}" is zero.`, forms);
  if (minutes > MAX_LOG_MINUTES) {
    throw inputError(
      `duration "${text}" is more than 24 hours.`,
      'Log each study session separately (e.g. `waymark log 3h --at yesterday`).',
    );
  }
  return minutes;
}
