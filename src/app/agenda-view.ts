/**
 * What to do on a day (`waymark today`, GET /api/today) and in the week ahead (`waymark week`): the items the
 * plan puts on the day, the items in progress, and the routine habits due, each with the minutes it should take.
 * A day from today on reads today's plan; a past day reads the plan as it stood that day (events up to it).
 */
import type { Node } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import {
  addDays,
  type CalendarDate,
  parseCalendarDate,
  WEEKDAY_NAMES,
  weekday,
} from '../core/plan/calendar-date.js';
import { hoursOn } from '../core/plan/capacity.js';
import type { DayPlan } from '../core/plan/plan-roadmap.js';
import type { Status } from '../core/progress/events.js';
import { nodeProgress } from '../core/progress/fold.js';
import { isLeaf } from '../core/progress/items.js';
import { type HabitDue, habitsDue } from './habits-due.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { allRoadmaps, loadRoadmap, type PlanContext, planContext } from './plan-context.js';
import type { Workspace } from './workspace.js';

export type { HabitDue } from './habits-due.js';

export interface AgendaRequest {
  /** YYYY-MM-DD; default the learner's today. */
  date?: string;
  /** Only this roadmap (default: every roadmap with work left). */
  roadmapId?: string;
  /** Minutes kept for spaced review each day; default: what the review service expects for the roadmap. */
  reviewMinutesPerDay?: number;
  timeZone?: string;
}

export interface AgendaItem {
  roadmapId: string;
  nodeId: string;
  title: string;
  /** Minutes of this item planned on the day. */
  minutes: number;
  phaseId: string | null;
  phaseTitle: string | null;
  status: Status;
  /** The item runs over several days; `part` of `parts` falls on this one. */
  part: number;
  parts: number;
}

export interface InProgressItem {
  roadmapId: string;
  nodeId: string;
  title: string;
  /** Minutes planned for it on the day, else what its estimate says is left. */
  minutes: number;
  loggedMinutes: number;
  plannedOnDay: boolean;
}

export interface AgendaRoadmap {
  roadmapId: string;
  title: string;
  nothingLeft: boolean;
  /** Study minutes the capacity gives on the day (0 on a day off). */
  capacityMinutes: number;
  dayOff: boolean;
  plannedMinutes: number;
  finish: { min: CalendarDate; max: CalendarDate } | null;
}

export interface AgendaView {
  date: CalendarDate;
  /** The learner's today. */
  today: CalendarDate;
  weekday: string;
  planned: AgendaItem[];
  inProgress: InProgressItem[];
  habits: HabitDue[];
  reviewMinutes: number;
  plannedMinutes: number;
  habitMinutes: number;
  roadmaps: AgendaRoadmap[];
}

export interface WeekView {
  from: CalendarDate;
  to: CalendarDate;
  today: CalendarDate;
  days: AgendaView[];
  plannedMinutes: number;
  capacityMinutes: number;
}

const minutesOf = (hours: number) => Math.round(hours * 60);
/** A past day reads the plan as it stood then; any later day reads today's plan. */
const earlierOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? a : b);

interface Indexed {
  context: PlanContext;
  byDate: Map<CalendarDate, DayPlan>;
  /** Days each item is spread over, in order. */
  itemDays: Map<string, CalendarDate[]>;
  nodes: Map<string, Node>;
  phaseTitles: Map<string, string>;
  phaseOf: Map<string, string>;
}

function index(context: PlanContext): Indexed {
  const byDate = new Map<CalendarDate, DayPlan>();
  const itemDays = new Map<string, CalendarDate[]>();
  for (const day of context.plan.days) {
    byDate.set(day.date, day);
    for (const piece of day.items) {
      const days = itemDays.get(piece.nodeId) ?? [];
      days.push(day.date);
      itemDays.set(piece.nodeId, days);
    }
  }
  const nodes = new Map<string, Node>();
  for (const { node } of walkNodes(context.roadmap.nodes)) nodes.set(node.id, node);
  const phaseTitles = new Map(context.plan.phases.map((phase) => [phase.id, phase.title]));
  const phaseOf = new Map<string, string>();
  for (const item of context.plan.items) if (item.phaseId) phaseOf.set(item.nodeId, item.phaseId);
  return { context, byDate, itemDays, nodes, phaseTitles, phaseOf };
}

function contexts(
  workspace: Workspace,
  request: AgendaRequest,
  planDate: CalendarDate,
  realToday: CalendarDate,
) {
  const timeZone = request.timeZone ?? learnerTimeZone();
  const roadmaps =
    request.roadmapId !== undefined ? [loadRoadmap(workspace, request.roadmapId)] : allRoadmaps(workspace);
  const planRequest = {
    today: planDate,
    ...(request.reviewMinutesPerDay === undefined
      ? {}
      : { reviewMinutesPerDay: request.reviewMinutesPerDay }),
  };
  return roadmaps.map((roadmap) => index(planContext(workspace, roadmap, planRequest, timeZone, realToday)));
}

