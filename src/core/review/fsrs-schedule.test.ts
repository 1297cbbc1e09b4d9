import { createEmptyCard, fsrs, type Grade, State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { ReviewRating } from '../progress/events.js';
import {
  dueOf,
  FIRST_REVIEW_DELAY_DAYS,
  goodReviewCounter,
  goodReviewsWithin,
  replayCard,
  replayMemory,
} from './fsrs-schedule.js';

const CREATED = '2026-01-05T18:00:00.000Z';
const DAY = 86_400_000;

/** The same ratings fed to ts-fsrs directly, each review on the day the previous one made due. */
function library(ratings: readonly ReviewRating[], firstAt: string) {
  const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });
  let card = createEmptyCard(new Date(CREATED));
  let at = new Date(firstAt);
  const reviews: { at: string; rating: ReviewRating }[] = [];
  for (const rating of ratings) {
    reviews.push({ at: at.toISOString(), rating });
    card = scheduler.next(card, at, rating as Grade).card;
    at = card.due;
  }
  return { card, reviews };
}

const SEQUENCES: ReviewRating[][] = [
  [3, 3, 3, 3],
  [4, 4, 4],
  [1, 1, 3, 3],
  [3, 1, 3, 4],
  [2, 2, 2, 2, 2],
  [3, 3, 1, 2, 3, 4],
];

describe('replayCard: the schedule ts-fsrs gives for the same ratings', () => {
  it.each(SEQUENCES.map((sequence) => [sequence.join(','), sequence] as const))(
    'ratings %s',
    (_name, ratings) => {
      const { card, reviews } = library(ratings, '2026-01-06T19:00:00.000Z');
      const ours = replayCard(CREATED, reviews);
      expect(ours.due).toBe(card.due.toISOString());
      expect(ours.stability).toBe(card.stability);
      expect(ours.difficulty).toBe(card.difficulty);
      expect(ours.reps).toBe(ratings.length);
      expect(ours.lapses).toBe(card.lapses);
      expect(ours.state).toBe(card.state === State.Review ? 'review' : 'learning');
      expect(ours.lastReview).toBe(reviews[reviews.length - 1]?.at);
    },
  );

  it('pins the numbers of one sequence, so a change of library defaults is noticed', () => {
    const ratings: ReviewRating[] = [3, 3, 1, 3, 4];
    const { reviews } = library(ratings, '2026-01-06T18:00:00.000Z');
    const intervals = reviews.slice(1).map((review, i) => {
      const previous = reviews[i] as { at: string };
      return Math.round((Date.parse(review.at) - Date.parse(previous.at)) / DAY);
    });
    // FSRS-6 defaults, day-level steps: Good twice grows the interval, Again shrinks it, Easy grows it most.
    expect(intervals).toEqual([3, 14, 2, 5]);
    expect(replayCard(CREATED, reviews).stability).toBeCloseTo(19.132, 3);
  });

  it('reviews taken late (not on the due day) still match the library', () => {
    const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });
    const times = ['2026-01-09T07:00:00.000Z', '2026-02-20T21:30:00.000Z', '2026-02-21T08:00:00.000Z'];
    const ratings: Grade[] = [3, 2, 4];
    let card = createEmptyCard(new Date(CREATED));
    times.forEach((at, i) => {
      card = scheduler.next(card, new Date(at), ratings[i] as Grade).card;
    });
    const ours = replayCard(
      CREATED,
      times.map((at, i) => ({ at, rating: ratings[i] as ReviewRating })),
    );
    expect(ours.due).toBe(card.due.toISOString());
    expect(ours.stability).toBe(card.stability);
  });

  it('a card never reviewed is new and due the day after the topic was done', () => {
    const card = replayCard(CREATED, []);
    expect(card.state).toBe('new');
    expect(card.reps).toBe(0);
    expect(Date.parse(card.due) - Date.parse(CREATED)).toBe(FIRST_REVIEW_DELAY_DAYS * DAY);
    expect(card.lastReview).toBeUndefined();
  });

  it('is deterministic: no fuzz', () => {
    const { reviews } = library([3, 3, 3], '2026-01-06T19:00:00.000Z');
    expect(replayCard(CREATED, reviews)).toEqual(replayCard(CREATED, reviews));
  });
});

describe('goodReviewsWithin', () => {
  it('counts the reviews of a Good-only chain inside the window', () => {
    const from = new Date('2026-01-05T18:00:00.000Z');
    const to = new Date(from.getTime() + 30 * DAY);
    // Due the next day, then +3 days (S0 Good ≈ 2.3), then about two weeks later: 3 reviews in 30 days.
    const { reviews } = library([3, 3, 3], '2026-01-06T18:00:00.000Z');
    const inside = reviews.filter((review) => Date.parse(review.at) < to.getTime()).length;
    expect(goodReviewsWithin(CREATED, [], from, to)).toBe(inside);
  });

  it('takes an overdue card at the start of the window', () => {
    const from = new Date('2026-06-01T00:00:00.000Z');
    expect(goodReviewsWithin(CREATED, [], from, new Date(from.getTime() + DAY))).toBe(1);
  });
});

describe('goodReviewCounter: the cached chains count what step-by-step simulation counts', () => {
  /** The plain way: review when due (not before `from`), always Good, until `to`. */
  function naive(createdAt: string, reviews: { at: string; rating: ReviewRating }[], from: Date, to: Date) {
    const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });
    let card = replayMemory(createdAt, reviews);
    const due = dueOf(card, createdAt);
    let count = 0;
    for (let at = due < from ? from : due; at < to; at = card.due) {
      count += 1;
      card = scheduler.next(card, at, 3).card;
    }
    return count;
  }

  it.each([30, 90, 365])('over %i days, for new, reviewed, lapsed and far-future cards', (days) => {
    const from = new Date('2026-03-01T09:00:00.000Z');
    const to = new Date(from.getTime() + days * DAY);
    const count = goodReviewCounter(from, to);
    const histories: [string, { at: string; rating: ReviewRating }[]][] = [
      ['2026-01-01T10:00:00.000Z', []],
      ['2026-02-28T23:00:00.000Z', []],
      ['2026-03-20T10:00:00.000Z', []],
      ['2026-01-01T10:00:00.000Z', library([3, 3], '2026-01-02T10:00:00.000Z').reviews],
      ['2026-01-01T10:00:00.000Z', library([1, 2, 4], '2026-01-02T10:00:00.000Z').reviews],
      ['2026-01-01T10:00:00.000Z', library([4, 4, 4, 4], '2026-01-02T10:00:00.000Z').reviews],
    ];
    for (const [createdAt, reviews] of histories) {
      const memory = replayMemory(createdAt, reviews);
      expect(count(memory, dueOf(memory, createdAt))).toBe(naive(createdAt, reviews, from, to));
    }
  });
});
