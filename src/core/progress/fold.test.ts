import { describe, expect, it } from 'vitest';
import { validateEvent, type WaymarkEvent } from './events.js';
import { foldEvents, nodeProgress } from './fold.js';

const T0 = Date.parse('2025-01-01T00:00:00.000Z');
const minute = (n: number) => new Date(T0 + n * 60_000).toISOString();

/** A stored log: seq 1.., `at` one minute apart unless given, one change per event unless given. */
function log(...fields: Record<string, unknown>[]): WaymarkEvent[] {
  return fields.map((f, i) =>
    validateEvent({
      id: `e${i + 1}`,
      roadmapId: 'r',
      nodeId: 'a',
      at: minute(i),
      recordedAt: minute(i),
      changeId: `c${i + 1}`,
      seq: i + 1,
      ...f,
    }),
  );
}

const statusOf = (events: WaymarkEvent[], nodeId = 'a') =>
  nodeProgress(foldEvents(events), 'r', nodeId).status;

describe('foldEvents', () => {
  it('starts every node at todo', () => {
    const state = foldEvents([]);
    expect(state.nodes.size).toBe(0);
    expect(nodeProgress(state, 'r', 'a')).toMatchObject({ status: 'todo', statusAt: undefined, minutes: 0 });
  });

  it('keeps the status with the latest `at`: a backfilled event does not override a later one', () => {
    const events = log(
      { type: 'status', status: 'doing', at: minute(10) },
      { type: 'status', status: 'done', at: minute(5) }, // "I finished it earlier": recorded later
    );
    const a = nodeProgress(foldEvents(events), 'r', 'a');
    expect(a).toMatchObject({ status: 'doing', statusAt: minute(10) });
  });

  it('breaks ties on `at` by seq', () => {
    const at = minute(3);
    expect(
      statusOf(log({ type: 'status', status: 'doing', at }, { type: 'status', status: 'done', at })),
    ).toBe('done');
  });

  it('sums logged minutes and lists sessions by `at`, loose time included', () => {
    const state = foldEvents(
      log(
        { type: 'log', minutes: 30, at: minute(9), note: 'ch. 1' },
        { type: 'log', minutes: 15, nodeId: null, at: minute(1) },
        { type: 'log', minutes: 20, nodeId: 'b', at: minute(5) },
      ),
    );
    expect(nodeProgress(state, 'r', 'a').minutes).toBe(30);
    expect(state.sessions).toEqual([
      { eventId: 'e2', roadmapId: 'r', nodeId: null, at: minute(1), minutes: 15 },
      { eventId: 'e3', roadmapId: 'r', nodeId: 'b', at: minute(5), minutes: 20 },
      { eventId: 'e1', roadmapId: 'r', nodeId: 'a', at: minute(9), minutes: 30, note: 'ch. 1' },
    ]);
  });

  it('keeps notes, evidence and reviews in `at` order and the latest estimate', () => {
    const a = nodeProgress(
      foldEvents(
        log(
          { type: 'note', text: 'second', at: minute(8) },
          { type: 'note', text: 'first', at: minute(2) },
          { type: 'evidence', kind: 'commit', ref: 'abc123' },
          { type: 'review', rating: 4 },
          { type: 'estimate', hours: 6, at: minute(9) },
          { type: 'estimate', hours: 3, at: minute(1) },
        ),
      ),
      'r',
      'a',
    );
    expect(a.notes.map((n) => n.text)).toEqual(['first', 'second']);
    expect(a.evidence).toEqual([{ eventId: 'e3', at: minute(2), kind: 'commit', ref: 'abc123' }]);
    expect(a.reviews).toEqual([{ eventId: 'e4', at: minute(3), rating: 4 }]);
    expect(a.estimateHours).toBe(6);
  });

  it('undoes a bulk change as one', () => {
    const events = log(
      { type: 'status', status: 'doing' },
      { type: 'status', status: 'done', changeId: 'bulk' },
      { type: 'status', status: 'done', nodeId: 'b', changeId: 'bulk' },
      { type: 'log', minutes: 60, changeId: 'bulk' },
      { type: 'undo', undoes: 'bulk', nodeId: null },
    );
    const state = foldEvents(events);
    expect(nodeProgress(state, 'r', 'a')).toMatchObject({ status: 'doing', minutes: 0 });
    expect(nodeProgress(state, 'r', 'b').status).toBe('todo');
    expect(state.sessions).toEqual([]);
  });

  it('undo of undo restores the change; a third undo cancels it again', () => {
    const events = log(
      { type: 'status', status: 'done' },
      { type: 'undo', undoes: 'c1', nodeId: null },
      { type: 'undo', undoes: 'c2', nodeId: null },
      { type: 'undo', undoes: 'c3', nodeId: null },
    );
    expect(statusOf(events.slice(0, 2))).toBe('todo');
    expect(statusOf(events.slice(0, 3))).toBe('done');
    expect(statusOf(events)).toBe('todo');
  });

  it('ignores an undo of a change that comes after it', () => {
    const events = log({ type: 'undo', undoes: 'c2', nodeId: null }, { type: 'status', status: 'done' });
    expect(statusOf(events)).toBe('done');
  });

  it('moves all state of a renamed node, and `from` starts afresh', () => {
    const state = foldEvents(
      log(
        { type: 'status', status: 'done' },
        { type: 'log', minutes: 25 },
        { type: 'note', text: 'moved with me' },
        { type: 'setting', key: 'pick', value: true },
        { type: 'rename', from: 'a', to: 'b' },
        { type: 'status', status: 'doing' }, // a new item now has id `a`
      ),
    );
    expect(nodeProgress(state, 'r', 'b')).toMatchObject({
      status: 'done',
      minutes: 25,
      notes: [{ text: 'moved with me' }],
      settings: { pick: true },
    });
    expect(nodeProgress(state, 'r', 'a')).toMatchObject({ status: 'doing', minutes: 0, notes: [] });
    expect(state.sessions.map((s) => s.nodeId)).toEqual(['b']);
  });

  it('merges into a target that already has progress', () => {
    const a = foldEvents(
      log(
        { type: 'status', status: 'done', nodeId: 'b' },
        { type: 'log', minutes: 10, nodeId: 'b' },
        { type: 'status', status: 'doing', at: minute(-1) }, // older than b's
        { type: 'log', minutes: 5 },
        { type: 'rename', from: 'a', to: 'b' },
      ),
    );
    expect(nodeProgress(a, 'r', 'b')).toMatchObject({ status: 'done', minutes: 15 });
  });

  it('applies the renames of one change together (a swap) and chains later ones', () => {
    const swap = log(
      { type: 'status', status: 'done', nodeId: 'a' },
      { type: 'status', status: 'skipped', nodeId: 'b' },
      { type: 'rename', from: 'a', to: 'b', changeId: 'reimport' },
      { type: 'rename', from: 'b', to: 'a', changeId: 'reimport' },
      { type: 'rename', from: 'a', to: 'c' },
    );
    expect(statusOf(swap.slice(0, 4), 'a')).toBe('skipped');
    expect(statusOf(swap.slice(0, 4), 'b')).toBe('done');
    expect(statusOf(swap, 'c')).toBe('skipped');
    expect(statusOf(swap, 'a')).toBe('todo');
  });

  it('ignores an undone rename', () => {
    const events = log(
      { type: 'status', status: 'done' },
      { type: 'rename', from: 'a', to: 'b' },
      { type: 'undo', undoes: 'c2', nodeId: null },
    );
    expect(statusOf(events, 'a')).toBe('done');
    expect(statusOf(events, 'b')).toBe('todo');
  });

  it('archives without losing progress; a rename carries progress, not the flag', () => {
    const events = log(
      { type: 'status', status: 'done' },
      { type: 'archive' },
      { type: 'rename', from: 'a', to: 'b' },
    );
    expect(nodeProgress(foldEvents(events.slice(0, 2)), 'r', 'a')).toMatchObject({
      status: 'done',
      archived: true,
    });
    expect(nodeProgress(foldEvents(events), 'r', 'b')).toMatchObject({ status: 'done', archived: false });
  });

  it('brings an archived node back in place, or into a target that was archived itself', () => {
    const back = log(
      { type: 'status', status: 'done' },
      { type: 'archive' },
      { type: 'rename', from: 'a', to: 'a' },
    );
    expect(nodeProgress(foldEvents(back), 'r', 'a')).toMatchObject({ status: 'done', archived: false });
    const into = log(
      { type: 'log', minutes: 30 },
      { type: 'archive' },
      { type: 'status', status: 'done', nodeId: 'b' },
      { type: 'archive', nodeId: 'b' },
      { type: 'rename', from: 'a', to: 'b' },
    );
    expect(nodeProgress(foldEvents(into), 'r', 'b')).toMatchObject({
      status: 'done',
      minutes: 30,
      archived: false,
    });
  });

  it('keeps the latest roadmap-wide and node settings', () => {
    const state = foldEvents(
      log(
        { type: 'setting', key: 'capacity', value: { weekday: 2 }, nodeId: null, at: minute(5) },
        { type: 'setting', key: 'capacity', value: { weekday: 1 }, nodeId: null, at: minute(4) },
        { type: 'setting', key: 'goal', value: '2025-06-30', nodeId: null },
        { type: 'setting', key: 'chosen', value: ['x'] },
      ),
    );
    expect(state.settings.get('r')).toEqual({ capacity: { weekday: 2 }, goal: '2025-06-30' });
    expect(nodeProgress(state, 'r', 'a').settings).toEqual({ chosen: ['x'] });
  });

  it('keeps roadmaps apart and does not depend on input order', () => {
    const events = log(
      { type: 'status', status: 'done' },
      { type: 'status', status: 'doing', roadmapId: 'other' },
      { type: 'rename', from: 'a', to: 'b', roadmapId: 'other' },
      { type: 'undo', undoes: 'c1', nodeId: null },
      { type: 'undo', undoes: 'c4', nodeId: null },
    );
    const state = foldEvents([...events].reverse());
    expect(nodeProgress(state, 'r', 'a').status).toBe('done');
    expect(nodeProgress(state, 'other', 'b').status).toBe('doing');
    expect(nodeProgress(state, 'other', 'a').status).toBe('todo');
    expect(foldEvents(events)).toEqual(state);
  });

  it('folds 20,000 events in a few milliseconds', () => {
    const types = [
      { type: 'status', status: 'doing' },
      { type: 'log', minutes: 30 },
      { type: 'status', status: 'done' },
      { type: 'note', text: 'ok' },
    ];
    const events = log(
      ...Array.from({ length: 20_000 }, (_, i) => ({
        ...types[i % types.length],
        nodeId: `n${i % 2000}`,
        at: minute((i * 7919) % 20_000), // backfilled times all over the place
        ...(i % 100 === 99 ? { type: 'undo', undoes: `c${i - 3}`, nodeId: null, text: undefined } : {}),
      })),
    );
    let ms = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      foldEvents(events);
      ms = Math.min(ms, performance.now() - start); // best of 5: the JIT warmed up, GC pauses left out
    }
    console.info(`fold: 20,000 events in ${ms.toFixed(1)} ms`);
    // 2,000 nodes, less 20 that only get undo events and 20 whose events are all undone.
    expect(foldEvents(events).nodes.get('r')?.size).toBe(1960);
    expect(ms).toBeLessThan(250); // about 10 ms alone; the bound only catches quadratic regressions (seconds)
  });
});
