import { describe, expect, it } from 'vitest';
import { type EffortForecastInput, forecastEffort } from '../core/forecast/forecast-effort.js';
import { memoizedForecast } from './forecast-memo.js';

const input: EffortForecastInput = {
  remainingHours: { min: 40, max: 60 },
  plannedHoursPerWeek: 8,
  history: [
    { weekStart: '2026-11-02', itemsDone: 2, hoursLogged: 6 },
    { weekStart: '2026-11-09', itemsDone: 1, hoursLogged: 9 },
  ],
  finishedEstimateHours: 12,
  itemsFinished: 3,
  speedFactor: 1,
  today: '2026-11-20',
  target: '2027-02-01',
  trials: 2_000,
  seed: 7,
};

describe('the remembered forecast', () => {
  it('answers exactly what the forecast answers, and again from memory', () => {
    const first = memoizedForecast(input);
    expect(first).toEqual(forecastEffort(input));
    expect(memoizedForecast({ ...input, history: [...input.history] })).toBe(first);
  });

  it('forecasts afresh when anything it rests on changes', () => {
    const before = memoizedForecast(input);
    const more = memoizedForecast({
      ...input,
      history: [...input.history, { weekStart: '2026-11-16', itemsDone: 0, hoursLogged: 20 }],
    });
    expect(more).not.toBe(before);
    expect(more).toEqual(
      forecastEffort({
        ...input,
        history: [...input.history, { weekStart: '2026-11-16', itemsDone: 0, hoursLogged: 20 }],
      }),
    );
    expect(memoizedForecast({ ...input, today: '2026-11-21' }).p50).not.toBeNull();
    expect(memoizedForecast({ ...input, target: '2027-01-01' }).chanceByTarget).toBeLessThan(
      before.chanceByTarget as number,
    );
  });
});
