import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDate } from '../core/plan/local-date.js';
import type { Status } from '../core/progress/events.js';
import { rollUp, totalOf } from '../core/progress/rollup.js';
import { burnupView } from './burnup-view.js';
import { events, node, roadmap } from './view-fixtures.test-helpers.js';

// Four items: a, b (in phase p), c with two sub-items c1, c2 (so c counts as 2).
const r = roadmap('r', [
  node('p', 'phase', [node('a', 'topic'), node('b', 'topic')]),
  node('c', 'course', [node('c1', 'topic'), node('c2', 'topic')]),
  node('tips', 'info'),
]);

describe('burnupView', () => {
  it('counts finished items at the end of each day from the first event to today', () => {
    const log = events(
      { type: 'log', nodeId: 'a', minutes: 30, at: '2026-11-15T10:00:00.000Z' },
      { type: 'status', nodeId: 'a', status: 'done', at: '2026-11-16T10:00:00.000Z' },
      { type: 'status', nodeId: 'b', status: 'skipped', at: '2026-11-18T10:00:00.000Z' },
      // Backfilled: recorded after b, happened before it. `done c` records on c's items (one change).
      { type: 'status', nodeId: 'c1', status: 'done', at: '2026-11-17T23:00:00.000Z', changeId: 'c' },
      { type: 'status', nodeId: 'c2', status: 'done', at: '2026-11-17T23:00:00.000Z', changeId: 'c' },
      { type: 'status', nodeId: 'c1', status: 'todo', at: '2026-11-19T08:00:00.000Z', changeId: 'r' },
      { type: 'status', nodeId: 'c2', status: 'todo', at: '2026-11-19T08:00:00.000Z', changeId: 'r' },
    );
    const { points } = burnupView({ roadmap: r, events: log, today: '2026-11-20', timeZone: 'UTC' });
    expect(points).toEqual([
      { date: '2026-11-15', done: 0, total: 4 },
      { date: '2026-11-16', done: 1, total: 4 },
      { date: '2026-11-17', done: 3, total: 4 },
      { date: '2026-11-18', done: 4, total: 4 },
      { date: '2026-11-19', done: 2, total: 4 },
      { date: '2026-11-20', done: 2, total: 4 },
    ]);
  });

  it('ignores undone changes and other roadmaps, and uses the learner time zone', () => {
    const log = events(
      { type: 'status', nodeId: 'a', status: 'done', at: '2026-11-19T23:30:00.000Z' },
      { type: 'status', nodeId: 'b', status: 'done', at: '2026-11-19T12:00:00.000Z', changeId: 'x' },
      { type: 'undo', nodeId: null, undoes: 'x', at: '2026-11-19T12:01:00.000Z' },
      { type: 'status', roadmapId: 'other', nodeId: 'c', status: 'done', at: '2026-11-18T12:00:00.000Z' },
    );
    const utc = burnupView({ roadmap: r, events: log, today: '2026-11-20', timeZone: 'UTC' });
    expect(utc.points).toEqual([
      { date: '2026-11-19', done: 1, total: 4 },
      { date: '2026-11-20', done: 1, total: 4 },
    ]);
    const berlin = burnupView({ roadmap: r, events: log, today: '2026-11-20', timeZone: 'Europe/Berlin' });
    // 23:30 UTC on the 19th is already the 20th in Berlin (and the undone change does not start the chart).
    expect(berlin.points).toEqual([{ date: '2026-11-20', done: 1, total: 4 }]);
  });

  it('starts the plan at today and adds every open item beneath each planned unit on its last day', () => {
    const log = events({ type: 'status', nodeId: 'a', status: 'done', at: '2026-11-20T08:00:00.000Z' });
    const { plan, forecast, points } = burnupView({
      roadmap: r,
      events: log,
      today: '2026-11-20',
      timeZone: 'UTC',
      planItems: [
        { nodeId: 'b', endMax: '2026-11-22' },
        { nodeId: 'c', endMax: '2026-11-25' },
      ],
      forecast: { p50: '2026-11-26', p85: '2026-12-01' },
    });
    expect(points).toEqual([{ date: '2026-11-20', done: 1, total: 4 }]);
    expect(plan).toEqual([
      { date: '2026-11-20', done: 1 },
      { date: '2026-11-22', done: 2 },
      { date: '2026-11-25', done: 4 },
    ]);
    expect(forecast).toEqual({ p50: '2026-11-26', p85: '2026-12-01' });
  });

  it('has one point for today and no plan when there is no history and no plan', () => {
    expect(burnupView({ roadmap: r, events: [], today: '2026-11-20', timeZone: 'UTC' })).toEqual({
      points: [{ date: '2026-11-20', done: 0, total: 4 }],
      plan: [],
      forecast: {},
      today: '2026-11-20',
      target: null,
    });
    const withTarget = burnupView({
      roadmap: r,
      events: [],
      today: '2026-11-20',
      timeZone: 'UTC',
      target: '2027-01-31',
    });
    expect(withTarget).toMatchObject({ today: '2026-11-20', target: '2027-01-31' });
  });
});

describe('burnupView, day by day (property)', () => {
  // A habit (checkpoint) and a parent status too: neither counts; the parent's own status decides nothing.
  const tree = roadmap('r', [
    node('p', 'phase', [node('a', 'topic'), node('b', 'topic')]),
    node('c', 'course', [node('c1', 'topic'), node('c2', 'topic')]),
    node('h', 'habit'),
  ]);
  const ids = ['a', 'b', 'c', 'c1', 'c2', 'h', 'p'];
  const statuses: Status[] = ['todo', 'doing', 'done', 'skipped'];

  it("counts each day's finished items as a roll-up of that day's statuses would", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            nodeId: fc.constantFrom(...ids),
            status: fc.constantFrom(...statuses),
            day: fc.integer({ min: 1, max: 20 }),
            hour: fc.integer({ min: 0, max: 23 }),
          }),
          { maxLength: 30 },
        ),
        (changes) => {
          const log = events(
            ...changes.map((change) => ({
              type: 'status',
              nodeId: change.nodeId,
              status: change.status,
              at: `2026-11-${String(change.day).padStart(2, '0')}T${String(change.hour).padStart(2, '0')}:00:00.000Z`,
            })),
          );
          const { points } = burnupView({
            roadmap: tree,
            events: log,
            today: '2026-11-20',
            timeZone: 'Asia/Tokyo',
          });
          for (const point of points) {
            // The reference: every change up to the end of that day (log order breaks ties), rolled up.
            const status = new Map<string, Status>();
            const upTo = log
              .map((event, ord) => ({ event, ord }))
              .filter(({ event }) => localDate(event.at, 'Asia/Tokyo') <= point.date)
              .sort((x, y) => x.event.at.localeCompare(y.event.at) || x.ord - y.ord);
            for (const { event } of upTo)
              if (event.type === 'status') status.set(event.nodeId as string, event.status);
            const totals = totalOf(
              tree.nodes,
              rollUp(tree.nodes, (id) => status.get(id)),
            );
            expect(point).toEqual({ date: point.date, done: totals.finished, total: totals.total });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
