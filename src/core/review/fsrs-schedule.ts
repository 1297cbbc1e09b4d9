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
 * the same ratings at the same instants.
 */
export function replayMemory(
  createdAt: string,
  reviews: readonly { at: string; rating: ReviewRating }[],
): Card {
  let card: Card = createEmptyCard(new Date(createdAt));
  const scheduler = reviewScheduler();
  for (const review of reviews) card = scheduler.next(card, new Date(review.at), review.rating as Grade).card;
  return card;
}

/** When a replayed card is due: ts-fsrs's date, except a never-reviewed card's, which is ours (the day after). */
export function dueOf(memory: Card, createdAt: string): Date {
  return memory.reps === 0 ? new Date(Date.parse(createdAt) + FIRST_REVIEW_DELAY_DAYS * DAY_MS) : memory.due;
}

export function scheduleOf(memory: Card, createdAt: string): CardSchedule {
  return toSchedule(memory, dueOf(memory, createdAt));
}

export function replayCard(createdAt: string, reviews: readonly { at: string; rating: ReviewRating }[]) {
  return scheduleOf(replayMemory(createdAt, reviews), createdAt);
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
 * Counts the reviews cards get in [from, to) if every one is rated Good; a due (or overdue) review is taken
 * at `from` at the earliest. Used to project the review load, not to schedule. After its first review a
 * card is reviewed exactly when due, so the rest of its chain depends on its stability and difficulty
 * alone: chains are cached by those, and thousands of cards cost a few FSRS steps each.
 */
export function goodReviewCounter(from: Date, to: Date): (memory: Card, due: Date) => number {
  const scheduler = reviewScheduler();
  const horizon = to.getTime() - from.getTime();
  const tails = new Map<string, number[]>();
  /** Offsets (ms) of the reviews from `first.due` on, while within the horizon. */
  const tailOf = (first: Card): number[] => {
    const key = `${first.stability}|${first.difficulty}|${first.state}`;
    let offsets = tails.get(key);
    if (offsets) return offsets;
    offsets = [0];
    let card = first;
    let at = first.due;
    for (;;) {
      card = scheduler.next(card, at, 3).card;
      const due = card.due > at ? card.due : new Date(at.getTime() + DAY_MS); // never loop on one instant
      const offset = due.getTime() - first.due.getTime();
      if (offset >= horizon) break;
      offsets.push(offset);
      at = due;
    }
    tails.set(key, offsets);
    return offsets;
  };
  let newCardFirst: { interval: number; card: Card } | undefined;
  return (memory, due) => {
    const start = due < from ? from : due;
    if (start >= to) return 0;
    let first: Card;
    let firstDue: number;
    if (memory.reps === 0) {
      // Every new card's first Good review gives the same card, shifted in time.
      newCardFirst ??= (() => {
        const card = scheduler.next(memory, start, 3).card;
        return { interval: card.due.getTime() - start.getTime(), card };
      })();
      first = newCardFirst.card;
      firstDue = start.getTime() + newCardFirst.interval;
    } else {
      first = scheduler.next(memory, start, 3).card;
      firstDue = first.due.getTime();
    }
    let count = 1;
    for (const offset of tailOf(first)) {
      if (firstDue + offset >= to.getTime()) break;
      count += 1;
    }
    return count;
  };
}

/** goodReviewCounter for one card given by its history. */
export function goodReviewsWithin(
  createdAt: string,
  reviews: readonly { at: string; rating: ReviewRating }[],
  from: Date,
  to: Date,
): number {
  const memory = replayMemory(createdAt, reviews);
  return goodReviewCounter(from, to)(memory, dueOf(memory, createdAt));
}
