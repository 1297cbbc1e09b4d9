/**
 * A starting capacity read from the roadmap's own routine ("Morning (1-2 hours)", daily), so a learner
 * can plan before setting hours. Every choice made is spelled out in the explanation.
 */
import type { Node, Roadmap } from '../model/roadmap.js';
import type { Capacity, WeekHours } from './capacity.js';

export interface RoutineCapacity {
  capacity: Capacity;
  explanation: string;
}

const WEEKEND = /\b(weekends?|saturdays?|sundays?)\b/i;
const SATURDAY = 6;
const SUNDAY = 0;

const midpoint = (range: { min: number; max: number }) => (range.min + range.max) / 2;
const round = (hours: number) => Math.round(hours * 100) / 100;
const h = (hours: number) => `${round(hours)} h`;

/** Routine blocks: the outermost nodes with a recurrence (a block's habits repeat its recurrence). */
function routineBlocks(nodes: readonly Node[]): Node[] {
  const blocks: Node[] = [];
  const visit = (node: Node) => {
    if (node.recurrence) blocks.push(node);
    else for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return blocks;
}

/**
 * Daily blocks with hours count every day, at the midpoint of their range (Morning 1-2 h -> 1.5 h).
 * Weekly blocks with hours go to Saturday and Sunday (half each) when titled weekend/Saturday/Sunday,
 * else spread over the 7 days. Weekly blocks with no hours ("Weekend") add nothing: the weekend days
 * keep the daily total, like every other day. Monthly blocks are reviews and planning, not study time.
 * With no routine hours at all, `goal.weeklyHours` is spread evenly; with neither, there is no capacity.
 */
export function capacityFromRoutine(roadmap: Roadmap): RoutineCapacity | undefined {
  const week: number[] = [0, 0, 0, 0, 0, 0, 0];
  const daily: string[] = [];
  let dailyTotal = 0;
  const notes: string[] = [];
  for (const block of routineBlocks(roadmap.nodes)) {
    const hours = block.hours;
    if (block.recurrence === 'monthly') {
      notes.push(`${block.title} (monthly) is not counted as study time.`);
    } else if (!hours) {
      const weekend = block.recurrence === 'weekly' && WEEKEND.test(block.title);
      notes.push(
        weekend
          ? `${block.title} (weekly, no hours given): weekend days get the daily total like other days.`
          : `${block.title} (${block.recurrence}, no hours given) adds nothing.`,
      );
    } else if (block.recurrence === 'daily') {
      for (let day = 0; day < 7; day++) week[day] = (week[day] ?? 0) + midpoint(hours);
      daily.push(`${block.title} ${h(midpoint(hours))}`);
      dailyTotal += midpoint(hours);
    } else if (WEEKEND.test(block.title)) {
      week[SATURDAY] = (week[SATURDAY] ?? 0) + midpoint(hours) / 2;
      week[SUNDAY] = (week[SUNDAY] ?? 0) + midpoint(hours) / 2;
      notes.push(`${block.title} (weekly, ${h(midpoint(hours))}) is split between Saturday and Sunday.`);
    } else {
      for (let day = 0; day < 7; day++) week[day] = (week[day] ?? 0) + midpoint(hours) / 7;
      notes.push(`${block.title} (weekly, ${h(midpoint(hours))}) is spread over the week.`);
    }
  }
  let summary: string;
  if (!week.some((hours) => hours > 0)) {
    const weeklyHours = roadmap.goal?.weeklyHours;
    if (!weeklyHours || weeklyHours <= 0) return undefined;
    week.fill(weeklyHours / 7);
    summary = `The roadmap asks for ${h(weeklyHours)} a week: ${h(weeklyHours / 7)} every day.`;
  } else {
    const total = daily.length > 0 ? `${daily.join(' + ')} = ${h(dailyTotal)} a day` : 'no daily blocks';
    summary = `From the roadmap's routine (midpoints of the ranges): ${total}.`;
  }
  if (week.some((hours) => hours > 24)) {
    notes.push('The routine adds up to more than 24 h on some days; capped at 24 h.');
  }
  const hoursByWeekday = week.map((hours) => round(Math.min(24, hours))) as unknown as WeekHours;
  return { capacity: { hoursByWeekday, daysOff: [] }, explanation: [summary, ...notes].join(' ') };
}
