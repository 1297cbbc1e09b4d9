import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DueCard } from '../api/types';
import {
  currentCard,
  expectedMinutes,
  pendingTimeLog,
  position,
  type Rating,
  ratingForKey,
  type SessionAction,
  sessionReducer,
  startSession,
} from './review-session';

const card = (roadmapId: string, nodeId: string): DueCard => ({
  roadmapId,
  nodeId,
  ref: `${roadmapId}:${nodeId}`,
  title: `Topic ${nodeId}`,
  kind: 'topic',
  path: [],
  due: '2026-11-20T00:00:00.000Z',
  dueDate: '2026-11-20',
  overdueDays: 0,
  state: 'review',
  stability: 3,
  difficulty: 5,
  reps: 0,
  lapses: 0,
  notes: [],
  evidence: [],
});

const rate = (state: ReturnType<typeof startSession>, rating: Rating, changeId: string): SessionAction => ({
  type: 'rated',
  entry: { card: currentCard(state) as DueCard, rating, changeId, nextDue: '2026-11-23T00:00:00.000Z' },
});

/** The hook marks every action of the learner as activity first. */
const active = (state: ReturnType<typeof startSession>, at: number) =>
  sessionReducer(state, { type: 'activity', at });

describe('the review session', () => {
  it('logs the time the learner was at it: a tab left open while away counts only up to the idle limit', () => {
    let s = startSession([card('a', '1'), card('a', '2')], 0);
    s = sessionReducer(active(s, 60_000), rate(s, 3, 'c1'));
    // Three hours away, then End session: the minute of work and five minutes for the gap.
    expect(pendingTimeLog(s, 60_000 + 3 * 3_600_000)?.seconds).toBe(60 + 300);
    // Once logged, the next part starts afresh.
    s = sessionReducer(s, { type: 'logged', at: 4 * 3_600_000, minutes: 6 });
    s = sessionReducer(active(s, 4 * 3_600_000 + 30_000), rate(s, 2, 'c2'));
    expect(pendingTimeLog(s, 4 * 3_600_000 + 30_000)?.seconds).toBe(30);
  });

  it('shows one card at a time with its place, and owes time only once a card is rated', () => {
    let s = startSession([card('a', '1'), card('a', '2'), card('b', '3')], 0);
    expect([currentCard(s)?.nodeId, position(s), s.total]).toEqual(['1', 1, 3]);
    expect(pendingTimeLog(s, 600_000)).toBeUndefined();
    s = sessionReducer(active(s, 120_000), { type: 'reveal' });
    expect(s.revealed).toBe(true);
    s = sessionReducer(active(s, 240_000), rate(s, 3, 'c1'));
    expect([currentCard(s)?.nodeId, position(s), s.revealed]).toEqual(['2', 2, false]);
    s = sessionReducer(active(s, 360_000), { type: 'skip' });
    s = sessionReducer(active(s, 480_000), rate(s, 4, 'c2'));
    expect(currentCard(s)).toBeUndefined();
    expect(pendingTimeLog(s, 9 * 60_000)).toEqual({
      reviewed: [
        { roadmap: 'a', cards: 1 },
        { roadmap: 'b', cards: 1 },
      ],
      seconds: 540,
    });
  });

  it('brings an undone rating back as the current card and stops owing its time', () => {
    let s = startSession([card('a', '1'), card('a', '2')], 0);
    s = sessionReducer(s, rate(s, 1, 'c1'));
    s = sessionReducer(s, { type: 'undone', changeId: 'c1' });
    expect([currentCard(s)?.nodeId, position(s), s.rated]).toEqual(['1', 1, []]);
    expect(pendingTimeLog(s, 60_000)).toBeUndefined();
    // An unknown change changes nothing.
    expect(sessionReducer(s, { type: 'undone', changeId: 'nope' })).toBe(s);
  });

  it('shows a note added during the session with the card, and only on that card', () => {
    let s = startSession([card('a', '1'), card('a', '2')], 0);
    const note = { at: '2026-11-20T12:00:00.000Z', text: 'new' };
    s = sessionReducer(s, { type: 'noted', ref: 'a:1', note });
    expect(currentCard(s)?.notes).toEqual([note]);
    expect(sessionReducer(s, { type: 'noted', ref: 'a:2', note })).toBe(s);
    // Its Undo takes it away again.
    expect(currentCard(sessionReducer(s, { type: 'unnoted', ref: 'a:1', note }))?.notes).toEqual([]);
  });

  it('ignores a rating answer for a card that is no longer on screen', () => {
    const s = startSession([card('a', '1'), card('a', '2')], 0);
    const stale: SessionAction = {
      type: 'rated',
      entry: { card: card('a', '2'), rating: 3, changeId: 'x', nextDue: '' },
    };
    expect(sessionReducer(s, stale)).toBe(s);
  });

  it('never owes the same time twice, however ratings, logs and undos interleave', () => {
    const actions = fc.array(
      fc
        .oneof(
          fc.record({ kind: fc.constant('rate' as const), rating: fc.constantFrom<Rating>(1, 2, 3, 4) }),
          fc.constant({ kind: 'skip' as const }),
          fc.constant({ kind: 'log' as const }),
          fc.record({ kind: fc.constant('undo' as const), back: fc.nat(5) }),
        )
        .chain((step) =>
          // Most actions come seconds apart, some after hours away (whole seconds, as the log counts them).
          fc
            .oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 4 * 3_600 }))
            .map((seconds) => ({ ...step, gap: seconds * 1_000 })),
        ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), actions, (size, steps) => {
        const cards = Array.from({ length: size }, (_, i) => card(i % 2 ? 'a' : 'b', String(i)));
        let s = startSession(cards, 0);
        let now = 0;
        let loggedSeconds = 0;
        let n = 0;
        for (const step of steps) {
          now += step.gap;
          s = active(s, now);
          if (step.kind === 'rate' && currentCard(s)) s = sessionReducer(s, rate(s, step.rating, `c${n++}`));
          else if (step.kind === 'skip') s = sessionReducer(s, { type: 'skip' });
          else if (step.kind === 'undo') {
            const target = s.rated[s.rated.length - 1 - step.back];
            if (target) s = sessionReducer(s, { type: 'undone', changeId: target.changeId });
          } else if (step.kind === 'log') {
            const log = pendingTimeLog(s, now);
            if (log) {
              loggedSeconds += log.seconds;
              s = sessionReducer(s, { type: 'logged', at: now, minutes: expectedMinutes(log) });
            }
          }
          // The place is always within the session and every card is exactly once somewhere.
          expect(position(s)).toBeGreaterThanOrEqual(1);
          expect(position(s)).toBeLessThanOrEqual(s.total);
          expect(s.queue.length + s.rated.length + s.skipped.length).toBe(size);
          const owed = Object.values(s.unlogged).reduce((sum, count) => sum + count, 0);
          expect(owed).toBeLessThanOrEqual(s.rated.length);
        }
        const last = pendingTimeLog(s, now);
        // Logged and owed time together never exceed the session's length, nor its active time.
        expect(loggedSeconds + (last?.seconds ?? 0)).toBeLessThanOrEqual(now / 1000);
        const activeSeconds = steps.reduce((sum, step) => sum + Math.min(step.gap, 300_000), 0) / 1000;
        expect(loggedSeconds + (last?.seconds ?? 0)).toBeLessThanOrEqual(activeSeconds);
      }),
      { numRuns: 200 },
    );
  });

  it('estimates the minutes as the server logs them: each roadmap rounded, at least 1', () => {
    expect(expectedMinutes({ reviewed: [{ cards: 3 }, { cards: 1 }], seconds: 960 })).toBe(16);
    expect(expectedMinutes({ reviewed: [{ cards: 1 }, { cards: 1 }], seconds: 10 })).toBe(2);
  });
});

describe('rating keys', () => {
  const key = (k: string, target: unknown = { tagName: 'SECTION' }, mods = {}) =>
    ratingForKey({
      key: k,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      target: target as EventTarget,
      ...mods,
    });

  it('rates with 1-4 anywhere in the session but never while typing or with a modifier', () => {
    expect([key('1'), key('2'), key('3'), key('4')]).toEqual([1, 2, 3, 4]);
    expect(key('5')).toBeUndefined();
    expect(key('3', { tagName: 'INPUT' })).toBeUndefined();
    expect(key('3', { tagName: 'textarea' })).toBeUndefined();
    expect(key('3', { tagName: 'DIV', isContentEditable: true })).toBeUndefined();
    expect(key('3', { tagName: 'BUTTON' })).toBe(3);
    expect(key('1', undefined, { ctrlKey: true })).toBeUndefined();
    expect(key('1', undefined, { metaKey: true })).toBeUndefined();
  });
});
