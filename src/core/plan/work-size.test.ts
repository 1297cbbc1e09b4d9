import { describe, expect, it } from 'vitest';
import { importBundled } from '../../testing/load-seed.js';
import type { Node, Roadmap } from '../model/roadmap.js';
import { estimateEffort } from './estimate-effort.js';
import { hoursPerWeek, ownHours } from './work-size.js';
import { analyseWork } from './work-structure.js';

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
const weeks = (min: number, max = min) => ({ min, max, unit: 'weeks' as const });

describe('ownHours: a course, certificate or project sized by its own duration', () => {
  it('reads hours a week', () => {
    expect(hoursPerWeek('2-5 hours/week')).toEqual({ min: 2, max: 5 });
    expect(hoursPerWeek('3 h per week')).toEqual({ min: 3, max: 3 });
    expect(hoursPerWeek('4 weeks')).toBeUndefined();
  });

  it('multiplies weeks by the stated effort, in either column order', () => {
    const course = n('c', { kind: 'course', duration: weeks(4), meta: { effort: '2-5 hours/week' } });
    expect(ownHours(course, 10)).toEqual({ min: 8, max: 20 });
    // the Effort column came first and was read as the duration; the weeks sit in meta
    const swapped = n('c', {
      kind: 'course',
      duration: { min: 2, max: 5, unit: 'hours' },
      meta: { Duration: '4 weeks' },
    });
    expect(ownHours(swapped, 10)).toEqual({ min: 8, max: 20 });
  });

  it('gives a course week 5 h without a stated effort, a project week the roadmap week; topics none', () => {
    expect(ownHours(n('c', { kind: 'course', duration: weeks(8) }), 10)).toEqual({ min: 40, max: 40 });
    expect(ownHours(n('p', { kind: 'project', duration: weeks(2) }), 10)).toEqual({ min: 20, max: 20 });
    expect(ownHours(n('t', { duration: weeks(2) }), 10)).toBeUndefined();
  });

  it('takes a sized course out of its phase first and shares the rest by kind', () => {
    const roadmap = roadmapOf([
      n('1', { kind: 'phase', duration: weeks(6) }, [
        n('course', { kind: 'course', duration: weeks(4) }),
        n('project', { kind: 'project' }),
        n('a'),
        n('b'),
      ]),
    ]);
    const { items } = estimateEffort(roadmap);
    expect(items.get('course')).toEqual({ min: 20, max: 20 });
    // 60 h - 20 h = 40 h over a project (weight 4) and two topics (1 each)
    expect(items.get('project')?.max).toBeCloseTo(40 * (4 / 6));
    expect(items.get('a')?.max).toBeCloseTo(40 / 6);
    expect(items.get('1')?.max).toBeCloseTo(60);
  });

  it('sizes a course with no duration above it as four default items, not a bullet', () => {
    const { items } = estimateEffort(roadmapOf([n('course', { kind: 'course' }), n('topic')]));
    expect(items.get('course')).toEqual({ min: 12, max: 12 });
    expect(items.get('topic')).toEqual({ min: 3, max: 3 });
  });
});

describe('a heading that only groups milestones or routine blocks is not work', () => {
  it('seed 001: "Milestones & Goals" and "Daily Learning Routine" plan nothing', () => {
    const { roadmap } = importBundled('ai-engineer');
    const units = analyseWork(roadmap.nodes).units.map((unit) => unit.id);
    expect(
      units.filter((id) => id === '12' || id.startsWith('12.') || id === '13' || id.startsWith('13.')),
    ).toEqual([]);
  });

  it('a section of milestones is effortless however it is classified', () => {
    const milestone = n('m', { kind: 'milestone', due: { after: { value: 3, unit: 'months' } } }, [n('m1')]);
    const roadmap = roadmapOf([n('goals', { kind: 'section' }, [milestone]), n('t')]);
    expect(analyseWork(roadmap.nodes).units.map((unit) => unit.id)).toEqual(['t']);
  });
});
