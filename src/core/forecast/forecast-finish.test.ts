import { describe, expect, it } from 'vitest';
import { addDays } from '../plan/calendar-date.js';
import { type ForecastInput, forecastFinish } from './forecast-finish.js';
import { HORIZON_WEEKS } from './simulate-weeks.js';

const today = '2026-03-02'; // a Monday
/** `count` complete weeks before today, oldest first. */
const steady = (items: number[], hours?: number[]) =>
  items.map((itemsDone, i) => ({
    weekStart: addDays(today, -7 * (items.length - i)),
    itemsDone,
    hoursLogged: hours?.[i] ?? itemsDone * 2,
  }));
const forecast = (input: Partial<ForecastInput>) =>
  forecastFinish({
    history: steady([5, 5, 5, 5]),
    remainingItems: 20,
    remainingHours: 40,
    today,
    seed: 7,
    ...input,
  });

describe('forecastFinish', () => {
  it('a steady N items a week finishes where arithmetic says', () => {
    // 20 items at 5 a week: 4 weeks of work from today, ending on day 27
    expect(forecast({})).toMatchObject({ enoughHistory: true, p50: '2026-03-29', p85: '2026-03-29' });
    // 22 items: 4.4 weeks = 30.8 days -> the 31st day
    expect(forecast({ remainingItems: 22 })).toMatchObject({ p50: '2026-04-01', p85: '2026-04-01' });
    // 1 item at 7 a week: done today
    expect(forecast({ history: steady([7, 7, 7]), remainingItems: 1 })).toMatchObject({ p50: today });
  });

  it('forecasts from hours too, when hours were logged', () => {
    const result = forecast({ remainingHours: 30, history: steady([5, 5, 5], [10, 10, 10]) });
    expect(result.enoughHistory && result.byHours).toEqual({ p50: '2026-03-22', p85: '2026-03-22' });
  });

  it('spreads with an uneven pace: P85 on or after P50, both between the extremes', () => {
    const result = forecast({ history: steady([0, 10, 2, 8, 4, 6, 1, 9]), remainingItems: 50 });
    if (!result.enoughHistory) throw new Error('expected a forecast');
    expect(result.p50 <= result.p85).toBe(true);
    expect(result.p50 > addDays(today, 5 * 7 - 1)).toBe(true); // faster than the best week every week is unlikely
    expect(result.p85 < addDays(today, 50 * 7)).toBe(true);
    expect(result.pace).toEqual({ weeks: 8, itemsPerWeek: 5, hoursPerWeek: 10 });
  });

  it('is deterministic for a seed', () => {
    const input = { history: steady([0, 10, 2, 8, 4, 6, 1, 9]), remainingItems: 80 };
    expect(forecast({ ...input, seed: 1 })).toEqual(forecast({ ...input, seed: 1 }));
    const seeds = new Set(
      Array.from({ length: 10 }, (_, seed) => JSON.stringify(forecast({ ...input, seed, trials: 50 }))),
    );
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('only samples the last windowWeeks weeks', () => {
    const history = steady([50, 50, 50, 50, 1, 1, 1]);
    expect(forecast({ history, windowWeeks: 3, remainingItems: 3 })).toMatchObject({ p50: '2026-03-22' });
  });

  it('says when history is too thin, and why', () => {
    expect(forecast({ history: steady([5, 5]) })).toMatchObject({
      enoughHistory: false,
      reason: expect.stringContaining('needs 3'),
    });
    expect(forecast({ history: steady([0, 0, 0, 0]) })).toMatchObject({
      enoughHistory: false,
      reason: expect.stringContaining('No items finished'),
    });
    expect(forecast({ history: [] })).toMatchObject({ enoughHistory: false });
  });

  it('finishes today when nothing is left, history or not', () => {
    expect(forecast({ history: [], remainingItems: 0 })).toMatchObject({
      enoughHistory: true,
      p50: today,
      p85: today,
    });
  });

  it('stops at a ten-year horizon instead of running forever', () => {
    const result = forecast({ history: steady([1, 0, 0, 0, 0, 0, 0, 0]), remainingItems: 1000, trials: 200 });
    if (!result.enoughHistory) throw new Error('expected a forecast');
    expect(result.beyondHorizon).toBe(1);
    expect(result.p85).toBe(addDays(today, HORIZON_WEEKS * 7 - 1));
  });

  it('rejects unusable input with INPUT', () => {
    expect(() => forecast({ trials: 0 })).toThrow(/not usable/);
    expect(() => forecast({ windowWeeks: 1.5 })).toThrow(/not usable/);
    expect(() => forecast({ remainingItems: -1 })).toThrow(/not usable/);
    expect(() => forecast({ today: 'today' })).toThrow(/not a calendar date/);
  });

  // Its speed is measured by `npm run bench` (bench/plan.bench.ts), never asserted here: CPUs are shared.
  it('runs 10,000 trials by default', () => {
    const result = forecast({ history: steady([0, 10, 2, 8, 4, 6, 1, 9]), remainingItems: 400 });
    expect(result).toMatchObject({ enoughHistory: true, trials: 10_000 });
    if (result.enoughHistory) expect(result.p50 <= result.p85).toBe(true);
  });
});
