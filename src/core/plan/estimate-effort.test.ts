import { describe, expect, it } from 'vitest';
import { importBundled } from '../../testing/load-seed.js';
import type { Node, Roadmap } from '../model/roadmap.js';
import { estimateEffort } from './estimate-effort.js';

const n = (id: string, extra: Partial<Node> = {}, children: Node[] = []): Node => ({
  id,
  title: id,
  kind: 'topic',
  trackable: true,
  source: { line: 1, endLine: 1 },
  children,
  ...extra,
});
const phase = (id: string, duration: Node['duration'], children: Node[], extra: Partial<Node> = {}) =>
  n(id, { kind: 'phase', ...(duration ? { duration } : {}), ...extra }, children);
const weeks = (min: number, max = min) => ({ min, max, unit: 'weeks' as const });
const roadmapOf = (nodes: Node[], goal?: Roadmap['goal']): Roadmap => ({
  schemaVersion: 1,
  id: 'r',
  title: 'R',
  source: { sha256: '', format: 'markdown' },
  nodes,
  ...(goal ? { goal } : {}),
});

describe('estimateEffort: durations shared out by size', () => {
  it('spreads a 6-8 week phase over its leaves at 10 h a week', () => {
    const effort = estimateEffort(roadmapOf([phase('1', weeks(6, 8), [n('a'), n('b'), n('c'), n('d')])]));
    expect(effort.items.get('a')).toEqual({ min: 15, max: 20 });
    expect(effort.items.get('1')).toEqual({ min: 60, max: 80 });
    expect(effort.assumptions).toMatchObject({
      weeklyHours: 10,
      weeklyHoursFrom: 'default',
      defaultItemHours: 3,
    });
  });

  it('weighs a container as its own share plus its children; sections only hold', () => {
    const roadmap = roadmapOf([
      phase('1', weeks(2), [n('A', {}, [n('a1'), n('a2'), n('a3')]), n('S', { kind: 'section' }, [n('s1')])]),
    ]);
    const { items } = estimateEffort(roadmap);
    // weights: A = 1 + 3, S = 1 -> 20 h split 16 / 4
    expect(items.get('A')?.max).toBeCloseTo(16);
    expect(items.get('a1')?.max).toBeCloseTo(16 / 3);
    expect(items.get('S')?.max).toBeCloseTo(4);
    expect(items.get('s1')?.max).toBeCloseTo(4);
  });

  it('lets a sub-section duration replace its share of the parent', () => {
    const roadmap = roadmapOf([
      phase('1', weeks(10), [
        n('S', { kind: 'section', duration: weeks(2) }, [n('s1'), n('s2')]),
        n('L'),
        n('M'),
      ]),
    ]);
    const { items } = estimateEffort(roadmap);
    // S states its own 2 weeks (20 h) and takes them out of the phase's 100 h; L and M share the other 80 h.
    expect(items.get('L')).toEqual({ min: 40, max: 40 });
    expect(items.get('s1')).toEqual({ min: 10, max: 10 });
    expect(items.get('1')).toEqual({ min: 100, max: 100 });
  });

  it('converts months (4.345 weeks), days (1/7 week) and hours', () => {
    const roadmap = roadmapOf([
      phase('m', { min: 1, max: 2, unit: 'months' }, [n('m1')]),
      phase('d', { min: 7, max: 14, unit: 'days' }, [n('d1')]),
      phase('h', { min: 5, max: 6, unit: 'hours' }, [n('h1')]),
    ]);
    const { items } = estimateEffort(roadmap);
    expect(items.get('m1')?.min).toBeCloseTo(43.45);
    expect(items.get('m1')?.max).toBeCloseTo(86.9);
    expect(items.get('d1')?.min).toBeCloseTo(10);
    expect(items.get('d1')?.max).toBeCloseTo(20);
    expect(items.get('h1')).toEqual({ min: 5, max: 6 });
  });

  it('uses the weekly hours given, else the goal', () => {
    const roadmap = roadmapOf([phase('1', weeks(1), [n('a')])], { weeklyHours: 20 });
    expect(estimateEffort(roadmap).items.get('a')).toEqual({ min: 20, max: 20 });
    expect(estimateEffort(roadmap).assumptions.weeklyHoursFrom).toBe('goal');
    expect(estimateEffort(roadmap, { weeklyHours: 35 }).items.get('a')).toEqual({ min: 35, max: 35 });
  });

  it('gives the default to items with no duration above them, ongoing phases included', () => {
    const roadmap = roadmapOf([n('free'), phase('9', { ongoing: true }, [n('o1'), n('o2')])]);
    expect(estimateEffort(roadmap).items.get('free')).toEqual({ min: 3, max: 3 });
    expect(estimateEffort(roadmap).items.get('9')).toEqual({ min: 6, max: 6 });
    expect(estimateEffort(roadmap, { defaultItemHours: 5 }).items.get('o1')).toEqual({ min: 5, max: 5 });
  });

  it('counts elective options as if the maximum were chosen', () => {
    const group = phase('E', weeks(6), [n('x'), n('y'), n('z')], { choose: { min: 1, max: 2 } });
    const { items } = estimateEffort(roadmapOf([group]));
    expect(items.get('x')?.max).toBeCloseTo(30); // 60 h for two of the three
    const single = phase('F', weeks(6), [n('wrap', { kind: 'section' }, [n('p'), n('q'), n('r')])], {
      choose: { min: 1, max: 1 },
    });
    expect(estimateEffort(roadmapOf([single])).items.get('p')?.max).toBeCloseTo(60);
  });

  it('gives no effort to habits, reviews, milestones, info and non-trackable nodes', () => {
    const roadmap = roadmapOf([
      phase('1', weeks(1), [
        n('a'),
        n('h', { kind: 'habit', trackable: false, recurrence: 'daily' }),
        n('m', { kind: 'milestone' }, [n('m1')]),
        n('r', { kind: 'review', trackable: false }, [n('r1', { kind: 'info', trackable: false })]),
        n('i', { kind: 'info', trackable: false }),
      ]),
    ]);
    const { items } = estimateEffort(roadmap);
    expect([...items.keys()]).toEqual(['a', '1']);
    expect(items.get('a')).toEqual({ min: 10, max: 10 });
  });

  it('reaches trackable work beneath a non-trackable node without counting the node', () => {
    const roadmap = roadmapOf([phase('1', weeks(1), [n('c', { trackable: false }, [n('c1'), n('c2')])])]);
    const { items } = estimateEffort(roadmap);
    expect(items.has('c')).toBe(false);
    expect(items.get('c1')).toEqual({ min: 5, max: 5 });
  });
});

