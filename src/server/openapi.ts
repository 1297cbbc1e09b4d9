/**
 * The OpenAPI 3.1 document, generated from the route list and its zod schemas (OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, which is what `z.toJSONSchema` emits).
 */
import { z } from 'zod';
import { API_ERROR_CODES } from './http-error.js';
import type { RouteSpec } from './route.js';

type JsonObject = Record<string, unknown>;

const errorSchema: JsonObject = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: [...API_ERROR_CODES],
        },
        message: { type: 'string' },
        hint: { type: 'string' },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function jsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonObject;
  return rest;
}

function queryParameters(schema: z.ZodType): JsonObject[] {
  const object = jsonSchema(schema) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: object.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

export function buildOpenApi(
  routes: readonly RouteSpec[],
  extra: Record<string, JsonObject> = {},
): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({
      name: match[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const operation: JsonObject = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/(^|[/-])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}`,
      parameters: [...pathParams, ...(route.query ? queryParameters(route.query) : [])],
      responses: {
        [String(route.status ?? 200)]: {
          description: route.responseDescription,
          content: { 'application/json': { schema: {} } },
        },
        '400': errorResponse(
          'Malformed JSON, or a body or query that does not match the schema (names the field)',
        ),
        '403': errorResponse(
          route.method === 'get'
            ? 'A request from another origin or host (the local server only answers itself)'
            : "A request from another origin or host, or without this server start's X-Waymark-Token",
        ),
        '404': errorResponse('Unknown roadmap or item (the message lists the closest matches)'),
        '409': errorResponse('Ambiguous item reference or a conflicting change'),
        ...(route.body
          ? {
              '413': errorResponse('Body over 1 MB'),
              '415': errorResponse('A body that is not Content-Type: application/json'),
            }
          : {}),
        '503': errorResponse(
          'Another process kept the store locked (a few seconds); retry after the Retry-After seconds',
        ),
      },
    };
    if (route.method !== 'get') {
      operation.parameters = [
        ...(operation.parameters as JsonObject[]),
        {
          name: 'X-Waymark-Token',
          in: 'header',
          required: true,
          description: "This server start's token, from GET /api/session",
          schema: { type: 'string' },
        },
      ];
    }
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body) } },
      };
    }
    paths[path] = { ...paths[path], [route.method]: operation };
  }
  for (const [path, operations] of Object.entries(extra))
    paths[path] = { ...paths[path], ...(operations as object) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Waymark local API',
      version: '0.1.0',
      description:
        'The API behind the Waymark dashboard: the same use cases as the `waymark` CLI. Local mode: 127.0.0.1 only, no login.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas: { Error: errorSchema } },
  };
}
