import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeMsAt, IDLE_LIMIT_MS, startActiveTime, touchActiveTime } from './active-time.js';

describe("a review session's active time", () => {
  it('counts the time between actions, but a walk away only up to the idle limit', () => {
    let time = startActiveTime(0);
    time = touchActiveTime(time, 40_000); // rated a card after 40 s
    time = touchActiveTime(time, 70_000); // and another after 30 s
    // Three hours away, then End session: 70 s of work and 5 minutes for the gap.
    expect(activeMsAt(time, 70_000 + 3 * 3_600_000)).toBe(70_000 + IDLE_LIMIT_MS);
  });

  it('is never more than the wall time, nor more than the idle limit per gap (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 * 3_600_000 }), { maxLength: 30 }), (gaps) => {
        let time = startActiveTime(1_000);
        let now = 1_000;
        for (const gap of gaps) {
          now += gap;
          time = touchActiveTime(time, now);
        }
        const expected = gaps.reduce((sum, gap) => sum + Math.min(gap, IDLE_LIMIT_MS), 0);
        expect(time.activeMs).toBe(expected);
        expect(time.activeMs).toBeLessThanOrEqual(now - 1_000);
      }),
    );
  });

  it('ignores a clock that steps back', () => {
    const time = touchActiveTime(startActiveTime(10_000), 5_000);
    expect(time).toEqual({ activeMs: 0, lastAt: 10_000 });
  });
});
