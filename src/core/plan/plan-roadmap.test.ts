import { describe, expect, it } from 'vitest';
import type { WaymarkError } from '../errors.js';
import type { Node, Roadmap } from '../model/roadmap.js';
import type { Status } from '../progress/events.js';
import { addDays } from './calendar-date.js';
import type { Capacity } from './capacity.js';
import { estimateEffort } from './estimate-effort.js';
import { localDate } from './local-date.js';
import { type PlanInput, planRoadmap } from './plan-roadmap.js';
import { syntheticRoadmap } from './synthetic-roadmap.js';

const n = (id: string, extra: Partial<Node> = {}, children: Node[] = []): Node => ({
  id,
  title: id,
  kind: 'topic',
  trackable: true,
  source: { line: 1, endLine: 1 },
  children,
  ...extra,
});
const roadmapOf = (nodes: Node[]): Roadmap => ({
  schemaVersion: 1,
  id: 'r',
  title: 'R',
  source: { sha256: '', format: 'markdown' },
  nodes,
});
const week = (hours: number[]) => hours as unknown as Capacity['hoursByWeekday'];
const daily = (hours: number, daysOff: Capacity['daysOff'] = []): Capacity => ({
  hoursByWeekday: week([hours, hours, hours, hours, hours, hours, hours]),
  daysOff,
});
/** `count` leaves of `hours` each (overrides make the effort exact). */
function flat(count: number, hours: number) {
  const leaves = Array.from({ length: count }, (_, i) => n(`t${i + 1}`));
  const roadmap = roadmapOf(leaves);
  const effort = estimateEffort(roadmap, { overrides: new Map(leaves.map((leaf) => [leaf.id, hours])) });
  return { roadmap, effort };
}
const plan = (overrides: Partial<PlanInput> & Pick<PlanInput, 'roadmap' | 'effort'>) =>
  planRoadmap({ status: new Map(), capacity: daily(1), today: '2026-01-05', ...overrides });
const errorOf = (run: () => unknown): WaymarkError => {
  try {
    run();
  } catch (error) {
    return error as WaymarkError;
  }
  throw new Error('expected an error');
};

describe('planRoadmap: known answers', () => {
  it('finishes N hours of work at H hours a day after N/H days', () => {
    const result = plan({ ...flat(10, 2), capacity: daily(2) });
    expect(result.finish).toEqual({ min: '2026-01-14', max: '2026-01-14' });
    expect(result.items.map((item) => item.endMax)).toEqual(
      Array.from({ length: 10 }, (_, i) => addDays('2026-01-05', i)),
    );
    expect(result.days).toHaveLength(10);
    expect(result.days[3]).toEqual({ date: '2026-01-08', items: [{ nodeId: 't4', hours: 2 }] });
    expect(result.remaining).toEqual({ items: 10, hours: { min: 20, max: 20 } });
    expect(result.nothingLeft).toBe(false);
  });

  it('gives two schedules for a range of effort', () => {
    const roadmap = roadmapOf([
      n('1', { kind: 'phase', duration: { min: 1, max: 2, unit: 'weeks' } }, [n('a'), n('b')]),
    ]);
    const result = plan({ roadmap, effort: estimateEffort(roadmap), capacity: daily(2) });
    // 10-20 h at 2 h/day: 5 or 10 days
    expect(result.finish).toEqual({ min: '2026-01-09', max: '2026-01-14' });
    expect(result.items[1]).toMatchObject({
      startMin: '2026-01-07',
      endMin: '2026-01-09',
      startMax: '2026-01-10',
    });
    expect(result.phases).toEqual([
      {
        id: '1',
        title: '1',
        done: false,
        remainingItems: 2,
        hours: { min: 10, max: 20 },
        start: '2026-01-05',
        end: '2026-01-14',
        startMin: '2026-01-05',
        startMax: '2026-01-05',
        endMin: '2026-01-09',
        endMax: '2026-01-14',
      },
    ]);
  });

  it('crosses month ends and the 2028 leap day', () => {
    expect(plan({ ...flat(10, 1), today: '2026-01-30' }).finish.max).toBe('2026-02-08');
    expect(plan({ ...flat(10, 1), today: '2028-02-25' }).finish.max).toBe('2028-03-05');
    expect(plan({ ...flat(10, 1), today: '2027-02-25' }).finish.max).toBe('2027-03-06');
    expect(plan({ ...flat(366, 1), today: '2028-01-01' }).finish.max).toBe('2028-12-31');
  });

  it('plans from the learner date across a DST change (via localDate)', () => {
    const berlin = localDate('2026-03-28T23:30:00Z', 'Europe/Berlin');
    expect(berlin).toBe('2026-03-29');
    const spring = plan({ ...flat(3, 1), today: berlin, target: '2026-03-31' });
    expect(spring.finish.max).toBe('2026-03-31');
    expect(spring.target).toMatchObject({ onTrack: true, daysBehind: 0 });
    const newYork = localDate('2026-11-02T04:30:00Z', 'America/New_York');
    const fall = plan({ ...flat(8, 1), today: newYork, target: '2026-11-05' });
    expect(fall.finish.max).toBe('2026-11-08');
    expect(fall.target).toMatchObject({ onTrack: false, daysBehind: 3 });
  });

  it('never puts work on a day off and shifts the finish by the days taken', () => {
    const capacity = daily(1, [{ from: '2026-01-07', to: '2026-01-09' }]);
    const result = plan({ ...flat(5, 1), capacity });
    expect(result.days.map((day) => day.date)).toEqual([
      '2026-01-05',
      '2026-01-06',
      '2026-01-10',
      '2026-01-11',
      '2026-01-12',
    ]);
    expect(result.finish.max).toBe('2026-01-12');
  });

  it('follows the weekday pattern', () => {
    // 2026-01-05 is a Monday; weekdays only at 2 h
    const result = plan({
      ...flat(6, 2),
      capacity: { hoursByWeekday: week([0, 2, 2, 2, 2, 2, 0]), daysOff: [] },
    });
    expect(result.finish.max).toBe('2026-01-12');
    expect(result.days.some((day) => ['2026-01-10', '2026-01-11'].includes(day.date))).toBe(false);
  });

  it('reserves review time first each day', () => {
    const result = plan({ ...flat(4, 1), capacity: daily(2), reviewMinutesPerDay: 60 });
    expect(result.finish.max).toBe('2026-01-08');
    expect(result.reviewHoursPerDay).toBe(1);
    expect(() => plan({ ...flat(4, 1), capacity: daily(1), reviewMinutesPerDay: 60 })).toThrow(
      /take all the study hours/,
    );
    expect(errorOf(() => plan({ ...flat(1, 1), reviewMinutesPerDay: -5 })).code).toBe('INPUT');
  });

  it('starts no earlier than the capacity start date', () => {
    const result = plan({ ...flat(2, 1), capacity: { ...daily(1), start: '2026-02-01' } });
    expect(result.start).toBe('2026-02-01');
    expect(result.finish.max).toBe('2026-02-02');
  });

  it('splits an item over days and lists its pieces in the agenda', () => {
    const result = plan({ ...flat(2, 3), capacity: daily(2) });
    expect(result.days.map((day) => day.items)).toEqual([
      [{ nodeId: 't1', hours: 2 }],
      [
        { nodeId: 't1', hours: 1 },
        { nodeId: 't2', hours: 1 },
      ],
      [{ nodeId: 't2', hours: 2 }],
    ]);
  });
});

