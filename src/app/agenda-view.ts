/**
 * What to do on a day (`waymark today`, GET /api/today) and in the week ahead (`waymark week`): the day's
 * capacity and what review, habits and each roadmap's items take of it (one shared plan, so the numbers add
 * up), the items in progress, the habits and milestones due.
 * A day from today on reads today's plan; a past day reads the plan as it stood that day (events up to it).
 * The agenda of today or a past day is that day's plan as it began (plan-context.ts `dayStart`), with what was
 * done on it set against it (day-record.ts): logging time or finishing an item never re-plans the day under the
 * learner; each item says how much of its planned time was logged, and the day how much of its capacity.
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
import type { DayPlan } from '../core/plan/plan-roadmap.js';
import type { Status } from '../core/progress/events.js';
import { nodeProgress } from '../core/progress/fold.js';
import { isLeaf } from '../core/progress/items.js';
import { type DayRecord, dayRecord, type LoggedOnDay } from './day-record.js';
import { forecastView } from './forecast-view.js';
import { type HabitDue, habitsDue } from './habits-due.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { milestoneViews } from './milestones-view.js';
import {
  contextOf,
  type LearnerContext,
  learnerContext,
  loadRoadmap,
  type PlanContext,
} from './plan-context.js';
import { dueCards } from './review-service.js';
import type { Workspace } from './workspace.js';

export type { LoggedOnDay } from './day-record.js';
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
  /** On the agenda its status now (at the end of the day for a past day), not as the day began. */
  status: Status;
  /** The item runs over several days; `part` of `parts` falls on this one. */
  part: number;
  parts: number;
}

/** An item of the day's agenda, with the time logged on it that day. */
export interface DayItem extends AgendaItem {
  /** Minutes logged on it on the day. */
  loggedMinutes: number;
  /** Planned minutes not logged yet: `minutes - loggedMinutes`, never below 0; 0 once done or skipped. */
  leftMinutes: number;
}

export interface InProgressItem {
  roadmapId: string;
  nodeId: string;
  title: string;
  /** Minutes the plan puts on it on the day (0 when it is not planned that day). */
  minutes: number;
  /** What its estimate says is left of it (max effort). */
  remainingMinutes: number;
  loggedMinutes: number;
  plannedOnDay: boolean;
  /** Its status now: `doing`, or what it became during the day. */
  status: Status;
}

export interface AgendaRoadmap {
  roadmapId: string;
  title: string;
  nothingLeft: boolean;
  paused: boolean;
  plannedMinutes: number;
  finish: { min: CalendarDate; max: CalendarDate } | null;
  /** The roadmap's one-line forecast verdict (forecast-view.ts), as `plan` says it; today and next only. */
  status?: string;
}

/** A milestone of a roadmap that falls due on the day. */
export interface MilestoneDue {
  roadmapId: string;
  nodeId: string;
  title: string;
  due: CalendarDate;
  /** Every item of it done by then in the plan. */
  reached: boolean;
  openItems: { nodeId: string; title: string }[];
}

/** One day of the learner's time, across every roadmap: what `week --json` lists per day. */
export interface DayView {
  date: CalendarDate;
  weekday: string;
  /** The learner's study minutes that day (0 on a day off). */
  capacityMinutes: number;
  /**
   * Minutes already studied that day when the plan was made (a plan from now, during today): they come out
   * of the capacity before anything is planned. 0 for a day planned as it began, and for later days.
   */
  studiedMinutes: number;
  dayOff: boolean;
  /** Roadmap work planned (within capacity - review - habits inside). */
  plannedMinutes: number;
  /** Habit minutes planned: inside the capacity unless `habitsExtra`. */
  habitMinutes: number;
  /** What the routines ask for, before fitting them into the day. */
  habitMinutesAsked: number;
  habitsExtra: boolean;
  reviewMinutes: number;
  /** Capacity neither studied already nor planned for anything. */
  freeMinutes: number;
  items: AgendaItem[];
  habits: HabitDue[];
  milestones: MilestoneDue[];
}

