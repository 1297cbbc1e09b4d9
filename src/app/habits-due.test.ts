import { describe, expect, it } from 'vitest';
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { habitsDue } from './habits-due.js';

const node = (id: string, title: string, extra: Partial<Node> = {}, children: Node[] = []): Node => ({
  id,
  title,
  kind: 'habit',
  trackable: false,
  source: { line: 1, endLine: 1 },
  children,
  ...extra,
});

const roadmap: Roadmap = {
  schemaVersion: 1,
  id: 'r',
  title: 'Routine',
  source: { sha256: '0', format: 'markdown' },
  nodes: [
    node('routine', 'Routine', { kind: 'section' }, [
      node('morning', 'Morning', { kind: 'section', recurrence: 'daily', hours: { min: 1, max: 2 } }, [
        node('m1', 'Read a paper', { recurrence: 'daily' }),
        node('m2', 'Theory', { recurrence: 'daily' }),
      ]),
      node('weekend', 'Weekend', { kind: 'section', recurrence: 'weekly' }, [
        node('w1', 'Deep dive', { recurrence: 'weekly' }),
      ]),
      node('retro', 'Weekly retro', { recurrence: 'weekly', hours: { min: 1, max: 1 } }),
      node('monthly', 'Monthly Review', { kind: 'review', recurrence: 'monthly' }),
    ]),
  ],
};

const ids = (date: string) => habitsDue(roadmap, date).map((habit) => [habit.nodeId, habit.minutes]);

describe('habitsDue', () => {
  it('daily blocks every day, their time shared among their habits', () => {
    expect(ids('2026-01-07')).toEqual([
      ['m1', 45],
      ['m2', 45],
    ]);
  });

  it('weekly blocks on Monday, or at the weekend when titled so; monthly ones on the 1st', () => {
    expect(ids('2026-01-05')).toEqual([
      ['m1', 45],
      ['m2', 45],
      ['retro', 60],
    ]);
    expect(ids('2026-01-10').map(([id]) => id)).toEqual(['m1', 'm2', 'w1']);
    expect(ids('2026-01-11').map(([id]) => id)).toEqual(['m1', 'm2', 'w1']);
    expect(ids('2026-02-01')).toEqual([
      ['m1', 45],
      ['m2', 45],
      ['w1', null],
      ['monthly', null],
    ]);
  });
});
