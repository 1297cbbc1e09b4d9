/**
 * Which routine habits fall on a date. Routine blocks (nodes with a recurrence, e.g. "Morning (1-2 hours)",
 * daily) are not remaining work: they are the learner's standing slots, shown in the agenda with their time.
 * Daily blocks are due every day; weekly blocks on Saturday and Sunday when titled for the weekend, else on
 * Monday; monthly blocks on the 1st. A block's hours (midpoint of its range) are shared among its habits.
 */
import type { Node, Recurrence, Roadmap } from '../core/model/roadmap.js';
import { type CalendarDate, weekday } from '../core/plan/calendar-date.js';

export interface HabitDue {
  roadmapId: string;
  nodeId: string;
  title: string;
  /** null when the routine gives no time for it. */
  minutes: number | null;
  recurrence: Recurrence;
  /** The routine block it belongs to ("Morning"), or its own title for a block without habits. */
  block: string;
}

const WEEKEND = /\b(weekends?|saturdays?|sundays?)\b/i;
const MONDAY = 1;

function blocks(nodes: readonly Node[]): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.recurrence) found.push(node);
    else for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return found;
}

function isDue(block: Node, date: CalendarDate): boolean {
  const day = weekday(date);
  switch (block.recurrence) {
    case 'daily':
      return true;
    case 'weekly':
      return WEEKEND.test(block.title) ? day === 0 || day === 6 : day === MONDAY;
    case 'monthly':
      return date.endsWith('-01');
    default:
      return false;
  }
}

export function habitsDue(roadmap: Roadmap, date: CalendarDate): HabitDue[] {
  const due: HabitDue[] = [];
  for (const block of blocks(roadmap.nodes)) {
    if (!isDue(block, date)) continue;
    const recurrence = block.recurrence as Recurrence;
    const habits = block.children.length > 0 ? block.children : [block];
    const blockMinutes = block.hours ? ((block.hours.min + block.hours.max) / 2) * 60 : null;
    for (const habit of habits) {
      const own = habit.hours ? ((habit.hours.min + habit.hours.max) / 2) * 60 : null;
      const minutes = own ?? (blockMinutes === null ? null : blockMinutes / habits.length);
      due.push({
        roadmapId: roadmap.id,
        nodeId: habit.id,
        title: habit.title,
        minutes: minutes === null ? null : Math.round(minutes),
        recurrence,
        block: block.title,
      });
    }
  }
  return due;
}
