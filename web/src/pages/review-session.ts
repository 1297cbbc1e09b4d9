/**
 * The review session as a pure state machine: the due cards are taken once when the session starts (a
 * rating makes a card leave the server's due list, and a list that reshuffled under the learner would lose
 * their place), then shown one at a time. Ratings since the last time log are counted per roadmap, so the
 * session's time is logged exactly once whichever way it ends (End session, leaving the page, closing the tab).
 */
import {
  type ActiveTime,
  activeMsAt,
  startActiveTime,
  touchActiveTime,
} from '../../../src/core/review/active-time';
import type { DueCard } from '../api/types';

export type Rating = 1 | 2 | 3 | 4;

export const RATINGS: readonly { rating: Rating; label: string; meaning: string }[] = [
  { rating: 1, label: 'Again', meaning: 'forgot it' },
  { rating: 2, label: 'Hard', meaning: 'recalled with effort' },
  { rating: 3, label: 'Good', meaning: 'recalled it' },
  { rating: 4, label: 'Easy', meaning: 'knew it at once' },
];

export const ratingLabel = (rating: Rating) => RATINGS.find((r) => r.rating === rating)?.label ?? '';

export interface RatedEntry {
  card: DueCard;
  rating: Rating;
  /** The rating's change, for Undo. */
  changeId: string;
  /** When the card is due next (ISO instant). */
  nextDue: string;
}

export interface SessionState {
  /** Cards still to show; the first is the current one. */
  queue: DueCard[];
  rated: RatedEntry[];
  skipped: DueCard[];
  /** Cards at the start (the "of 35"). */
  total: number;
  revealed: boolean;
  ended: boolean;
  /** Start of the time not logged yet (ms, the page's clock). */
  segmentStart: number;
  /** The learner's active time since then: gaps between actions, each up to the idle limit. */
  active: ActiveTime;
  /** Ratings since the last time log, per roadmap. */
  unlogged: Record<string, number>;
  /** Review minutes logged by this session so far. */
  loggedMinutes: number;
  /** When the session started, for the end screen's duration. */
  startedAt: number;
  endedAt?: number;
}

export type SessionAction =
  | { type: 'reveal' }
  | { type: 'rated'; entry: RatedEntry }
  | { type: 'skip' }
  /** A note added to the current card during the session shows with its other notes. */
  | { type: 'noted'; ref: string; note: { at: string; text: string } }
  /** That note's change was undone. */
  | { type: 'unnoted'; ref: string; note: { at: string; text: string } }
  /** The rating of `changeId` was undone: the card comes back as the current one. */
  | { type: 'undone'; changeId: string }
  /** The learner acted (a key, a click): the time since the last action counts, up to the idle limit. */
  | { type: 'activity'; at: number }
  /** The time until `at` was logged (or handed to the browser to send). */
  | { type: 'logged'; at: number; minutes: number }
  | { type: 'end'; at: number };

