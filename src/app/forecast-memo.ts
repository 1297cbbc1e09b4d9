/**
 * The Monte Carlo forecast is pure and seeded, and one request or command asks for the same roadmap's
 * forecast several times (the plan, the overview line, the burn-up, every roadmap's status in a list), each
 * 10,000 trials. Identical inputs give identical answers, so the last few are kept by their input: a change
 * to the log, the estimates, the capacity, the target or the day gives a new input and a fresh forecast.
 */
import { LRUCache } from 'lru-cache';
import {
  type EffortForecast,
  type EffortForecastInput,
  forecastEffort,
} from '../core/forecast/forecast-effort.js';

/** Enough for every roadmap of a large workspace and a proposed settings preview beside it. */
const recent = new LRUCache<string, EffortForecast>({ max: 64 });

/** forecastEffort(input), answered from memory when the same input was forecast recently. Do not mutate it. */
export function memoizedForecast(input: EffortForecastInput): EffortForecast {
  const key = JSON.stringify(input);
  const hit = recent.get(key);
  if (hit !== undefined) return hit;
  const forecast = forecastEffort(input);
  recent.set(key, forecast);
  return forecast;
}
