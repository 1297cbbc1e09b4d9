import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewEvent } from '../core/progress/events.js';
import { foldEvents } from '../core/progress/fold.js';
import type { Store } from '../store/port.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { foldedState, parseState, serializeState } from './folded-state.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-fold-cache-'));
  store = openSqliteStore(join(dir, 'store.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const event = (body: Partial<NewEvent>): NewEvent =>
  ({
    id: `e${++n}`,
    changeId: `c${n}`,
    roadmapId: 'r',
    nodeId: '1.1',
    at: new Date(Date.UTC(2026, 0, 1, 8, n)).toISOString(),
    ...(body.type === undefined ? { type: 'status', status: 'done' } : {}),
    ...body,
  }) as NewEvent;

describe('foldedState', () => {
  it('equals a fresh fold, before and after the cache is warm, and never serves a stale state', () => {
    store.appendEvents([
      event({}),
      event({ type: 'log', minutes: 30, nodeId: null } as Partial<NewEvent>),
      event({ type: 'note', text: 'ok' } as Partial<NewEvent>),
      event({ type: 'setting', nodeId: null, key: 'capacity', value: { mon: 2 } } as Partial<NewEvent>),
    ]);
    const fresh = () => foldEvents(store.listEvents({ roadmapId: 'r' }));
    expect(foldedState(store, 'r')).toEqual(fresh());
    expect(foldedState(store, 'r')).toEqual(fresh()); // from the cache
    store.appendEvents([event({ status: 'doing' })]);
    const after = foldedState(store, 'r');
    expect(after.nodes.get('r')?.get('1.1')?.status).toBe('doing');
    expect(after).toEqual(fresh());
  });

  it('round-trips a state through its serialized form, and treats a damaged entry as a miss', () => {
    store.appendEvents([
      event({}),
      event({ type: 'evidence', kind: 'link', ref: 'https://x.org' } as Partial<NewEvent>),
    ]);
    const state = foldEvents(store.listEvents());
    expect(parseState(serializeState(state))).toEqual(state);
    expect(parseState('{not json')).toBeUndefined();
  });
});

describe('buildStatus with a cache tag', () => {
  it('serves the cached status only while neither the events nor the roadmap changed', async () => {
    const { buildStatus } = await import('./progress-view.js');
    const { effortWeights } = await import('./effort.js');
    const model = {
      id: 'r',
      title: 'R',
      nodes: [
        {
          id: '1',
          title: 'One',
          kind: 'topic',
          trackable: true,
          checked: false,
          source: { line: 1 },
          children: [],
        },
      ],
    };
    store.saveRoadmap({
      id: 'r',
      title: 'R',
      sha256: 'a'.repeat(64),
      model,
      importedAt: '2026-01-01T00:00:00.000Z',
    });
    const status = () => buildStatus(store, effortWeights, 'r', 'test')[0];
    expect(status()?.nodes[0]?.status).toBe('todo');
    expect(status()?.nodes[0]?.status).toBe('todo');
    store.appendEvents([event({ nodeId: '1' })]);
    expect(status()?.nodes[0]?.status).toBe('done');
    const renamed = { ...model, nodes: [{ ...model.nodes[0], title: 'Renamed' }] };
    store.saveRoadmap({
      id: 'r',
      title: 'R',
      sha256: 'b'.repeat(64),
      model: renamed,
      importedAt: '2026-01-02T00:00:00.000Z',
    });
    expect(status()?.nodes[0]?.title).toBe('Renamed');
    expect(status()).toEqual(buildStatus(store, effortWeights, 'r')[0]);
  });
});
