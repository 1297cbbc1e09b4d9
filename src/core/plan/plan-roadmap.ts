/**
 * Planning to a date: the remaining work, in roadmap order and within the elective choices, packed into the
 * learner's capacity from today. Effort is a range, so every date comes twice: at min and at max effort.
 */
import { inputError } from '../errors.js';
import type { Node, Roadmap } from '../model/roadmap.js';
import type { Status } from '../progress/events.js';
import {
  type CalendarDate,
  fromDayNumber,
  laterOf,
  parseCalendarDate,
  toDayNumber,
} from './calendar-date.js';
import { type Capacity, validateCapacity } from './capacity.js';
import { dailyWorkHours } from './capacity-calendar.js';
import type { HoursRange } from './duration-hours.js';
import { type ElectiveSelection, resolveElectives } from './electives.js';
import type { EffortEstimate } from './estimate-effort.js';
import { packItems } from './pack-items.js';
import { checkTarget, type TargetCheck } from './target-check.js';
import { analyseWork, isEffortless } from './work-structure.js';

export interface PlanInput {
  roadmap: Roadmap;
  /** Current status per node id; anything absent is todo. Done or skipped closes the whole subtree. */
  status: ReadonlyMap<string, Status>;
  effort: EffortEstimate;
  capacity: Capacity;
  /** Chosen option ids per elective group id. */
  choices?: ReadonlyMap<string, readonly string[]>;
  /** The learner's calendar date (see localDate). */
  today: CalendarDate;
  target?: CalendarDate;
  /** Time kept free for spaced review each day, before any roadmap work. */
  reviewMinutesPerDay?: number;
}

export interface PlannedItem {
  nodeId: string;
  title: string;
  /** The nearest phase above it, if any. */
  phaseId?: string;
  hours: HoursRange;
  startMin: CalendarDate;
  endMin: CalendarDate;
  startMax: CalendarDate;
  endMax: CalendarDate;
}

export type PhasePlan =
  | { id: string; title: string; done: true; remainingItems: 0 }
  | {
      id: string;
      title: string;
      done: false;
      remainingItems: number;
      hours: HoursRange;
      /** `start`/`end` follow the max-effort schedule, like the agenda. */
      start: CalendarDate;
      end: CalendarDate;
      startMin: CalendarDate;
      startMax: CalendarDate;
      endMin: CalendarDate;
      endMax: CalendarDate;
    };

export interface DayPlan {
  date: CalendarDate;
  items: { nodeId: string; hours: number }[];
}

export interface Plan {
  /** The first day work can be planned: today, or the capacity's start date if later. */
  start: CalendarDate;
  nothingLeft: boolean;
  remaining: { items: number; hours: HoursRange };
  /** The day the last item is done, at min and at max effort. */
  finish: { min: CalendarDate; max: CalendarDate };
  items: PlannedItem[];
  phases: PhasePlan[];
  /** Day-by-day agenda of the max-effort schedule (days with work only); hours are not rounded. */
  days: DayPlan[];
  electives: ElectiveSelection[];
  reviewHoursPerDay: number;
  target?: TargetCheck;
}

interface Remaining {
  node: Node;
  phases: readonly Node[];
  hours: HoursRange;
}

const isClosed = (status: Status | undefined) => status === 'done' || status === 'skipped';

/** Remaining units in roadmap order, and every phase with whether anything is left in it. */
function remainingWork(input: PlanInput, excluded: ReadonlySet<Node>) {
  const { unitSet } = analyseWork(input.roadmap.nodes);
  const fallback = input.effort.assumptions.defaultItemHours;
  const items: Remaining[] = [];
  const phases: Node[] = [];
  const visit = (node: Node, closed: boolean, phaseChain: readonly Node[]) => {
    if (isEffortless(node) || excluded.has(node)) return;
    const shut = closed || isClosed(input.status.get(node.id));
    const chain = node.kind === 'phase' ? [...phaseChain, node] : phaseChain;
    if (node.kind === 'phase') phases.push(node);
    if (unitSet.has(node)) {
      const hours = input.effort.items.get(node.id) ?? { min: fallback, max: fallback };
      if (!shut) items.push({ node, phases: chain, hours });
      return;
    }
    for (const child of node.children) visit(child, shut, chain);
  };
  for (const node of input.roadmap.nodes) visit(node, false, []);
  return { items, phases };
}

function checkReview(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 24 * 60) {
    throw inputError(
      `Review time of ${minutes} minutes a day is not possible.`,
      'Give minutes between 0 and 1440.',
    );
  }
  return minutes / 60;
}

