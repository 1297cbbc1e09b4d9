/**
 * Waiting for another process's write lock without blocking the event loop. The server's store does not wait
 * (busy timeout 0, no synchronous retries): a busy attempt fails at once, and this retries it after a timer,
 * so reads, event streams and other requests are served meanwhile. When the lock stays taken past
 * `maxWaitMs` the request answers 503 with Retry-After, which the dashboard shows and retries.
 *
 * Retrying is safe because a busy attempt changed nothing: a write transaction that could not start ran none
 * of its body, a statement that failed busy was rolled back, and each use case writes in one transaction.
 */
import { isStoreBusy } from '../store/store-busy.js';
import { HttpError } from './http-error.js';

export interface BusyPolicy {
  /** How long a request may wait for the lock in all, before a 503. */
  maxWaitMs: number;
  /** The first pause; each next one doubles, up to `maxDelayMs` (with jitter, so waiters spread out). */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Sent as Retry-After with the 503. */
  retryAfterSeconds: number;
}

/**
 * 2 s: a CLI command holds the lock for milliseconds, so a longer wait means a long operation (a big import,
 * a restore) and the learner is better told than kept waiting without a word; the dashboard retries itself.
 */
export const DEFAULT_BUSY_POLICY: BusyPolicy = {
  maxWaitMs: 2_000,
  firstDelayMs: 5,
  maxDelayMs: 100,
  retryAfterSeconds: 2,
};

export interface BusyClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

const realClock: BusyClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Runs `attempt` (synchronous) until it is not busy, pausing on a timer between tries (never blocking). */
export async function retryWhileBusy<T>(
  attempt: () => T,
  policy: BusyPolicy = DEFAULT_BUSY_POLICY,
  clock: BusyClock = realClock,
): Promise<T> {
  const started = clock.now();
  for (let delay = policy.firstDelayMs; ; delay = Math.min(delay * 2, policy.maxDelayMs)) {
    try {
      return attempt();
    } catch (error) {
      if (!isStoreBusy(error)) throw error;
      const waited = clock.now() - started;
      if (waited >= policy.maxWaitMs) throw busyResponse(policy, waited);
      const pause = Math.min(delay * (0.5 + clock.random()), policy.maxWaitMs - waited);
      await clock.sleep(Math.max(1, pause));
    }
  }
}

function busyResponse(policy: BusyPolicy, waitedMs: number): HttpError {
  return new HttpError(
    503,
    'BUSY',
    `The Waymark store is busy: another Waymark process (a CLI command, a sync or an import) kept it locked for ${(waitedMs / 1000).toFixed(1)} s, so nothing was saved.`,
    `Try again in ${policy.retryAfterSeconds} s (the dashboard retries by itself).`,
    { 'Retry-After': String(policy.retryAfterSeconds) },
  );
}
