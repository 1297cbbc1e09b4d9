/** A tiny fetch wrapper: same-origin only, JSON in and out, API errors turned into readable messages. */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; hint?: string };
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  if (!path.startsWith('/api/')) throw new Error(`Refusing a request outside the API: ${path}`);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    throw new ApiError(
      `Cannot reach the Waymark server (${cause instanceof Error ? cause.message : String(cause)}).`,
      0,
      'NETWORK',
      'Is `waymark serve` still running?',
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
    throw new ApiError(
      error?.message ?? `${method} ${path} failed with HTTP ${response.status}.`,
      response.status,
      error?.code ?? 'HTTP',
      error?.hint,
    );
  }
  if (json === undefined) {
    throw new ApiError(`${method} ${path} returned something that is not JSON.`, response.status, 'PARSE');
  }
  return json as T;
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
  if (error instanceof ApiError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
