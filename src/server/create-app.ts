/**
 * The HTTP app: routes over the application services, validation, errors, live updates and the dashboard.
 * Pure of I/O besides the store it is given (and the dashboard files, when `webRoot` is set), so tests drive
 * it with `app.request()`. The store stays open for the app's lifetime; the clock is read per request.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { clockNow } from '../app/clock.js';
import { learnerTimeZone } from '../app/learner-clock.js';
import type { Workspace } from '../app/workspace.js';
import { localDate } from '../core/plan/local-date.js';
import type { Store } from '../store/port.js';
import { type BusyPolicy, DEFAULT_BUSY_POLICY, retryWhileBusy } from './busy-retry.js';
import { withDerivedCacheInMemory } from './derived-cache-memory.js';
import { withEventsCache } from './events-cache.js';
import { apiError, fromZodError, HttpError, toApiError } from './http-error.js';
import { LiveChanges } from './live-changes.js';
import { localOnly } from './local-only.js';
import { buildOpenApi } from './openapi.js';
import { RecentMark } from './recent-mark.js';
import { withRoadmapCache } from './roadmap-cache.js';
import type { RouteSpec } from './route.js';
import { apiRoutes } from './routes/index.js';
import { mountWeb } from './static-web.js';
import { ViewCache } from './view-cache.js';
import { sessionHandler, writeGuard } from './write-guard.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  store: Store;
  /** For WAYMARK_NOW (frozen clock) and the learner's time zone. */
  env?: NodeJS.ProcessEnv;
  /** The built dashboard; omitted: a page says how to build it. */
  webRoot?: string;
  /** How often the live-update poller reads the store's change mark. */
  pollIntervalMs?: number;
  /** SSE heartbeat comment interval. */
  heartbeatMs?: number;
  newId?: () => string;
  /** Told about unexpected (500) errors, e.g. to log them. */
  onUnexpectedError?: (error: unknown) => void;
  /** The token writes must carry (default: random, new on every start). */
  sessionToken?: string;
  /**
   * How long a request waits for another process's write lock, asynchronously, before a 503. Only useful
   * when the store itself does not wait (start-server.ts opens it so).
   */
  busyPolicy?: BusyPolicy;
}

export interface WaymarkApp {
  app: Hono;
  /** What writes must send in X-Waymark-Token (GET /api/session gives it to the dashboard). */
  sessionToken: string;
  live: LiveChanges;
  /** Ends every event stream and stops the poller (the store is the caller's to close). */
  close(): void;
}

