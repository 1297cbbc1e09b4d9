/**
 * Which routine habits fall on a date. Routine blocks (nodes with a recurrence, e.g. "Morning (1-2 hours)",
 * daily) are not remaining work: they are the learner's standing slots, shown in the agenda with their time,
 * inside the learner's capacity unless the learner declared habits extra (plan-context.ts).
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

/** The roadmap is immutable data: its routine blocks are found once per node list. */
const blockCache = new WeakMap<readonly Node[], Node[]>();

function blocks(nodes: readonly Node[]): Node[] {
  const cached = blockCache.get(nodes);
  if (cached) return cached;
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.recurrence) found.push(node);
    else for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  blockCache.set(nodes, found);
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
  for (const block of blocks(roadmap.nodes)) if (isDue(block, date)) due.push(...dueOn(roadmap, block));
  return due;
}

function dueOn(roadmap: Roadmap, block: Node): HabitDue[] {
  const recurrence = block.recurrence as Recurrence;
  const habits = block.children.length > 0 ? block.children : [block];
  const blockMinutes = block.hours ? ((block.hours.min + block.hours.max) / 2) * 60 : null;
  return habits.map((habit) => {
    const own = habit.hours ? ((habit.hours.min + habit.hours.max) / 2) * 60 : null;
    const minutes = own ?? (blockMinutes === null ? null : blockMinutes / habits.length);
    return {
      roadmapId: roadmap.id,
      nodeId: habit.id,
      title: habit.title,
      minutes: minutes === null ? null : Math.round(minutes),
      recurrence,
      block: block.title,
    };
  });
}

/** Minutes of habits due on a date (the sum `habitsDue` lists), for the planner's daily reserve. */
export function habitSchedule(roadmap: Roadmap): ((date: CalendarDate) => number) | undefined {
  const routine = blocks(roadmap.nodes);
  if (routine.length === 0) return undefined;
  const minutes = new Map(
    routine.map((block) => [
      block,
      dueOn(roadmap, block).reduce((sum, habit) => sum + (habit.minutes ?? 0), 0),
    ]),
  );
  return (date) =>
    routine.reduce((sum, block) => sum + (isDue(block, date) ? (minutes.get(block) ?? 0) : 0), 0);
}
