/**
 * Planning use cases over a Workspace, shared by the CLI and the HTTP server: the plan of a roadmap with its
 * forecast, the planner's settings (capacity, target and start dates, elective choices) and the learner's own
 * estimates. Today's agenda and the week ahead live in agenda-view.ts (re-exported here).
 */
import { WaymarkError } from '../core/errors.js';
import { forecastFinish } from '../core/forecast/forecast-finish.js';
import { electiveOptions, type Node, type Roadmap } from '../core/model/roadmap.js';
import { type CalendarDate, parseCalendarDate } from '../core/plan/calendar-date.js';
import type { DaysOff } from '../core/plan/capacity.js';
import type { HoursRange } from '../core/plan/duration-hours.js';
import { resolveElectives } from '../core/plan/electives.js';
import { estimateEffort } from '../core/plan/estimate-effort.js';
import { isEffortless } from '../core/plan/work-structure.js';
import { EVENT_LIMITS, type WaymarkEvent } from '../core/progress/events.js';
import { foldEvents } from '../core/progress/fold.js';
import { estimateOverrides } from './effort.js';
import { foldedState } from './folded-state.js';
import { parseHours } from './hours-input.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { paceHistory } from './pace-history.js';
import {
  allRoadmaps,
  effortAssumptions,
  loadRoadmap,
  type PlanContext,
  type PlanRequest,
  planContext,
  type TargetSource,
} from './plan-context.js';
import {
  applyCapacityChange,
  type CapacitySource,
  capacityBase,
  checkChoice,
  DEFAULT_CAPACITY,
  describeCapacity,
  effectiveCapacity,
  electiveGroups,
  GLOBAL_SCOPE,
  type PlanningSettings,
  readSettings,
  SETTING,
  type SettingsChange,
} from './planning-settings.js';
import { roadmapProgress } from './roadmap-progress.js';
import { findItem } from './tracking-service.js';
import { stampChange, type Workspace } from './workspace.js';

export { type AgendaView, agendaView, nextAgenda, type WeekView, weekView } from './agenda-view.js';
export type { PlanRequest } from './plan-context.js';
export type { CapacityChange, SettingsChange } from './planning-settings.js';

/** Trials of the Monte Carlo forecast, and its fixed seed (the same log always gives the same dates). */
export const FORECAST_TRIALS = 10_000;
export const FORECAST_SEED = 0x5eed;
export const FORECAST_WINDOW_WEEKS = 8;

export interface ServiceOptions {
  /** IANA zone of the learner; default from WAYMARK_TZ / TZ / the runtime. */
  timeZone?: string;
}

export interface CapacityView {
  /** Sunday first. */
  hoursByWeekday: number[];
  daysOff: DaysOff[];
  weeklyHours: number;
  source: CapacitySource;
  explanation?: string;
}

export interface ForecastView {
  /** null when there is too little history (see `message`; the plan's finish is the fallback). */
  p50: CalendarDate | null;
  p85: CalendarDate | null;
  enoughHistory: boolean;
  message: string;
  /** The same forecast from hours logged per week against the remaining estimated hours. */
  byHours?: { p50: CalendarDate; p85: CalendarDate };
  pace: { weeks: number; itemsPerWeek: number; hoursPerWeek: number };
  trials: number;
  windowWeeks: number;
}

export interface PhaseView {
  id: string;
  title: string;
  done: boolean;
  remainingItems: number;
  /** Planned start and end (max-effort schedule); null for a phase with nothing left. */
  start: CalendarDate | null;
  end: CalendarDate | null;
  /** End at min effort: the phase's end is a range, endMin..end. */
  endMin: CalendarDate | null;
  hours: HoursRange | null;
}

export interface PlannedItemView {
  nodeId: string;
  title: string;
  phaseId: string | null;
  hours: HoursRange;
  start: CalendarDate;
  end: CalendarDate;
  endMin: CalendarDate;
}

