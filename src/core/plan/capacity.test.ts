import { describe, expect, it } from 'vitest';
import type { WaymarkError } from '../errors.js';
import {
  type Capacity,
  hoursOn,
  isDayOff,
  parseCapacity,
  validateCapacity,
  weeklyHours,
} from './capacity.js';

const week = (hours: number[]) => hours as unknown as Capacity['hoursByWeekday'];
const errorOf = (run: () => unknown): WaymarkError => {
  try {
    run();
  } catch (error) {
    return error as WaymarkError;
  }
  throw new Error('expected an error');
};

describe('validateCapacity', () => {
  const base: Capacity = { hoursByWeekday: week([4, 2, 2, 2, 2, 2, 4]), daysOff: [] };

  it('accepts a sensible capacity unchanged', () => {
    expect(validateCapacity(base)).toBe(base);
    expect(weeklyHours(base)).toBe(18);
  });

  it('rejects more than 24 hours a day', () => {
    const error = errorOf(() => validateCapacity({ ...base, hoursByWeekday: week([4, 25, 2, 2, 2, 2, 4]) }));
    expect(error).toMatchObject({ code: 'INPUT', message: expect.stringContaining('Monday') });
    expect(error.hint).toBeTruthy();
  });

  it('rejects negative hours and non-numbers', () => {
    expect(
      errorOf(() => validateCapacity({ ...base, hoursByWeekday: week([-1, 2, 2, 2, 2, 2, 4]) })),
    ).toMatchObject({
      code: 'INPUT',
      message: expect.stringContaining('negative'),
    });
    expect(
      errorOf(() => validateCapacity({ ...base, hoursByWeekday: week([Number.NaN, 2, 2, 2, 2, 2, 4]) })).code,
    ).toBe('INPUT');
    expect(errorOf(() => validateCapacity({ ...base, hoursByWeekday: week([1, 2, 3]) })).code).toBe('INPUT');
  });

  it('rejects zero capacity', () => {
    const error = errorOf(() => validateCapacity({ ...base, hoursByWeekday: week([0, 0, 0, 0, 0, 0, 0]) }));
    expect(error).toMatchObject({ code: 'INPUT', message: 'zero capacity: no hours to plan into' });
  });

  it('rejects a backwards range and bad dates', () => {
    expect(
      errorOf(() => validateCapacity({ ...base, daysOff: [{ from: '2026-05-10', to: '2026-05-01' }] })),
    ).toMatchObject({ code: 'INPUT', message: expect.stringContaining('backwards') });
    expect(
      errorOf(() => validateCapacity({ ...base, daysOff: [{ from: '2026-02-30', to: '2026-03-01' }] })).code,
    ).toBe('INPUT');
    expect(errorOf(() => validateCapacity({ ...base, start: '2026/05/01' })).code).toBe('INPUT');
  });
});

describe('parseCapacity', () => {
  it('reads settings JSON, a single day off may omit `to`', () => {
    const capacity = parseCapacity(
      JSON.parse('{"hoursByWeekday":[0,1,1,1,1,1,0],"daysOff":[{"from":"2026-12-24"}],"start":"2026-01-05"}'),
    );
    expect(capacity).toEqual({
      hoursByWeekday: [0, 1, 1, 1, 1, 1, 0],
      daysOff: [{ from: '2026-12-24', to: '2026-12-24' }],
      start: '2026-01-05',
    });
  });

  it('rejects the wrong shape with INPUT', () => {
    for (const input of [
      null,
      [],
      'x',
      { hoursByWeekday: 'a lot' },
      { hoursByWeekday: [1, 1, 1, 1, 1, 1, '1'] },
    ]) {
      expect(errorOf(() => parseCapacity(input)).code).toBe('INPUT');
    }
    expect(errorOf(() => parseCapacity({ hoursByWeekday: [1, 1, 1, 1, 1, 1, 1], daysOff: {} })).code).toBe(
      'INPUT',
    );
    expect(errorOf(() => parseCapacity({ hoursByWeekday: [1, 1, 1, 1, 1, 1, 1], daysOff: [5] })).code).toBe(
      'INPUT',
    );
    expect(errorOf(() => parseCapacity({ hoursByWeekday: [0, 0, 0, 0, 0, 0, 0] })).message).toBe(
      'zero capacity: no hours to plan into',
    );
  });
});

describe('hoursOn', () => {
  const capacity: Capacity = {
    hoursByWeekday: week([5, 1, 2, 3, 4, 6, 7]),
    daysOff: [{ from: '2026-12-24', to: '2026-12-26' }],
  };

  it('gives the weekday hours', () => {
    expect(hoursOn(capacity, '2026-03-29')).toBe(5); // Sunday
    expect(hoursOn(capacity, '2026-03-30')).toBe(1); // Monday
    expect(hoursOn(capacity, '2026-04-04')).toBe(7); // Saturday
  });

  it('gives 0 on every day of an inclusive range off', () => {
    expect(hoursOn(capacity, '2026-12-23')).toBe(3);
    expect(['2026-12-24', '2026-12-25', '2026-12-26'].map((date) => hoursOn(capacity, date))).toEqual([
      0, 0, 0,
    ]);
    expect(isDayOff(capacity, '2026-12-26')).toBe(true);
    expect(hoursOn(capacity, '2026-12-27')).toBe(5);
  });
});
