import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { NewEvent } from '../core/progress/events.js';
import type { Store } from '../store/port.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { withEventsCache } from './events-cache.js';

let dir: string;
let raw: Store;
let other: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-events-cache-'));
  raw = openSqliteStore(join(dir, 'store.db'));
  other = openSqliteStore(join(dir, 'store.db')); // another process, in effect
});
afterEach(() => {
  raw.close();
  other.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const log = (roadmapId: string): NewEvent => {
  n++;
  return {
    id: `e${n}`,
    changeId: `c${n}`,
    roadmapId,
    nodeId: null,
    at: '2026-11-20T12:00:00.000Z',
    type: 'log',
    minutes: n,
  };
};
const ids = (events: { id: string }[]) => events.map((event) => event.id);

it('answers as the store does, for all events, one roadmap and since a seq', () => {
  const store = withEventsCache(raw);
  raw.appendEvents([log('a'), log('b'), log('a')]);
  expect(store.listEvents()).toEqual(raw.listEvents());
  expect(store.listEvents({ roadmapId: 'a' })).toEqual(raw.listEvents({ roadmapId: 'a' }));
  expect(store.listEvents({ sinceSeq: 1 })).toEqual(raw.listEvents({ sinceSeq: 1 }));
  expect(store.listEvents({ roadmapId: 'b', sinceSeq: 1 })).toEqual(
    raw.listEvents({ roadmapId: 'b', sinceSeq: 1 }),
  );
});

it('reads the log once while nothing changes, and sees a write by this store or another connection', () => {
  const store = withEventsCache(raw);
  store.appendEvents([log('a')]);
  const first = store.listEvents();
  expect(store.listEvents()[0]).toBe(first[0]); // the same parsed event: not read again
  other.appendEvents([log('b')]);
  expect(ids(store.listEvents())).toEqual(ids(raw.listEvents()));
  store.appendEvents([log('a')]);
  expect(ids(store.listEvents({ roadmapId: 'a' }))).toEqual(ids(raw.listEvents({ roadmapId: 'a' })));
  // Callers get their own array.
  store.listEvents().pop();
  expect(store.listEvents()).toHaveLength(3);
});

it('never keeps what a rolled-back transaction read', () => {
  const store = withEventsCache(raw);
  store.appendEvents([log('a')]);
  expect(() =>
    store.transaction(() => {
      store.appendEvents([log('a')]);
      expect(store.listEvents()).toHaveLength(2);
      throw new Error('roll back');
    }),
  ).toThrow('roll back');
  expect(store.listEvents()).toHaveLength(1);
  // A later write that takes the rolled-back seq is read afresh.
  other.appendEvents([log('b')]);
  expect(ids(store.listEvents())).toEqual(ids(raw.listEvents()));
});
