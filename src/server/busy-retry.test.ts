import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoreBusyError } from '../store/store-busy.js';
import { type BusyClock, type BusyPolicy, retryWhileBusy } from './busy-retry.js';
import { HttpError, toApiError } from './http-error.js';

/** A virtual clock: sleeping advances it, so the tests take no time and see every pause. */
function virtualClock(random = () => 0.5) {
  let now = 0;
  const pauses: number[] = [];
  const clock: BusyClock = {
    now: () => now,
    sleep: async (ms) => {
      pauses.push(ms);
      now += ms;
    },
    random,
  };
  return { clock, pauses, now: () => now };
}

const policy: BusyPolicy = { maxWaitMs: 2_000, firstDelayMs: 5, maxDelayMs: 100, retryAfterSeconds: 2 };

describe('retryWhileBusy', () => {
  it('returns at once, without a pause, when the store is free', async () => {
    const v = virtualClock();
    expect(await retryWhileBusy(() => 42, policy, v.clock)).toBe(42);
    expect(v.pauses).toEqual([]);
  });

  it('retries a busy attempt until it goes through or the bound is spent, whatever the jitter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 80 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        async (busyTimes, jitter) => {
          const v = virtualClock(() => jitter);
          let calls = 0;
          const outcome = await retryWhileBusy(
            () => {
              calls++;
              if (calls <= busyTimes) throw new StoreBusyError('busy');
              return 'saved';
            },
            policy,
            v.clock,
          ).catch((error: unknown) => error);
          // Never waits past the bound (1 ms of slack: the shortest pause).
          expect(v.now()).toBeLessThanOrEqual(policy.maxWaitMs + 1);
          for (const pause of v.pauses) expect(pause).toBeLessThanOrEqual(policy.maxDelayMs * 1.5);
          if (outcome === 'saved') expect(calls).toBe(busyTimes + 1);
          else {
            expect(outcome).toBeInstanceOf(HttpError);
            expect((outcome as HttpError).status).toBe(503);
            expect(v.now()).toBeGreaterThanOrEqual(policy.maxWaitMs - 1e-6);
            expect(calls).toBeLessThanOrEqual(busyTimes);
          }
        },
      ),
    );
  });

  it('gives up after maxWaitMs with a 503 that says why, and Retry-After', async () => {
    const v = virtualClock();
    let calls = 0;
    const error = await retryWhileBusy(
      () => {
        calls++;
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      },
      policy,
      v.clock,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpError);
    const http = error as HttpError;
    expect(http.status).toBe(503);
    expect(http.code).toBe('BUSY');
    expect(http.message).toMatch(
      /another Waymark process .* kept it locked for 2\.0 s, so nothing was saved/,
    );
    expect(http.headers).toEqual({ 'Retry-After': '2' });
    expect(v.now()).toBe(policy.maxWaitMs);
    // Backoff: a few dozen attempts in 2 s, not thousands.
    expect(calls).toBeGreaterThan(10);
    expect(calls).toBeLessThan(60);
  });

  it('never retries another error', async () => {
    const v = virtualClock();
    let calls = 0;
    const failure = new Error('not a lock');
    await expect(
      retryWhileBusy(
        () => {
          calls++;
          throw failure;
        },
        policy,
        v.clock,
      ),
    ).rejects.toBe(failure);
    expect(calls).toBe(1);
    expect(v.pauses).toEqual([]);
  });
});

describe('a busy error that reaches the error mapper', () => {
  it('is a 503 with Retry-After, never a 500 that calls it a bug', () => {
    for (const error of [
      new StoreBusyError('The database is busy'),
      Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }),
    ]) {
      const e = toApiError(error);
      expect(e.status).toBe(503);
      expect(e.body.error.code).toBe('BUSY');
      expect(e.body.error.message).not.toMatch(/bug/i);
      expect(e.headers?.['Retry-After']).toBe('2');
    }
  });
});
