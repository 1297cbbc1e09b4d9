import { describe, expect, it } from 'vitest';
import type { Node, Roadmap } from '../model/roadmap.js';
import type { WaymarkEvent } from '../progress/events.js';
import { foldEvents } from '../progress/fold.js';
import { dueOn } from './due-cards.js';
import { buildCards, NEW_CARDS_PER_DAY, OPT_OUT_KEY, topicsLeft } from './review-cards.js';
import { cardsByState, retentionByWeek, reviewLoad, weekStart } from './review-stats.js';

const node = (id: string, kind: Node['kind'], children: Node[] = []): Node => ({
  id,
  title: `Title ${id}`,
  kind,
  trackable: kind !== 'info',
  source: { line: 1, endLine: 1 },
  children,
});

const roadmap: Roadmap = {
  schemaVersion: 1,
  id: 'r',
  title: 'R',
  source: { sha256: 'x', format: 'markdown' },
  nodes: [
    node('1', 'phase', [
      node('1.1', 'topic'),
      node('1.2', 'topic'),
      node('1.3', 'section', [node('1.3.1', 'topic')]),
    ]),
    node('2', 'phase', [node('2.1', 'milestone'), node('2.2', 'project')]),
  ],
};

let seq = 0;
function event(body: Record<string, unknown>): WaymarkEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    changeId: `c${seq}`,
    roadmapId: 'r',
    recordedAt: '2026-11-20T12:00:00.000Z',
    seq,
    ...body,
  } as unknown as WaymarkEvent;
}
const done = (nodeId: string, at: string) => event({ type: 'status', nodeId, status: 'done', at });
const review = (nodeId: string, at: string, rating: number) => event({ type: 'review', nodeId, rating, at });
const optOut = (nodeId: string | null, value: boolean) =>
  event({ type: 'setting', nodeId, key: OPT_OUT_KEY, value, at: '2026-11-01T00:00:00.000Z' });

describe('buildCards', () => {
  it('makes a card of every done topic (not milestones), with its path, in roadmap order', () => {
    const state = foldEvents([
      done('2.2', '2026-11-02T10:00:00.000Z'),
      done('1.1', '2026-11-01T10:00:00.000Z'),
      done('2.1', '2026-11-01T10:00:00.000Z'),
      event({ type: 'status', nodeId: '1.2', status: 'doing', at: '2026-11-01T10:00:00.000Z' }),
      event({ type: 'note', nodeId: '1.1', text: 'rows times columns', at: '2026-11-03T10:00:00.000Z' }),
    ]);
    const cards = buildCards([roadmap], state);
    expect(cards.map((card) => card.nodeId)).toEqual(['1.1', '2.2']);
    expect(cards[0]?.path).toEqual(['Title 1']);
    expect(cards[0]?.phaseId).toBe('1');
    expect(cards[0]?.notes.map((note) => note.text)).toEqual(['rows times columns']);
    expect(cards[0]?.createdAt).toBe('2026-11-01T10:00:00.000Z');
  });

  it('a phase or section with items beneath is reviewed through those items', () => {
    const state = foldEvents([
      done('1', '2026-11-01T10:00:00.000Z'),
      done('1.3', '2026-11-01T10:00:00.000Z'),
      done('1.3.1', '2026-11-01T10:00:00.000Z'),
    ]);
    expect(buildCards([roadmap], state).map((card) => card.nodeId)).toEqual(['1.3.1']);
    expect(topicsLeft([roadmap], state)).toBe(3); // 1.1, 1.2, 2.2 (2.1 is a milestone)
  });

  it('drops a card whose topic was reset, and the undone review does not count', () => {
    const reviewed = review('1.1', '2026-11-03T10:00:00.000Z', 3);
    const state = foldEvents([
      done('1.1', '2026-11-01T10:00:00.000Z'),
      reviewed,
      event({ type: 'undo', nodeId: null, undoes: reviewed.changeId, at: '2026-11-03T11:00:00.000Z' }),
      done('1.2', '2026-11-01T10:00:00.000Z'),
      event({ type: 'status', nodeId: '1.2', status: 'todo', at: '2026-11-04T10:00:00.000Z' }),
    ]);
    const cards = buildCards([roadmap], state);
    expect(cards.map((card) => card.nodeId)).toEqual(['1.1']);
    expect(cards[0]?.reps).toBe(0);
  });

  it('opt-out: the nearest setting wins (item over its parent over the roadmap)', () => {
    const events = [
      done('1.1', '2026-11-01T10:00:00.000Z'),
      done('1.2', '2026-11-01T10:00:00.000Z'),
      done('1.3.1', '2026-11-01T10:00:00.000Z'),
    ];
    const ids = (extra: WaymarkEvent[]) =>
      buildCards([roadmap], foldEvents([...events, ...extra])).map((c) => c.nodeId);
    expect(ids([optOut(null, true)])).toEqual([]);
    expect(ids([optOut(null, true), optOut('1.3', false)])).toEqual(['1.3.1']);
    expect(ids([optOut('1.3', true)])).toEqual(['1.1', '1.2']);
    expect(ids([optOut('1.2', true), optOut('1.2', false)])).toEqual(['1.1', '1.2', '1.3.1']);
  });
});

