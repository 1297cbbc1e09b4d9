/**
 * The one place where errors become HTTP responses: WaymarkError codes map to statuses, zod issues to a 400
 * naming the field, anything else to a 500 that asks for a report (never for bad input).
 */
import type { ZodError } from 'zod';
import { WaymarkError } from '../core/errors.js';
import { isStoreBusy } from '../store/store-busy.js';

const BUSY_RETRY_AFTER_SECONDS = 2;

export type ApiErrorCode =
  | 'INPUT'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'BUSY'
  | 'INTERNAL';

export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  'INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
  'BUSY',
  'INTERNAL',
];

export interface ApiError {
  status: 400 | 403 | 404 | 409 | 413 | 415 | 500 | 503;
  body: { error: { code: ApiErrorCode; message: string; hint?: string } };
  /** Extra response headers (Retry-After on a 503). */
  headers?: Record<string, string>;
}

const STATUS: Record<WaymarkError['code'], { status: ApiError['status']; code: ApiErrorCode }> = {
  INPUT: { status: 400, code: 'INPUT' },
  USAGE: { status: 400, code: 'INPUT' },
  NOT_FOUND: { status: 404, code: 'NOT_FOUND' },
  CONFLICT: { status: 409, code: 'CONFLICT' },
  // The store is unusable (read-only, newer, not a database): the request itself was fine.
  STORE: { status: 409, code: 'CONFLICT' },
};

/** An error to raise from a route: becomes `{error}` with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: ApiError['status'],
    readonly code: ApiErrorCode,
    message: string,
    readonly hint?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function apiError(
  status: ApiError['status'],
  code: ApiErrorCode,
  message: string,
  hint?: string,
): ApiError {
  return { status, body: { error: { code, message, ...(hint ? { hint } : {}) } } };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof HttpError) {
    const e = apiError(error.status, error.code, error.message, error.hint);
    return error.headers ? { ...e, headers: error.headers } : e;
  }
  // Busy past the routes' own wait (busy-retry.ts), or where nothing waited: try again, not a bug.
  if (isStoreBusy(error)) {
    return {
      ...apiError(
        503,
        'BUSY',
        'The Waymark store is busy: another Waymark process kept it locked, so nothing was saved.',
        `Try again in ${BUSY_RETRY_AFTER_SECONDS} s.`,
      ),
      headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) },
    };
  }
  if (error instanceof WaymarkError) {
    const { status, code } = STATUS[error.code];
    return apiError(status, code, sentence(error.message), error.hint);
  }
  const message = error instanceof Error ? error.message : String(error);
  return apiError(
    500,
    'INTERNAL',
    `Unexpected error: ${message}`,
    'This is a bug in Waymark. Run the server with WAYMARK_DEBUG=1 and report its output.',
  );
}

/** A 400 naming each offending field: `items.0: Invalid input: expected string, received number`. */
export function fromZodError(error: ZodError, where: string): ApiError {
  const problems = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path === '' ? '(top level)' : path}: ${issue.message}`;
  });
  const more = error.issues.length > 5 ? `; and ${error.issues.length - 5} more` : '';
  return apiError(
    400,
    'INPUT',
    `Invalid ${where}: ${problems.join('; ')}${more}.`,
    'See /api/openapi.json for the expected shape.',
  );
}

/** WaymarkError messages start lower case for the CLI's "waymark: ..." prefix; a JSON message stands alone. */
function sentence(message: string): string {
  return message.length > 0 ? message[0]?.toUpperCase() + message.slice(1) : message;
}
