/**
 * Effort per item, in hours, as a range: a course's, certificate's or project's own duration first, then phase
 * and section durations shared out over the rest of the work beneath them by kind and size, overridable per
 * item, and all remaining work corrected by the learner's one pace factor (learner-pace.ts).
 */
import { inputError } from '../errors.js';
import type { Node, Roadmap } from '../model/roadmap.js';
import {
  DEFAULT_ITEM_HOURS,
  DEFAULT_WEEKLY_HOURS,
  durationHours,
  type HoursRange,
  WEEKS_PER_MONTH,
} from './duration-hours.js';
import { type LearnerPace, learnerPace, type PaceSample, scaleRange } from './learner-pace.js';
import { kindWeight, ownHours } from './work-size.js';
import { analyseWork } from './work-structure.js';

export interface EffortOptions {
  /** The learner's own estimate for an item, in hours: wins over everything, spread out like a duration. */
  overrides?: ReadonlyMap<string, number>;
  /** Hours logged on finished items: they keep their estimate, and (without `paceFactor`) set the pace. */
  actuals?: readonly { nodeId: string; hours: number }[];
  /** The learner-wide pace factor (from every roadmap's finished work); default: from `actuals` alone. */
  paceFactor?: number;
  /** Hours for an item with no duration above it (default 3). */
  defaultItemHours?: number;
  /** Study hours a roadmap "week" means (default: the goal's weeklyHours, else 10). */
  weeklyHours?: number;
}

export interface EffortAssumptions {
  /** Set when the roadmap has no durations but a horizon (goal.horizonDays): the hours it spreads. */
  horizonHours?: number;
  weeklyHours: number;
  weeklyHoursFrom: 'options' | 'goal' | 'default';
  defaultItemHours: number;
  weeksPerMonth: number;
}

export interface EffortEstimate {
  /** Every trackable item with work: units (leaf work) and the containers above them (the sum beneath). */
  items: Map<string, HoursRange>;
  /** The pace factor applied to every unfinished unit without the learner's own estimate. */
  paceFactor: number;
  /** Finished work with logged time, before any pace: what a learner-wide factor is computed from. */
  samples: PaceSample[];
  assumptions: EffortAssumptions;
}

function checkHours(hours: number, what: string): void {
  if (!Number.isFinite(hours) || hours < 0) {
    throw inputError(`${what} of ${hours} h is not a number of hours.`, 'Give hours as a number, 0 or more.');
  }
}

interface UnitFacts {
  hours: HoursRange;
  /** The learner's own estimate covers it: the pace ratio leaves it alone. */
  fixed: boolean;
}

