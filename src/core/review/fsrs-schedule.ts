/**
 * FSRS scheduling of one review card with ts-fsrs 5 (FSRS-6). Roadmap topics are not flashcards, so the
 * scheduler works in whole days (`enable_short_term: false`: no minute-level learning steps) and without
 * fuzz, so the same log always gives the same due dates.
 */
import { type Card, createEmptyCard, type FSRS, fsrs, type Grade, State } from 'ts-fsrs';
import type { ReviewRating } from '../progress/events.js';

export const REVIEW_PARAMETERS = { enable_short_term: false, enable_fuzz: false } as const;

/** A finished topic's first recall is due this many days after it was marked done. */
export const FIRST_REVIEW_DELAY_DAYS = 1;

export type CardState = 'new' | 'learning' | 'review' | 'relearning';
export const CARD_STATES: readonly CardState[] = ['new', 'learning', 'review', 'relearning'];

const STATE_NAMES: Record<State, CardState> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

export interface CardSchedule {
  /** ISO instant the next review is due. */
  due: string;
  state: CardState;
  /** Days until recall probability falls to 90% (0 before the first review). */
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview?: string;
  /** Days between the last review and `due` (0 before the first review). */
  scheduledDays: number;
}

let shared: FSRS | undefined;
/** The one scheduler every card uses (the parameters are fixed, so it is built once). */
export function reviewScheduler(): FSRS {
  shared ??= fsrs(REVIEW_PARAMETERS);
  return shared;
}

const DAY_MS = 86_400_000;

/**
 * Replays a card's reviews (oldest first) from its creation; the result is what ts-fsrs itself gives for
 * the same ratings at the same instants. Only a never-reviewed card's due date is ours: the day after.
 */
export function replayCard(createdAt: string, reviews: readonly { at: string; rating: ReviewRating }[]) {
  const created = new Date(createdAt);
  let card: Card = createEmptyCard(created);
  const scheduler = reviewScheduler();
  for (const review of reviews) {
    card = scheduler.next(card, new Date(review.at), review.rating as Grade).card;
  }
  const due = card.reps === 0 ? new Date(created.getTime() + FIRST_REVIEW_DELAY_DAYS * DAY_MS) : card.due;
  return toSchedule(card, due);
}

/** The card after one more review at `at` (used to preview and to project the review load). */
export function nextSchedule(
  createdAt: string,
  reviews: readonly { at: string; rating: ReviewRating }[],
  at: string,
  rating: ReviewRating,
): CardSchedule {
  return replayCard(createdAt, [...reviews, { at, rating }]);
}

function toSchedule(card: Card, due: Date): CardSchedule {
  const schedule: CardSchedule = {
    due: due.toISOString(),
    state: STATE_NAMES[card.state],
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    scheduledDays: card.scheduled_days,
  };
  if (card.last_review) schedule.lastReview = card.last_review.toISOString();
  return schedule;
}

/**
 * How many reviews a card gets in [from, to) if every one is rated Good: due (or overdue) reviews are
 * taken at `from` at the earliest. Used to project the review load, not to schedule.
 */
export function goodReviewsWithin(
  createdAt: string,
  reviews: readonly { at: string; rating: ReviewRating }[],
  from: Date,
  to: Date,
): number {
  const scheduler = reviewScheduler();
  let card: Card = createEmptyCard(new Date(createdAt));
  for (const review of reviews) card = scheduler.next(card, new Date(review.at), review.rating as Grade).card;
  let due = card.reps === 0 ? new Date(Date.parse(createdAt) + FIRST_REVIEW_DELAY_DAYS * DAY_MS) : card.due;
  let count = 0;
  for (let at = due < from ? from : due; at < to; at = due < at ? at : due) {
    count += 1;
    card = scheduler.next(card, at, 3).card;
    due = card.due;
    if (due <= at) due = new Date(at.getTime() + DAY_MS); // never loop on the same instant
  }
  return count;
}
