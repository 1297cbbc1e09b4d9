/**
 * A tiny fetch wrapper: same-origin only, JSON in and out, API errors turned into readable messages. Writes
 * carry this server start's token (X-Waymark-Token, read once from GET /api/session): the server refuses a
 * write without it, so no other page the learner opens can change their progress.
 */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly hint?: string,
    /** From Retry-After: the server asks to try again after this many seconds (503 when the store is busy). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; hint?: string };
}

export const TOKEN_HEADER = 'X-Waymark-Token';

let sessionToken: Promise<string> | undefined;
/** The token once known, for a write that must be sent synchronously (see postOnPageExit). */
let knownToken: string | undefined;

/** The token of the running server, fetched once; forgotten when a write is refused (the server restarted). */
function token(): Promise<string> {
  sessionToken ??= send<{ token: string }>('GET', '/api/session').then(
    (body) => {
      knownToken = body.token;
      return body.token;
    },
    (error: unknown) => {
      sessionToken = undefined;
      throw error;
    },
  );
  return sessionToken;
}

/** Forgets the cached token (tests; a page that knows the server restarted). */
export function forgetSessionToken(): void {
  sessionToken = undefined;
  knownToken = undefined;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (method === 'GET') return send<T>(method, path);
  const first = await token();
  try {
    return await send<T>(method, path, body, first);
  } catch (error) {
    // A server restarted since the token was read refuses it: read the new one and try once more.
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
    sessionToken = undefined;
    const fresh = await token();
    if (fresh === first) throw error;
    return send<T>(method, path, body, fresh);
  }
}

async function send<T>(method: string, path: string, body?: unknown, writeToken?: string): Promise<T> {
  if (!path.startsWith('/api/')) throw new Error(`Refusing a request outside the API: ${path}`);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers:
        writeToken === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', [TOKEN_HEADER]: writeToken },
      // Same-origin requests then carry the real Origin (never `null`), which the server checks.
      referrerPolicy: 'same-origin',
      credentials: 'same-origin',
      ...(writeToken === undefined ? {} : { body: JSON.stringify(body ?? {}) }),
    });
  } catch (cause) {
    throw new ApiError(
      `Cannot reach the Waymark server (${cause instanceof Error ? cause.message : String(cause)}).`,
      0,
      'NETWORK',
      'Start the server again (waymark serve in a terminal), then reload.',
    );
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = (json as ErrorBody | undefined)?.error;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(
      error?.message ?? `${method} ${path} failed with HTTP ${response.status}.`,
      response.status,
      error?.code ?? 'HTTP',
      error?.hint,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  if (json === undefined) {
    throw new ApiError(`${method} ${path} returned something that is not JSON.`, response.status, 'PARSE');
  }
  return json as T;
}

/**
 * A write sent while the page goes away (pagehide): `fetch` with `keepalive`, which, unlike
 * `navigator.sendBeacon`, can carry the token header (a same-origin request needs no preflight). Nothing
 * can be awaited then, so it needs the token already read (any earlier write did) and reports only whether
 * it was sent; false when the token is not known yet.
 */
export function postOnPageExit(path: string, body: unknown): boolean {
  if (knownToken === undefined || !path.startsWith('/api/')) return false;
  void fetch(path, {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: knownToken },
    referrerPolicy: 'same-origin',
    credentials: 'same-origin',
    body: JSON.stringify(body),
  }).catch(() => undefined);
  return true;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
};

/** Builds `/api/...?a=b` from defined parameters only. */
export function apiPath(path: string, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

export const enc = encodeURIComponent;

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const hint = webHint(error);
    return hint ? `${error.message} ${hint}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The server's hints are written for the terminal (`waymark sync ID`); inside the dashboard a hint that names
 * a command is replaced by what to do on the page.
 */
export function webHint(error: ApiError): string | undefined {
  if (error.hint === undefined || !/`?waymark\s+[a-z]/i.test(error.hint)) return error.hint;
  if (error.code === 'NETWORK') return 'Start the server again (waymark serve in a terminal), then reload.';
  return WEB_HINTS[error.status] ?? 'Reload the page and try again.';
}

const WEB_HINTS: Record<number, string> = {
  400: 'Check the value you entered and try again.',
  404: 'It may have been renamed or removed: reload the page to see the roadmap as it is now.',
  409: 'Reload the page to see the latest state, then try again.',
  503: 'Another Waymark command is writing to the store; try again in a moment.',
};