export function startSession(cards: readonly DueCard[], now: number): SessionState {
  return {
    queue: [...cards],
    rated: [],
    skipped: [],
    total: cards.length,
    revealed: false,
    ended: cards.length === 0,
    segmentStart: now,
    active: startActiveTime(now),
    unlogged: {},
    loggedMinutes: 0,
    startedAt: now,
  };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'reveal':
      return state.queue.length === 0 ? state : { ...state, revealed: true };
    case 'rated': {
      const { roadmapId, ref } = action.entry.card;
      if (state.queue[0]?.ref !== ref) return state;
      const queue = state.queue.slice(1);
      return {
        ...state,
        queue,
        rated: [...state.rated, action.entry],
        revealed: false,
        unlogged: { ...state.unlogged, [roadmapId]: (state.unlogged[roadmapId] ?? 0) + 1 },
      };
    }
    case 'skip': {
      const [current, ...queue] = state.queue;
      if (!current) return state;
      return { ...state, queue, skipped: [...state.skipped, current], revealed: false };
    }
    case 'noted': {
      const [current, ...rest] = state.queue;
      if (!current || current.ref !== action.ref) return state;
      return { ...state, queue: [{ ...current, notes: [...current.notes, action.note] }, ...rest] };
    }
    case 'unnoted': {
      const at = state.queue.findIndex((c) => c.ref === action.ref);
      const target = state.queue[at];
      if (!target) return state;
      const notes = target.notes.filter((n) => n.at !== action.note.at || n.text !== action.note.text);
      const queue = [...state.queue];
      queue[at] = { ...target, notes };
      return { ...state, queue };
    }
    case 'undone': {
      const entry = state.rated.find((r) => r.changeId === action.changeId);
      if (!entry) return state;
      const { roadmapId } = entry.card;
      const count = state.unlogged[roadmapId] ?? 0;
      const unlogged = { ...state.unlogged };
      // A rating whose time was already logged stays in that log; only an unlogged one is taken back.
      if (count > 1) unlogged[roadmapId] = count - 1;
      else delete unlogged[roadmapId];
      return {
        ...state,
        queue: [entry.card, ...state.queue],
        rated: state.rated.filter((r) => r !== entry),
        revealed: false,
        ended: false,
        unlogged: count > 0 ? unlogged : state.unlogged,
      };
    }
    case 'activity':
      return { ...state, active: touchActiveTime(state.active, action.at) };
    case 'logged':
      return {
        ...state,
        segmentStart: action.at,
        active: startActiveTime(action.at),
        unlogged: {},
        loggedMinutes: state.loggedMinutes + action.minutes,
      };
    case 'end':
      return state.ended ? state : { ...state, ended: true, endedAt: action.at };
  }
}

/** The card on screen, or undefined once every card is rated or skipped. */
export const currentCard = (state: SessionState): DueCard | undefined => state.queue[0];

/** "7 of 35": the current card's place in the session (1-based). */
export const position = (state: SessionState): number =>
  Math.min(state.total, state.rated.length + state.skipped.length + 1);

/**
 * What to send to POST /api/review/session for the time not logged yet, or undefined when nothing is owed:
 * only a session with at least one rating logs time (as the terminal session does).
 */
export function pendingTimeLog(
  state: SessionState,
  now: number,
): { reviewed: { roadmap: string; cards: number }[]; seconds: number } | undefined {
  const reviewed = Object.entries(state.unlogged)
    .filter(([, cards]) => cards > 0)
    .map(([roadmap, cards]) => ({ roadmap, cards }));
  if (reviewed.length === 0) return undefined;
  // The active time, not the wall time: a tab left open while the learner is away logs only the gaps up
  // to the idle limit (active-time.ts); at most a day, which the API refuses beyond.
  const seconds = Math.min(24 * 3600, Math.round(activeMsAt(state.active, now) / 1000));
  return { reviewed, seconds };
}

/** Minutes the server will log for `seconds` split over the roadmaps (each part rounded, at least 1). */
export function expectedMinutes(log: { reviewed: { cards: number }[]; seconds: number }): number {
  const total = log.reviewed.reduce((sum, r) => sum + r.cards, 0);
  return log.reviewed.reduce(
    (sum, r) => sum + Math.max(1, Math.round((log.seconds / 60) * (r.cards / total))),
    0,
  );
}

/** Keys that rate a card while the session has focus (never while typing in a field). */
export function ratingForKey(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}): Rating | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return undefined;
  return /^[1-4]$/.test(event.key) ? (Number(event.key) as Rating) : undefined;
}

export function isTyping(target: EventTarget | null): boolean {
  if (typeof target !== 'object' || target === null || !('tagName' in target)) return false;
  const element = target as { tagName: string; isContentEditable?: boolean };
  return (
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName.toUpperCase()) ||
    element.isContentEditable === true
  );
}
