/**
 * Turns a roadmap duration ("6-8 weeks") into hours of study. A week of a roadmap means a week at some pace;
 * the pace is an assumption, stated here and overridable.
 */
import type { Duration } from '../model/roadmap.js';

export interface HoursRange {
  min: number;
  max: number;
}

/** Hours of study a roadmap "week" stands for unless the caller or the roadmap's goal says otherwise. */
export const DEFAULT_WEEKLY_HOURS = 10;
/** Average weeks in a month (365.25 / 12 / 7). */
export const WEEKS_PER_MONTH = 4.345;
/** Hours an item gets when no duration above it says anything. */
export const DEFAULT_ITEM_HOURS = 3;

/** Hours for a duration, or undefined for "ongoing" (no size of its own). A day is a seventh of a week. */
export function durationHours(duration: Duration, weeklyHours: number): HoursRange | undefined {
  if ('ongoing' in duration) return undefined;
  const perUnit =
    duration.unit === 'hours'
      ? 1
      : duration.unit === 'days'
        ? weeklyHours / 7
        : duration.unit === 'weeks'
          ? weeklyHours
          : weeklyHours * WEEKS_PER_MONTH;
  const a = duration.min * perUnit;
  const b = duration.max * perUnit;
  return { min: Math.min(a, b), max: Math.max(a, b) };
}