export function estimateEffort(roadmap: Roadmap, options: EffortOptions = {}): EffortEstimate {
  const overrides = options.overrides ?? new Map<string, number>();
  for (const [id, hours] of overrides) checkHours(hours, `The estimate for ${id}`);
  const defaultItemHours = options.defaultItemHours ?? DEFAULT_ITEM_HOURS;
  checkHours(defaultItemHours, 'The default item estimate');
  const goalWeekly = roadmap.goal?.weeklyHours;
  const weeklyHours =
    options.weeklyHours ?? (goalWeekly && goalWeekly > 0 ? goalWeekly : DEFAULT_WEEKLY_HOURS);
  if (!(weeklyHours > 0) || !Number.isFinite(weeklyHours)) {
    throw inputError(
      `Weekly hours of ${weeklyHours} cannot size a week.`,
      'Give a positive number of hours.',
    );
  }
  const assumptions: EffortAssumptions = {
    weeklyHours,
    weeklyHoursFrom: options.weeklyHours !== undefined ? 'options' : goalWeekly ? 'goal' : 'default',
    defaultItemHours,
    weeksPerMonth: WEEKS_PER_MONTH,
  };

  const { unitSet, weight, optionFactor } = analyseWork(roadmap.nodes);
  const units = new Map<Node, UnitFacts>();
  /** What the roadmap says a node takes, before any share of its parent: a course's own weeks, a duration. */
  const statedSize = (node: Node): HoursRange | undefined =>
    ownHours(node, weeklyHours) ?? (node.duration ? durationHours(node.duration, weeklyHours) : undefined);

  // Top-down: a node's own override or duration replaces the share its parent gave it.
  const assign = (node: Node, inherited: HoursRange | undefined, fixed: boolean) => {
    if (!weight.has(node)) return;
    const override = overrides.get(node.id);
    // Inside a learner's own estimate, the roadmap's durations no longer size anything: only nested overrides do.
    const own =
      override !== undefined ? { min: override, max: override } : fixed ? undefined : statedSize(node);
    const budget = own ?? inherited;
    const ownFixed = fixed || override !== undefined;
    if (unitSet.has(node)) {
      const fallback = defaultItemHours * kindWeight(node.kind);
      units.set(node, { hours: budget ?? { min: fallback, max: fallback }, fixed: ownFixed });
      return;
    }
    // Children the roadmap sizes itself take their hours out of the budget first; the others share what is
    // left by weight (kind and size), but never less than half of their weight's part of the whole budget: a
    // phase full of sized courses still leaves its topics some time. (A learner's own estimate is not taken
    // out: it changes that item, not its neighbours.)
    const sized = new Map<Node, HoursRange>();
    let sizedHours = { min: 0, max: 0 };
    let shares = 0;
    let allShares = 0;
    for (const child of node.children) {
      const childWeight = (weight.get(child) ?? 0) * (optionFactor.get(child) ?? 1);
      if (childWeight === 0) continue;
      allShares += childWeight;
      const size = budget && !ownFixed ? statedSize(child) : undefined;
      if (size) {
        const factor = optionFactor.get(child) ?? 1;
        sized.set(child, size);
        sizedHours = { min: sizedHours.min + size.min * factor, max: sizedHours.max + size.max * factor };
      } else shares += childWeight;
    }
    const rest = budget
      ? {
          min: Math.max(budget.min - sizedHours.min, (budget.min * shares) / (2 * allShares)),
          max: Math.max(budget.max - sizedHours.max, (budget.max * shares) / (2 * allShares)),
        }
      : undefined;
    for (const child of node.children) {
      const share =
        sized.get(child) ??
        (rest && shares > 0 ? scaleRange(rest, (weight.get(child) ?? 0) / shares) : undefined);
      assign(child, share, ownFixed);
    }
  };
  // A roadmap that sizes nothing itself but states a horizon ("my 90-day transformation") fills it:
  // the horizon's hours are shared out over all its work, as a phase's duration is over the phase.
  const horizon = horizonBudget(roadmap, weeklyHours);
  let rootShares = 0;
  for (const node of roadmap.nodes) rootShares += (weight.get(node) ?? 0) * (optionFactor.get(node) ?? 1);
  for (const node of roadmap.nodes) {
    const share =
      horizon && rootShares > 0 ? scaleRange(horizon, (weight.get(node) ?? 0) / rootShares) : undefined;
    assign(node, share, false);
  }
  if (horizon) assumptions.horizonHours = horizon.max;

  const samples = paceSamples(roadmap.nodes, units, options.actuals ?? []);
  const paceFactor = options.paceFactor ?? learnerPace(samples).factor;
  checkPace(paceFactor);
  const finished = finishedUnits(roadmap.nodes, units, options.actuals ?? []);
  if (paceFactor !== 1) {
    for (const [node, facts] of units) {
      if (!facts.fixed && !finished.has(node)) facts.hours = scaleRange(facts.hours, paceFactor);
    }
  }
  return { items: totals(roadmap.nodes, units, weight), paceFactor, samples, assumptions };
}

function checkPace(factor: number): void {
  if (!Number.isFinite(factor) || factor <= 0) {
    throw inputError(`A pace factor of ${factor} cannot scale estimates.`, 'Give a positive number.');
  }
}

