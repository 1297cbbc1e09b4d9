import fc from 'fast-check';
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

describe('journalView pages', () => {
  const NODES = ['a', 'b', 'c', null] as const;
  const TYPES = ['log', 'note', 'status', 'evidence'] as const;
  /** A log of up to 120 journal events over ten days, in time order, some of them undone. */
  const arbitraryLog = fc
    .array(
      fc.record({
        type: fc.constantFrom(...TYPES),
        node: fc.constantFrom(...NODES),
        minute: fc.integer({ min: 0, max: 10 * 24 * 60 - 1 }),
        minutes: fc.integer({ min: 1, max: 240 }),
        undone: fc.boolean(),
      }),
      { maxLength: 120 },
    )
    .map((drafts) => {
      const sorted = [...drafts].sort((x, y) => x.minute - y.minute);
      const fields = sorted.map((d) => {
        const at = new Date(Date.UTC(2026, 10, 1) + d.minute * 60_000).toISOString();
        const nodeId = d.type === 'log' ? d.node : (d.node ?? 'a');
        if (d.type === 'log') return { type: 'log', nodeId, minutes: d.minutes, at };
        if (d.type === 'note') return { type: 'note', nodeId, text: 'n', at };
        if (d.type === 'status') return { type: 'status', nodeId, status: 'doing', at };
        return { type: 'evidence', nodeId, kind: 'link', ref: 'https://example.org', at };
      });
      const last = sorted.at(-1)?.minute ?? 0;
      const undoes = sorted.flatMap((d, i) => (d.undone && i % 3 === 0 ? [`c${i + 1}`] : []));
      return events(
        ...fields,
        ...undoes.map((changeId, k) => ({
          type: 'undo',
          nodeId: null,
          undoes: changeId,
          at: new Date(Date.UTC(2026, 10, 1) + (last + 1 + k) * 60_000).toISOString(),
        })),
      );
    });
  const arbitraryFilter = fc.record(
    {
      item: fc.constant({ roadmapId: 'r', nodeId: 'p' }),
      types: fc.subarray([...TYPES], { minLength: 1 }),
      from: fc.constantFrom('2026-11-02', '2026-11-04'),
      to: fc.constantFrom('2026-11-06', '2026-11-09'),
    },
    { requiredKeys: [] },
  );
  const zones = fc.constantFrom('UTC', 'Asia/Tokyo', 'America/Los_Angeles');

  it('pages through exactly the whole filtered list, and every page names its days with totals over the whole filter', () => {
    fc.assert(
      fc.property(
        arbitraryLog,
        arbitraryFilter,
        fc.integer({ min: 1, max: 30 }),
        zones,
        (log, filter, size, zone) => {
          const whole = journalView([r], log, filter, zone);
          const seen: string[] = [];
          for (let offset = 0; offset < whole.total; offset += size) {
            const page = journalView([r], log, { ...filter, offset, limit: size }, zone);
            expect(page.total).toBe(whole.total);
            expect(page.offset).toBe(offset);
            seen.push(...page.entries.map((e) => e.id));
            // The page's days are the dates of its entries, newest first, each once.
            expect(page.days.map((d) => d.date)).toEqual([...new Set(page.entries.map((e) => e.date))]);
            for (const day of page.days) {
              const sameDay = whole.entries.filter((e) => e.date === day.date);
              expect(day.entries).toBe(sameDay.length);
              // Study time counts every log of the day in scope, shown or hidden by the type filter.
              const logs = journalView([r], log, { ...filter, types: ['log'] }, zone).entries;
              const minutes = logs
                .filter((e) => e.date === day.date)
                .reduce((sum, e) => sum + (e.minutes ?? 0), 0);
              expect(day.minutes).toBe(minutes);
            }
          }
          expect(seen).toEqual(whole.entries.map((e) => e.id));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pages by cursor without repeating or skipping an entry while new ones are logged between pages', () => {
    /** Entries logged while the learner reads: after everything, or backdated anywhere into the ten days. */
    const arbitraryInserts = fc.array(
      fc.record({
        type: fc.constantFrom(...TYPES),
        minute: fc.oneof(fc.integer({ min: 0, max: 10 * 24 * 60 - 1 }), fc.constant(11 * 24 * 60)),
        afterPage: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(
        arbitraryLog,
        arbitraryFilter,
        fc.integer({ min: 1, max: 30 }),
        zones,
        arbitraryInserts,
        (initial, filter, size, zone, inserts) => {
          let log = initial;
          const before = journalView([r], log, filter, zone).entries.map((e) => e.id);
          const seen: string[] = [];
          let cursor: string | undefined;
          // Entries logged meanwhile add pages: enough rounds for all of them (the loop ends at `next: null`).
          for (let page = 0; page <= before.length + inserts.length; page++) {
            const shown = journalView(
              [r],
              log,
              { ...filter, limit: size, ...(cursor ? { before: cursor } : {}) },
              zone,
            );
            seen.push(...shown.entries.map((e) => e.id));
            // The page starts where the newer pages stopped, wherever new entries went meanwhile.
            const first = shown.entries[0];
            if (first) {
              const now = journalView([r], log, filter, zone).entries;
              expect(shown.offset).toBe(now.findIndex((e) => e.id === first.id));
              // `newer` goes back to the page of the same size just before this one (or the first page).
              const back = journalView(
                [r],
                log,
                { ...filter, limit: size, ...(shown.newer ? { before: shown.newer } : {}) },
                zone,
              );
              // The day totals are over the whole filter as it is now, on cursor pages too.
              for (const day of shown.days)
                expect(day.entries).toBe(now.filter((e) => e.date === day.date).length);
              const start = Math.max(0, shown.offset - size);
              expect(back.entries.map((e) => e.id)).toEqual(now.slice(start, start + size).map((e) => e.id));
            }
            if (shown.next === null) break;
            cursor = shown.next;
            const now = inserts.filter((insert) => insert.afterPage === page);
            log = [
              ...log,
              ...now.map((insert, k) => {
                const seq = log.length + k + 1;
                const at = new Date(Date.UTC(2026, 10, 1) + insert.minute * 60_000).toISOString();
                const [made] = events({ type: 'note', nodeId: 'a', text: 'new', at });
                return { ...(made as (typeof log)[number]), id: `n${seq}`, seq, changeId: `n${seq}` };
              }),
            ];
          }
          // Nothing twice, and every entry there was before paging began is seen once.
          expect(new Set(seen).size).toBe(seen.length);
          for (const id of before) expect(seen).toContain(id);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('totals a day split across two pages the same on both, and gives each entry its local date', () => {
    const day = events(
      { type: 'log', nodeId: 'a', minutes: 30, at: '2026-11-19T08:00:00.000Z' },
      { type: 'log', nodeId: 'b', minutes: 45, at: '2026-11-19T09:00:00.000Z' },
      { type: 'note', nodeId: 'a', text: 'x', at: '2026-11-19T23:30:00.000Z' },
      { type: 'log', nodeId: 'c', minutes: 10, at: '2026-11-20T08:00:00.000Z' },
    );
    const first = journalView([r], day, { limit: 2 }, 'UTC');
    const second = journalView([r], day, { limit: 2, offset: 2 }, 'UTC');
    expect(first.days).toEqual([
      { date: '2026-11-20', minutes: 10, entries: 1 },
      { date: '2026-11-19', minutes: 75, entries: 3 },
    ]);
    expect(second.days).toEqual([{ date: '2026-11-19', minutes: 75, entries: 3 }]);
    // In Tokyo the late note falls on the 20th.
    const tokyo = journalView([r], day, {}, 'Asia/Tokyo');
    expect(tokyo.entries.map((e) => e.date)).toEqual([
      '2026-11-20',
      '2026-11-20',
      '2026-11-19',
      '2026-11-19',
    ]);
    // Hiding the logs keeps the day's study time.
    expect(journalView([r], day, { types: ['note'] }, 'UTC').days).toEqual([
      { date: '2026-11-19', minutes: 75, entries: 1 },
    ]);
    // Past the end: an empty page that still says how many there are.
    expect(journalView([r], day, { offset: 10, limit: 2 }, 'UTC')).toMatchObject({
      entries: [],
      total: 4,
      offset: 4,
      days: [],
    });
  });

  it('marks the time of a review session', () => {
    const review = events({
      type: 'log',
      nodeId: null,
      minutes: 12,
      kind: 'review',
      note: 'Review session: 6 cards',
      at: '2026-11-19T08:00:00.000Z',
    });
    expect(journalView([r], review, {}, 'UTC').entries[0]).toMatchObject({
      type: 'log',
      kind: 'review',
      minutes: 12,
    });
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
