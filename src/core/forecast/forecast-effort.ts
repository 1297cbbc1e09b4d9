/**
 * When will I finish? A Monte Carlo forecast of the remaining estimated effort at the learner's measured
 * speed, against the hours the learner actually studies a week. Each trial draws, independently:
 *
 * - the work: the remaining estimate (uniform between its min and max) times a speed multiplier drawn from a
 *   lognormal whose spread shrinks as finished work accumulates (speedSpread: wide with no evidence), with its
 *   median at the point factor (overruns are skewed: the point estimate is a median, not a mean);
 * - the mean weekly hours: a Bayesian bootstrap of the history weeks (empty weeks included) mixed with the
 *   plan's capacity as a prior worth PRIOR_WEEKS weeks, itself uncertain (PRIOR_SPREAD): with no history the
 *   capacity is the forecast, and history takes over as it accumulates;
 * - each week's hours: that mean times a week drawn from the history's own ups and downs (once there are a few),
 *   times a pace that drifts as a random walk (DRIFT_PER_WEEK), since habits change over months.
 *
 * Pure and deterministic for a seed. Trials still unfinished at the ten-year horizon stop there and are counted.
 */
import { inputError } from '../errors.js';
import { fromDayNumber, parseCalendarDate, toDayNumber } from '../plan/calendar-date.js';
import { mulberry32 } from './mulberry32.js';
import { HORIZON_WEEKS, percentile } from './simulate-weeks.js';
import { type WeekRecord, weeklyWindow } from './weekly-window.js';

/** Weeks of history the forecast reads: long enough to see vacations, short enough to follow a drift. */
export const HISTORY_WEEKS = 26;
/** The plan's capacity counts as this many weeks of history. */
export const PRIOR_WEEKS = 3;
/** Lognormal sigma of "the hours I say I study" against what learners study. */
export const PRIOR_SPREAD = 0.4;
/** Speed multiplier sigma: SPEED_FLOOR² + SPEED_PRIOR² · K/(K + E), E = estimated hours of finished work. */
export const SPEED_PRIOR = 0.45;
export const SPEED_FLOOR = 0.12;
export const SPEED_EVIDENCE_HOURS = 40;
/** Sigma per week of the log-pace random walk (about ±20% over half a year). */
export const DRIFT_PER_WEEK = 0.035;
/** Weeks of history before its week-to-week swings are resampled (fewer say little about their spread). */
export const MIN_WEEKS_FOR_SWINGS = 4;

export interface EffortForecastInput {
  /** Remaining estimated hours (with the learner-wide pace factor already applied). */
  remainingHours: { min: number; max: number };
  /** Hours a week the plan gives this work: the prior for the learner's weekly hours. */
  plannedHoursPerWeek: number;
  /** Hours studied per week, any weeks (missing ones inside the span count as zero). */
  history: readonly WeekRecord[];
  /** Evidence behind the pace factor: estimated hours of finished work that has logged time. */
  finishedEstimateHours: number;
  itemsFinished: number;
  /** The point pace factor already in `remainingHours` (reported, not applied again). */
  speedFactor: number;
  today: string;
  target?: string;
  trials?: number;
  seed?: number;
}

export interface EffortForecast {
  /** Half the trials finish on or before p50, 85% on or before p85 (null: beyond the ten-year horizon). */
  p50: string | null;
  p85: string | null;
  /** Share of trials that finish on or before the target. */
  chanceByTarget?: number;
  /** Mean weekly hours that would make 85% of the trials finish by the target (null: no day is left). */
  hoursPerWeekFor85?: number | null;
  /** Share of trials unfinished after ten years. */
  beyondHorizon: number;
  basis: {
    /** Complete weeks of the learner's own history the forecast read. */
    weeksOfHistory: number;
    itemsFinished: number;
    speedFactor: number;
    /** Share of the weekly-hours estimate that comes from the learner's history (0: all from the plan). */
    historyWeight: number;
    /** Mean hours a week in that history. */
    hoursPerWeek: number;
  };
  trials: number;
}

function check(value: number, what: string, min: number, integer = false): void {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw inputError(
      `${what} of ${value} is not usable.`,
      `Give ${integer ? 'a whole number' : 'a number'} ≥ ${min}.`,
    );
  }
}

