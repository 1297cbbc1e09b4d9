import { describe, expect, it } from 'vitest';
import { importBundled } from '../../testing/load-seed.js';
import type { Node, Roadmap } from '../model/roadmap.js';
import { validateCapacity } from './capacity.js';
import { capacityFromRoutine } from './capacity-from-routine.js';

const block = (title: string, extra: Partial<Node>): Node => ({
  id: title.toLowerCase(),
  title,
  kind: 'section',
  trackable: false,
  source: { line: 1, endLine: 1 },
  children: [],
  ...extra,
});
const roadmapOf = (nodes: Node[], goal?: Roadmap['goal']): Roadmap => ({
  schemaVersion: 1,
  id: 'r',
  title: 'R',
  source: { sha256: '', format: 'markdown' },
  nodes,
  ...(goal ? { goal } : {}),
});

describe('capacityFromRoutine', () => {
  it('reads the ai-engineer routine as 5 h every day (1.5 + 2.5 + 1)', () => {
    const routine = capacityFromRoutine(importBundled('ai-engineer').roadmap);
    expect(routine?.capacity).toEqual({ hoursByWeekday: [5, 5, 5, 5, 5, 5, 5], daysOff: [] });
    expect(routine?.explanation).toContain('Morning 1.5 h + Afternoon 2.5 h + Evening 1 h = 5 h a day');
    expect(routine?.explanation).toContain('Weekend (weekly, no hours given)');
    expect(validateCapacity(routine?.capacity as never)).toBeTruthy();
  });

  it('puts weekly weekend hours on Saturday and Sunday, other weekly hours over the week', () => {
    const routine = capacityFromRoutine(
      roadmapOf([
        block('Evenings', { recurrence: 'daily', hours: { min: 1, max: 1 } }),
        block('Weekend', { recurrence: 'weekly', hours: { min: 4, max: 6 } }),
        block('Reading', { recurrence: 'weekly', hours: { min: 7, max: 7 } }),
        block('Monthly Review', { kind: 'review', recurrence: 'monthly', hours: { min: 3, max: 3 } }),
      ]),
    );
    expect(routine?.capacity.hoursByWeekday).toEqual([4.5, 2, 2, 2, 2, 2, 4.5]);
    expect(routine?.explanation).toContain('Monthly Review (monthly) is not counted');
  });

  it('counts a block once, not again for its habits', () => {
    const habit = block('Read', { kind: 'habit', recurrence: 'daily', hours: { min: 1, max: 1 } });
    const routine = capacityFromRoutine(
      roadmapOf([block('Morning', { recurrence: 'daily', hours: { min: 2, max: 2 }, children: [habit] })]),
    );
    expect(routine?.capacity.hoursByWeekday).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it("falls back to the goal's weekly hours, else gives nothing", () => {
    expect(capacityFromRoutine(roadmapOf([], { weeklyHours: 14 }))?.capacity.hoursByWeekday).toEqual([
      2, 2, 2, 2, 2, 2, 2,
    ]);
    expect(capacityFromRoutine(roadmapOf([block('Weekend', { recurrence: 'weekly' })]))).toBeUndefined();
    expect(capacityFromRoutine(importBundled('dev-to-ai-engineer').roadmap)).toBeUndefined();
  });

  it('caps an impossible routine at 24 h a day', () => {
    const routine = capacityFromRoutine(
      roadmapOf([block('All', { recurrence: 'daily', hours: { min: 30, max: 30 } })]),
    );
    expect(routine?.capacity.hoursByWeekday).toEqual([24, 24, 24, 24, 24, 24, 24]);
    expect(routine?.explanation).toContain('capped at 24 h');
  });
});