function agendaOn(all: readonly Indexed[], date: CalendarDate, today: CalendarDate): AgendaView {
  const planned: AgendaItem[] = [];
  const inProgress: InProgressItem[] = [];
  const habits: HabitDue[] = [];
  const roadmaps: AgendaRoadmap[] = [];
  for (const entry of all) {
    const { context } = entry;
    const { roadmap, plan } = context;
    const capacityMinutes = minutesOf(hoursOn(context.capacity.capacity, date));
    const before = date < plan.start;
    const summary: AgendaRoadmap = {
      roadmapId: roadmap.id,
      title: roadmap.title,
      nothingLeft: plan.nothingLeft,
      capacityMinutes: before ? 0 : capacityMinutes,
      dayOff: capacityMinutes === 0,
      plannedMinutes: 0,
      finish: plan.nothingLeft ? null : plan.finish,
    };
    roadmaps.push(summary);
    if (plan.nothingLeft) continue;
    const day = entry.byDate.get(date);
    const plannedHere = new Map<string, number>();
    for (const piece of day?.items ?? []) {
      const node = entry.nodes.get(piece.nodeId);
      const minutes = minutesOf(piece.hours);
      const days = entry.itemDays.get(piece.nodeId) ?? [date];
      const phaseId = entry.phaseOf.get(piece.nodeId) ?? null;
      plannedHere.set(piece.nodeId, minutes);
      summary.plannedMinutes += minutes;
      planned.push({
        roadmapId: roadmap.id,
        nodeId: piece.nodeId,
        title: node?.title ?? piece.nodeId,
        minutes,
        phaseId,
        phaseTitle: phaseId ? (entry.phaseTitles.get(phaseId) ?? null) : null,
        status: context.status.get(piece.nodeId) ?? 'todo',
        part: days.indexOf(date) + 1,
        parts: days.length,
      });
    }
    for (const [nodeId, status] of context.status) {
      const node = entry.nodes.get(nodeId);
      // Leaves only: a parent is in progress through the items beneath it, which are listed themselves.
      if (status !== 'doing' || !node || !isLeaf(node)) continue;
      const hours = context.effort.items.get(nodeId);
      const here = plannedHere.get(nodeId);
      inProgress.push({
        roadmapId: roadmap.id,
        nodeId,
        title: node.title,
        minutes: here ?? (hours ? minutesOf((hours.min + hours.max) / 2) : 0),
        loggedMinutes: nodeProgress(context.state, roadmap.id, nodeId).minutes,
        plannedOnDay: here !== undefined,
      });
    }
    habits.push(...habitsDue(roadmap, date));
  }
  // Each roadmap keeps its own review time free on its study days (see plan-context.ts).
  let reviewMinutes = 0;
  for (const entry of all) {
    const { plan, capacity, reviewMinutesPerDay } = entry.context;
    if (!plan.nothingLeft && date >= plan.start && hoursOn(capacity.capacity, date) > 0) {
      reviewMinutes += reviewMinutesPerDay;
    }
  }
  return {
    date,
    today,
    weekday: WEEKDAY_NAMES[weekday(date)] as string,
    planned,
    inProgress,
    habits,
    reviewMinutes: Math.round(reviewMinutes),
    plannedMinutes: planned.reduce((sum, item) => sum + item.minutes, 0),
    habitMinutes: habits.reduce((sum, habit) => sum + (habit.minutes ?? 0), 0),
    roadmaps,
  };
}

function dates(workspace: Workspace, request: AgendaRequest) {
  const timeZone = request.timeZone ?? learnerTimeZone();
  const today = learnerToday(workspace, timeZone);
  const date = request.date === undefined ? today : parseCalendarDate(request.date, 'date');
  return { today, date, timeZone };
}

/** `waymark today [--date D]`, GET /api/today. */
export function agendaView(workspace: Workspace, request: AgendaRequest = {}): AgendaView {
  const { today, date, timeZone } = dates(workspace, request);
  const planDate = earlierOf(date, today);
  const all = contexts(workspace, { ...request, timeZone }, planDate, today);
  return agendaOn(all, date, today);
}

/** `waymark next`: the agenda of the first day from the date on with planned work (today if it has some). */
export function nextAgenda(workspace: Workspace, request: AgendaRequest = {}): AgendaView {
  const { today, date, timeZone } = dates(workspace, request);
  const planDate = earlierOf(date, today);
  const all = contexts(workspace, { ...request, timeZone }, planDate, today);
  let next: CalendarDate | undefined;
  for (const entry of all) {
    const day = entry.context.plan.days.find((candidate) => candidate.date >= date);
    if (day && (next === undefined || day.date < next)) next = day.date;
  }
  return agendaOn(all, next ?? date, today);
}

/** `waymark week [--date D]`: seven agendas from the date (default today), planned as of its first day. */
export function weekView(workspace: Workspace, request: AgendaRequest = {}): WeekView {
  const { today, date, timeZone } = dates(workspace, request);
  const planDate = earlierOf(date, today);
  const all = contexts(workspace, { ...request, timeZone }, planDate, today);
  const days = Array.from({ length: 7 }, (_, offset) => agendaOn(all, addDays(date, offset), today));
  return {
    from: date,
    to: addDays(date, 6),
    today,
    days,
    plannedMinutes: days.reduce((sum, day) => sum + day.plannedMinutes, 0),
    capacityMinutes: days.reduce(
      (sum, day) => sum + day.roadmaps.reduce((inner, roadmap) => inner + roadmap.capacityMinutes, 0),
      0,
    ),
  };
}
