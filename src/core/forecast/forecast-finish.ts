/**
 * When will I finish, at my real pace? A Monte Carlo forecast from the learner's recent weekly throughput.
 * Pure and deterministic for a given seed; when history is too thin it says so and the caller shows the plan.
 */
import { inputError } from '../errors.js';
import { fromDayNumber, parseCalendarDate, toDayNumber } from '../plan/calendar-date.js';
import { mulberry32 } from './mulberry32.js';
import { percentile, simulateWeeks } from './simulate-weeks.js';
import { type WeekRecord, weeklyWindow } from './weekly-window.js';

export interface ForecastInput {
  history: readonly WeekRecord[];
  remainingItems: number;
  remainingHours: number;
  today: string;
  trials?: number;
  seed?: number;
  windowWeeks?: number;
}

export const MIN_HISTORY_WEEKS = 3;

export interface Pace {
  /** Complete weeks sampled. */
  weeks: number;
  itemsPerWeek: number;
  hoursPerWeek: number;
}

export type Forecast =
  | {
      enoughHistory: true;
      /** Half the trials finish on or before p50, 85% on or before p85 (the finish is the last day of work). */
      p50: string;
      p85: string;
      /** The same from logged hours against remaining hours, when hours were logged. */
      byHours?: { p50: string; p85: string };
      pace: Pace;
      /** Share of trials still unfinished after ten years (their finish is the horizon). */
      beyondHorizon: number;
      trials: number;
    }
  | { enoughHistory: false; reason: string; pace: Pace };

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

function checkCount(value: number, what: string, integer: boolean, min: number): void {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw inputError(
      `${what} of ${value} is not usable.`,
      `Give ${integer ? 'a whole number' : 'a number'} ≥ ${min}.`,
    );
  }
}

export function forecastFinish(input: ForecastInput): Forecast {
  const today = parseCalendarDate(input.today, 'date today');
  const trials = input.trials ?? 10_000;
  const windowWeeks = input.windowWeeks ?? 8;
  checkCount(trials, 'A trial count', true, 1);
  checkCount(windowWeeks, 'A window', true, 1);
  checkCount(input.remainingItems, 'A remaining item count', false, 0);
  checkCount(input.remainingHours, 'A remaining hour count', false, 0);
  const todayDay = toDayNumber(today);
  const window = weeklyWindow(input.history, todayDay, windowWeeks);
  const pace: Pace = {
    weeks: window.items.length,
    itemsPerWeek: mean(window.items),
    hoursPerWeek: mean(window.hours),
  };
  if (input.remainingItems <= 0) {
    return { enoughHistory: true, p50: today, p85: today, pace, beyondHorizon: 0, trials: 0 };
  }
  if (window.items.length < MIN_HISTORY_WEEKS) {
    return {
      enoughHistory: false,
      reason: `Only ${window.items.length} complete week(s) of history; a forecast needs ${MIN_HISTORY_WEEKS}.`,
      pace,
    };
  }
  if (pace.itemsPerWeek <= 0) {
    return {
      enoughHistory: false,
      reason: `No items finished in the last ${window.items.length} weeks.`,
      pace,
    };
  }
  const seed = input.seed ?? 0x5eed;
  const dateAt = (offset: number) => fromDayNumber(todayDay + offset);
  const items = simulateWeeks(window.items, input.remainingItems, trials, mulberry32(seed));
  const forecast: Forecast = {
    enoughHistory: true,
    p50: dateAt(percentile(items.offsets, 0.5)),
    p85: dateAt(percentile(items.offsets, 0.85)),
    pace,
    beyondHorizon: items.beyondHorizon,
    trials,
  };
  if (pace.hoursPerWeek > 0 && input.remainingHours > 0) {
    const hours = simulateWeeks(window.hours, input.remainingHours, trials, mulberry32(seed + 1));
    forecast.byHours = {
      p50: dateAt(percentile(hours.offsets, 0.5)),
      p85: dateAt(percentile(hours.offsets, 0.85)),
    };
  }
  return forecast;
}
