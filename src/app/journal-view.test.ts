import { describe, expect, it } from 'vitest';
import { finalNodeIds } from './final-node-ids.js';
import { journalView } from './journal-view.js';
import { events, node, roadmap } from './view-fixtures.test-helpers.js';

const r = roadmap('r', [node('p', 'phase', [node('a', 'topic'), node('b', 'topic')]), node('c', 'topic')]);

describe('journalView', () => {
  const log = events(
    { type: 'status', nodeId: 'a', status: 'doing', at: '2026-11-18T09:00:00.000Z' },
    { type: 'log', nodeId: 'a', minutes: 45, note: 'vectors', at: '2026-11-18T10:00:00.000Z' },
    { type: 'note', nodeId: 'b', text: 'read the chapter', at: '2026-11-19T21:30:00.000Z' },
    { type: 'log', nodeId: null, minutes: 20, at: '2026-11-19T22:30:00.000Z' },
    {
      type: 'evidence',
      nodeId: 'c',
      kind: 'link',
      ref: 'https://example.org',
      at: '2026-11-20T08:00:00.000Z',
    },
    { type: 'estimate', nodeId: 'c', hours: 3, at: '2026-11-20T08:30:00.000Z' },
    { type: 'status', nodeId: 'c', status: 'done', at: '2026-11-20T09:00:00.000Z', changeId: 'oops' },
    { type: 'undo', nodeId: null, undoes: 'oops', at: '2026-11-20T09:01:00.000Z' },
  );

  it('lists sessions, notes, status changes and evidence newest first, leaving out undone changes and other types', () => {
    const { entries, total } = journalView([r], log, {}, 'UTC');
    expect(total).toBe(5);
    expect(entries.map((e) => [e.type, e.nodeId])).toEqual([
      ['evidence', 'c'],
      ['log', null],
      ['note', 'b'],
      ['log', 'a'],
      ['status', 'a'],
    ]);
    expect(entries[0]).toMatchObject({ title: 'Title c', ref: 'https://example.org', kind: 'link' });
    expect(entries[1]).toMatchObject({ title: null, minutes: 20 });
    expect(entries[3]).toMatchObject({ minutes: 45, text: 'vectors' });
    expect(entries[4]).toMatchObject({ status: 'doing' });
  });

  it('filters by an item and everything beneath it, by type, and limits to the newest', () => {
    const phase = journalView([r], log, { item: { roadmapId: 'r', nodeId: 'p' } }, 'UTC');
    expect(phase.entries.map((e) => e.nodeId)).toEqual(['b', 'a', 'a']);
    const notes = journalView([r], log, { types: ['note', 'evidence'] }, 'UTC');
    expect(notes.entries.map((e) => e.type)).toEqual(['evidence', 'note']);
    const newest = journalView([r], log, { limit: 2 }, 'UTC');
    expect(newest.entries).toHaveLength(2);
    expect(newest.total).toBe(5);
  });

  it('filters by calendar dates in the learner time zone', () => {
    // 21:30 and 22:30 UTC on the 19th are the 20th in Tokyo.
    const utc = journalView([r], log, { from: '2026-11-19', to: '2026-11-19' }, 'UTC');
    expect(utc.entries.map((e) => e.type)).toEqual(['log', 'note']);
    const tokyo = journalView([r], log, { from: '2026-11-20', to: '2026-11-20' }, 'Asia/Tokyo');
    expect(tokyo.entries.map((e) => e.type)).toEqual(['evidence', 'log', 'note']);
  });

  it('shows the events of a moved item under its new id', () => {
    const moved = roadmap('r', [node('p', 'phase', [node('a2', 'topic')])]);
    const renamed = events(
      { type: 'note', nodeId: 'a', text: 'before the move', at: '2026-11-18T09:00:00.000Z' },
      { type: 'rename', nodeId: null, from: 'a', to: 'a2', at: '2026-11-19T09:00:00.000Z' },
      { type: 'note', nodeId: 'a2', text: 'after', at: '2026-11-20T09:00:00.000Z' },
    );
    const { entries } = journalView([moved], renamed, {}, 'UTC');
    expect(entries.map((e) => [e.nodeId, e.title])).toEqual([
      ['a2', 'Title a2'],
      ['a2', 'Title a2'],
    ]);
  });
});

describe('finalNodeIds', () => {
  it('follows chains of renames and applies a swap within one change at once', () => {
    const log = events(
      { type: 'note', nodeId: 'x', text: '1', at: '2026-11-01T00:00:00.000Z' },
      { type: 'note', nodeId: 'y', text: '2', at: '2026-11-01T00:00:00.000Z' },
      { type: 'rename', nodeId: null, from: 'x', to: 'y', changeId: 'swap', at: '2026-11-02T00:00:00.000Z' },
      { type: 'rename', nodeId: null, from: 'y', to: 'x', changeId: 'swap', at: '2026-11-02T00:00:00.000Z' },
      { type: 'rename', nodeId: null, from: 'x', to: 'z', at: '2026-11-03T00:00:00.000Z' },
      { type: 'note', nodeId: 'x', text: '3', at: '2026-11-04T00:00:00.000Z' },
    );
    // x's note moves to y by the swap (and stays there); y's moves to x, then on to z.
    expect(finalNodeIds(log, new Set())).toEqual(['y', 'z', null, null, null, 'x']);
    // With the last rename undone, only the swap applies.
    expect(finalNodeIds(log, new Set(['c5']))).toEqual(['y', 'x', null, null, null, 'x']);
  });
});
