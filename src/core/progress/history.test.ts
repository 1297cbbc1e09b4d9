import { describe, expect, it } from 'vitest';
import { validateEvent, type WaymarkEvent } from './events.js';
import { historyOf } from './history.js';

const minute = (n: number) => new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString();

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

const ids = (entries: ReturnType<typeof historyOf>) =>
  entries.map((h) => (h.undone ? `~${h.event.id}` : h.event.id));

describe('historyOf', () => {
  it('lists the node’s events by `at`, undone ones flagged', () => {
    const events = log(
      { type: 'status', status: 'doing' },
      { type: 'log', minutes: 20, at: minute(-5) }, // backfilled
      { type: 'status', status: 'done' },
      { type: 'undo', undoes: 'c3', nodeId: null },
      { type: 'note', text: 'elsewhere', nodeId: 'z' },
      { type: 'note', text: 'other roadmap', roadmapId: 'r2' },
    );
    expect(ids(historyOf(events, 'r', 'a'))).toEqual(['e2', 'e1', '~e3']);
  });

  it('follows renames: events of the old id before the rename, not after', () => {
    const events = log(
      { type: 'status', status: 'done', nodeId: 'old' },
      { type: 'note', text: 'mine already', nodeId: 'new' },
      { type: 'rename', from: 'old', to: 'new' },
      { type: 'status', status: 'doing', nodeId: 'old' }, // a different item now owns `old`
      { type: 'log', minutes: 5, nodeId: 'new' },
    );
    expect(ids(historyOf(events, 'r', 'new'))).toEqual(['e1', 'e2', 'e3', 'e5']);
    expect(ids(historyOf(events, 'r', 'old'))).toEqual(['e3', 'e4']);
  });

  it('treats the renames of one change as a swap and ignores undone renames', () => {
    const events = log(
      { type: 'note', text: 'A', nodeId: 'a' },
      { type: 'note', text: 'B', nodeId: 'b' },
      { type: 'rename', from: 'a', to: 'b', changeId: 'swap' },
      { type: 'rename', from: 'b', to: 'a', changeId: 'swap' },
      { type: 'rename', from: 'a', to: 'x' },
      { type: 'undo', undoes: 'c5', nodeId: null },
    );
    expect(ids(historyOf(events, 'r', 'a'))).toEqual(['e2', 'e3', 'e4', '~e5']);
    expect(ids(historyOf(events, 'r', 'x'))).toEqual(['~e5']);
  });
});
