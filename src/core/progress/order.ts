/** Orderings shared by the fold and the history: the log order (seq) and "when it happened" (at). */
import type { WaymarkEvent } from './events.js';

/** The events in log order: by `seq`; events not stored yet (no seq) keep their input order, last. */
export function inLogOrder(events: readonly WaymarkEvent[]): readonly WaymarkEvent[] {
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) {
    sorted =
      ((events[i - 1] as WaymarkEvent).seq ?? Infinity) <= ((events[i] as WaymarkEvent).seq ?? Infinity);
  }
  if (sorted) return events; // the store already lists them in order: skip the sort
  return [...events].sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity) || 0);
}

/** Compares ISO-8601 UTC times; same-length strings (the normalized form) compare as text, which is fast. */
export function compareAt(a: string, b: string): number {
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b);
}

/** True when (at, ord) is later than (curAt, curOrd): the latest `at` wins, ties go to the later log entry. */
export function isLater(at: string, ord: number, curAt: string, curOrd: number): boolean {
  const c = compareAt(at, curAt);
  return c > 0 || (c === 0 && ord > curOrd);
}
