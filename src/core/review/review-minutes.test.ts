import { describe, expect, it } from 'vitest';
import type { LogSession } from '../progress/fold.js';
import { replayMemory, scheduleOf } from './fsrs-schedule.js';
import type { ReviewCard } from './review-cards.js';
import {
  DEFAULT_MINUTES_PER_CARD,
  expectedReviewMinutes,
  reviewPace,
  reviewSessionNote,
} from './review-minutes.js';

const session = (minutes: number, note?: string): LogSession => ({
  at: '2026-11-10T10:00:00.000Z',
  eventId: `e${minutes}`,
  roadmapId: 'r',
  nodeId: null,
  minutes,
  ...(note ? { note } : {}),
  // As the fold marks them: review sessions are review time (see isReviewLog).
  ...(note?.startsWith('Review session') ? { review: true as const } : {}),
});

const card = (createdAt: string): ReviewCard => {
  const memory = replayMemory(createdAt, []);
  return { createdAt, reviews: [], memory, ...scheduleOf(memory, createdAt) } as unknown as ReviewCard;
};

describe('reviewPace', () => {
  it('uses the default until review sessions cover enough cards', () => {
    expect(reviewPace([session(60, 'reading'), session(4, reviewSessionNote(2))])).toEqual({
      minutesPerCard: DEFAULT_MINUTES_PER_CARD,
      source: 'default',
      cardsTimed: 2,
    });
  });

  it('then the logged minutes per card of review sessions only', () => {
    const pace = reviewPace([
      session(60, 'reading'),
      session(10, reviewSessionNote(4)),
      session(8, reviewSessionNote(4)),
    ]);
    expect(pace).toEqual({ minutesPerCard: 18 / 8, source: 'logged', cardsTimed: 8 });
    expect(reviewSessionNote(1)).toBe('Review session: 1 card');
  });
});

describe('expectedReviewMinutes', () => {
  const now = new Date('2026-11-20T12:00:00.000Z');
  const pace = reviewPace([]);

  it('no cards and no recent finishing: nothing to reserve', () => {
    expect(expectedReviewMinutes([], now, pace).minutesPerDay).toBe(0);
  });

  it('grows with the cards due and with the recent finishing rate', () => {
    const old = [card('2026-01-01T00:00:00.000Z')]; // overdue: reviewed now, then again as Good schedules it
    const one = expectedReviewMinutes(old, now, pace);
    expect(one.existingReviews).toBeGreaterThanOrEqual(2);
    expect(one.newCardsPerDay).toBe(0);
    const recent = Array.from({ length: 28 }, (_, i) =>
      card(new Date(now.getTime() - i * 86_400_000).toISOString()),
    );
    const busy = expectedReviewMinutes(recent, now, pace);
    expect(busy.newCardsPerDay).toBe(1);
    expect(busy.newCardReviews).toBeGreaterThan(30);
    expect(busy.minutesPerDay).toBeCloseTo(((busy.existingReviews + busy.newCardReviews) / 30) * 3, 0);
    // No more new cards than topics left to finish.
    const nearlyDone = expectedReviewMinutes(recent, now, pace, 3);
    expect(nearlyDone.newCardsPerDay).toBe(0.1);
    expect(expectedReviewMinutes(recent, now, pace, 0).newCardReviews).toBe(0);
  });
});