/** `waymark plan ROADMAP --json` and GET /api/roadmaps/:id/plan. */
export interface PlanView {
  roadmapId: string;
  title: string;
  today: CalendarDate;
  timeZone: string;
  /** The first day work is planned on (today, or the start date if later). */
  start: CalendarDate;
  capacity: CapacityView & { start: CalendarDate | null };
  reviewMinutesPerDay: number;
  remaining: { items: number; hours: HoursRange };
  finish: { min: CalendarDate; max: CalendarDate };
  phases: PhaseView[];
  target: CalendarDate | null;
  targetSource: TargetSource | null;
  targetPassed: boolean;
  onTrack: boolean | null;
  daysBehind: number | null;
  hoursPerWeekNeeded: number | null;
  feasible: boolean | null;
  forecast: ForecastView;
  electives: { groupId: string; title: string; included: string[]; decidedBy: 'choice' | 'assumed' }[];
  items: PlannedItemView[];
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

function timeZoneOf(options: ServiceOptions): string {
  return options.timeZone ?? learnerTimeZone();
}

export function capacityView(context: PlanContext['capacity']): CapacityView {
  const { capacity } = context;
  return {
    hoursByWeekday: [...capacity.hoursByWeekday],
    daysOff: capacity.daysOff.map((range) => ({ from: range.from, to: range.to })),
    weeklyHours: describeCapacity(capacity).weeklyHours,
    source: context.source,
    ...(context.explanation ? { explanation: context.explanation } : {}),
  };
}

/** Monte Carlo finish from the learner's weekly pace; with too little history, says so and falls back. */
export function forecastView(context: PlanContext): ForecastView {
  const { plan } = context;
  const history = paceHistory(context.roadmap, context.state, context.events, context.timeZone);
  const forecast = forecastFinish({
    history,
    remainingItems: plan.remaining.items,
    remainingHours: (plan.remaining.hours.min + plan.remaining.hours.max) / 2,
    today: context.today,
    trials: FORECAST_TRIALS,
    seed: FORECAST_SEED,
    windowWeeks: FORECAST_WINDOW_WEEKS,
  });
  const pace = {
    weeks: forecast.pace.weeks,
    itemsPerWeek: round(forecast.pace.itemsPerWeek),
    hoursPerWeek: round(forecast.pace.hoursPerWeek),
  };
  const base = { pace, trials: FORECAST_TRIALS, windowWeeks: FORECAST_WINDOW_WEEKS };
  if (!forecast.enoughHistory) {
    return {
      p50: null,
      p85: null,
      enoughHistory: false,
      message: `Too little history for a forecast: ${forecast.reason} Going by the plan: ${plan.finish.min === plan.finish.max ? plan.finish.max : `${plan.finish.min} to ${plan.finish.max}`}.`,
      ...base,
    };
  }
  const beyond =
    forecast.beyondHorizon > 0
      ? ` ${Math.round(forecast.beyondHorizon * 100)}% of the simulated futures do not finish within ten years.`
      : '';
  // A percentile that falls beyond the ten-year horizon is not a date anyone can plan with: say so instead.
  const p50 = forecast.beyondHorizon >= 0.5 ? null : forecast.p50;
  const p85 = forecast.beyondHorizon >= 0.15 ? null : forecast.p85;
  const paceText = `At your pace over the last ${pace.weeks} weeks (${pace.itemsPerWeek} items, ${pace.hoursPerWeek} h a week)`;
  const futures = `${FORECAST_TRIALS.toLocaleString('en-US')} simulated futures`;
  const message =
    p50 === null
      ? `${paceText}, more than half of ${futures} take over ten years: finish more items a week to get a forecast.`
      : p85 === null
        ? `${paceText}, half of ${futures} finish by ${p50}, but more than 15% take over ten years.`
        : `${paceText}, half of ${futures} finish by ${p50} and 85% by ${p85}.${beyond}`;
  return {
    p50,
    p85,
    enoughHistory: true,
    message,
    ...(forecast.byHours ? { byHours: forecast.byHours } : {}),
    ...base,
  };
}

export function planViewOf(context: PlanContext): PlanView {
  const { plan, target } = context;
  return {
    roadmapId: context.roadmap.id,
    title: context.roadmap.title,
    today: context.today,
    timeZone: context.timeZone,
    start: plan.start,
    capacity: { ...capacityView(context.capacity), start: context.capacity.capacity.start ?? null },
    reviewMinutesPerDay: context.reviewMinutesPerDay,
    remaining: { items: plan.remaining.items, hours: roundRange(plan.remaining.hours) },
    finish: plan.finish,
    phases: plan.phases.map((phase) =>
      phase.done
        ? {
            id: phase.id,
            title: phase.title,
            done: true,
            remainingItems: 0,
            start: null,
            end: null,
            endMin: null,
            hours: null,
          }
        : {
            id: phase.id,
            title: phase.title,
            done: false,
            remainingItems: phase.remainingItems,
            start: phase.start,
            end: phase.end,
            endMin: phase.endMin,
            hours: roundRange(phase.hours),
          },
    ),
    target: target?.target ?? null,
    targetSource: target?.source ?? null,
    targetPassed: target?.passed ?? false,
    onTrack: target ? target.onTrack : null,
    daysBehind: target ? target.daysBehind : null,
    hoursPerWeekNeeded: target ? target.hoursPerWeekNeeded : null,
    feasible: target ? target.feasible : null,
    forecast: forecastView(context),
    electives: plan.electives.map((selection) => ({
      groupId: selection.groupId,
      title: selection.title,
      included: selection.included,
      decidedBy: selection.decidedBy,
    })),
    items: plan.items.map((item) => ({
      nodeId: item.nodeId,
      title: item.title,
      phaseId: item.phaseId ?? null,
      hours: roundRange(item.hours),
      start: item.startMax,
      end: item.endMax,
      endMin: item.endMin,
    })),
  };
}

const roundRange = (range: HoursRange): HoursRange => ({ min: round(range.min), max: round(range.max) });

/** Refuses a roadmap with nothing left to plan (bad input for `waymark plan`). */
export function assertWorkLeft(context: PlanContext): void {
  if (!context.plan.nothingLeft) return;
  throw new WaymarkError(
    'INPUT',
    `nothing left to plan in ${context.roadmap.id}: every item is done, skipped or outside your elective choices.`,
    'See `waymark status` for what you finished; `waymark reset ITEM` reopens an item.',
  );
}

/** `waymark plan ROADMAP [--target DATE] --json`, GET /api/roadmaps/:id/plan. */
export function planView(
  workspace: Workspace,
  roadmapId: string,
  request: PlanRequest = {},
  options: ServiceOptions = {},
): PlanView {
  const timeZone = timeZoneOf(options);
  const roadmap = loadRoadmap(workspace, roadmapId);
  const context = planContext(workspace, roadmap, request, timeZone, learnerToday(workspace, timeZone));
  assertWorkLeft(context);
  return planViewOf(context);
}

/** Plans of every stored roadmap with work left (the roadmaps with nothing left are named in `finished`). */
export function planAll(
  workspace: Workspace,
  request: PlanRequest = {},
  options: ServiceOptions = {},
): { plans: PlanView[]; finished: string[] } {
  const timeZone = timeZoneOf(options);
  const realToday = learnerToday(workspace, timeZone);
  const plans: PlanView[] = [];
  const finished: string[] = [];
  for (const model of allRoadmaps(workspace)) {
    const context = planContext(workspace, model, request, timeZone, realToday);
    if (context.plan.nothingLeft) finished.push(model.id);
    else plans.push(planViewOf(context));
  }
  return { plans, finished };
}

// ---- settings ----

export interface ElectiveGroupView {
  id: string;
  title: string;
  choose: { min: number; max: number };
  options: { id: string; title: string }[];
  /** What the plan includes now: the choice, or the assumption until one is made. */
  included: string[];
  decidedBy: 'choice' | 'assumed';
}

/** GET /api/settings/:roadmapId; `waymark capacity ROADMAP --json`. */
export interface SettingsView {
  roadmapId: string;
  capacity: CapacityView;
  targetDate: CalendarDate | null;
  targetSource: 'setting' | 'roadmap' | null;
  startDate: CalendarDate | null;
  /** Sizing assumptions of the effort estimate, the learner's or the defaults. */
  estimates: {
    defaultItemHours: number;
    weekHours: number;
    weekHoursFrom: 'options' | 'goal' | 'default';
  };
  choices: Record<string, string[]>;
  electiveGroups: ElectiveGroupView[];
}

/** The global capacity (`waymark capacity --json` with no roadmap). */
export interface GlobalSettingsView {
  roadmapId: null;
  capacity: CapacityView;
}

function globalState(workspace: Workspace) {
  return foldedState(workspace.store, GLOBAL_SCOPE);
}

export function settingsView(workspace: Workspace, roadmapId: string): SettingsView {
  const roadmap = loadRoadmap(workspace, roadmapId);
  const state = foldEvents([
    ...workspace.store.listEvents({ roadmapId }),
    ...workspace.store.listEvents({ roadmapId: GLOBAL_SCOPE }),
  ]);
  const settings = readSettings(state, roadmapId);
  const { status } = roadmapProgress(roadmap, state);
  const resolved = resolveElectives(roadmap.nodes, settings.choices, status);
  const targetSource =
    settings.targetDate !== undefined
      ? settings.targetDate === null
        ? null
        : 'setting'
      : roadmap.goal?.targetDate
        ? 'roadmap'
        : null;
  return {
    roadmapId,
    capacity: capacityView(effectiveCapacity(roadmap, settings)),
    targetDate: settings.targetDate !== undefined ? settings.targetDate : (roadmap.goal?.targetDate ?? null),
    targetSource,
    startDate: settings.startDate ?? null,
    estimates: estimatesView(roadmap, settings),
    choices: Object.fromEntries(settings.choices),
    electiveGroups: electiveGroups(roadmap).map((group) => {
      const selection = resolved.selections.find((entry) => entry.groupId === group.id);
      return {
        id: group.id,
        title: group.title,
        choose: group.choose as { min: number; max: number },
        options: electiveOptions(group).map((option) => ({ id: option.id, title: option.title })),
        included: selection?.included ?? [],
        decidedBy: selection?.decidedBy ?? 'assumed',
      };
    }),
  };
}

function estimatesView(roadmap: Roadmap, settings: PlanningSettings): SettingsView['estimates'] {
  const { assumptions } = estimateEffort({ ...roadmap, nodes: [] }, effortAssumptions(settings));
  return {
    defaultItemHours: assumptions.defaultItemHours,
    weekHours: assumptions.weeklyHours,
    weekHoursFrom: assumptions.weeklyHoursFrom,
  };
}

export function globalSettingsView(workspace: Workspace): GlobalSettingsView {
  const settings = readSettings(globalState(workspace), GLOBAL_SCOPE);
  const capacity = settings.roadmapCapacity; // the global scope's own capacity
  return {
    roadmapId: null,
    capacity: capacityView(
      capacity ? { capacity, source: 'global' } : { capacity: DEFAULT_CAPACITY, source: 'default' },
    ),
  };
}

type SettingBody = { type: 'setting'; roadmapId: string; nodeId: null; key: string; value: unknown };

/**
 * Validates every part of the change first, then records it as one change (one `undo` reverts it all), so bad
 * input leaves the stored settings exactly as they were. `roadmapId` undefined changes the global capacity.
 */
export function updateSettings(
  workspace: Workspace,
  roadmapId: string | undefined,
  change: SettingsChange,
  options: ServiceOptions = {},
): { events: WaymarkEvent[] } {
  const roadmap = roadmapId === undefined ? undefined : loadRoadmap(workspace, roadmapId);
  const scope = roadmap?.id ?? GLOBAL_SCOPE;
  const roadmapOnly =
    change.targetDate !== undefined ||
    change.startDate !== undefined ||
    change.choices !== undefined ||
    change.defaultItemHours !== undefined ||
    change.weekHours !== undefined;
  if (!roadmap && roadmapOnly) {
    throw new WaymarkError(
      'USAGE',
      'target dates, start dates, elective choices and estimate defaults belong to a roadmap.',
      'Name the roadmap, e.g. `waymark target ai-engineer 2027-06-30`.',
    );
  }
  const bodies: SettingBody[] = [];
  const put = (key: string, value: unknown) =>
    bodies.push({ type: 'setting', roadmapId: scope, nodeId: null, key, value });

  if (change.capacity) {
    if (change.capacity.reset) put(SETTING.capacity, null);
    else {
      const state = foldEvents([
        ...(roadmap ? workspace.store.listEvents({ roadmapId: roadmap.id }) : []),
        ...workspace.store.listEvents({ roadmapId: GLOBAL_SCOPE }),
      ]);
      const settings = readSettings(state, scope);
      put(SETTING.capacity, applyCapacityChange(capacityBase(roadmap, settings), change.capacity, roadmap));
    }
  }
  if (change.targetDate !== undefined) {
    if (change.targetDate === null) put(SETTING.targetDate, null);
    else {
      const target = parseCalendarDate(change.targetDate, 'target date');
      const today = learnerToday(workspace, timeZoneOf(options));
      if (target < today) {
        throw new WaymarkError(
          'INPUT',
          `the target date ${target} is in the past (today is ${today}).`,
          'Choose a date from today on, or `--clear` the target.',
        );
      }
      put(SETTING.targetDate, target);
    }
  }
  if (change.startDate !== undefined) {
    put(
      SETTING.startDate,
      change.startDate === null ? null : parseCalendarDate(change.startDate, 'start date'),
    );
  }
  const sizes: [keyof SettingsChange & ('defaultItemHours' | 'weekHours'), string, number][] = [
    ['defaultItemHours', 'the default item estimate', MAX_ESTIMATE_HOURS],
    ['weekHours', 'the hours a roadmap week means', 168],
  ];
  for (const [key, what, max] of sizes) {
    const value = change[key];
    if (value === undefined) continue;
    if (value === null) {
      put(SETTING[key], null);
      continue;
    }
    const hours = parseHours(value, what);
    if (!(hours > 0) || hours > max) {
      throw new WaymarkError(
        'INPUT',
        `${what} of ${hours} h is not usable.`,
        `Give hours above 0 and at most ${max}.`,
      );
    }
    put(SETTING[key], hours);
  }
  for (const [groupId, optionIds] of Object.entries(change.choices ?? {})) {
    const ids = optionIds === null ? [] : checkChoice(roadmap as Roadmap, groupId, optionIds);
    put(`${SETTING.choicePrefix}${groupId}`, ids.length > 0 ? ids : null);
  }
  if (bodies.length === 0) {
    throw new WaymarkError(
      'USAGE',
      'nothing to change.',
      'Give a capacity, a target date, a start date or a choice.',
    );
  }
  const at = workspace.now.toISOString();
  return { events: workspace.store.appendEvents(stampChange(workspace, at, bodies)) };
}

// ---- estimates and choices ----

export interface EstimateResult {
  roadmapId: string;
  nodeId: string;
  title: string;
  hours: number;
  /** The estimate before this change (the roadmap's, the learner's, or the default). */
  previous: HoursRange | null;
  event: WaymarkEvent;
}

/** Estimates above this are typos (five years of full-time study). */
const MAX_ESTIMATE_HOURS = EVENT_LIMITS.estimateHours;

/** `waymark estimate ITEM 6h`: the learner's own estimate wins over the roadmap's durations. */
export function estimateItem(workspace: Workspace, ref: string, hours: number): EstimateResult {
  const item = findItem(workspace, ref);
  const { node, roadmapId } = item;
  if (!node.trackable || isEffortless(node)) {
    throw new WaymarkError(
      'INPUT',
      `${roadmapId}:${node.id} "${node.title}" is ${node.kind === 'habit' || node.recurrence ? 'a routine block' : node.kind === 'milestone' ? 'a milestone' : 'information'}, not planned work.`,
      'Estimate a topic, course, project or certificate.',
    );
  }
  if (!(hours > 0) || hours > MAX_ESTIMATE_HOURS) {
    throw new WaymarkError(
      'INPUT',
      `an estimate of ${hours} h is not usable.`,
      hours === 0
        ? `If it needs no time, mark it done or skipped: \`waymark skip ${roadmapId}:${node.id}\`.`
        : `Give hours between 0 and ${MAX_ESTIMATE_HOURS}, e.g. 6h or 90m.`,
    );
  }
  const roadmap = loadRoadmap(workspace, roadmapId);
  const state = foldedState(workspace.store, roadmapId);
  const overrides = estimateOverrides(roadmap, state);
  const assumptions = effortAssumptions(readSettings(state, roadmapId));
  const previous = estimateEffort(roadmap, { overrides, ...assumptions }).items.get(node.id) ?? null;
  const [event] = workspace.store.appendEvents(
    stampChange(workspace, workspace.now.toISOString(), [
      { type: 'estimate', roadmapId, nodeId: node.id, hours },
    ]),
  );
  return {
    roadmapId,
    nodeId: node.id,
    title: node.title,
    hours,
    previous: previous ? roundRange(previous) : null,
    event: event as WaymarkEvent,
  };
}

export interface ChoiceResult {
  roadmapId: string;
  group: { id: string; title: string; choose: { min: number; max: number } };
  /** The stored choice after the change (empty: none, the plan assumes the minimum). */
  chosen: string[];
  /** What the plan includes now. */
  included: string[];
  events: WaymarkEvent[];
}

function groupOfOption(roadmap: Roadmap, node: Node): Node | undefined {
  return electiveGroups(roadmap).find((group) =>
    electiveOptions(group).some((option) => option.id === node.id),
  );
}

/**
 * `waymark choose ITEM`: adds an option to its "Choose 1-2" group's choice (a group of at most one option
 * swaps it). `clear`: drops the option from the choice, or every choice of the group when ITEM is the group.
 */
export function chooseOption(
  workspace: Workspace,
  ref: string,
  options: { clear?: boolean } = {},
): ChoiceResult {
  const item = findItem(workspace, ref);
  const roadmap = loadRoadmap(workspace, item.roadmapId);
  const isGroup = item.node.choose !== undefined;
  const group = isGroup ? item.node : groupOfOption(roadmap, item.node);
  if (!group?.choose) {
    const groups = electiveGroups(roadmap);
    throw new WaymarkError(
      'INPUT',
      `${item.roadmapId}:${item.node.id} "${item.node.title}" is not an option of an elective group.`,
      groups.length > 0
        ? `Choose among: ${groups
            .map(
              (entry) =>
                `${entry.title}: ${electiveOptions(entry)
                  .map((option) => option.id)
                  .join(', ')}`,
            )
            .join('; ')}.`
        : `${roadmap.id} has no elective groups ("Choose 1-2" sections).`,
    );
  }
  const choose = group.choose;
  if (isGroup && !options.clear) {
    throw new WaymarkError(
      'USAGE',
      `"${group.title}" is the elective group; choose one of its options.`,
      `Its options: ${electiveOptions(group)
        .map((option) => `${option.id} (${option.title})`)
        .join(', ')}.`,
    );
  }
  const settings = readSettings(foldedState(workspace.store, roadmap.id), roadmap.id);
  const current = settings.choices.get(group.id) ?? [];
  let next: string[];
  if (isGroup) next = [];
  else if (options.clear) next = current.filter((id) => id !== item.node.id);
  else if (current.includes(item.node.id)) next = current;
  else if (choose.max === 1) next = [item.node.id];
  else if (current.length >= choose.max) {
    throw new WaymarkError(
      'INPUT',
      `"${group.title}" allows at most ${choose.max} options and you chose ${current.join(', ')}.`,
      `Drop one first, e.g. \`waymark choose ${roadmap.id}:${current[0]} --clear\`.`,
    );
  } else next = [...current, item.node.id];
  const { events } = updateSettings(workspace, roadmap.id, { choices: { [group.id]: next } });
  const state = foldedState(workspace.store, roadmap.id);
  const after = readSettings(state, roadmap.id);
  const { status } = roadmapProgress(roadmap, state);
  const selection = resolveElectives(roadmap.nodes, after.choices, status).selections.find(
    (entry) => entry.groupId === group.id,
  );
  return {
    roadmapId: roadmap.id,
    group: { id: group.id, title: group.title, choose },
    chosen: after.choices.get(group.id) ?? [],
    included: selection?.included ?? [],
    events,
  };
}
