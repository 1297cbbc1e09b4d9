/**
 * The API's shapes as types, read from the route list itself (type-only: nothing here exists at run time, so
 * the dashboard imports it with `import type` and bundles no server code). A route's answer is its handler's
 * return type, its body and query are the zod schemas' input types: rename a field a view returns and every
 * dashboard page that reads it fails `tsc -p web/tsconfig.json`.
 */
import type { z } from 'zod';
import type { RouteMethod, TypedRoute } from './route.js';
import type { ApiRoute } from './routes/index.js';

/** `GET /api/roadmaps/:id/tree`: the key of a route in the contract. */
export type RouteKey<R> =
  R extends TypedRoute<infer M, infer P, infer _Q, infer _B, infer _R> ? `${Uppercase<M>} ${P}` : never;

/** What a client sends for an optional schema (nothing when the route has none). */
type Input<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What JSON.stringify makes of a value: dates become strings, functions and undefined fields vanish. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends string | number | boolean | null
    ? T
    : T extends (...args: never[]) => unknown
      ? never
      : T extends readonly (infer E)[]
        ? Jsonified<E>[]
        : T extends object
          ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Jsonified<T[K]> }
          : T;

interface Entry<R> {
  method: R extends TypedRoute<infer M, string, infer _Q, infer _B, infer _R> ? M : never;
  /** The hono pattern, `:name` for a path parameter. */
  path: R extends TypedRoute<RouteMethod, infer P, infer _Q, infer _B, infer _R> ? P : never;
  response: R extends TypedRoute<RouteMethod, string, infer _Q, infer _B, infer Answer>
    ? Jsonified<Awaited<Answer>>
    : never;
  body: R extends TypedRoute<RouteMethod, string, infer _Q, infer B, infer _R> ? Input<B> : never;
  query: R extends TypedRoute<RouteMethod, string, infer Q, infer _B, infer _R> ? Input<Q> : never;
}

/** Every JSON route: `'GET /api/roadmaps'` → { method, path, response, body, query }. */
export type ApiContract = { [R in ApiRoute as RouteKey<R>]: Entry<R> };

export type ApiRouteKey = keyof ApiContract;
export type ApiResponse<K extends ApiRouteKey> = ApiContract[K]['response'];
export type ApiBody<K extends ApiRouteKey> = ApiContract[K]['body'];
export type ApiQuery<K extends ApiRouteKey> = ApiContract[K]['query'];

/** The route patterns of one method: `ApiPattern<'GET'>` is '/api/roadmaps' | '/api/roadmaps/:id/tree' | … */
export type ApiPattern<M extends 'GET' | 'POST' | 'PUT'> = {
  [K in ApiRouteKey]: K extends `${M} ${infer P}` ? P : never;
}[ApiRouteKey];

/** A pattern as the paths a client may request: each `:name` any one segment, then an optional query. */
export type ConcretePath<P extends string> = P extends `${infer Head}/:${infer _Name}/${infer Tail}`
  ? `${Head}/${string}${ConcretePath<`/${Tail}`>}`
  : P extends `${infer Head}/:${infer _Name}`
    ? `${Head}/${string}`
    : P;

/** The pattern a requested path belongs to (never when none does). */
export type PatternOf<M extends 'GET' | 'POST' | 'PUT', Path extends string> = {
  [P in ApiPattern<M>]: Path extends ConcretePath<P> | `${ConcretePath<P>}?${string}` ? P : never;
}[ApiPattern<M>];

/** The answer to `M Path` for a path as the client writes it (`/api/roadmaps/${id}/tree?x=1`). */
export type ResponseAt<
  M extends 'GET' | 'POST' | 'PUT',
  Path extends string,
> = `${M} ${PatternOf<M, Path>}` extends infer K extends ApiRouteKey ? ApiResponse<K> : never;

/** The body `M Path` takes. */
export type BodyAt<
  M extends 'GET' | 'POST' | 'PUT',
  Path extends string,
> = `${M} ${PatternOf<M, Path>}` extends infer K extends ApiRouteKey ? ApiBody<K> : never;
