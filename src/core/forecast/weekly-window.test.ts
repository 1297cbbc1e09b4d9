import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../plan/calendar-date.js';
import { weeklyWindow } from './weekly-window.js';

const week = (weekStart: string, itemsDone: number, hoursLogged = itemsDone) => ({
  weekStart,
  itemsDone,
  hoursLogged,
});
const today = toDayNumber('2026-03-04'); // a Wednesday; weeks start on Mondays

describe('weeklyWindow', () => {
  it('takes complete weeks only, oldest first', () => {
    const window = weeklyWindow(
      [week('2026-02-16', 2), week('2026-02-23', 3), week('2026-03-02', 9)],
      today,
      8,
    );
    expect(window.items).toEqual([2, 3]); // the week of 2026-03-02 is not over
  });

  it('counts weeks missing from the history as zero', () => {
    const window = weeklyWindow([week('2026-02-02', 4), week('2026-02-23', 5, 7)], today, 8);
    expect(window.items).toEqual([4, 0, 0, 5]);
    expect(window.hours).toEqual([4, 0, 0, 7]);
  });

  it('keeps only the last `windowWeeks` weeks, and counts idle weeks since the last activity', () => {
    const history = Array.from({ length: 12 }, (_, i) => week(addDays('2025-12-08', 7 * i), i));
    expect(weeklyWindow(history, today, 8).items).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const stale = weeklyWindow([week('2026-01-05', 5), week('2026-01-12', 5)], today, 8);
    expect(stale.items).toEqual([5, 5, 0, 0, 0, 0, 0, 0]); // through the week of 2026-02-23
  });

  it('is empty with no complete week', () => {
    expect(weeklyWindow([], today, 8).items).toEqual([]);
    expect(weeklyWindow([week('2026-03-02', 4)], today, 8).items).toEqual([]);
  });

  it('rejects bad history with INPUT', () => {
    expect(() => weeklyWindow([week('2026-02-30', 1)], today, 8)).toThrow(/not a calendar date/);
    expect(() => weeklyWindow([week('2026-02-16', -1)], today, 8)).toThrow(/not a count/);
  });
});
