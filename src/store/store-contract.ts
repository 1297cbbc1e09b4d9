/**
 * The behaviour every Store adapter must have. An adapter's test file calls `describeStoreContract` with a
 * factory that makes a fresh, empty store per test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaymarkError } from '../core/errors.js';
import type { NewEvent, WaymarkEvent } from '../core/progress/events.js';
import type { RoadmapRecord, Store } from './port.js';

export interface StoreFixture {
  store: Store;
  cleanup(): Promise<void>;
}

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 8, minute)).toISOString();

function status(id: string, changeId: string, extra: Partial<NewEvent> = {}): NewEvent {
  return {
    id,
    roadmapId: 'r',
    nodeId: 'n1',
    at: at(0),
    changeId,
    type: 'status',
    status: 'done',
    ...extra,
  } as NewEvent;
}

function undo(id: string, changeId: string, undoes: string, roadmapId = 'r'): NewEvent {
  return { id, roadmapId, nodeId: null, at: at(1), changeId, type: 'undo', undoes };
}

function roadmap(id: string, importedAt: string, title = `Roadmap ${id}`): RoadmapRecord {
  return { id, title, sha256: 'a'.repeat(64), model: { id, nodes: [{ id: '1', children: [] }] }, importedAt };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof WaymarkError ? error.code : `not a WaymarkError: ${String(error)}`;
  }
  return undefined;
}

export function describeStoreContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: Store;
    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('gives a stamp of the events that changes with every append, per roadmap or for all', () => {
      const empty = store.eventStamp();
      store.appendEvents([status('e1', 'c1')]);
      const one = store.eventStamp();
      expect(one).not.toBe(empty);
      expect(store.eventStamp({ roadmapId: 'r' })).not.toBe(store.eventStamp({ roadmapId: 'other' }));
      const otherBefore = store.eventStamp({ roadmapId: 'other' });
      store.appendEvents([status('e2', 'c2')]);
      expect(store.eventStamp()).not.toBe(one);
      expect(store.eventStamp({ roadmapId: 'other' })).toBe(otherBefore);
    });

    it('keeps derived values with their stamp and replaces them', () => {
      expect(store.readCache('k')).toBeUndefined();
      store.writeCache('k', 's1', 'v1');
      expect(store.readCache('k')).toEqual({ stamp: 's1', value: 'v1' });
      store.writeCache('k', 's2', 'v2');
      expect(store.readCache('k')).toEqual({ stamp: 's2', value: 'v2' });
    });

    it('restores backed-up events exactly, seq and recordedAt included, into an empty store', () => {
      const source = [status('e1', 'c1'), status('e2', 'c2', { status: 'doing' }), undo('e3', 'c3', 'c2')];
      const backedUp = source.map((e, i) => ({
        ...e,
        seq: (i + 1) * 10,
        recordedAt: at(30 + i),
      })) as WaymarkEvent[];
      store.restoreEvents(backedUp);
      expect(store.listEvents()).toEqual(backedUp);
      expect(store.lastChange()).toBe('c1');
      const next = store.appendEvents([status('e4', 'c4')]);
      expect(next[0]?.seq).toBeGreaterThan(30);
    });

    it('refuses to restore into a store that has events, or a backup out of order, storing nothing', () => {
      const backedUp = [{ ...status('e1', 'c1'), seq: 2, recordedAt: at(5) }] as WaymarkEvent[];
      const outOfOrder = [
        { ...status('e1', 'c1'), seq: 2, recordedAt: at(5) },
        { ...status('e2', 'c2'), seq: 1, recordedAt: at(6) },
      ] as WaymarkEvent[];
      expect(codeOf(() => store.restoreEvents(outOfOrder))).toBe('INPUT');
      expect(store.listEvents()).toEqual([]);
      store.appendEvents([status('x1', 'cx')]);
      expect(codeOf(() => store.restoreEvents(backedUp))).toBe('CONFLICT');
      expect(store.listEvents().map((e) => e.id)).toEqual(['x1']);
    });

    it('appends and lists events in order, with seq and recordedAt assigned', () => {
      const before = Date.now();
      const stored = store.appendEvents([status('e1', 'c1'), status('e2', 'c1', { nodeId: 'n2' })]);
      expect(stored.map((e) => e.id)).toEqual(['e1', 'e2']);
      const recorded = Date.parse(stored[0]?.recordedAt ?? '');
      expect(recorded).toBeGreaterThanOrEqual(before - 1000);
      expect(recorded).toBeLessThanOrEqual(Date.now() + 1000);
      expect(store.listEvents()).toEqual(stored);
      expect(store.appendEvents([])).toEqual([]);
    });

    it('keeps seq strictly increasing and filters by roadmap and seq', () => {
      const first = store.appendEvents([status('e1', 'c1'), status('e2', 'c1')]);
      const second = store.appendEvents([status('e3', 'c2', { roadmapId: 'other' }), status('e4', 'c3')]);
      const seqs = [...first, ...second].map((e) => e.seq ?? 0);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] as number);
      expect(store.listEvents({ roadmapId: 'other' }).map((e) => e.id)).toEqual(['e3']);
      expect(store.listEvents({ sinceSeq: first[1]?.seq }).map((e) => e.id)).toEqual(['e3', 'e4']);
      expect(store.listEvents({ roadmapId: 'r', sinceSeq: first[0]?.seq }).map((e) => e.id)).toEqual([
        'e2',
        'e4',
      ]);
    });

    it('round-trips every event type and unicode text', () => {
      const events: NewEvent[] = [
        status('s', 'c', { status: 'skipped' }),
        {
          id: 'l',
          roadmapId: 'r',
          nodeId: null,
          at: at(1),
          changeId: 'c',
          type: 'log',
          minutes: 90,
          note: '🎯 深度学习',
        },
        {
          id: 'n',
          roadmapId: 'r',
          nodeId: 'Aurélien/Géron',
          at: at(2),
          changeId: 'c',
          type: 'note',
          text: 'e\u0301 ✓ \u{1F600}',
        },
        {
          id: 'v',
          roadmapId: 'r',
          nodeId: 'n1',
          at: at(3),
          changeId: 'c',
          type: 'evidence',
          kind: 'link',
          ref: 'https://ex.am/ple?q=ü',
        },
        { id: 'h', roadmapId: 'r', nodeId: 'n1', at: at(4), changeId: 'c', type: 'estimate', hours: 2.5 },
        {
          id: 'm',
          roadmapId: 'r',
          nodeId: 'n1',
          at: at(5),
          changeId: 'c',
          type: 'rename',
          from: 'n1',
          to: 'n2',
        },
        { id: 'a', roadmapId: 'r', nodeId: 'n3', at: at(6), changeId: 'c', type: 'archive' },
        {
          id: 'g',
          roadmapId: 'r',
          nodeId: null,
          at: at(7),
          changeId: 'c',
          type: 'setting',
          key: 'capacity',
          value: { mon: [1, 2], note: null },
        },
        { id: 'w', roadmapId: 'r', nodeId: 'n2', at: at(8), changeId: 'c', type: 'review', rating: 2 },
        { id: 'u', roadmapId: 'r', nodeId: null, at: at(9), changeId: 'd', type: 'undo', undoes: 'c' },
      ];
      const stored = store.appendEvents(events);
      expect(store.listEvents()).toEqual(stored);
      stored.forEach((e, i) => {
        expect(e).toEqual({ ...events[i], recordedAt: e.recordedAt, seq: e.seq });
      });
    });

    it('refuses an invalid event or a duplicate id, and stores nothing of that batch', () => {
      store.appendEvents([status('e1', 'c1')]);
      const invalid = { ...status('x', 'c2'), minutes: 5 } as NewEvent;
      expect(codeOf(() => store.appendEvents([status('ok', 'c2'), invalid]))).toBe('INPUT');
      expect(codeOf(() => store.appendEvents([status('e2', 'c3'), status('e1', 'c3')]))).toBe('CONFLICT');
      expect(store.listEvents().map((e) => e.id)).toEqual(['e1']);
    });

    it('rolls a transaction back entirely when it throws, and commits when it returns', () => {
      store.saveRoadmap(roadmap('keep', at(0)));
      expect(() =>
        store.transaction(() => {
          store.appendEvents([status('e1', 'c1')]);
          store.saveRoadmap(roadmap('gone', at(1)));
          store.saveRoadmap(roadmap('keep', at(1), 'changed'));
          store.setSyncBase('keep', { checked: { a: true }, sha256: 'b'.repeat(64), syncedAt: at(1) });
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(store.listEvents()).toEqual([]);
      expect(store.listRoadmaps().map((r) => r.title)).toEqual(['Roadmap keep']);
      expect(store.getSyncBase('keep')).toBeUndefined();

      const result = store.transaction(() => {
        store.appendEvents([status('e2', 'c2')]);
        return store.transaction(() => store.appendEvents([status('e3', 'c2')]).length); // nested
      });
      expect(result).toBe(1);
      expect(store.listEvents().map((e) => e.id)).toEqual(['e2', 'e3']);
      // The ids of a rolled-back append can be used again.
      expect(store.appendEvents([status('e1', 'c3')])).toHaveLength(1);
    });

    it('runs reads in one read transaction, returning what they return, inside a write one too', () => {
      store.appendEvents([status('e1', 'c1')]);
      expect(store.readTransaction(() => store.listEvents().map((e) => e.id))).toEqual(['e1']);
      expect(() =>
        store.readTransaction(() => {
          throw new Error('read failed');
        }),
      ).toThrow('read failed');
      const inside = store.transaction(() => {
        store.appendEvents([status('e2', 'c2')]);
        return store.readTransaction(() => store.listEvents().length); // sees the transaction's own write
      });
      expect(inside).toBe(2);
    });

    it('keeps whether a source path awaits confirmation, and forgets it when saved confirmed', () => {
      const pending = { ...roadmap('p', at(0)), sourcePath: '/home/ada/plan.md', sourceUnconfirmed: true };
      store.saveRoadmap(pending);
      expect(store.getRoadmap('p')).toEqual(pending);
      const { sourceUnconfirmed: _pending, ...confirmed } = pending;
      store.saveRoadmap(confirmed);
      expect(store.getRoadmap('p')).toEqual(confirmed);
      // Without a path there is nothing to confirm.
      store.saveRoadmap({ ...roadmap('q', at(1)), sourceUnconfirmed: true });
      expect(store.getRoadmap('q')?.sourceUnconfirmed).toBeUndefined();
    });

    it('saves, gets, lists, overwrites and removes roadmaps', () => {
      expect(store.getRoadmap('x')).toBeUndefined();
      expect(store.listRoadmaps()).toEqual([]);
      const b = { ...roadmap('b', at(0)), sourcePath: '/home/ada/roadmaps/ml — ünïcode.md' };
      store.saveRoadmap(b);
      store.saveRoadmap(roadmap('a', at(5)));
      expect(store.getRoadmap('b')).toEqual(b);
      expect(store.listRoadmaps().map((r) => r.id)).toEqual(['b', 'a']);

      const updated = { ...roadmap('b', at(9), 'Renamed'), model: { nodes: [] } };
      store.saveRoadmap(updated);
      expect(store.getRoadmap('b')).toEqual(updated); // sourcePath gone: the record was replaced
      expect(store.listRoadmaps().map((r) => r.id)).toEqual(['a', 'b']);

      store.appendEvents([status('e1', 'c1', { roadmapId: 'a' })]);
      store.setSyncBase('a', { checked: {}, sha256: 'c'.repeat(64), syncedAt: at(1) });
      expect(store.removeRoadmap('a')).toBe(true);
      expect(store.removeRoadmap('a')).toBe(false);
      expect(store.getRoadmap('a')).toBeUndefined();
      expect(store.getSyncBase('a')).toBeUndefined();
      expect(store.listEvents({ roadmapId: 'a' })).toHaveLength(1); // the log is append-only
    });

    it('round-trips sync bases', () => {
      expect(store.getSyncBase('r')).toBeUndefined();
      const base = {
        checked: { '1.1': true, '1.2': false, 'ß/ü': true },
        sha256: 'd'.repeat(64),
        syncedAt: at(3),
      };
      store.setSyncBase('r', base);
      expect(store.getSyncBase('r')).toEqual(base);
      const next = { checked: {}, sha256: 'e'.repeat(64), syncedAt: at(4) };
      store.setSyncBase('r', next);
      expect(store.getSyncBase('r')).toEqual(next);
    });

    it('finds the last change, skipping undone changes and undo-only changes', () => {
      expect(store.lastChange()).toBeUndefined();
      store.appendEvents([status('e1', 'c1'), status('e2', 'c2'), status('e3', 'c2', { nodeId: 'n2' })]);
      store.appendEvents([status('e4', 'x1', { roadmapId: 'other' })]);
      expect(store.lastChange()).toBe('x1');
      expect(store.lastChange('r')).toBe('c2');
      store.appendEvents([undo('u1', 'u1', 'c2')]);
      expect(store.lastChange('r')).toBe('c1'); // a second undo walks further back, it does not redo
      store.appendEvents([undo('u2', 'u2', 'c1')]);
      expect(store.lastChange('r')).toBeUndefined();
      store.appendEvents([undo('u3', 'u3', 'u1')]); // redo of c2
      expect(store.lastChange('r')).toBe('c2');
      expect(store.lastChange('nope')).toBeUndefined();
    });

    it('changes its change mark on every append, import, re-import and removal, and only then', () => {
      const empty = store.changeMark();
      expect(empty.seq).toBe(0);
      expect(store.changeMark()).toEqual(empty);
      const [stored] = store.appendEvents([status('m1', 'm1')]);
      const afterAppend = store.changeMark();
      expect(afterAppend.seq).toBe(stored?.seq);
      store.listEvents();
      expect(store.changeMark()).toEqual(afterAppend);
      store.saveRoadmap(roadmap('a', at(1)));
      const afterImport = store.changeMark();
      expect(afterImport.roadmaps).not.toBe(afterAppend.roadmaps);
      store.saveRoadmap({ ...roadmap('a', at(1)), sha256: 'b'.repeat(64) });
      const afterReimport = store.changeMark();
      expect(afterReimport.roadmaps).not.toBe(afterImport.roadmaps);
      store.removeRoadmap('a');
      expect(store.changeMark().roadmaps).toBe(empty.roadmaps);
      expect(store.changeMark().seq).toBe(afterAppend.seq);
    });

    it('appends 10,000 events in one call', () => {
      const events = Array.from({ length: 10_000 }, (_, i) =>
        status(`bulk-${i}`, 'bulk', { nodeId: `node-${i % 500}`, at: at(i % 60) }),
      );
      const stored = store.appendEvents(events);
      expect(stored).toHaveLength(10_000);
      const listed = store.listEvents();
      expect(listed).toHaveLength(10_000);
      expect(listed[9_999]?.id).toBe('bulk-9999');
      expect(new Set(listed.map((e) => e.seq)).size).toBe(10_000);
    });
  });
}
