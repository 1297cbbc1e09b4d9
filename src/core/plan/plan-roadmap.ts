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
import { type Capacity, validateCapacity, weeklyHours } from './capacity.js';
import { type DailyHours, dailyWorkHours } from './capacity-calendar.js';
import { type DayBudget, dayBudget, type ReserveRule, type StudiedHours } from './day-budget.js';
import type { HoursRange } from './duration-hours.js';
import { type ElectiveResolution, type ElectiveSelection, resolveElectives } from './electives.js';
import type { EffortEstimate } from './estimate-effort.js';
import type { Packing } from './pack-items.js';
import { type Allotment, packShared, type SharedPacking } from './pack-shared.js';
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
function remainingWork(input: Pick<PlanInput, 'roadmap' | 'effort' | 'status'>, excluded: ReadonlySet<Node>) {
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

/** One roadmap planned alone into its capacity, its review time kept first as given. */
export function planRoadmap(input: PlanInput): Plan {
  const capacity = validateCapacity(input.capacity);
  const reviewHours = checkReview(input.reviewMinutesPerDay ?? 0);
  if (reviewHours > 0 && capacity.hoursByWeekday.every((hours) => hours <= reviewHours)) {
    throw inputError(
      `Reviews (${input.reviewMinutesPerDay} min a day) take all the study hours of every weekday.`,
      'Add study hours or reserve fewer review minutes a day.',
    );
  }
  const plan = planLearner({
    today: input.today,
    capacity,
    strategy: 'shares',
    reserve: { habitsExtra: false, reviewExplicit: true },
    roadmaps: [
      {
        ...input,
        ...(capacity.start ? { start: capacity.start } : {}),
        allotment: { kind: 'share', weight: 1 },
        reviewMinutesPerDay: input.reviewMinutesPerDay ?? 0,
      },
    ],
  }).plans[0];
  if (!plan) throw new Error('a single roadmap that is not paused always has a plan');
  return plan;
}

export interface LearnerRoadmapInput extends Omit<PlanInput, 'capacity' | 'reviewMinutesPerDay'> {
  /** No work on this roadmap before this date. */
  start?: CalendarDate;
  allotment: LearnerAllotment;
  reviewMinutesPerDay: number;
  /** Routine habit hours on a day number while the roadmap has work left. */
  habitHours?: DailyHours;
}

export type LearnerAllotment =
  | { kind: 'share'; weight: number }
  | { kind: 'fixed'; capacity: Capacity }
  | { kind: 'paused' };

export interface LearnerPlanInput {
  /** In priority order. */
  roadmaps: readonly LearnerRoadmapInput[];
  /** The learner's total study time. */
  capacity: Capacity;
  strategy: 'shares' | 'priority';
  reserve: ReserveRule;
  today: CalendarDate;
  /** Time already logged today, when the plan is made during the day: today holds only what is left. */
  studiedToday?: StudiedHours;
}

export interface LearnerPlan {
  /** Per roadmap, in input order; undefined for a paused roadmap (it gets no time). */
  plans: (Plan | undefined)[];
  /** The day's capacity, reserves and work hours in the (max-effort) schedule. */
  budgetOn: (date: CalendarDate) => DayBudget;
}

interface Prepared {
  input: LearnerRoadmapInput;
  target?: CalendarDate;
  firstDay: number;
  start: CalendarDate;
  electives: ElectiveResolution;
  work: { items: Remaining[]; phases: Node[] };
  reviewHours: number;
}

/** Every roadmap packed together into one capacity (pack-shared.ts), then each one's plan read off. */
export function planLearner(input: LearnerPlanInput): LearnerPlan {
  const today = parseCalendarDate(input.today, 'date today');
  const capacity = validateCapacity(input.capacity);
  const todayNumber = toDayNumber(today);
  const prepared = input.roadmaps.map((roadmap): Prepared => {
    const target =
      roadmap.target === undefined ? undefined : parseCalendarDate(roadmap.target, 'target date');
    if (target !== undefined && target < today) {
      throw inputError(
        `The target date ${target} is in the past (today is ${today}).`,
        'Choose a target date from today on.',
      );
    }
    if (roadmap.allotment.kind === 'fixed') validateCapacity(roadmap.allotment.capacity);
    const start = laterOf(today, roadmap.start ?? today);
    const electives = resolveElectives(roadmap.roadmap.nodes, roadmap.choices ?? new Map(), roadmap.status);
    return {
      input: roadmap,
      ...(target ? { target } : {}),
      firstDay: toDayNumber(start),
      start,
      electives,
      work: remainingWork(roadmap, electives.excluded),
      reviewHours: checkReview(roadmap.reviewMinutesPerDay),
    };
  });
  const total = dailyWorkHours(capacity);
  const noHabits: DailyHours = () => 0;
  const shared = (which: 'min' | 'max', onWork?: Parameters<typeof packShared>[1]) =>
    packShared(
      {
        firstDay: todayNumber,
        capacity: total,
        ...(input.studiedToday ? { studiedOnFirstDay: input.studiedToday } : {}),
        strategy: input.strategy,
        reserve: input.reserve,
        roadmaps: prepared.map((entry) => ({
          hours: entry.work.items.map((item) => item.hours[which]),
          firstDay: entry.firstDay,
          allotment: allotmentOf(entry.input.allotment, capacity),
          reviewHours: entry.reviewHours,
          habitHours: entry.input.habitHours ?? noHabits,
        })),
      },
      onWork,
    );

  const dates = new Map<number, CalendarDate>(); // a plan spans few distinct days: convert each once
  const dateOf = (day: number) => {
    let date = dates.get(day);
    if (date === undefined) {
      date = fromDayNumber(day);
      dates.set(day, date);
    }
    return date;
  };
  const days: DayPlan[][] = prepared.map(() => []);
  const lastDay = prepared.map(() => Number.NaN);
  const minPack = shared('min');
  const maxPack = shared('max', (which, index, day, hours) => {
    const list = days[which] as DayPlan[];
    if (day !== lastDay[which]) {
      list.push({ date: dateOf(day), items: [] });
      lastDay[which] = day;
    }
    (list[list.length - 1] as DayPlan).items.push({
      nodeId: ((prepared[which] as Prepared).work.items[index] as Remaining).node.id,
      hours,
    });
  });

  const plans = prepared.map((entry, which): Plan | undefined => {
    if (entry.input.allotment.kind === 'paused') return undefined;
    const min = (minPack.roadmaps[which] as SharedPacking).packing;
    const max = maxPack.roadmaps[which] as SharedPacking;
    return assemble(entry, capacity, total, min, max, days[which] as DayPlan[], today, dateOf);
  });
  const budgets = maxPack.budgets;
  const idle = (date: CalendarDate): DayBudget =>
    dayBudget(total(toDayNumber(date)), 0, 0, input.reserve, date === today ? input.studiedToday : undefined);
  return {
    plans,
    budgetOn: (date) => budgets[toDayNumber(date) - todayNumber] ?? idle(date),
  };
}

function allotmentOf(allotment: LearnerAllotment, total: Capacity): Allotment {
  if (allotment.kind !== 'fixed') return allotment;
  // The roadmap's own hours, on the learner's days off too (those are the learner's, not the roadmap's).
  const own = dailyWorkHours({
    ...allotment.capacity,
    daysOff: [...allotment.capacity.daysOff, ...total.daysOff],
  });
  return { kind: 'fixed', hours: own };
}

function assemble(
  entry: Prepared,
  capacity: Capacity,
  total: DailyHours,
  minPack: Packing,
  max: SharedPacking,
  days: DayPlan[],
  today: CalendarDate,
  dateOf: (day: number) => CalendarDate,
): Plan {
  const maxPack = max.packing;
  const { work, firstDay } = entry;
  const remainingHours = { min: 0, max: 0 };
  for (const item of work.items) {
    remainingHours.min += item.hours.min;
    remainingHours.max += item.hours.max;
  }
  const items = work.items.map((item, index): PlannedItem => {
    const startMin = minPack.start[index] ?? firstDay;
    const startMax = maxPack.start[index] ?? firstDay;
    const planned: PlannedItem = {
      nodeId: item.node.id,
      title: item.node.title,
      hours: item.hours,
      startMin: dateOf(startMin),
      endMin: dateOf(Math.max(startMin, minPack.end[index] ?? firstDay)),
      startMax: dateOf(startMax),
      endMax: dateOf(Math.max(startMax, maxPack.end[index] ?? firstDay)),
    };
    const phase = item.phases[item.phases.length - 1];
    if (phase) planned.phaseId = phase.id; // set, not spread: this runs for every item
    return planned;
  });
  const nothingLeft = work.items.length === 0;
  const target = entry.target;
  return {
    start: entry.start,
    nothingLeft,
    remaining: { items: work.items.length, hours: remainingHours },
    finish: nothingLeft
      ? { min: today, max: today }
      : { min: dateOf(minPack.finish), max: dateOf(maxPack.finish) },
    items,
    phases: phasePlans(work.phases, work.items, items),
    days,
    electives: entry.electives.selections,
    reviewHoursPerDay: entry.reviewHours,
    ...(target === undefined
      ? {}
      : {
          target: checkTarget({
            target,
            targetDay: toDayNumber(target),
            firstDay,
            finishMaxDay: nothingLeft ? toDayNumber(today) : maxPack.finish,
            remainingMaxHours: remainingHours.max,
            allotted: allottedHours(max.allotted, firstDay, total),
            capacity: total,
            weeklyCapacity: weeklyHours(capacity),
          }),
        }),
  };
}

/**
 * Hours the roadmap was given per day in the schedule; past its finish, the same part of each day's capacity
 * as it got over the schedule (the time it would keep if it had more to do).
 */
function allottedHours(allotted: Float64Array, firstDay: number, capacity: DailyHours): DailyHours {
  const length = allotted.length;
  let given = 0;
  let available = 0;
  for (let offset = 0; offset < length; offset++) {
    given += allotted[offset] ?? 0;
    available += capacity(firstDay + offset);
  }
  const part = available > 0 ? given / available : 0;
  return (day) => {
    const offset = day - firstDay;
    if (offset < 0) return 0;
    return offset < length ? (allotted[offset] ?? 0) : part * capacity(day);
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
