/**
 * Proof that a state-changing request comes from the dashboard (cross-site request forgery): local mode has
 * no login, so any page the learner opens — a downloaded `file://` page, a sandboxed frame, a page of another
 * local server — could otherwise post to 127.0.0.1. A write must
 *   - not come from another site by the browser's own account (`Sec-Fetch-Site`, when sent, is same-origin;
 *     the Origin itself is checked by local-only.ts, with no exemption for `null`),
 *   - be `application/json` (a form or a no-preflight `text/plain` fetch cannot send that cross-origin), and
 *   - carry this server start's token in `X-Waymark-Token`. A custom header cannot be sent cross-origin
 *     without a CORS preflight, which this server never grants, and the token can only be read by a page of
 *     this origin (GET /api/session) or a local process (which could open the store file anyway).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from './http-error.js';
import { forbidden, SAFE_METHODS } from './local-only.js';

export const TOKEN_HEADER = 'X-Waymark-Token';
const SESSION_HINT = `The dashboard sends it; a script reads it first: curl -s http://127.0.0.1:PORT/api/session → {"token": …}, then sends it as ${TOKEN_HEADER}.`;

export function writeGuard(token: string): MiddlewareHandler {
  const expected = Buffer.from(token);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') {
      return forbidden(
        c,
        `A ${c.req.method} from another site or page (Sec-Fetch-Site: ${site}) is not accepted: only the dashboard of this server may change your progress.`,
        'Open the dashboard from this server and act from there.',
      );
    }
    const type = c.req.header('content-type');
    if (!isJson(type)) {
      const e = apiError(
        415,
        'INPUT',
        type === undefined
          ? `A ${c.req.method} needs a JSON body; this one has no Content-Type.`
          : `A ${c.req.method} needs a JSON body, not ${type.split(';')[0]?.trim() || 'an empty Content-Type'}.`,
        'Send it with Content-Type: application/json (an empty body counts as {}).',
      );
      return c.json(e.body, e.status);
    }
    const sent = c.req.header(TOKEN_HEADER);
    if (sent === undefined || !sameToken(Buffer.from(sent), expected)) {
      return forbidden(
        c,
        sent === undefined
          ? `A ${c.req.method} needs this server's ${TOKEN_HEADER} header: without it a page of another origin could change your progress.`
          : `The ${TOKEN_HEADER} header is not this server's: it changes on every start of \`waymark serve\`.`,
        SESSION_HINT.replace('PORT', portOf(c)),
      );
    }
    await next();
  };
}

/**
 * GET /api/session: the token, for a page of this origin (the browser says so in Sec-Fetch-Site; local-only.ts
 * already refused another Origin) or a local script (no browser headers). Never cached.
 */
export function sessionHandler(token: string) {
  const body = JSON.stringify({ token });
  return (c: Context): Response => {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if ((site !== undefined && site !== 'same-origin' && site !== 'none') || origin === 'null') {
      return forbidden(c, 'The session token is only given to the dashboard of this server.');
    }
    return c.body(body, 200, {
      'Content-Type': 'application/json; charset=UTF-8',
      'Cache-Control': 'no-store',
    });
  };
}

function isJson(type: string | undefined): boolean {
  return type !== undefined && /^application\/json\s*(;|$)/i.test(type.trim());
}

function sameToken(sent: Buffer, expected: Buffer): boolean {
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

function portOf(c: Context): string {
  return /:(\d+)$/.exec(c.req.header('host') ?? '')?.[1] ?? '4747';
}
