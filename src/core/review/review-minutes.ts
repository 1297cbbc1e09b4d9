/**
 * The time reviews will take: the learner's pace per card (from the time logged for review sessions)
 * and the expected review minutes per day over the next 30 days, which the planner reserves.
 */

import { createEmptyCard } from 'ts-fsrs';
import type { LogSession } from '../progress/fold.js';
import { FIRST_REVIEW_DELAY_DAYS, goodReviewCounter } from './fsrs-schedule.js';
import type { ReviewCard } from './review-cards.js';

/** Minutes per card until the learner has logged enough review time: recalling a topic, not a flashcard. */
export const DEFAULT_MINUTES_PER_CARD = 3;
/** Cards of logged review sessions needed before their pace replaces the default. */
export const MIN_CARDS_FOR_PACE = 5;
export const LOAD_HORIZON_DAYS = 30;
/** Topics finished over this many past days give the rate at which new cards arrive. */
const NEW_CARD_WINDOW_DAYS = 28;
const DAY_MS = 86_400_000;

const SESSION_NOTE = /^Review session: (\d+) cards?\b/;

/** The note `waymark review` writes on the time it logs for a session; `reviewPace` reads it back. */
export function reviewSessionNote(cards: number): string {
  return `Review session: ${cards} card${cards === 1 ? '' : 's'}`;
}

export interface ReviewPace {
  minutesPerCard: number;
  /** 'logged' once review sessions cover MIN_CARDS_FOR_PACE cards, else 'default'. */
  source: 'logged' | 'default';
  cardsTimed: number;
}

export function reviewPace(sessions: readonly LogSession[]): ReviewPace {
  let minutes = 0;
  let cards = 0;
  for (const session of sessions) {
    const match = session.review ? SESSION_NOTE.exec(session.note ?? '') : null;
    if (!match) continue;
    minutes += session.minutes;
    cards += Number(match[1]);
  }
  if (cards < MIN_CARDS_FOR_PACE) {
    return { minutesPerCard: DEFAULT_MINUTES_PER_CARD, source: 'default', cardsTimed: cards };
  }
  return { minutesPerCard: minutes / cards, source: 'logged', cardsTimed: cards };
}

export interface ReviewMinutesEstimate {
  minutesPerDay: number;
  minutesPerCard: number;
  paceSource: ReviewPace['source'];
  /** Reviews of existing cards in the next 30 days, each rated Good. */
  existingReviews: number;
  /** Reviews of cards for topics still to finish, at the recent finishing rate. */
  newCardReviews: number;
  newCardsPerDay: number;
}

/**
 * Expected review minutes per day over the next 30 days: existing cards reviewed as they fall due (all
 * rated Good), plus the cards of topics finished at the rate of the last 28 days, at the learner's pace.
 */
export function expectedReviewMinutes(
  cards: readonly ReviewCard[],
  now: Date,
  pace: ReviewPace,
  /** Topics left to finish: no more new cards than that can arrive (default: no limit). */
  topicsLeft = Number.POSITIVE_INFINITY,
): ReviewMinutesEstimate {
  const end = new Date(now.getTime() + LOAD_HORIZON_DAYS * DAY_MS);
  const count = goodReviewCounter(now, end);
  let existingReviews = 0;
  for (const card of cards) existingReviews += count(card.memory, new Date(card.due));

  const since = now.getTime() - NEW_CARD_WINDOW_DAYS * DAY_MS;
  const recent = cards.filter((card) => {
    const created = Date.parse(card.createdAt);
    return created > since && created <= now.getTime();
  }).length;
  const newCardsPerDay = Math.min(recent / NEW_CARD_WINDOW_DAYS, topicsLeft / LOAD_HORIZON_DAYS);
  let perCardFinishedToday = 0; // reviews in the horizon of one card, averaged over the day it is created
  const fresh = createEmptyCard(now);
  for (let day = 0; day < LOAD_HORIZON_DAYS; day++) {
    const created = now.getTime() + day * DAY_MS;
    perCardFinishedToday += count(fresh, new Date(created + FIRST_REVIEW_DELAY_DAYS * DAY_MS));
  }
  const newCardReviews = newCardsPerDay * perCardFinishedToday;
  const minutesPerDay = ((existingReviews + newCardReviews) / LOAD_HORIZON_DAYS) * pace.minutesPerCard;
  return {
    minutesPerDay: Math.round(minutesPerDay * 10) / 10,
    minutesPerCard: pace.minutesPerCard,
    paceSource: pace.source,
    existingReviews,
    newCardReviews: Math.round(newCardReviews * 10) / 10,
    newCardsPerDay: Math.round(newCardsPerDay * 100) / 100,
  };
}