/** Standard normal draws (Box–Muller) from a uniform source. */
function normalSource(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

export function speedSpread(finishedEstimateHours: number): number {
  const evidence = SPEED_EVIDENCE_HOURS / (SPEED_EVIDENCE_HOURS + Math.max(0, finishedEstimateHours));
  return Math.sqrt(SPEED_FLOOR ** 2 + SPEED_PRIOR ** 2 * evidence);
}

export function forecastEffort(input: EffortForecastInput): EffortForecast {
  const today = parseCalendarDate(input.today, 'date today');
  const target = input.target === undefined ? undefined : parseCalendarDate(input.target, 'target date');
  if (target !== undefined && target < today) {
    throw inputError(`The target ${target} is before today (${today}).`, 'Give a target from today on.');
  }
  const trials = input.trials ?? 10_000;
  check(trials, 'A trial count', 1, true);
  check(input.remainingHours.min, 'A remaining hour count', 0);
  check(input.remainingHours.max, 'A remaining hour count', input.remainingHours.min);
  check(input.plannedHoursPerWeek, 'A planned weekly hour count', 0);
  check(input.finishedEstimateHours, 'A finished estimate', 0);
  check(input.itemsFinished, 'A finished item count', 0, true);
  check(input.speedFactor, 'A speed factor', 0);
  const todayDay = toDayNumber(today);
  const weeks = weeklyWindow(input.history, todayDay, HISTORY_WEEKS).hours;
  const n = weeks.length;
  const historyMean = n === 0 ? 0 : weeks.reduce((sum, value) => sum + value, 0) / n;
  const basis = {
    weeksOfHistory: n,
    itemsFinished: input.itemsFinished,
    speedFactor: input.speedFactor,
    historyWeight: n / (n + PRIOR_WEEKS),
    hoursPerWeek: historyMean,
  };
  if (input.remainingHours.max <= 0) {
    return {
      p50: today,
      p85: today,
      ...(target !== undefined ? { chanceByTarget: 1, hoursPerWeekFor85: 0 } : {}),
      beyondHorizon: 0,
      basis,
      trials: 0,
    };
  }

  const random = mulberry32(input.seed ?? 0x5eed);
  const normal = normalSource(random);
  const sigmaSpeed = speedSpread(input.finishedEstimateHours);
  const swings =
    n >= MIN_WEEKS_FOR_SWINGS && historyMean > 0 ? weeks.map((hours) => hours / historyMean) : [1];
  // Weeks from today to the end of the target day (a fraction for the last, partial week).
  const targetWeeks = target === undefined ? 0 : (toDayNumber(target) - todayDay + 1) / 7;
  const finishDays = new Int32Array(trials);
  const neededRate = target === undefined ? new Float64Array(0) : new Float64Array(trials);
  const dirichlet = new Float64Array(n);
  let beyond = 0;
  let byTarget = 0;

  for (let trial = 0; trial < trials; trial++) {
    const { min, max } = input.remainingHours;
    const work = (min + (max - min) * random()) * Math.exp(sigmaSpeed * normal());
    // Bayesian bootstrap of the history mean, with the plan's capacity as PRIOR_WEEKS pseudo-weeks.
    let weightSum = 0;
    for (let i = 0; i < n; i++) {
      const weight = -Math.log(1 - random());
      dirichlet[i] = weight;
      weightSum += weight;
    }
    let historyTotal = 0;
    for (let i = 0; i < n; i++) historyTotal += ((dirichlet[i] as number) / weightSum) * (weeks[i] as number);
    const prior = input.plannedHoursPerWeek * Math.exp(PRIOR_SPREAD * normal());
    const rate = (PRIOR_WEEKS * prior + n * historyTotal) / (PRIOR_WEEKS + n);

    // Week by week: `delivered` is the hours per unit of mean rate so far, so the rate needed for the target
    // is work / delivered-by-the-target, the same trial with a different mean.
    let drift = 0;
    let delivered = 0;
    let deliveredByTarget = 0;
    let week = 0;
    let finish = -1;
    const needTarget = target !== undefined;
    while (week < HORIZON_WEEKS && (finish < 0 || (needTarget && week < targetWeeks))) {
      drift += DRIFT_PER_WEEK * normal();
      const swing = swings.length === 1 ? 1 : (swings[Math.floor(random() * swings.length)] as number);
      const thisWeek = swing * Math.exp(drift);
      if (finish < 0 && rate > 0 && (delivered + thisWeek) * rate >= work) {
        const fraction = thisWeek > 0 ? (work / rate - delivered) / thisWeek : 1;
        finish = Math.max(0, Math.ceil((week + fraction) * 7 - 1e-9) - 1);
      }
      if (needTarget && week < targetWeeks) deliveredByTarget += thisWeek * Math.min(1, targetWeeks - week);
      delivered += thisWeek;
      week++;
    }
    if (finish < 0) {
      beyond++;
      finish = HORIZON_WEEKS * 7 - 1;
    }
    finishDays[trial] = finish;
    if (needTarget) {
      if (finish <= targetWeeks * 7 - 1) byTarget++;
      neededRate[trial] = deliveredByTarget > 0 ? work / deliveredByTarget : Number.POSITIVE_INFINITY;
    }
  }
  finishDays.sort();
  const beyondHorizon = beyond / trials;
  const dateAt = (p: number) =>
    beyondHorizon > 1 - p ? null : fromDayNumber(todayDay + percentile(finishDays, p));
  const forecast: EffortForecast = {
    p50: dateAt(0.5),
    p85: dateAt(0.85),
    beyondHorizon,
    basis,
    trials,
  };
  if (target !== undefined) {
    forecast.chanceByTarget = byTarget / trials;
    neededRate.sort();
    const index = Math.min(trials - 1, Math.ceil(0.85 * trials) - 1);
    const needed = neededRate[index] as number;
    forecast.hoursPerWeekFor85 = Number.isFinite(needed) ? Math.ceil(needed * 10 - 1e-9) / 10 : null;
  }
  return forecast;
}