export function planRoadmap(input: PlanInput): Plan {
  const today = parseCalendarDate(input.today, 'date today');
  const capacity = validateCapacity(input.capacity);
  const reviewHours = checkReview(input.reviewMinutesPerDay ?? 0);
  const target = input.target === undefined ? undefined : parseCalendarDate(input.target, 'target date');
  if (target !== undefined && target < today) {
    throw inputError(
      `The target date ${target} is in the past (today is ${today}).`,
      'Choose a target date from today on.',
    );
  }
  const start = laterOf(today, capacity.start ?? today);
  const firstDay = toDayNumber(start);
  const electives = resolveElectives(input.roadmap.nodes, input.choices ?? new Map(), input.status);
  const work = remainingWork(input, electives.excluded);
  const remainingHours = { min: 0, max: 0 };
  for (const item of work.items) {
    remainingHours.min += item.hours.min;
    remainingHours.max += item.hours.max;
  }

  const daily = dailyWorkHours(capacity, reviewHours);
  if (work.items.length > 0 && capacity.hoursByWeekday.every((hours) => hours <= reviewHours)) {
    throw inputError(
      `Reviews (${input.reviewMinutesPerDay} min a day) take all the study hours of every weekday.`,
      'Add study hours or reserve fewer review minutes a day.',
    );
  }

  const dates = new Map<number, CalendarDate>(); // a plan spans few distinct days: convert each once
  const dateOf = (day: number) => {
    let date = dates.get(day);
    if (date === undefined) {
      date = fromDayNumber(day);
      dates.set(day, date);
    }
    return date;
  };

  const days: DayPlan[] = [];
  let lastDay = Number.NaN;
  const minPack = packItems(
    work.items.map((item) => item.hours.min),
    firstDay,
    daily,
  );
  const maxPack = packItems(
    work.items.map((item) => item.hours.max),
    firstDay,
    daily,
    (index, day, hours) => {
      if (day !== lastDay) {
        days.push({ date: dateOf(day), items: [] });
        lastDay = day;
      }
      (days[days.length - 1] as DayPlan).items.push({
        nodeId: (work.items[index] as Remaining).node.id,
        hours,
      });
    },
  );

  const items = work.items.map((item, index): PlannedItem => {
    const planned: PlannedItem = {
      nodeId: item.node.id,
      title: item.node.title,
      hours: item.hours,
      startMin: dateOf(minPack.start[index] ?? firstDay),
      endMin: dateOf(minPack.end[index] ?? firstDay),
      startMax: dateOf(maxPack.start[index] ?? firstDay),
      endMax: dateOf(maxPack.end[index] ?? firstDay),
    };
    const phase = item.phases[item.phases.length - 1];
    if (phase) planned.phaseId = phase.id; // set, not spread: this runs for every item
    return planned;
  });

  const nothingLeft = work.items.length === 0;
  return {
    start,
    nothingLeft,
    remaining: { items: work.items.length, hours: remainingHours },
    finish: nothingLeft
      ? { min: today, max: today }
      : { min: dateOf(minPack.finish), max: dateOf(maxPack.finish) },
    items,
    phases: phasePlans(work.phases, work.items, items),
    days,
    electives: electives.selections,
    reviewHoursPerDay: reviewHours,
    ...(target === undefined
      ? {}
      : {
          target: checkTarget({
            target,
            targetDay: toDayNumber(target),
            firstDay,
            finishMaxDay: nothingLeft ? toDayNumber(today) : maxPack.finish,
            remainingMaxHours: remainingHours.max,
            capacity,
            reserveHours: reviewHours,
            baseHours: dailyWorkHours(capacity),
          }),
        }),
  };
}

/** Phase dates span the items beneath them (nested phases included); a phase with nothing left is done. */
function phasePlans(
  phases: readonly Node[],
  work: readonly Remaining[],
  items: readonly PlannedItem[],
): PhasePlan[] {
  const spans = new Map<Node, { count: number; hours: HoursRange; first: PlannedItem; last: PlannedItem }>();
  work.forEach((entry, index) => {
    const item = items[index] as PlannedItem;
    for (const phase of entry.phases) {
      const span = spans.get(phase);
      if (!span) spans.set(phase, { count: 1, hours: { ...entry.hours }, first: item, last: item });
      else {
        span.count++;
        span.hours.min += entry.hours.min;
        span.hours.max += entry.hours.max;
        span.last = item; // items are in order, so the last one ends last in both schedules
      }
    }
  });
  return phases.map((phase): PhasePlan => {
    const span = spans.get(phase);
    if (!span) return { id: phase.id, title: phase.title, done: true, remainingItems: 0 };
    return {
      id: phase.id,
      title: phase.title,
      done: false,
      remainingItems: span.count,
      hours: span.hours,
      start: span.first.startMax,
      end: span.last.endMax,
      startMin: span.first.startMin,
      startMax: span.first.startMax,
      endMin: span.last.endMin,
      endMax: span.last.endMax,
    };
  });
}
