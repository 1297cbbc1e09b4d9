/**
 * Learns from finished work: when the learner's logged hours on finished items run over (or under) their
 * estimates, the rest of that phase probably will too.
 */
import type { HoursRange } from './duration-hours.js';

/** A single slow or fast item must not swing a whole phase: the ratio stays within these bounds. */
export const PACE_RATIO_BOUNDS = { min: 0.5, max: 2 } as const;
/** Finished items needed before their ratio is trusted. */
export const MIN_PACE_SAMPLES = 2;

export interface PaceSample {
  group: string;
  actual: number;
  estimate: number;
}

const clamp = (ratio: number) => Math.min(PACE_RATIO_BOUNDS.max, Math.max(PACE_RATIO_BOUNDS.min, ratio));

function ratioOf(samples: readonly PaceSample[]): number | undefined {
  const usable = samples.filter((sample) => sample.estimate > 0);
  if (usable.length < MIN_PACE_SAMPLES) return undefined;
  const actual = usable.reduce((sum, sample) => sum + sample.actual, 0);
  const estimate = usable.reduce((sum, sample) => sum + sample.estimate, 0);
  return clamp(actual / estimate);
}

/**
 * Ratio (actual / estimate, summed so big items count more) per group: the group's own when it has enough
 * finished items, else the roadmap-wide one (a learner slow in phase 2 is likely slow in phase 3), else 1.
 */
export function paceRatios(samples: readonly PaceSample[], groups: Iterable<string>): Map<string, number> {
  const overall = ratioOf(samples);
  const byGroup = new Map<string, PaceSample[]>();
  for (const sample of samples) {
    const list = byGroup.get(sample.group) ?? [];
    list.push(sample);
    byGroup.set(sample.group, list);
  }
  const ratios = new Map<string, number>();
  for (const group of groups) {
    const ratio = ratioOf(byGroup.get(group) ?? []) ?? overall;
    if (ratio !== undefined) ratios.set(group, ratio);
  }
  return ratios;
}

export const scaleRange = (range: HoursRange, factor: number): HoursRange => ({
  min: range.min * factor,
  max: range.max * factor,
});
