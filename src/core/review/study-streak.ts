/**
 * Study streaks: days in a row with logged study. A rest day (no capacity that day: a weekday with 0
 * hours or a day off) does not break a streak, and counts in it only when the learner studied anyway.
 * Today does not break the current streak before it is over.
 */
import { addDays, type CalendarDate, diffDays } from '../plan/calendar-date.js';

export interface Streak {
  /** Study days in the streak that reaches today (or yesterday, while today has no study yet). */
  current: number;
  longest: number;
  /** The first study day of the current streak. */
  since?: CalendarDate;
  studiedToday: boolean;
}

export function studyStreak(
  studyDays: ReadonlySet<CalendarDate>,
  today: CalendarDate,
  isRestDay: (date: CalendarDate) => boolean,
): Streak {
  const first = [...studyDays].reduce<CalendarDate | undefined>(
    (min, date) => (min === undefined || date < min ? date : min),
    undefined,
  );
  const studiedToday = studyDays.has(today);
  if (first === undefined || first > today) return { current: 0, longest: 0, studiedToday };

  let longest = 0;
  let run = 0;
  let runSince: CalendarDate | undefined;
  const span = diffDays(first, today);
  for (let i = 0; i <= span; i++) {
    const date = addDays(first, i);
    if (studyDays.has(date)) {
      if (run === 0) runSince = date;
      run += 1;
      longest = Math.max(longest, run);
    } else if (!isRestDay(date) && date !== today) {
      run = 0;
      runSince = undefined;
    }
  }
  const streak: Streak = { current: run, longest, studiedToday };
  if (run > 0 && runSince) streak.since = runSince;
  return streak;
}
