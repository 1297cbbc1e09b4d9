/**
 * The forecast of one roadmap and its one verdict, as every view shows it (plan, today, retro, API, dashboard):
 * the remaining estimated effort at the learner's measured speed against the hours they study (forecast-effort.ts),
 * the chance to make the target, P50/P85, the hours a week that give 85%, and what it rests on.
 */
import { HORIZON_WEEKS } from '../core/forecast/simulate-weeks.js';
import { type CalendarDate, diffDays } from '../core/plan/calendar-date.js';
import { memoizedForecast } from './forecast-memo.js';
import { paceHistory } from './pace-history.js';
import type { PlanContext } from './plan-context.js';

/** Trials of the Monte Carlo forecast, and its fixed seed (the same log always gives the same dates). */
export const FORECAST_TRIALS = 10_000;
export const FORECAST_SEED = 0x5eed;

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

export interface ForecastView {
  /** Half the simulated futures finish on or before p50, 85% on or before p85; null past the ten-year horizon. */
  p50: CalendarDate | null;
  p85: CalendarDate | null;
  /** With a target from today on: the share of futures that finish by it. */
  chanceByTarget?: number;
  /** Mean hours a week on this roadmap that would give an 85% chance (null: no day is left before the target). */
  hoursPerWeekFor85?: number | null;
  /** How much the forecast rests on the learner's own history. */
  basis: {
    weeksOfHistory: number;
    itemsFinished: number;
    speedFactor: number;
    /** Share of the weekly-hours estimate from the history (0 = the plan's capacity alone). */
    historyWeight: number;
    hoursPerWeek: number;
    /** Hours a week the plan gives the roadmap: the prior. */
    plannedHoursPerWeek: number;
    /** `logged`: hours the learner logged; `estimates`: no time logged, weeks count the estimates of finished work. */
    hoursFrom: 'logged' | 'estimates' | 'none';
  };
  /** Share of futures unfinished after ten years. */
  beyondHorizon: number;
  /** The one verdict, the same words in every view. */
  verdict: ForecastVerdict | null;
  /** The verdict in one line (verdictLine), word for word in every view. */
  summary: string;
  /** What it rests on: "From 6 weeks of your history (…), 12 items finished, speed 1.1x the estimates." */
  explanation: string;
  /** summary + explanation. */
  message: string;
  trials: number;
}

