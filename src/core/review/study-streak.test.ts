import { describe, expect, it } from 'vitest';
import { weekday } from '../plan/calendar-date.js';
import { studyStreak } from './study-streak.js';

const noRest = () => false;
const sundaysOff = (date: string) => weekday(date) === 0;

describe('studyStreak', () => {
  it('counts days in a row up to today', () => {
    const days = new Set(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
    expect(studyStreak(days, '2026-11-20', noRest)).toEqual({
      current: 4,
      longest: 4,
      since: '2026-11-17',
      studiedToday: true,
    });
  });

  it('today does not break the streak before it is over', () => {
    const days = new Set(['2026-11-18', '2026-11-19']);
    expect(studyStreak(days, '2026-11-20', noRest)).toMatchObject({ current: 2, studiedToday: false });
  });

  it('a missed study day breaks it; the longest is kept', () => {
    const days = new Set(['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-18', '2026-11-19']);
    expect(studyStreak(days, '2026-11-20', noRest)).toMatchObject({
      current: 2,
      longest: 3,
      since: '2026-11-18',
    });
    expect(studyStreak(days, '2026-11-21', noRest)).toMatchObject({ current: 0, longest: 3 });
  });

  it('a rest day (capacity 0) does not break the streak and does not count in it', () => {
    // 2026-11-15 is a Sunday.
    const days = new Set(['2026-11-13', '2026-11-14', '2026-11-16', '2026-11-17']);
    expect(studyStreak(days, '2026-11-17', sundaysOff)).toMatchObject({ current: 4, since: '2026-11-13' });
    expect(studyStreak(days, '2026-11-17', noRest)).toMatchObject({ current: 2, longest: 2 });
  });

  it('studying on a rest day counts', () => {
    const days = new Set(['2026-11-14', '2026-11-15', '2026-11-16']);
    expect(studyStreak(days, '2026-11-16', sundaysOff).current).toBe(3);
  });

  it('a rest day right before today keeps the streak alive', () => {
    const days = new Set(['2026-11-13', '2026-11-14']);
    expect(studyStreak(days, '2026-11-16', sundaysOff)).toMatchObject({ current: 2, studiedToday: false });
  });

  it('no study at all', () => {
    expect(studyStreak(new Set(), '2026-11-20', noRest)).toEqual({
      current: 0,
      longest: 0,
      studiedToday: false,
    });
  });
});
