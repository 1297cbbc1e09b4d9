/**
 * A write the server answered 503 (another Waymark process kept the store locked) is tried again after the
 * Retry-After it sent, a few times, while the page says so; then the last error is reported as usual.
 */
import { ApiError } from './client';

export const BUSY_ATTEMPTS = 5;

export interface BusyWait {
  /** 2 for the second try. */
  attempt: number;
  of: number;
  seconds: number;
  error: ApiError;
}

export function isBusy(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 503;
}

export async function retryWhenBusy<T>(
  action: () => Promise<T>,
  onWait: (wait: BusyWait) => void,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  attempts = BUSY_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (attempt >= attempts) {
        throw new ApiError(
          error.message,
          error.status,
          error.code,
          `It stayed busy through ${attempts} tries: try again once the other Waymark command has finished.`,
        );
      }
      const seconds = Math.min(Math.max(error.retryAfterSeconds ?? 2, 1), 30);
      onWait({ attempt: attempt + 1, of: attempts, seconds, error });
      await sleep(seconds * 1000);
    }
  }
}

export function busyNotice(wait: BusyWait): string {
  return `${wait.error.message} Trying again in ${wait.seconds} s (try ${wait.attempt} of ${wait.of})…`;
}
