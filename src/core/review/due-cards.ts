/** Which cards are due on a calendar day in the learner's time zone, most overdue first. */
import { type CalendarDate, diffDays } from '../plan/calendar-date.js';
import { localDate } from '../plan/local-date.js';
import type { ReviewCard } from './review-cards.js';

export interface DueCard extends ReviewCard {
  /** The learner's calendar date of `due`. */
  dueDate: CalendarDate;
  /** Whole days past due on the day asked about (0 = due that day). */
  overdueDays: number;
}

/** Cards whose due date (local) is on or before `date`, most overdue first, then in roadmap order. */
export function dueOn(cards: readonly ReviewCard[], date: CalendarDate, timeZone: string): DueCard[] {
  const due: DueCard[] = [];
  for (const card of cards) {
    const dueDate = localDate(card.due, timeZone);
    if (dueDate <= date) due.push({ ...card, dueDate, overdueDays: diffDays(dueDate, date) });
  }
  // Array#sort is stable, so equal due instants keep roadmap order.
  return due.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}