describe('planRoadmap: status', () => {
  const roadmap = roadmapOf([
    n('1', { kind: 'phase' }, [n('A', {}, [n('a1'), n('a2')]), n('b')]),
    n('2', { kind: 'phase' }, [n('c')]),
  ]);
  const effort = estimateEffort(roadmap, { defaultItemHours: 1 });

  it('plans only what is not done or skipped; a closed container closes its subtree', () => {
    const status = new Map<string, Status>([
      ['A', 'done'],
      ['b', 'skipped'],
      ['c', 'doing'],
    ]);
    const result = plan({ roadmap, effort, status });
    expect(result.items.map((item) => item.nodeId)).toEqual(['c']);
    expect(result.phases.map((phase) => [phase.id, phase.done])).toEqual([
      ['1', true],
      ['2', false],
    ]);
  });

  it('returns an empty plan finishing today when nothing is left', () => {
    const status = new Map<string, Status>([
      ['1', 'done'],
      ['c', 'done'],
    ]);
    const result = plan({ roadmap, effort, status, target: '2026-03-01' });
    expect(result).toMatchObject({
      nothingLeft: true,
      finish: { min: '2026-01-05', max: '2026-01-05' },
      items: [],
      days: [],
      remaining: { items: 0, hours: { min: 0, max: 0 } },
    });
    expect(result.target).toMatchObject({ onTrack: true, daysBehind: -55, hoursPerWeekNeeded: 0 });
  });
});

describe('planRoadmap: electives', () => {
  const options = ['x', 'y', 'z'].map((id) => n(id, {}, [n(`${id}1`), n(`${id}2`)]));
  const roadmap = roadmapOf([n('E', { kind: 'phase', choose: { min: 2, max: 2 } }, options), n('after')]);
  const effort = estimateEffort(roadmap, { defaultItemHours: 1 });
  const planned = (choices?: Map<string, string[]>) =>
    plan({ roadmap, effort, ...(choices ? { choices } : {}) }).items.map((item) => item.nodeId);

  it('plans the minimum number of options, the first ones, until chosen', () => {
    expect(planned()).toEqual(['x1', 'x2', 'y1', 'y2', 'after']);
  });

  it('plans exactly the chosen options', () => {
    expect(planned(new Map([['E', ['z', 'x']]]))).toEqual(['x1', 'x2', 'z1', 'z2', 'after']);
    expect(plan({ roadmap, effort, choices: new Map([['E', ['z', 'y']]]) }).electives[0]).toMatchObject({
      included: ['y', 'z'],
      decidedBy: 'choice',
    });
  });
});