export function createApp(options: AppOptions): WaymarkApp {
  const store = withDerivedCacheInMemory(withRoadmapCache(withEventsCache(options.store)));
  const env = options.env ?? process.env;
  const timeZone = learnerTimeZone(env);
  const newId = options.newId ?? randomUUID;
  // The environment is read once (process.env is slow to read); the clock itself is read per request.
  const clockEnv = { WAYMARK_NOW: env.WAYMARK_NOW };
  clockNow(clockEnv); // a bad WAYMARK_NOW fails at start, not on every request
  const workspace = (): Workspace => ({ store, now: clockNow(clockEnv), newId });
  const cache = new ViewCache();
  const marks = new RecentMark(store);
  const live = new LiveChanges(store, options.pollIntervalMs ?? 250, undefined, (mark) =>
    marks.remember(mark),
  );
  const streams = new Set<() => void>();
  const routes: readonly RouteSpec[] = apiRoutes();
  const sessionToken = options.sessionToken ?? randomBytes(32).toString('base64url');
  const busyPolicy = options.busyPolicy ?? DEFAULT_BUSY_POLICY;
  const notBusy = <T>(attempt: () => T) => retryWhileBusy(attempt, busyPolicy);

  const app = new Hono();
  app.use('*', localOnly());
  app.use('*', writeGuard(sessionToken));
  app.get('/api/session', sessionHandler(sessionToken));
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        const e = apiError(
          413,
          'TOO_LARGE',
          `The request body is over ${Math.round(maxSize / 1024 / 1024)} MB.`,
          'Send less at once.',
        );
        return c.json(e.body, e.status);
      },
    });
  const limitBody = limitOf(MAX_BODY_BYTES);
  // A route that takes more (an uploaded roadmap) says so; its limit is checked instead of the default.
  const routeLimits = new Map(
    routes
      .filter((spec) => spec.bodyLimitBytes !== undefined)
      .map((spec) => [`${spec.method.toUpperCase()} ${spec.path}`, limitOf(spec.bodyLimitBytes as number)]),
  );
  // Only requests that may carry a body: touching a GET's body makes the node adapter build a full Request.
  app.use('/api/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : (routeLimits.get(`${c.req.method} ${c.req.path}`) ?? limitBody)(c, next),
  );

  for (const spec of routes) {
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const ws = workspace();
      const today = localDate(ws.now.toISOString(), timeZone);
      const run = async () => ({
        workspace: ws,
        params: c.req.param() as Record<string, string>,
        query: parseQuery(spec, c),
        body: spec.body ? await parseBody(spec, c) : undefined,
        timeZone,
        today,
      });
      if (spec.cached) {
        const mark = marks.current();
        const version = `${mark.seq}|${mark.roadmaps}|${today}`;
        // The same version means the same answer: a browser revalidating gets a 304 without a body.
        const etag = `W/"${mark.seq}-${hashOf(mark.roadmaps)}-${today}"`;
        if (c.req.header('if-none-match') === etag) return c.body(null, 304, { ETag: etag });
        // Only valid requests are cached, so a hit needs no validation.
        const context = cache.has(version, c.req.url) ? undefined : await run();
        const body = await notBusy(() =>
          cache.get(version, c.req.url, () => spec.handle(context as NonNullable<typeof context>)),
        );
        const headers: Record<string, string> = {
          'Content-Type': 'application/json; charset=UTF-8',
          ETag: etag,
          'Cache-Control': 'no-cache',
          Vary: 'Accept-Encoding',
        };
        const gzip = acceptsGzip(c.req.header('accept-encoding')) ? body.gzip() : undefined;
        if (gzip) return c.body(gzip, 200, { ...headers, 'Content-Encoding': 'gzip' });
        return c.body(body.json, 200, headers);
      }
      const context = await run();
      try {
        return c.json((await notBusy(() => spec.handle(context))) as object, spec.status ?? 200);
      } finally {
        // A write of this server is seen by the very next read.
        marks.forget();
      }
    });
  }

  app.get('/api/events/stream', (c) =>
    streamSSE(c, async (stream) => {
      let end: () => void = () => {};
      const ended = new Promise<void>((resolve) => {
        end = resolve;
      });
      streams.add(end);
      const unsubscribe = live.subscribe((mark) => {
        void stream.writeSSE({ event: 'change', data: JSON.stringify({ seq: mark.seq }) });
      });
      stream.onAbort(end);
      const heartbeat = setInterval(
        () => void stream.write(': heartbeat\n\n'),
        options.heartbeatMs ?? 15_000,
      );
      heartbeat.unref();
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ seq: live.current()?.seq ?? 0 }) });
        await ended;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
      }
    }),
  );

  // Built on first request: converting every schema takes longer than the rest of creating the app.
  let openApi: string | undefined;
  app.get('/api/openapi.json', (c) => {
    openApi ??= JSON.stringify(
      buildOpenApi(routes, { '/api/events/stream': EVENT_STREAM_DOC, '/api/session': SESSION_DOC }),
    );
    return c.body(openApi, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  app.all('/api/*', (c) => {
    const e = apiError(
      404,
      'NOT_FOUND',
      `No API route ${c.req.method} ${c.req.path}.`,
      'See /api/openapi.json for the routes.',
    );
    return c.json(e.body, e.status);
  });
  mountWeb(app, options.webRoot);

  app.onError((error, c) => {
    const e = toApiError(error);
    if (e.status === 500) options.onUnexpectedError?.(error);
    return c.json(e.body, e.status, e.headers);
  });

  return {
    app,
    sessionToken,
    live,
    close() {
      for (const end of [...streams]) end();
      live.close();
    },
  };
}

function parseQuery(spec: RouteSpec, c: Context): unknown {
  if (!spec.query) return {};
  const result = spec.query.safeParse(c.req.query());
  if (!result.success) throw new HttpErrorFrom(fromZodError(result.error, 'query'));
  return result.data;
}

async function parseBody(spec: RouteSpec, c: Context): Promise<unknown> {
  const text = await c.req.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new HttpError(
        400,
        'INPUT',
        `The request body is not valid JSON: ${(error as Error).message}.`,
        'Send a JSON object with Content-Type: application/json.',
      );
    }
  }
  const result = (spec.body as NonNullable<RouteSpec['body']>).safeParse(value);
  if (!result.success) throw new HttpErrorFrom(fromZodError(result.error, 'request body'));
  return result.data;
}

function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && /\bgzip\b(?!;\s*q=0(\.0*)?(,|$))/.test(header);
}

/** A short stable digest (FNV-1a) of the roadmaps fingerprint, for ETags. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

class HttpErrorFrom extends HttpError {
  constructor(e: ReturnType<typeof apiError>) {
    super(e.status, e.body.error.code, e.body.error.message, e.body.error.hint);
  }
}

const SESSION_DOC = {
  get: {
    summary: "This server start's token, which every POST/PUT must send as X-Waymark-Token",
    description:
      'Given to a page of this origin (a browser sends Sec-Fetch-Site: same-origin) or a local script; refused to other sites. A new token on every start of `waymark serve`. Scripts: `curl -s http://127.0.0.1:4747/api/session`.',
    tags: ['session'],
    operationId: 'getSession',
    responses: {
      '200': {
        description: '{ token }',
        content: {
          'application/json': { schema: { type: 'object', properties: { token: { type: 'string' } } } },
        },
      },
    },
  },
};

const EVENT_STREAM_DOC = {
  get: {
    summary: 'Live updates (server-sent events)',
    description:
      'First `event: ready` with `{"seq": N}`, then `event: change` with `{"seq": N}` within a second of any write to the store by any process (the CLI included), and a `: heartbeat` comment every 15 s.',
    tags: ['live'],
    operationId: 'getEventsStream',
    responses: {
      '200': {
        description: 'text/event-stream',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
    },
  },
};
