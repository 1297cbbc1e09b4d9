/**
 * The time a review session took, as study time: the gaps between the learner's actions (a key, a click),
 * each counted up to IDLE_LIMIT_MS. A session left open while the learner walks away then logs the few
 * minutes of work around the walk, not the hours of it. Pure; the clock is the caller's (ms).
 */

/** Recalling a card and reading its notes rarely takes longer; a longer gap is time away. */
export const IDLE_LIMIT_MS = 5 * 60_000;

export interface ActiveTime {
  /** Active milliseconds counted so far. */
  activeMs: number;
  /** The clock at the last action. */
  lastAt: number;
}

export const startActiveTime = (at: number): ActiveTime => ({ activeMs: 0, lastAt: at });

/** The learner acted at `at`: the gap since the last action counts, up to the idle limit. */
export function touchActiveTime(time: ActiveTime, at: number): ActiveTime {
  const gap = Math.max(0, at - time.lastAt);
  return { activeMs: time.activeMs + Math.min(IDLE_LIMIT_MS, gap), lastAt: Math.max(time.lastAt, at) };
}

/** The active milliseconds if the session ended at `at`. */
export const activeMsAt = (time: ActiveTime, at: number): number => touchActiveTime(time, at).activeMs;
