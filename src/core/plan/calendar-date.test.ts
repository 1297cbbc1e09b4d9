import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaymarkError } from '../errors.js';
import {
  addDays,
  compareDates,
  diffDays,
  fromDayNumber,
  isCalendarDate,
  laterOf,
  parseCalendarDate,
  toDayNumber,
  weekday,
} from './calendar-date.js';

describe('calendar dates', () => {
  it('accepts real dates only, leap days included', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
  });

  it('parses with a teaching INPUT error', () => {
    expect(parseCalendarDate(' 2026-09-30 ')).toBe('2026-09-30');
    expect(() => parseCalendarDate('2026-02-30', 'target date')).toThrow(WaymarkError);
    try {
      parseCalendarDate('next week', 'target date');
    } catch (error) {
      expect(error).toMatchObject({ code: 'INPUT', message: expect.stringContaining('target date') });
      expect((error as WaymarkError).hint).toContain('YYYY-MM-DD');
    }
  });

  it('adds days across month ends, year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2028-01-01', 366)).toBe('2029-01-01');
  });

  it('counts days across DST changes as whole days', () => {
    expect(diffDays('2026-03-28', '2026-03-30')).toBe(2); // Europe springs forward on the 29th
    expect(diffDays('2026-11-01', '2026-11-08')).toBe(7); // New York falls back on the 1st
    expect(diffDays('2028-02-01', '2028-03-01')).toBe(29);
    expect(diffDays('2026-03-01', '2026-02-01')).toBe(-28);
  });

  it('knows weekdays, Sunday = 0', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2026-03-29')).toBe(0);
    expect(weekday('2028-02-29')).toBe(2);
    expect(weekday('1969-12-31')).toBe(3);
  });

  it('orders dates', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(laterOf('2026-05-01', '2026-04-30')).toBe('2026-05-01');
    expect(() => toDayNumber('2026-02-30')).toThrow(WaymarkError);
  });

  it('agrees with UTC Date arithmetic for any day in 1600-2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_000, max: 157_000 }), (day) => {
        const date = fromDayNumber(day);
        expect(date).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(day);
        expect(weekday(date)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
    );
  });
});