describe('estimateEffort: overrides and actuals', () => {
  const roadmap = roadmapOf([
    phase('1', weeks(4), [n('a'), n('b'), n('c'), n('d')]),
    phase('2', weeks(2), [n('e'), n('f')]),
  ]);

  it('lets an override win, on a leaf or spread over a container', () => {
    const { items } = estimateEffort(roadmap, { overrides: new Map([['a', 2]]) });
    expect(items.get('a')).toEqual({ min: 2, max: 2 });
    expect(items.get('b')).toEqual({ min: 10, max: 10 });
    const spread = estimateEffort(roadmap, { overrides: new Map([['2', 6]]) }).items;
    expect(spread.get('e')).toEqual({ min: 3, max: 3 });
  });

  it('lets an override on a container outrank roadmap durations beneath it', () => {
    const nested = roadmapOf([
      phase('1', weeks(4), [n('S', { kind: 'section', duration: weeks(3) }, [n('s1')]), n('t')]),
    ]);
    const { items } = estimateEffort(nested, { overrides: new Map([['1', 8]]) });
    expect(items.get('s1')).toEqual({ min: 4, max: 4 });
    expect(items.get('t')).toEqual({ min: 4, max: 4 });
  });

  it('rejects negative hours with INPUT', () => {
    expect(() => estimateEffort(roadmap, { overrides: new Map([['a', -1]]) })).toThrow(
      /not a number of hours/,
    );
    expect(() => estimateEffort(roadmap, { actuals: [{ nodeId: 'a', hours: Number.NaN }] })).toThrow(/hours/);
  });

  it('scales all remaining work by one pace factor, shrunk towards 1 with little logged time', () => {
    const actuals = [
      { nodeId: 'a', hours: 15 },
      { nodeId: 'b', hours: 15 },
    ];
    const effort = estimateEffort(roadmap, { actuals });
    // 20 h estimated, 30 h taken: 1 + 0.5 * 30 / 70
    const factor = 1 + 0.5 * (30 / 70);
    expect(effort.paceFactor).toBeCloseTo(factor);
    expect(effort.items.get('c')?.max).toBeCloseTo(10 * factor);
    expect(effort.items.get('a')).toEqual({ min: 10, max: 10 }); // finished: keeps its estimate
    expect(effort.items.get('e')?.max).toBeCloseTo(10 * factor); // another phase: the same factor
    expect(effort.samples).toEqual([
      { actual: 15, estimate: 10 },
      { actual: 15, estimate: 10 },
    ]);
  });

  it('bounds the factor to 0.5x-2x and takes a factor given from outside', () => {
    const slow = estimateEffort(roadmap, {
      actuals: [
        { nodeId: 'a', hours: 500 },
        { nodeId: 'b', hours: 500 },
      ],
    });
    expect(slow.items.get('c')?.max).toBeCloseTo(20);
    const fast = estimateEffort(roadmap, { actuals: [{ nodeId: 'a', hours: 0 }], paceFactor: 0.5 });
    expect(fast.items.get('c')?.max).toBeCloseTo(5);
    expect(() => estimateEffort(roadmap, { paceFactor: Number.NaN })).toThrow(/pace factor/);
  });

  it('leaves overridden items alone', () => {
    const effort = estimateEffort(roadmap, {
      overrides: new Map([['c', 4]]),
      actuals: [
        { nodeId: 'a', hours: 20 },
        { nodeId: 'b', hours: 20 },
      ],
    });
    expect(effort.items.get('c')).toEqual({ min: 4, max: 4 });
    expect(effort.items.get('d')?.max).toBeCloseTo(10 * (1 + 1 * (40 / 80)));
  });
});