describe('dueOn: today in the learner time zone', () => {
  // Done 2026-11-19T03:30Z: first review due 2026-11-20T03:30Z = 2026-11-19 22:30 in New York.
  const state = foldEvents([
    done('1.1', '2026-11-19T03:30:00.000Z'),
    done('1.2', '2026-11-15T12:00:00.000Z'),
  ]);
  const cards = buildCards([roadmap], state);

  it('a card due at 03:30 UTC is due on the 19th in New York but the 20th in Berlin', () => {
    expect(dueOn(cards, '2026-11-19', 'America/New_York').map((card) => card.nodeId)).toEqual(['1.2', '1.1']);
    expect(dueOn(cards, '2026-11-19', 'Europe/Berlin').map((card) => card.nodeId)).toEqual(['1.2']);
    expect(dueOn(cards, '2026-11-20', 'Europe/Berlin').map((card) => card.nodeId)).toEqual(['1.2', '1.1']);
  });

  it('most overdue first, with the days overdue', () => {
    const due = dueOn(cards, '2026-11-21', 'UTC');
    expect(due.map((card) => [card.nodeId, card.overdueDays])).toEqual([
      ['1.2', 5],
      ['1.1', 1],
    ]);
  });
});

describe('review stats', () => {
  const state = foldEvents([
    done('1.1', '2026-11-01T10:00:00.000Z'),
    done('1.2', '2026-11-01T10:00:00.000Z'),
    review('1.1', '2026-11-02T10:00:00.000Z', 3),
    review('1.2', '2026-11-02T10:00:00.000Z', 1),
    // Sunday 23:30 in New York is Monday 04:30 UTC: a different week in each zone.
    review('1.1', '2026-11-09T04:30:00.000Z', 4),
  ]);
  const cards = buildCards([roadmap], state);

  it('weeks start on Monday', () => {
    expect(weekStart('2026-11-08')).toBe('2026-11-02'); // a Sunday
    expect(weekStart('2026-11-09')).toBe('2026-11-09'); // a Monday
  });

  it('retention per week (Good/Easy share) follows the time zone', () => {
    expect(retentionByWeek(cards, 'UTC')).toEqual([
      { week: '2026-11-02', reviews: 2, recalled: 1, retention: 0.5 },
      { week: '2026-11-09', reviews: 1, recalled: 1, retention: 1 },
    ]);
    expect(retentionByWeek(cards, 'America/New_York')).toEqual([
      { week: '2026-11-02', reviews: 3, recalled: 2, retention: 2 / 3 },
    ]);
  });

  it('cards by state and the load of the next days (overdue counts today)', () => {
    expect(cardsByState(cards)).toEqual({ new: 0, learning: 0, review: 2, relearning: 0 });
    const load = reviewLoad(cards, '2026-12-01', 'UTC', 30);
    expect(load).toHaveLength(30);
    expect(load.reduce((sum, day) => sum + day.due, 0)).toBe(2);
    const dueDates = cards.map((card) => card.due.slice(0, 10));
    for (const date of dueDates) {
      const expected = date < '2026-12-01' ? '2026-12-01' : date;
      if (expected <= '2026-12-30') expect(load.find((day) => day.date === expected)?.due).toBeGreaterThan(0);
    }
  });
});

describe('buildCards: a bulk of topics finished on one day', () => {
  it('spreads their first reviews over the following days, NEW_CARDS_PER_DAY a day, in roadmap order', () => {
    const topics = Array.from({ length: 45 }, (_, i) => node(`t${i}`, 'topic'));
    const big: Roadmap = { ...roadmap, nodes: [node('p', 'phase', topics)] };
    const state = foldEvents(topics.map((topic) => done(topic.id, '2026-11-01T10:00:00.000Z')));
    const cards = buildCards([big], state);
    const dueDays = cards.map((card) => card.due.slice(0, 10));
    expect(NEW_CARDS_PER_DAY).toBe(20);
    expect(dueDays.slice(0, 20).every((day) => day === '2026-11-02')).toBe(true);
    expect(dueDays.slice(20, 40).every((day) => day === '2026-11-03')).toBe(true);
    expect(dueDays.slice(40)).toEqual(Array(5).fill('2026-11-04'));
    expect(cards[0]?.nodeId).toBe('t0');
  });

  it('leaves the dates of cards already reviewed to FSRS', () => {
    const topics = Array.from({ length: 25 }, (_, i) => node(`t${i}`, 'topic'));
    const big: Roadmap = { ...roadmap, nodes: [node('p', 'phase', topics)] };
    const state = foldEvents([
      ...topics.map((topic) => done(topic.id, '2026-11-01T10:00:00.000Z')),
      review('t24', '2026-11-02T10:00:00.000Z', 3),
    ]);
    const last = buildCards([big], state).find((card) => card.nodeId === 't24');
    expect(last?.reps).toBe(1);
    expect((last?.due ?? '') > '2026-11-03').toBe(true);
  });
});
