/**
 * Local mode has no login, so the server must only answer its own pages: requests must name a loopback host
 * (a DNS-rebinding page gets a foreign Host), and a browser's Origin, when sent, must be this server (a
 * page on another site cannot post changes). Plus headers that keep the dashboard to its own origin.
 */
import type { MiddlewareHandler } from 'hono';
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

export function localOnly(): MiddlewareHandler {
  return async (c, next) => {
    const url = hostOf(c.req.header('host') ?? new URL(c.req.url).host);
    if (!LOOPBACK.has(url.hostname)) {
      const e = apiError(
        403,
        'FORBIDDEN',
        `This Waymark server answers only requests to 127.0.0.1 or localhost, not "${url.host}".`,
        `Open http://127.0.0.1:${url.port || 80}/ instead.`,
      );
      return c.json(e.body, e.status);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && !sameHost(origin, url.host)) {
      const e = apiError(
        403,
        'FORBIDDEN',
        `Requests from ${origin} are not accepted: only the dashboard of this server may call it.`,
      );
      return c.json(e.body, e.status);
    }
    // Set before the handler runs, so they join the response it builds (setting them afterwards would make
    // hono rebuild the response, which costs the node adapter its fast path).
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    await next();
  };
}

/** Host header "127.0.0.1:4747" -> its parts (cheaper than parsing the whole URL on every request). */
function hostOf(host: string): { host: string; hostname: string; port: string } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  return { host, hostname: (match?.[1] ?? host).toLowerCase(), port: match?.[2] ?? '' };
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
