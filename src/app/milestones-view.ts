/**
 * A roadmap's dated milestones against its plan (`plan`, `today`/`week` when due, the calendar, the API):
 * when each falls due, whether it is reached (every item ticked), which items would still be open, and which
 * phases the plan finishes by then.
 */
import { walkNodes } from '../core/model/roadmap.js';
import type { CalendarDate } from '../core/plan/calendar-date.js';
import { localDate } from '../core/plan/local-date.js';
import { datedMilestones } from '../core/plan/milestone-dates.js';
import { inLogOrder } from '../core/progress/order.js';
import { cancelledInLog } from '../core/progress/undo.js';
import type { PlanContext } from './plan-context.js';

export interface MilestoneView {
  id: string;
  title: string;
  due: CalendarDate;
  /** Where the count starts: the roadmap's start date, else its first activity, else today. */
  from: CalendarDate;
  /** Every item of the milestone is done or skipped. */
  reached: boolean;
  /** Planned work under the milestone all ends by the due date (null: its items are a checklist, not work). */
  planReaches: boolean | null;
  /** Items not done, with the day the plan finishes them (null for checklist items the learner ticks). */
  openItems: { nodeId: string; title: string; plannedEnd: CalendarDate | null }[];
  /** Phases the plan has finished by the due date (done ones included). */
  phasesDoneBy: { id: string; title: string }[];
}

/** The day the roadmap's milestones count from. */
export function roadmapStart(context: PlanContext): CalendarDate {
  if (context.settings.startDate) return context.settings.startDate;
  let first: string | undefined;
  const cancelled = cancelledInLog(inLogOrder(context.events)); // an undone change is no activity
  for (const event of context.events) {
    if (event.roadmapId !== context.roadmap.id || cancelled.has(event.changeId) || event.type === 'undo')
      continue;
    if (first === undefined || event.at < first) first = event.at;
  }
  return first ? localDate(first, context.timeZone) : context.realToday;
}

const closed = (status: string | undefined) => status === 'done' || status === 'skipped';

export function milestoneViews(context: PlanContext): MilestoneView[] {
  const from = roadmapStart(context);
  const ends = new Map(context.plan.items.map((item) => [item.nodeId, item.endMax]));
  return datedMilestones(context.roadmap.nodes, from).map(({ node, due }) => {
    const items = [...walkNodes(node.children)]
      .map(({ node: inner }) => inner)
      .filter((inner) => inner.trackable);
    const open = items.filter((item) => !closed(context.status.get(item.id)));
    const planned = open.filter((item) => ends.has(item.id));
    return {
      id: node.id,
      title: node.title,
      due,
      from,
      reached: open.length === 0 && (items.length > 0 || closed(context.status.get(node.id))),
      planReaches:
        planned.length === 0 ? null : planned.every((item) => (ends.get(item.id) as CalendarDate) <= due),
      openItems: open.map((item) => ({
        nodeId: item.id,
        title: item.title,
        plannedEnd: ends.get(item.id) ?? null,
      })),
      phasesDoneBy: context.plan.phases
        .filter((phase) => phase.done || phase.end <= due)
        .map((phase) => ({ id: phase.id, title: phase.title })),
    };
  });
}
