/** Review statistics: retention per week, cards by state, and the load of the coming days. */
import { addDays, type CalendarDate, toDayNumber, weekday } from '../plan/calendar-date.js';
import { localDate } from '../plan/local-date.js';
import { CARD_STATES, type CardState } from './fsrs-schedule.js';
import type { ReviewCard } from './review-cards.js';

export interface WeekRetention {
  /** The Monday the week starts on. */
  week: CalendarDate;
  reviews: number;
  /** Reviews rated Good (3) or Easy (4). */
  recalled: number;
  /** recalled / reviews. */
  retention: number;
}

/** Monday of the week holding `date` (weeks run Monday to Sunday, ISO 8601). */
export function weekStart(date: CalendarDate): CalendarDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** Every week with reviews (in the learner's time zone), oldest first. */
export function retentionByWeek(cards: readonly ReviewCard[], timeZone: string): WeekRetention[] {
  const weeks = new Map<CalendarDate, { reviews: number; recalled: number }>();
  for (const card of cards) {
    for (const review of card.reviews) {
      const week = weekStart(localDate(review.at, timeZone));
      const entry = weeks.get(week) ?? { reviews: 0, recalled: 0 };
      entry.reviews += 1;
      if (review.rating >= 3) entry.recalled += 1;
      weeks.set(week, entry);
    }
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([week, { reviews, recalled }]) => ({ week, reviews, recalled, retention: recalled / reviews }));
}

/** Share of reviews rated Good/Easy among reviews whose local date is within [from, to]; null with none. */
export function retentionBetween(
  cards: readonly ReviewCard[],
  from: CalendarDate,
  to: CalendarDate,
  timeZone: string,
): { reviews: number; recalled: number; retention: number | null } {
  let reviews = 0;
  let recalled = 0;
  for (const card of cards) {
    for (const review of card.reviews) {
      const date = localDate(review.at, timeZone);
      if (date < from || date > to) continue;
      reviews += 1;
      if (review.rating >= 3) recalled += 1;
    }
  }
  return { reviews, recalled, retention: reviews === 0 ? null : recalled / reviews };
}

export function cardsByState(cards: readonly ReviewCard[]): Record<CardState, number> {
  const counts = Object.fromEntries(CARD_STATES.map((state) => [state, 0])) as Record<CardState, number>;
  for (const card of cards) counts[card.state] += 1;
  return counts;
}

/**
 * Cards due on each of the `days` days from `today` by their current schedule; overdue cards count on
 * `today`, since that is when they will be reviewed.
 */
export function reviewLoad(
  cards: readonly ReviewCard[],
  today: CalendarDate,
  timeZone: string,
  days = 30,
): { date: CalendarDate; due: number }[] {
  const first = toDayNumber(today);
  const load = Array.from({ length: days }, (_, i) => ({ date: addDays(today, i), due: 0 }));
  for (const card of cards) {
    const offset = Math.max(0, toDayNumber(localDate(card.due, timeZone)) - first);
    const slot = load[offset];
    if (slot) slot.due += 1;
  }
  return load;
}
