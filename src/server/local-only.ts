/**
 * Local mode has no login, so the server must only answer its own pages: requests must name a loopback host
 * (a DNS-rebinding page gets a foreign Host), and a browser's Origin, when sent, must be this server. Plus
 * headers that keep the dashboard to its own origin, on every answer, refusals included. Writes need more
 * proof than this (see write-guard.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from './http-error.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Requests that change nothing; any other method must pass the write guard. */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function localOnly(): MiddlewareHandler {
  return async (c, next) => {
    // Set before anything answers, so refusals carry them too, and they join the response the handler
    // builds (setting them afterwards would make hono rebuild it, costing the node adapter its fast path).
    c.header('X-Content-Type-Options', 'nosniff');
    // Not no-referrer: with it, browsers send `Origin: null` on the dashboard's own writes, which could not
    // then be told from an opaque-origin page's. same-origin still sends nothing to other sites.
    c.header('Referrer-Policy', 'same-origin');
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    const url = hostOf(c.req.header('host') ?? new URL(c.req.url).host);
    if (!LOOPBACK.has(url.hostname)) {
      return forbidden(
        c,
        `This Waymark server answers only requests to 127.0.0.1 or localhost, not "${url.host}".`,
        `Open http://127.0.0.1:${url.port || 80}/ instead.`,
      );
    }
    const origin = c.req.header('origin');
    // A read with `Origin: null` (a sandboxed frame) cannot see the answer without CORS, which we never
    // grant; a write with it is refused (an opaque origin proves nothing).
    const harmless = origin === 'null' && SAFE_METHODS.has(c.req.method);
    if (origin !== undefined && !harmless && !isOrigin(origin, url.host)) {
      return forbidden(
        c,
        `Requests from origin "${origin}" are not accepted: only the dashboard of this server may call it.`,
        `Open the dashboard at http://${url.host}/ and act from there.`,
      );
    }
    await next();
  };
}

export function forbidden(c: Context, message: string, hint?: string): Response {
  const e = apiError(403, 'FORBIDDEN', message, hint);
  return c.json(e.body, e.status);
}

/** Host header "127.0.0.1:4747" -> its parts (cheaper than parsing the whole URL on every request). */
function hostOf(host: string): { host: string; hostname: string; port: string } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  return { host, hostname: (match?.[1] ?? host).toLowerCase(), port: match?.[2] ?? '' };
}

/** Whether `origin` is this server: http, and the very host (name and port) the request was sent to. */
export function isOrigin(origin: string, host: string): boolean {
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}