/** On track means the P85 is on or before the target; the days count is never negative. */
export interface ForecastVerdict {
  target: CalendarDate;
  onTrack: boolean;
  daysBehind: number;
  daysAhead: number;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const dayCount = (days: number) => `${days} day${days === 1 ? '' : 's'}`;

/**
 * The hours a week the plan gives the roadmap: its remaining max-effort hours over the span to the plan's
 * max finish (days off, reviews, habits and other roadmaps already taken out). The forecast's prior.
 */
function plannedHoursPerWeek(context: PlanContext): number {
  const { plan } = context;
  if (plan.nothingLeft) return 0;
  const weeks = (diffDays(context.today, plan.finish.max) + 1) / 7;
  return weeks > 0 ? plan.remaining.hours.max / weeks : 0;
}

/** What the forecast rests on, in words: "6 weeks of your history, 12 items finished, speed 1.1x". */
function basisText(basis: ForecastView['basis']): string {
  if (basis.weeksOfHistory === 0) {
    return `no history yet: the plan's ${round(basis.plannedHoursPerWeek, 1)} h a week with wide bands`;
  }
  const hours =
    basis.hoursFrom === 'estimates'
      ? 'h a week by the estimates of finished work (no time logged)'
      : 'h a week';
  return `${basis.weeksOfHistory} week${basis.weeksOfHistory === 1 ? '' : 's'} of your history (${round(basis.hoursPerWeek, 1)} ${hours}, ${percent(basis.historyWeight)} of the weight; the rest from the plan's ${round(basis.plannedHoursPerWeek, 1)} h), ${basis.itemsFinished} item${basis.itemsFinished === 1 ? '' : 's'} finished, speed ${basis.speedFactor}x the estimates`;
}

/**
 * The verdict in one line, used verbatim by `plan`, `today`, `retro`, the API and the dashboard:
 * "72% chance to finish by 2026-03-15 (P50 …, P85 …): behind by 5 days; 12.5 h a week would give 85%."
 */
export function verdictLine(forecast: ForecastView): string {
  const dates =
    forecast.p50 === null
      ? 'no P50 date: more than half of the simulated futures take over ten years'
      : forecast.p85 === null
        ? `P50 ${forecast.p50}, no P85 date: more than 15% of the simulated futures take over ten years`
        : `P50 ${forecast.p50}, P85 ${forecast.p85}`;
  const { verdict } = forecast;
  if (!verdict || forecast.chanceByTarget === undefined) return `Forecast: ${dates}.`;
  const status = verdict.onTrack
    ? `on track${verdict.daysAhead > 0 ? `, ${dayCount(verdict.daysAhead)} ahead` : ''}`
    : forecast.p85 === null
      ? 'behind'
      : `behind by ${dayCount(verdict.daysBehind)}`;
  const hours = forecast.hoursPerWeekFor85;
  const needed = verdict.onTrack
    ? ''
    : hours === null || hours === undefined
      ? '; no study day is left before it'
      : `; ${round(hours, 1)} h a week would give 85%`;
  return `${percent(forecast.chanceByTarget)} chance to finish by ${verdict.target} (${dates}): ${status}${needed}.`;
}

/** Monte Carlo finish of the remaining effort at the learner's measured speed (forecast-effort.ts). */
export function forecastView(context: PlanContext): ForecastView {
  const { plan, target } = context;
  const recorded = paceHistory(context.roadmap, context.state, context.events, context.timeZone, (nodeId) => {
    const hours = context.effort.items.get(nodeId);
    return hours ? (hours.min + hours.max) / 2 : 0;
  });
  const logged = recorded.some((week) => week.hoursLogged > 0);
  const earned = !logged && recorded.some((week) => (week.estimateHoursDone ?? 0) > 0);
  // A learner who only ticks items off still has a pace: the estimates of what they finished each week.
  const history = earned
    ? recorded.map((week) => ({ ...week, hoursLogged: week.estimateHoursDone ?? 0 }))
    : recorded;
  const liveTarget = target && !target.passed && target.target >= context.today ? target.target : undefined;
  const planned = plannedHoursPerWeek(context);
  const forecast = memoizedForecast({
    remainingHours: plan.remaining.hours,
    plannedHoursPerWeek: planned,
    history,
    finishedEstimateHours: context.learner.pace.estimateHours,
    itemsFinished: recorded.reduce((sum, week) => sum + week.itemsDone, 0),
    speedFactor: round(context.learner.pace.factor, 2),
    today: context.today,
    ...(liveTarget ? { target: liveTarget } : {}),
    trials: FORECAST_TRIALS,
    seed: FORECAST_SEED,
  });
  const basis: ForecastView['basis'] = {
    weeksOfHistory: forecast.basis.weeksOfHistory,
    itemsFinished: forecast.basis.itemsFinished,
    speedFactor: forecast.basis.speedFactor,
    historyWeight: round(forecast.basis.historyWeight),
    hoursPerWeek: round(forecast.basis.hoursPerWeek),
    plannedHoursPerWeek: round(planned),
    hoursFrom: logged ? 'logged' : earned ? 'estimates' : 'none',
  };
  let verdict: ForecastVerdict | null = null;
  if (liveTarget && forecast.chanceByTarget !== undefined) {
    const gap = forecast.p85 === null ? Number.POSITIVE_INFINITY : diffDays(liveTarget, forecast.p85);
    verdict = {
      target: liveTarget,
      onTrack: gap <= 0,
      daysBehind: Number.isFinite(gap) ? Math.max(0, gap) : HORIZON_WEEKS * 7,
      daysAhead: Math.max(0, -gap),
    };
  }
  const view: ForecastView = {
    p50: forecast.p50,
    p85: forecast.p85,
    ...(forecast.chanceByTarget !== undefined
      ? {
          chanceByTarget: round(forecast.chanceByTarget, 3),
          hoursPerWeekFor85: forecast.hoursPerWeekFor85 ?? null,
        }
      : {}),
    basis,
    beyondHorizon: round(forecast.beyondHorizon, 3),
    verdict,
    summary: '',
    explanation: '',
    message: '',
    trials: FORECAST_TRIALS,
  };
  const horizon =
    planned <= 0 && basis.hoursPerWeek <= 0
      ? ' No hours a week are planned or studied for this roadmap: give it time (`waymark capacity`) to get a date.'
      : '';
  view.summary = verdictLine(view);
  view.explanation = `From ${basisText(basis)}.${horizon}`;
  view.message = `${view.summary} ${view.explanation}`;
  return view;
}
