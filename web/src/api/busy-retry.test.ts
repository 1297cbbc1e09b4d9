import { describe, expect, it } from 'vitest';
import { BUSY_ATTEMPTS, type BusyWait, busyNotice, retryWhenBusy } from './busy-retry';
import { ApiError } from './client';

const busy = (seconds?: number) =>
  new ApiError('The Waymark store is busy.', 503, 'BUSY', 'Try again.', seconds);

describe('retryWhenBusy', () => {
  it('tries again after Retry-After while the store is busy, saying so each time, until it goes through', async () => {
    const waits: BusyWait[] = [];
    const slept: number[] = [];
    let calls = 0;
    const result = await retryWhenBusy(
      async () => {
        calls++;
        if (calls < 3) throw busy(2);
        return 'saved';
      },
      (wait) => waits.push(wait),
      async (ms) => {
        slept.push(ms);
      },
    );
    expect(result).toBe('saved');
    expect(slept).toEqual([2000, 2000]);
    expect(waits.map((w) => w.attempt)).toEqual([2, 3]);
    expect(busyNotice(waits[0] as BusyWait)).toBe(
      `The Waymark store is busy. Trying again in 2 s (try 2 of ${BUSY_ATTEMPTS})…`,
    );
  });

  it('gives up after the last try with a hint that fits, and never retries other errors', async () => {
    let calls = 0;
    const error = await retryWhenBusy(
      async () => {
        calls++;
        throw busy();
      },
      () => {},
      async () => {},
    ).catch((caught: unknown) => caught);
    expect(calls).toBe(BUSY_ATTEMPTS);
    expect(error).toMatchObject({ status: 503, hint: expect.stringMatching(/stayed busy through 5 tries/) });

    const refused = new ApiError('No item matches', 404, 'NOT_FOUND');
    let tries = 0;
    await expect(
      retryWhenBusy(
        async () => {
          tries++;
          throw refused;
        },
        () => {},
        async () => {},
      ),
    ).rejects.toBe(refused);
    expect(tries).toBe(1);
  });
});