describe('planRoadmap: target', () => {
  it('says how many days behind and the weekly hours that would make it', () => {
    // 70 h at 1 h/day ends 2026-03-11; the 14 days to 2026-01-14 need 5 h/day = 35 h/week
    const result = plan({ ...flat(70, 1), today: '2026-01-01', target: '2026-01-14' });
    expect(result.finish.max).toBe('2026-03-11');
    expect(result.target).toEqual({
      target: '2026-01-14',
      onTrack: false,
      daysBehind: 56,
      hoursPerWeekNeeded: 35,
      weeklyHours: 7,
      feasible: true,
    });
  });

  it('keeps the weekday pattern, days off and reviews when sizing the hours needed', () => {
    const capacity: Capacity = { hoursByWeekday: week([0, 1, 1, 1, 1, 1, 0]), daysOff: [] };
    // 2026-01-01 (Thu) to 2026-01-14 (Wed) holds 10 weekdays: 50 h needs 5 h a weekday = 25 h/week
    expect(
      plan({ ...flat(50, 1), capacity, today: '2026-01-01', target: '2026-01-14' }).target
        ?.hoursPerWeekNeeded,
    ).toBe(25);
    const withReviews = plan({
      ...flat(50, 1),
      capacity,
      today: '2026-01-01',
      target: '2026-01-14',
      reviewMinutesPerDay: 30,
    });
    // the hours needed are the roadmap's own: the review time is kept on top of them
    expect(withReviews.target?.hoursPerWeekNeeded).toBe(25);
    expect(withReviews.target?.weeklyHours).toBeCloseTo((10 * 0.5 * 7) / 14);
    const withDayOff = plan({
      ...flat(45, 1),
      capacity: { ...capacity, daysOff: [{ from: '2026-01-12', to: '2026-01-12' }] },
      today: '2026-01-01',
      target: '2026-01-14',
    });
    expect(withDayOff.target?.hoursPerWeekNeeded).toBe(25);
  });

  it('is on track with days to spare', () => {
    const result = plan({ ...flat(10, 1), capacity: daily(2), target: '2026-01-31' });
    expect(result.target).toMatchObject({ onTrack: true, daysBehind: -22, hoursPerWeekNeeded: 2.6 });
  });

  it('flags hours that do not fit in a day, and a target with no study day left', () => {
    const tight = plan({ ...flat(100, 1), target: '2026-01-06' });
    expect(tight.target).toMatchObject({ hoursPerWeekNeeded: 350, feasible: false });
    const closed = plan({
      ...flat(1, 1),
      capacity: daily(1, [{ from: '2026-01-05', to: '2026-01-10' }]),
      target: '2026-01-06',
    });
    expect(closed.target).toMatchObject({ hoursPerWeekNeeded: null, feasible: false });
  });

  it('rejects a target in the past, and a bad one, with INPUT', () => {
    expect(errorOf(() => plan({ ...flat(1, 1), target: '2026-01-04' }))).toMatchObject({
      code: 'INPUT',
      message: expect.stringContaining('in the past'),
    });
    expect(errorOf(() => plan({ ...flat(1, 1), target: '2026-02-30' })).code).toBe('INPUT');
  });
});

describe('planRoadmap: capacity errors', () => {
  it('rejects zero capacity, more than 24 h and backwards days off with INPUT', () => {
    const zero = errorOf(() => plan({ ...flat(1, 1), capacity: daily(0) }));
    expect(zero).toMatchObject({ code: 'INPUT', message: 'zero capacity: no hours to plan into' });
    expect(errorOf(() => plan({ ...flat(1, 1), capacity: daily(25) })).code).toBe('INPUT');
    const backwards = daily(1, [{ from: '2026-02-02', to: '2026-02-01' }]);
    expect(errorOf(() => plan({ ...flat(1, 1), capacity: backwards })).code).toBe('INPUT');
    expect(errorOf(() => plan({ ...flat(1, 1), today: '5 Jan' })).code).toBe('INPUT');
  });
});

describe('planRoadmap: scale', () => {
  // Its speed is measured by `npm run bench` (bench/plan.bench.ts), never asserted here: CPUs are shared.
  it('plans 10,000 items over two years', () => {
    const roadmap = syntheticRoadmap({ phases: 20, sectionsPerPhase: 10, itemsPerSection: 50 });
    const effort = estimateEffort(roadmap);
    const input: PlanInput = {
      roadmap,
      effort,
      status: new Map(),
      capacity: { hoursByWeekday: week([2, 1.5, 1.5, 1.5, 1.5, 1, 1]), daysOff: [] },
      today: '2026-01-05',
      target: '2027-12-31',
    };
    const result = planRoadmap(input);
    expect(result.items).toHaveLength(10_000);
    expect(result.finish.max).toBe('2027-12-05'); // 1000 h at 10 h/week: 100 weeks, Monday to Sunday
    expect(result.target?.onTrack).toBe(true);
  });
});
