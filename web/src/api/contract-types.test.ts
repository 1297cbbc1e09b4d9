/**
 * The dashboard's API types are the server's: checked by `tsc -p web/tsconfig.json` (the `@ts-expect-error`
 * lines fail the type check if they stop being errors) and by vitest's expectTypeOf. Nothing here talks to a
 * server: the calls sit in functions that are never called.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { roadmapSummaries } from '../../../src/app/overview-view';
import type { settingsView } from '../../../src/app/planning-service';
import type { ApiContract, ApiResponse, Jsonified } from '../../../src/server/api-contract';
import { api, apiPath } from './client';
import type { RoadmapSummary, Settings, StatusNode } from './types';

describe('the API contract the dashboard compiles against', () => {
  it('names every route by method and path', () => {
    expectTypeOf<keyof ApiContract>().toExtend<`${'GET' | 'POST' | 'PUT'} /api/${string}`>();
    expectTypeOf<'GET /api/roadmaps'>().toExtend<keyof ApiContract>();
    expectTypeOf<'PUT /api/settings/:roadmapId'>().toExtend<keyof ApiContract>();
  });

  it("gives the dashboard's names the server's answers, as JSON", () => {
    expectTypeOf<RoadmapSummary>().toEqualTypeOf<Jsonified<ReturnType<typeof roadmapSummaries>[number]>>();
    expectTypeOf<Settings>().toEqualTypeOf<Jsonified<ReturnType<typeof settingsView>>>();
    expectTypeOf<StatusNode['children'][number]['title']>().toEqualTypeOf<string>();
  });

  it('infers the answer from the path, parameters and query included', () => {
    const reads = () => ({
      roadmaps: api.get('/api/roadmaps'),
      tree: api.get(`/api/roadmaps/${'id'}/tree`),
      journal: api.get(apiPath('/api/journal', { limit: 10 })),
    });
    expectTypeOf<Awaited<ReturnType<typeof reads>['roadmaps']>>().toEqualTypeOf<RoadmapSummary[]>();
    expectTypeOf<Awaited<ReturnType<typeof reads>['tree']>>().toEqualTypeOf<
      ApiResponse<'GET /api/roadmaps/:id/tree'>
    >();
    expectTypeOf<Awaited<ReturnType<typeof reads>['journal']>['total']>().toEqualTypeOf<number>();
    // The journal's cursors: the `before` of the older and newer pages.
    expectTypeOf<Awaited<ReturnType<typeof reads>['journal']>['next']>().toEqualTypeOf<string | null>();
    expectTypeOf<Awaited<ReturnType<typeof reads>['journal']>['newer']>().toEqualTypeOf<string | null>();
  });

  it('refuses, at compile time, what the server would refuse or does not have', () => {
    const wrong = () => [
      // @ts-expect-error: no such route
      api.get('/api/roadmap'),
      // @ts-expect-error: the note schema has `text`, not `note`
      api.post('/api/notes', { item: 'r:1', note: 'typo' }),
      // @ts-expect-error: a status the schema does not allow
      api.post('/api/status', { items: ['r:1'], status: 'finished' }),
      // @ts-expect-error: settings are PUT, not POST
      api.post('/api/settings/r', {}),
    ];
    const fields = (summary: RoadmapSummary) => {
      // @ts-expect-error: a field the server does not send
      return summary.progress.percent;
    };
    expectTypeOf(wrong).toBeFunction();
    expectTypeOf(fields).toBeFunction();
  });
});
