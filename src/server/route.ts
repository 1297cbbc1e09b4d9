/**
 * A route is data: method, path, schemas and a handler that returns JSON-able data. The app registers the
 * list and the OpenAPI document is generated from the same list, so docs and validation never drift; and
 * each route keeps its types (method and path as literals, query and body from the zod schemas, the
 * handler's return), from which `api-contract.ts` derives the dashboard's API types.
 */
import type { z } from 'zod';
import type { Workspace } from '../app/workspace.js';

export type RouteMethod = 'get' | 'post' | 'put';

/** The `:name` parts of a hono path: `/api/items/:roadmapId/:nodeId` → 'roadmapId' | 'nodeId'. */
export type PathParamNames<P extends string> = P extends `${infer Head}/${infer Tail}`
  ? PathParamName<Head> | PathParamNames<Tail>
  : PathParamName<P>;
type PathParamName<S extends string> = S extends `:${infer Name}` ? Name : never;

export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

/** A query schema reads the URL's string values. */
export type QuerySchema = z.ZodType<unknown, Record<string, string>>;

/** What a handler receives once the query and body passed their schemas. */
export interface RouteContext<Q = unknown, B = unknown, Params = Record<string, string>> {
  /** A workspace for this request: the shared store, the clock read now. */
  workspace: Workspace;
  params: Params;
  query: Q;
  body: B;
  /** The learner's IANA time zone. */
  timeZone: string;
  /** The learner's date today (from the request's clock). */
  today: string;
}

/** Output type of an optional schema: what the handler sees. */
export type Parsed<S, Absent> = S extends z.ZodType ? z.output<S> : Absent;

/** A route with its types; `route()` builds one, the contract reads them back. */
export interface TypedRoute<
  M extends RouteMethod,
  P extends string,
  QS extends QuerySchema | undefined,
  BS extends z.ZodType | undefined,
  R,
> {
  method: M;
  /** Hono syntax: `/api/roadmaps/:id/tree`. */
  path: P;
  summary: string;
  tag: string;
  query?: QS;
  body?: BS;
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
  handle(context: RouteContext<Parsed<QS, Record<string, never>>, Parsed<BS, undefined>, PathParams<P>>): R;
}

/** Any route, its types erased: what the app registers and the OpenAPI document is built from. */
export interface RouteSpec {
  method: RouteMethod;
  path: string;
  summary: string;
  tag: string;
  query?: QuerySchema;
  body?: z.ZodType;
  /** The largest body this route takes (default: the app's MAX_BODY_BYTES); an upload needs more. */
  bodyLimitBytes?: number;
  status?: 200 | 201;
  cached?: boolean;
  responseDescription: string;
  handle(context: RouteContext): unknown;
}

/** Keeps the method, path, schemas and return type of each route while the list stays one array. */
export function route<
  const M extends RouteMethod,
  const P extends string,
  R,
  QS extends QuerySchema | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
>(spec: TypedRoute<M, P, QS, BS, R>): TypedRoute<M, P, QS, BS, R> {
  return spec;
}