export interface AgendaView extends DayView {
  /** The learner's today. */
  today: CalendarDate;
  items: DayItem[];
  /** Every minute logged on the day (items, review, time on no item), against `capacityMinutes`. */
  loggedMinutes: number;
  /** What was logged on the day, per item (also items not planned on it). */
  logged: LoggedOnDay[];
  /** Review cards due on the day (overdue ones included); null for a day other than today. */
  reviewsDue: number | null;
  /** Same as `items`: the roadmap work planned on the day. */
  planned: DayItem[];
  inProgress: InProgressItem[];
  roadmaps: AgendaRoadmap[];
}

export interface WeekView {
  from: CalendarDate;
  to: CalendarDate;
  today: CalendarDate;
  days: DayView[];
  plannedMinutes: number;
  capacityMinutes: number;
  /** Minutes already studied today (when the week starts today), taken out of its capacity. */
  studiedMinutes: number;
  habitMinutes: number;
  reviewMinutes: number;
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

interface Agenda {
  learner: LearnerContext;
  all: Indexed[];
}

function agenda(
  workspace: Workspace,
  request: AgendaRequest,
  planDate: CalendarDate,
  realToday: CalendarDate,
  dayStart = false,
): Agenda {
  const timeZone = request.timeZone ?? learnerTimeZone();
  const learner = learnerContext(
    workspace,
    {
      today: planDate,
      dayStart,
      ...(request.reviewMinutesPerDay === undefined
        ? {}
        : { reviewMinutesPerDay: request.reviewMinutesPerDay }),
    },
    timeZone,
    realToday,
  );
  if (request.roadmapId !== undefined) {
    const roadmap = loadRoadmap(workspace, request.roadmapId);
    const context = contextOf(learner, roadmap.id); // a paused roadmap is refused here
    return { learner, all: [index(context)] };
  }
  return { learner, all: learner.roadmaps.map(index) };
}

/** The day across every roadmap (or the one asked for): the planner's budget, its items, habits, milestones. */
function dayOn(
  source: Agenda,
  date: CalendarDate,
  record?: DayRecord,
): DayView & { inProgress: InProgressItem[]; roadmaps: AgendaRoadmap[] } {
  const { learner, all } = source;
  const budget = learner.budgetOn(date);
  const capacityMinutes = minutesOf(budget.capacity);
  const studiedMinutes = minutesOf(budget.studied);
  const reviewMinutes = minutesOf(budget.review);
  const habitFactor = budget.habitsAsked > 0 ? budget.habits / budget.habitsAsked : 0;
  const items: AgendaItem[] = [];
  const inProgress: InProgressItem[] = [];
  const habits: HabitDue[] = [];
  const milestones: MilestoneDue[] = [];
  const roadmaps: AgendaRoadmap[] = [];
  let cumulative = 0; // minutes are rounded on the running total, so they add up to the day's
  for (const entry of all) {
    const { context } = entry;
    const { roadmap, plan } = context;
    const summary: AgendaRoadmap = {
      roadmapId: roadmap.id,
      title: roadmap.title,
      nothingLeft: plan.nothingLeft,
      paused: false,
      plannedMinutes: 0,
      finish: plan.nothingLeft ? null : plan.finish,
    };
    roadmaps.push(summary);
    milestones.push(...milestonesDue(context, date));
    if (plan.nothingLeft) continue;
    const day = entry.byDate.get(date);
    // What the day's record says now; the plan's own (as the day began) without one.
    const status = record ? record.statusOf(roadmap) : context.status;
    const plannedHere = new Map<string, number>();
    for (const piece of day?.items ?? []) {
      const node = entry.nodes.get(piece.nodeId);
      const before = Math.round(cumulative * 60);
      cumulative += piece.hours;
      const minutes = Math.round(cumulative * 60) - before;
      const days = entry.itemDays.get(piece.nodeId) ?? [date];
      const phaseId = entry.phaseOf.get(piece.nodeId) ?? null;
      plannedHere.set(piece.nodeId, minutes);
      summary.plannedMinutes += minutes;
      items.push({
        roadmapId: roadmap.id,
        nodeId: piece.nodeId,
        title: node?.title ?? piece.nodeId,
        minutes,
        phaseId,
        phaseTitle: phaseId ? (entry.phaseTitles.get(phaseId) ?? null) : null,
        status: status.get(piece.nodeId) ?? 'todo',
        part: days.indexOf(date) + 1,
        parts: days.length,
      });
    }
    // In progress as the day began or now: an item finished during the day stays listed, shown done.
    const doing = new Set<string>();
    for (const source of [context.status, status])
      for (const [nodeId, itemStatus] of source) if (itemStatus === 'doing') doing.add(nodeId);
    for (const nodeId of doing) {
      const node = entry.nodes.get(nodeId);
      // Leaves only: a parent is in progress through the items beneath it, which are listed themselves.
      if (!node || !isLeaf(node)) continue;
      const hours = context.effort.items.get(nodeId);
      const here = plannedHere.get(nodeId);
      inProgress.push({
        roadmapId: roadmap.id,
        nodeId,
        title: node.title,
        // Today's load is what the plan puts on the day; what is left of it is a separate number.
        minutes: here ?? 0,
        remainingMinutes: hours ? minutesOf(hours.max) : 0,
        loggedMinutes: nodeProgress(record?.state ?? context.state, roadmap.id, nodeId).minutes,
        plannedOnDay: here !== undefined,
        status: status.get(nodeId) ?? 'todo',
      });
    }
    if (budget.capacity > 0 && date >= plan.start) {
      for (const habit of habitsDue(roadmap, date)) {
        habits.push({
          ...habit,
          minutes:
            habit.minutes === null
              ? null
              : Math.round(habit.minutes * (budget.habitsExtra ? 1 : habitFactor)),
        });
      }
    }
  }
  for (const paused of learner.paused) {
    if (all.length === learner.roadmaps.length) {
      roadmaps.push({
        roadmapId: paused.id,
        title: paused.title,
        nothingLeft: false,
        paused: true,
        plannedMinutes: 0,
        finish: null,
      });
    }
  }
  const habitMinutes = habits.reduce((sum, habit) => sum + (habit.minutes ?? 0), 0);
  const plannedMinutes = items.reduce((sum, item) => sum + item.minutes, 0);
  const inside = budget.habitsExtra ? 0 : habitMinutes;
  return {
    date,
    weekday: WEEKDAY_NAMES[weekday(date)] as string,
    capacityMinutes,
    studiedMinutes,
    dayOff: capacityMinutes === 0,
    plannedMinutes,
    habitMinutes,
    habitMinutesAsked: minutesOf(budget.habitsAsked),
    habitsExtra: budget.habitsExtra,
    reviewMinutes,
    freeMinutes: Math.max(0, capacityMinutes - studiedMinutes - plannedMinutes - reviewMinutes - inside),
    items,
    habits,
    milestones,
    inProgress,
    roadmaps,
  };
}

/** Milestones of the roadmap due on the date, with whether the plan reaches them. */
function milestonesDue(context: PlanContext, date: CalendarDate): MilestoneDue[] {
  return milestoneViews(context)
    .filter((milestone) => milestone.due === date)
    .map((milestone) => ({
      roadmapId: context.roadmap.id,
      nodeId: milestone.id,
      title: milestone.title,
      due: milestone.due,
      reached: milestone.reached,
      openItems: milestone.openItems,
    }));
}

function dates(workspace: Workspace, request: AgendaRequest) {
  const timeZone = request.timeZone ?? learnerTimeZone();
  const today = learnerToday(workspace, timeZone);
  const date = request.date === undefined ? today : parseCalendarDate(request.date, 'date');
  return { today, date, timeZone };
}

function agendaViewOf(
  workspace: Workspace,
  source: Agenda,
  date: CalendarDate,
  today: CalendarDate,
  request: AgendaRequest & { timeZone: string },
): AgendaView {
  const roadmaps =
    request.roadmapId !== undefined
      ? source.all.map((entry) => entry.context.roadmap)
      : [...source.all.map((entry) => entry.context.roadmap), ...source.learner.paused];
  const record = dayRecord(workspace, roadmaps, date, today, request.timeZone);
  const day = dayOn(source, date, record);
  // The status is the forecast of the plan from now, the one `plan` and the Overview show (today's list is
  // planned as the day began, which leaves the day's own work out); a past day's plan is history, not a forecast.
  if (date >= today) {
    const now = date === today ? agenda(workspace, request, today, today) : source;
    for (const summary of day.roadmaps) {
      const entry = now.all.find((candidate) => candidate.context.roadmap.id === summary.roadmapId);
      if (entry && !summary.nothingLeft) summary.status = forecastView(entry.context).summary;
    }
  }
  const items = day.items.map((item): DayItem => {
    const loggedMinutes = record.loggedOn(item.roadmapId, item.nodeId);
    // A finished (or skipped) item has nothing left, however little was logged on it.
    const open = item.status === 'todo' || item.status === 'doing';
    return { ...item, loggedMinutes, leftMinutes: open ? Math.max(0, item.minutes - loggedMinutes) : 0 };
  });
  const reviewsDue =
    date === today
      ? dueCards(workspace, {
          timeZone: request.timeZone,
          date,
          ...(request.roadmapId !== undefined ? { roadmapId: request.roadmapId } : {}),
        }).cards.length
      : null;
  return {
    ...day,
    items,
    today,
    planned: items,
    loggedMinutes: record.loggedMinutes,
    logged: record.logged,
    reviewsDue,
  };
}

/** Today or a past day is planned as it began; a later day reads today's plan as it stands. */
function agendaSource(workspace: Workspace, request: AgendaRequest) {
  const { today, date, timeZone } = dates(workspace, request);
  const full = { ...request, timeZone };
  return { today, date, full, source: agenda(workspace, full, earlierOf(date, today), today, date <= today) };
}

/** `waymark today [--date D]`, GET /api/today. */
export function agendaView(workspace: Workspace, request: AgendaRequest = {}): AgendaView {
  const { today, date, full, source } = agendaSource(workspace, request);
  return agendaViewOf(workspace, source, date, today, full);
}

/** `waymark next`: the agenda of the first day from the date on with planned work (today if it has some). */
export function nextAgenda(workspace: Workspace, request: AgendaRequest = {}): AgendaView {
  const { today, date, full, source } = agendaSource(workspace, request);
  let next: CalendarDate | undefined;
  for (const entry of source.all) {
    const day = entry.context.plan.days.find((candidate) => candidate.date >= date);
    if (day && (next === undefined || day.date < next)) next = day.date;
  }
  return agendaViewOf(workspace, source, next ?? date, today, full);
}

/** `waymark week [--date D]`: seven days from the date (default today), planned as of its first day. */
export function weekView(workspace: Workspace, request: AgendaRequest = {}): WeekView {
  const { today, date, timeZone } = dates(workspace, request);
  const source = agenda(workspace, { ...request, timeZone }, earlierOf(date, today), today);
  const days = Array.from({ length: 7 }, (_, offset): DayView => {
    const { inProgress: _inProgress, roadmaps: _roadmaps, ...day } = dayOn(source, addDays(date, offset));
    return day;
  });
  const sum = (pick: (day: DayView) => number) => days.reduce((total, day) => total + pick(day), 0);
  return {
    from: date,
    to: addDays(date, 6),
    today,
    days,
    plannedMinutes: sum((day) => day.plannedMinutes),
    capacityMinutes: sum((day) => day.capacityMinutes),
    studiedMinutes: sum((day) => day.studiedMinutes),
    habitMinutes: sum((day) => day.habitMinutes),
    reviewMinutes: sum((day) => day.reviewMinutes),
  };
}

/**
 * The day's numbers from a learner context the caller already built (the overview plans once per request
 * for its forecasts, burn-ups and today's work): the same `dayOn` as `today`, so the minutes cannot disagree.
 * Each roadmap's `status` (the forecast line) is left to the caller, which has the forecast at hand.
 */
export function dayOfLearner(
  learner: LearnerContext,
  date: CalendarDate,
): DayView & { inProgress: InProgressItem[]; roadmaps: AgendaRoadmap[] } {
  return dayOn({ learner, all: learner.roadmaps.map(index) }, date);
}
