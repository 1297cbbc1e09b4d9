/**
 * The learner's pace: one factor for all remaining work, from actual against estimated hours on finished
 * work across every roadmap. It moves only as evidence accumulates: the measured ratio is trusted in proportion
 * to the hours actually spent on that work, against a prior of PACE_PRIOR_HOURS, and the result is bounded,
 * so one quick week cannot halve every phase:
 *
 *   ratio = A / E,  weight = A / (A + K),  factor = clamp(1 + (ratio - 1) * weight, 0.5, 2),  K = 40 h
 *
 * (A: hours logged on finished work, E: the hours estimated for that same work.)
 */
import type { HoursRange } from './duration-hours.js';

/** Hours of logged study at which the measured ratio counts half (about four weeks at 10 h). */
export const PACE_PRIOR_HOURS = 40;
export const PACE_BOUNDS = { min: 0.5, max: 2 } as const;

export interface PaceSample {
  /** Hours logged on a finished piece of work. */
  actual: number;
  /** Hours the roadmap (or the learner) estimated for it, before any pace was applied. */
  estimate: number;
}

export interface LearnerPace {
  factor: number;
  actualHours: number;
  estimateHours: number;
  samples: number;
}

export function learnerPace(samples: readonly PaceSample[]): LearnerPace {
  let actual = 0;
  let estimate = 0;
  let count = 0;
  for (const sample of samples) {
    if (!(sample.estimate > 0) || !Number.isFinite(sample.actual) || sample.actual < 0) continue;
    actual += sample.actual;
    estimate += sample.estimate;
    count++;
  }
  const weight = actual / (actual + PACE_PRIOR_HOURS);
  const raw = estimate > 0 ? 1 + (actual / estimate - 1) * weight : 1;
  const factor = Math.min(PACE_BOUNDS.max, Math.max(PACE_BOUNDS.min, raw));
  return { factor, actualHours: actual, estimateHours: estimate, samples: count };
}

export const scaleRange = (range: HoursRange, factor: number): HoursRange => ({
  min: range.min * factor,
  max: range.max * factor,
});
