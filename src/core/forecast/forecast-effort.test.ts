import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, diffDays } from '../plan/calendar-date.js';
import { type EffortForecastInput, forecastEffort, speedSpread } from './forecast-effort.js';

const today = '2026-03-02'; // a Monday
/** Complete weeks before today with these hours, oldest first. */
const weeks = (hours: number[]) =>
  hours.map((hoursLogged, i) => ({
    weekStart: addDays(today, -7 * (hours.length - i)),
    itemsDone: hoursLogged > 0 ? 1 : 0,
    hoursLogged,
  }));
const forecast = (input: Partial<EffortForecastInput>) =>
  forecastEffort({
    remainingHours: { min: 100, max: 100 },
    plannedHoursPerWeek: 10,
    history: [],
    finishedEstimateHours: 0,
    itemsFinished: 0,
    speedFactor: 1,
    today,
    trials: 4000,
    seed: 7,
    ...input,
  });
const daysTo = (date: string | null) => (date === null ? Number.POSITIVE_INFINITY : diffDays(today, date));

describe('forecastEffort', () => {
  it('forecasts from the first day: the plan capacity is the prior, with wide bands', () => {
    const result = forecast({});
    // 100 h at 10 h a week: about ten weeks
    expect(daysTo(result.p50)).toBeGreaterThan(56);
    expect(daysTo(result.p50)).toBeLessThan(84);
    expect(daysTo(result.p85) - daysTo(result.p50)).toBeGreaterThan(14);
    expect(result.basis).toMatchObject({ weeksOfHistory: 0, itemsFinished: 0, historyWeight: 0 });
  });

  it('lets the history take over as it accumulates', () => {
    const slow = forecast({ history: weeks(Array(20).fill(5)) });
    // 5 h a week for 20 weeks outweighs a 10 h plan: about 20 weeks, not 10
    expect(daysTo(slow.p50)).toBeGreaterThan(110);
    expect(slow.basis.weeksOfHistory).toBe(20);
    expect(slow.basis.historyWeight).toBeGreaterThan(0.85);
    const short = forecast({ history: weeks([5, 5]) });
    expect(daysTo(short.p50)).toBeLessThan(daysTo(slow.p50));
  });

  it('counts empty weeks as part of the pace', () => {
    const steady = forecast({ history: weeks(Array(12).fill(10)) });
    const gappy = forecast({ history: weeks([10, 0, 10, 0, 10, 0, 10, 0, 10, 0, 10, 0]) });
    expect(daysTo(gappy.p50)).toBeGreaterThan(daysTo(steady.p50) * 1.4);
  });

  it('narrows as evidence accumulates: more weeks and more finished work', () => {
    const width = (input: Partial<EffortForecastInput>) => {
      const result = forecast(input);
      return daysTo(result.p85) - daysTo(result.p50);
    };
    const none = width({});
    const weeksOnly = width({ history: weeks(Array(20).fill(10)) });
    const both = width({ history: weeks(Array(20).fill(10)), finishedEstimateHours: 200 });
    expect(weeksOnly).toBeLessThan(none);
    expect(both).toBeLessThan(weeksOnly);
    expect(speedSpread(0)).toBeGreaterThan(speedSpread(40));
    expect(speedSpread(40)).toBeGreaterThan(speedSpread(400));
  });

  it('is deterministic for a seed', () => {
    const input = { history: weeks([3, 0, 12, 8]), target: '2026-06-01' };
    expect(forecast({ ...input, seed: 1 })).toEqual(forecast({ ...input, seed: 1 }));
    expect(forecast({ ...input, seed: 1 })).not.toEqual(forecast({ ...input, seed: 2 }));
  });

  it('one verdict: P85 on or before the target exactly when the chance is at least 85%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 60 }),
        (targetIn, history, hours) => {
          const result = forecast({
            target: addDays(today, targetIn),
            history: weeks(history),
            remainingHours: { min: hours, max: hours * 1.5 },
            trials: 400,
          });
          const chance = result.chanceByTarget as number;
          expect(chance).toBeGreaterThanOrEqual(0);
          expect(chance).toBeLessThanOrEqual(1);
          const p85By = result.p85 !== null && result.p85 <= addDays(today, targetIn);
          expect(p85By).toBe(chance >= 0.85);
          if (result.p50 !== null && result.p85 !== null) expect(result.p50 <= result.p85).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a later target never has a lower chance', () => {
    const at = (days: number) => forecast({ target: addDays(today, days) }).chanceByTarget as number;
    const chances = [30, 60, 70, 90, 120, 200].map(at);
    expect([...chances].sort((a, b) => a - b)).toEqual(chances);
    expect(chances[0]).toBeLessThan(0.15);
    expect(chances[5]).toBeGreaterThan(0.9);
  });

  it('gives the weekly hours that make the target at 85%', () => {
    const tight = forecast({ target: addDays(today, 55) });
    expect(tight.chanceByTarget).toBeLessThan(0.85);
    expect(tight.hoursPerWeekFor85).toBeGreaterThan(10);
    // Planning that many hours a week (no history: the plan is the prior) brings the chance up
    const more = forecast({ target: addDays(today, 55), plannedHoursPerWeek: tight.hoursPerWeekFor85 ?? 0 });
    expect(more.chanceByTarget).toBeGreaterThan(0.6);
    const loose = forecast({ target: addDays(today, 200) });
    expect(loose.hoursPerWeekFor85).toBeLessThan(10);
  });

  it('finishes today with nothing left', () => {
    expect(forecast({ remainingHours: { min: 0, max: 0 }, target: today })).toMatchObject({
      p50: today,
      p85: today,
      chanceByTarget: 1,
      hoursPerWeekFor85: 0,
    });
  });

  it('says "beyond the horizon" instead of a date when no time is given to the work', () => {
    const result = forecast({ plannedHoursPerWeek: 0, trials: 200, target: addDays(today, 30) });
    expect(result).toMatchObject({ p50: null, p85: null, beyondHorizon: 1, chanceByTarget: 0 });
    const dead = forecast({ history: weeks([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), plannedHoursPerWeek: 0.01 });
    expect(dead.p85).toBeNull();
  });

  it('rejects unusable input with INPUT', () => {
    expect(() => forecast({ trials: 0 })).toThrow(/not usable/);
    expect(() => forecast({ remainingHours: { min: 5, max: 2 } })).toThrow(/not usable/);
    expect(() => forecast({ plannedHoursPerWeek: Number.NaN })).toThrow(/not usable/);
    expect(() => forecast({ target: '2026-03-01' })).toThrow(/before today/);
    expect(() => forecast({ today: 'today' })).toThrow(/not a calendar date/);
  });

  it('runs 10,000 trials by default', () => {
    expect(forecast({ trials: undefined }).trials).toBe(10_000);
  });
});
