/**
 * Hours as learners type them for capacity and estimates: "2h", "1.5h", "90m", "1h30", and "0". A bare
 * number other than 0 is refused with a hint, as in `waymark log`: one number read as hours here and as
 * minutes there is a trap. (A JSON number from the API is hours, as its schema says.)
 */
import { inputError } from '../core/errors.js';

const FORMS = 'Use forms like 2h, 1.5h, 90m or 1h30.';

/** Parses hours (0 allowed); `what` names the value in the error ("--weekdays", "the estimate"). */
export function parseHours(input: string | number, what: string): number {
  if (typeof input === 'number') return checked(input, String(input), what);
  const text = input.trim().toLowerCase();
  if (text.startsWith('-')) throw inputError(`${what}: "${input}" is negative.`, FORMS);
  const bare = /^(\d+(?:\.\d+)?)$/.exec(text);
  const hm = /^(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?\s*(?:(\d{1,2})\s*(?:m(?:in(?:utes?)?)?)?)?$/.exec(text);
  const m = /^(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?)$/.exec(text);
  let hours: number | undefined;
  if (bare && Number(bare[1]) !== 0) {
    throw inputError(`${what}: "${input}" has no unit.`, `Write ${text}h for hours or ${text}m for minutes.`);
  }
  if (bare) hours = 0;
  else if (hm && Number(hm[2] ?? 0) < 60) hours = Number(hm[1]) + Number(hm[2] ?? 0) / 60;
  else if (m) hours = Number(m[1]) / 60;
  if (hours === undefined) throw inputError(`${what}: "${input}" is not a number of hours.`, FORMS);
  return checked(hours, input, what);
}

function checked(hours: number, input: string, what: string): number {
  if (!Number.isFinite(hours) || hours < 0) {
    throw inputError(`${what}: "${input}" is not a number of hours.`, FORMS);
  }
  return Math.round(hours * 1000) / 1000;
}
