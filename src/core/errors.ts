/**
 * The one error type Waymark raises on purpose. `code` is stable; the edges (CLI, HTTP) map it to an exit
 * code or a status. Messages teach: what went wrong, where (file:line), and what to do.
 */
export type ErrorCode =
  | 'INPUT' // bad user input: a file, an argument, a value
  | 'NOT_FOUND' // an item, roadmap or file that does not exist
  | 'CONFLICT' // a concurrent change or a sync conflict
  | 'STORE' // the store is unusable (not a database, newer version, read-only)
  | 'USAGE'; // the command line itself is wrong

export class WaymarkError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'WaymarkError';
    this.code = code;
    this.hint = hint;
  }
}

export const inputError = (message: string, hint?: string) => new WaymarkError('INPUT', message, hint);
