import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/server/routes/index.js';
import { type ApiSandbox, apiSandbox } from './api-harness.js';

/**
 * Cross-site writes (issue 14, point 1): a state-changing request must be JSON and prove it comes from the
 * dashboard (the per-start token, and no sign of another origin). Everything else changes nothing.
 */
let s: ApiSandbox;
beforeAll(() => {
  s = apiSandbox(['ai-engineer']);
});
afterAll(() => s.cleanup());

const SERVER = 'http://127.0.0.1:4747';

async function raw(path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> }) {
  const response = await s.app.request(`${SERVER}${path}`, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {}
  return {
    status: response.status,
    headers: response.headers,
    json: json as { error?: { code: string; message: string; hint?: string } },
  };
}

const expectSecurityHeaders = (headers: Headers) => {
  expect(headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBeTruthy();
};

const NOTE = JSON.stringify({ items: ['ai-engineer:2'], status: 'done', all: true });

describe('the issue reproduction', () => {
  it('refuses the Origin: null text/plain POST that marked a whole phase done', async () => {
    const before = s.eventCount();
    const response = await raw('/api/status', {
      method: 'POST',
      headers: { Origin: 'null', 'Content-Type': 'text/plain' },
      body: NOTE,
    });
    expect(response.status).toBe(403);
    expect(response.json.error?.code).toBe('FORBIDDEN');
    expect(response.json.error?.message).toMatch(/origin "null"/i);
    expectSecurityHeaders(response.headers);
    expect(s.eventCount()).toBe(before);
  });

  it('refuses a JSON body without the token, as curl without headers sends it', async () => {
    const before = s.eventCount();
    const response = await raw('/api/status', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: NOTE,
    });
    expect(response.status).toBe(403);
    expect(response.json.error?.message).toMatch(/X-Waymark-Token/);
    expect(response.json.error?.hint).toMatch(/\/api\/session/);
    expectSecurityHeaders(response.headers);
    expect(s.eventCount()).toBe(before);
  });

  it('answers a non-JSON body with 415 in the JSON error shape, with the security headers', async () => {
    const response = await raw('/api/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'X-Waymark-Token': s.sessionToken },
      body: JSON.stringify({ item: 'ai-engineer:1.1.1', text: 'hi' }),
    });
    expect(response.status).toBe(415);
    expect(response.json.error?.code).toBe('INPUT');
    expect(response.json.error?.message).toMatch(/text\/plain/);
    expect(response.json.error?.hint).toMatch(/application\/json/);
    expectSecurityHeaders(response.headers);
  });

  it('a refused Host carries the security headers too', async () => {
    const response = await s.app.request('http://evil.example:4747/api/roadmaps');
    expect(response.status).toBe(403);
    expectSecurityHeaders(response.headers);
  });
});

describe('the rule, over every write route and every mix of headers', () => {
  const writes = apiRoutes().filter((route) => route.method !== 'get');

  it('covers every state-changing route the API has', () => {
    expect(writes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'post /api/status',
        'post /api/notes',
        'post /api/undo',
        'put /api/settings/:roadmapId',
      ]),
    );
  });

  const origins = [
    undefined,
    'null',
    SERVER,
    'http://127.0.0.1:4748',
    'http://localhost:4747',
    'https://evil.example',
    'file://',
  ];
  const fetchSites = [undefined, 'same-origin', 'same-site', 'cross-site', 'none'];
  const types = [
    undefined,
    'application/json',
    'application/json; charset=UTF-8',
    'text/plain',
    'text/plain; charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'text/json',
  ];
  const tokens = ['right', 'wrong', 'short', 'empty', undefined] as const;

  it('writes only with JSON, the token, and no sign of another origin', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...origins),
        fc.constantFrom(...fetchSites),
        fc.constantFrom(...types),
        fc.constantFrom(...tokens),
        fc.constantFrom(...writes),
        async (origin, fetchSite, type, token, route) => {
          const headers: Record<string, string> = {};
          if (origin !== undefined) headers.Origin = origin;
          if (fetchSite !== undefined) headers['Sec-Fetch-Site'] = fetchSite;
          if (type !== undefined) headers['Content-Type'] = type;
          if (token === 'right') headers['X-Waymark-Token'] = s.sessionToken;
          if (token === 'wrong')
            headers['X-Waymark-Token'] = s.sessionToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
          if (token === 'short') headers['X-Waymark-Token'] = 'abc';
          if (token === 'empty') headers['X-Waymark-Token'] = '';
          const allowed =
            (origin === undefined || origin === SERVER) &&
            (fetchSite === undefined || fetchSite === 'same-origin') &&
            type !== undefined &&
            /^application\/json(;|$)/.test(type) &&
            token === 'right';
          const path = route.path.replace(':roadmapId', 'ai-engineer');
          // A body the route refuses (400) once it is let through: the guard is what is under test.
          const before = s.eventCount();
          const response = await raw(path, {
            method: route.method.toUpperCase(),
            headers,
            body: '{"nonsense": true}',
          });
          if (allowed) {
            expect(response.status, JSON.stringify(response.json)).toBe(400);
          } else {
            expect([403, 415], JSON.stringify(response.json)).toContain(response.status);
            expectSecurityHeaders(response.headers);
          }
          expect(response.json.error?.message).toBeTruthy();
          expect(s.eventCount()).toBe(before);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('guards state-changing methods the API has no route for', async () => {
    for (const method of ['DELETE', 'PATCH']) {
      const refused = await raw('/api/status', {
        method,
        headers: { 'Content-Type': 'text/plain' },
        body: NOTE,
      });
      expect(refused.status, method).toBe(415);
      const unknown = await raw('/api/status', {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Waymark-Token': s.sessionToken },
        body: '{}',
      });
      expect(unknown.status, method).toBe(404);
    }
  });

  it('lets the dashboard write: its origin, same-origin fetch metadata, JSON and the token', async () => {
    const before = s.eventCount();
    const response = await raw('/api/notes', {
      method: 'POST',
      headers: {
        Origin: SERVER,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/json',
        'X-Waymark-Token': s.sessionToken,
      },
      body: JSON.stringify({ item: 'ai-engineer:1.1.1', text: 'from the dashboard' }),
    });
    expect(response.status).toBe(201);
    expect(s.eventCount()).toBe(before + 1);
  });

  it('accepts an undo with an empty JSON body', async () => {
    const response = await raw('/api/undo', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Waymark-Token': s.sessionToken },
    });
    expect(response.status).toBe(201);
  });
});

describe('GET /api/session', () => {
  it('gives the token to a same-origin page or a local script, never cached', async () => {
    const asked: Record<string, string>[] = [
      {},
      { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' },
      { Origin: SERVER },
    ];
    for (const headers of asked) {
      const response = await raw('/api/session', { headers });
      expect(response.status).toBe(200);
      expect(response.json).toEqual({ token: s.sessionToken });
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('refuses it to another site or origin', async () => {
    const refused: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
      { Origin: 'http://127.0.0.1:4748' },
      { Origin: 'null' },
    ];
    for (const headers of refused) {
      const response = await raw('/api/session', { headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.stringify(response.json)).not.toContain(s.sessionToken);
      expectSecurityHeaders(response.headers);
    }
  });

  it('is new for every server start', () => {
    const other = apiSandbox([]);
    try {
      expect(other.sessionToken).not.toBe(s.sessionToken);
      expect(other.sessionToken.length).toBeGreaterThanOrEqual(32);
    } finally {
      other.cleanup();
    }
  });
});
