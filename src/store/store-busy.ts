/**
 * "The store stays busy": another process holds the write lock longer than this connection was told to wait.
 * A distinct class (still a CONFLICT for the CLI) so an edge can tell it from other conflicts and retry: the
 * server retries asynchronously and answers 503 with Retry-After when the lock stays taken.
 */
import { WaymarkError } from '../core/errors.js';

export class StoreBusyError extends WaymarkError {
  constructor(message: string, hint?: string) {
    super('CONFLICT', message, hint);
    this.name = 'StoreBusyError';
  }
}

/**
 * Whether `error` means "busy, try again": a StoreBusyError, or a raw SQLITE_BUSY* from a statement (a
 * statement that fails busy changed nothing: SQLite rolls a failed statement back).
 */
export function isStoreBusy(error: unknown): boolean {
  if (error instanceof StoreBusyError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