export type { LearnerPace };

function actualsById(actuals: readonly { nodeId: string; hours: number }[]): Map<string, number> {
  const byId = new Map<string, number>();
  for (const { nodeId, hours } of actuals) {
    checkHours(hours, `The time logged on ${nodeId}`);
    byId.set(nodeId, (byId.get(nodeId) ?? 0) + hours);
  }
  return byId;
}

/** Visits the outermost nodes with logged time: each is one finished piece of work (children included). */
function forEachLogged(
  nodes: readonly Node[],
  logged: ReadonlyMap<string, number>,
  visit: (node: Node) => void,
): void {
  const walk = (node: Node) => {
    if (logged.has(node.id)) visit(node);
    else for (const child of node.children) walk(child);
  };
  for (const node of nodes) walk(node);
}

function subtreeUnits(node: Node, units: ReadonlyMap<Node, UnitFacts>, into: UnitFacts[] = []): UnitFacts[] {
  const facts = units.get(node);
  if (facts) into.push(facts);
  for (const child of node.children) subtreeUnits(child, units, into);
  return into;
}

function subtreeLogged(node: Node, logged: ReadonlyMap<string, number>): number {
  let sum = logged.get(node.id) ?? 0;
  for (const child of node.children) sum += subtreeLogged(child, logged);
  return sum;
}

function paceSamples(
  nodes: readonly Node[],
  units: ReadonlyMap<Node, UnitFacts>,
  actuals: readonly { nodeId: string; hours: number }[],
): PaceSample[] {
  const logged = actualsById(actuals);
  const samples: PaceSample[] = [];
  forEachLogged(nodes, logged, (node) => {
    const beneath = subtreeUnits(node, units);
    if (beneath.length === 0) return;
    const estimate = beneath.reduce((sum, facts) => sum + (facts.hours.min + facts.hours.max) / 2, 0);
    samples.push({ actual: subtreeLogged(node, logged), estimate });
  });
  return samples;
}

function finishedUnits(
  nodes: readonly Node[],
  units: ReadonlyMap<Node, UnitFacts>,
  actuals: readonly { nodeId: string; hours: number }[],
): Set<Node> {
  const finished = new Set<Node>();
  const mark = (node: Node) => {
    if (units.has(node)) finished.add(node);
    for (const child of node.children) mark(child);
  };
  forEachLogged(nodes, actualsById(actuals), mark);
  return finished;
}

/** Units keep their hours; a trackable container gets the sum of the units beneath it. */
function totals(
  nodes: readonly Node[],
  units: ReadonlyMap<Node, UnitFacts>,
  weight: ReadonlyMap<Node, number>,
): Map<string, HoursRange> {
  const items = new Map<string, HoursRange>();
  const sum = (node: Node): HoursRange => {
    const facts = units.get(node);
    if (facts) {
      items.set(node.id, facts.hours);
      return facts.hours;
    }
    const total = { min: 0, max: 0 };
    for (const child of node.children) {
      if (!weight.has(child)) continue;
      const hours = sum(child);
      total.min += hours.min;
      total.max += hours.max;
    }
    if (node.trackable && weight.has(node)) items.set(node.id, total);
    return total;
  };
  for (const node of nodes) sum(node);
  return items;
}

/** The goal's horizon in hours, when the roadmap gives no duration anywhere (else durations rule). */
function horizonBudget(roadmap: Roadmap, weeklyHours: number): HoursRange | undefined {
  const days = roadmap.goal?.horizonDays;
  if (!days || !(days > 0) || hasDuration(roadmap.nodes)) return undefined;
  const hours = (days / 7) * weeklyHours;
  return { min: hours, max: hours };
}

function hasDuration(nodes: readonly Node[]): boolean {
  return nodes.some((node) => node.duration !== undefined || hasDuration(node.children));
}
