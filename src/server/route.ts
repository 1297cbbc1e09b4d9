/**
 * A route is data: method, path, schemas and a handler that returns JSON-able data. The app registers the
 * list and the OpenAPI document is generated from the same list, so docs and validation never drift.
 */
import type { z } from 'zod';
import type { Workspace } from '../app/workspace.js';

export interface RouteContext<Q, B> {
  /** A workspace for this request: the shared store, the clock read now. */
  workspace: Workspace;
  params: Record<string, string>;
  query: Q;
  body: B;
  /** The learner's IANA time zone. */
  timeZone: string;
  /** The learner's date today (from the request's clock). */
  today: string;
}

export interface RouteSpec<Q = unknown, B = unknown> {
  method: 'get' | 'post' | 'put';
  /** Hono syntax: `/api/roadmaps/:id/tree`. */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodType<Q, Record<string, string>>;
  body?: z.ZodType<B>;
  /** The largest body this route takes (default: the app's MAX_BODY_BYTES); an upload needs more. */
  bodyLimitBytes?: number;
  /** Success status: 200 by default, 201 for writes that record events. */
  status?: 200 | 201;
  /**
   * Reads are cached until the store changes (any process) or the day does: repeated reads of a 20,000-event
   * roadmap cost one indexed query instead of a fold. Writes are never cached.
   */
  cached?: boolean;
  responseDescription: string;
  handle(context: RouteContext<Q, B>): unknown;
}

/** Keeps Q and B inferred per route while the list stays one array. */
export function route<Q = Record<string, never>, B = undefined>(spec: RouteSpec<Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}