describe('estimateEffort on the seeds', () => {
  it('sizes ai-engineer phase 1 as its 6-8 weeks and skips the routine', () => {
    const { items } = estimateEffort(importBundled('ai-engineer').roadmap);
    expect(items.get('1')?.min).toBeCloseTo(60);
    expect(items.get('1')?.max).toBeCloseTo(80);
    expect(items.get('5')?.max).toBeCloseTo(120);
    expect([...items.keys()].some((id) => id.startsWith('13.'))).toBe(false);
    expect(items.has('12.1.1')).toBe(false); // milestone checklists restate phase work
    const leaves = ['1.1.1.1', '1.3.1', '2.1.1'].map((id) => items.get(id));
    expect(leaves.every((hours) => hours && hours.min > 0 && hours.min <= hours.max)).toBe(true);
  });

  it('containers equal the sum of their leaves', () => {
    const { items } = estimateEffort(importBundled('ai-engineer').roadmap);
    const a = items.get('1.1.1');
    const sum = ['1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.1.4'].reduce(
      (total, id) => total + (items.get(id)?.max ?? 0),
      0,
    );
    expect(a?.max).toBeCloseTo(sum);
  });
});

describe('estimateEffort: a horizon instead of durations', () => {
  it('fills the horizon of a roadmap that sizes nothing itself', () => {
    const effort = estimateEffort(
      roadmapOf([phase('1', undefined, [n('a'), n('b')]), phase('2', undefined, [n('c'), n('d')])], {
        horizonDays: 70,
      }),
    );
    // 70 days = 10 weeks at the default 10 h a week = 100 h over four equal items.
    expect(effort.items.get('a')).toEqual({ min: 25, max: 25 });
    expect(effort.items.get('2')).toEqual({ min: 50, max: 50 });
    expect(effort.assumptions.horizonHours).toBe(100);
  });

  it('leaves the horizon alone when the roadmap gives durations', () => {
    const effort = estimateEffort(
      roadmapOf([phase('1', weeks(2), [n('a'), n('b')]), phase('2', undefined, [n('c')])], {
        horizonDays: 700,
      }),
    );
    expect(effort.items.get('a')).toEqual({ min: 10, max: 10 });
    expect(effort.items.get('c')).toEqual({ min: 3, max: 3 });
    expect(effort.assumptions.horizonHours).toBeUndefined();
  });

  it("spreads seed 000's 90 days over all its work", () => {
    const { roadmap } = importBundled('ai-infra-journey-2026');
    const effort = estimateEffort(roadmap);
    // Sum the outermost sized nodes: a container's hours are the sum of those beneath it.
    const outermost = (nodes: Node[]): number =>
      nodes.reduce((sum, node) => sum + (effort.items.get(node.id)?.max ?? outermost(node.children)), 0);
    const total = outermost(roadmap.nodes);
    expect(total).toBeCloseTo((90 / 7) * 10, 5);
    expect(effort.items.get('roadmap-overview/setup')?.max).toBeGreaterThan(2);
    // a certificate weighs six topics
    const certificate = effort.items.get('certificates-earned/nvidia-dli-courses')?.max ?? 0;
    expect(certificate).toBeCloseTo((effort.items.get('roadmap-overview/setup')?.max ?? 0) * 6);
  });
});
