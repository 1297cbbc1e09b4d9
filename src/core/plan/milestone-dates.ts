/**
 * Milestones with a date: "3-Month Goal" (`due.after`) counts from the roadmap's start, a `due.date` is
 * itself. Months are calendar months (clamped to the month's last day), so "3 months in" from 2026-01-31 is
 * 2026-04-30.
 */
import type { Node } from '../model/roadmap.js';
import { addDays, type CalendarDate } from './calendar-date.js';

export interface DatedMilestone {
  node: Node;
  due: CalendarDate;
}

function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + Math.round(months);
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const last = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(targetYear).padStart(4, '0')}-${pad(targetMonth)}-${pad(Math.min(day, last))}`;
}

/** The date a milestone falls due, counted from `start`; undefined when it has no due date. */
export function milestoneDue(node: Node, start: CalendarDate): CalendarDate | undefined {
  const due = node.due;
  if (!due) return undefined;
  if (due.date) return due.date;
  const after = due.after;
  if (!after || !(after.value > 0)) return undefined;
  switch (after.unit) {
    case 'months':
      return Number.isInteger(after.value)
        ? addMonths(start, after.value)
        : addDays(start, Math.round(after.value * 30.44));
    case 'weeks':
      return addDays(start, Math.round(after.value * 7));
    case 'days':
      return addDays(start, Math.round(after.value));
    case 'hours':
      return addDays(start, Math.ceil(after.value / 24));
    default:
      return undefined;
  }
}

/** Every milestone of the roadmap with a due date, in document order. */
export function datedMilestones(nodes: readonly Node[], start: CalendarDate): DatedMilestone[] {
  const found: DatedMilestone[] = [];
  const visit = (node: Node) => {
    const due = node.kind === 'milestone' ? milestoneDue(node, start) : undefined;
    if (due) found.push({ node, due });
    for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return found;
}
