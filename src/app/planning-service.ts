/**
 * Planning use cases over a Workspace, shared by the CLI and the HTTP server: the plan of a roadmap with its
 * forecast, the planner's settings (capacity, target and start dates, elective choices) and the learner's own
 * estimates. Today's agenda and the week ahead live in agenda-view.ts (re-exported here).
 */
import { WaymarkError } from '../core/errors.js';
import { electiveOptions, type Node, type Roadmap } from '../core/model/roadmap.js';
import { type CalendarDate, parseCalendarDate } from '../core/plan/calendar-date.js';
import type { DaysOff } from '../core/plan/capacity.js';
import type { HoursRange } from '../core/plan/duration-hours.js';
import { resolveElectives } from '../core/plan/electives.js';
import { estimateEffort } from '../core/plan/estimate-effort.js';
import { isEffortless } from '../core/plan/work-structure.js';
import { EVENT_LIMITS, type WaymarkEvent } from '../core/progress/events.js';
import { estimateOverrides } from './effort.js';
import { foldedState } from './folded-state.js';
import { type ForecastView, forecastView } from './forecast-view.js';
import { parseHours } from './hours-input.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { type MilestoneView, milestoneViews } from './milestones-view.js';
import {
  type AllotmentView,
  allotmentViews,
  allRoadmaps,
  contextOf,
  effortAssumptions,
  type LearnerContext,
  learnerContext,
  loadRoadmap,
  type PlanContext,
  type PlanRequest,
  type TargetSource,
} from './plan-context.js';
import {
  type Allocation,
  applyCapacityChange,
  type CapacitySource,
  capacityBase,
  checkChoice,
  checkStudyWindow,
  describeCapacity,
  electiveGroups,
  GLOBAL_SCOPE,
  learnerCapacity,
  type PlanningSettings,
  parsePriority,
  parseShare,
  readSettings,
  SETTING,
  type SettingsChange,
  type StudyWindow,
} from './planning-settings.js';
import { roadmapProgress } from './roadmap-progress.js';
import { findItem } from './tracking-service.js';
import { stampChange, type Workspace } from './workspace.js';

export { type AgendaView, agendaView, nextAgenda, type WeekView, weekView } from './agenda-view.js';
export {
  FORECAST_SEED,
  FORECAST_TRIALS,
  type ForecastVerdict,
  type ForecastView,
  forecastView,
  verdictLine,
} from './forecast-view.js';
export type { PlanRequest } from './plan-context.js';
export type { CapacityChange, SettingsChange } from './planning-settings.js';

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

/** How a roadmap takes part in the learner's time (`kind: fixed` carries its own hours). */
export interface AllotmentInfo {
  kind: AllotmentView['kind'];
  share: number | null;
  shareFrom: AllotmentView['shareFrom'];
  priority: number;
  own?: CapacityView;
}

function allotmentInfo(allotment: AllotmentView): AllotmentInfo {
  return {
    kind: allotment.kind,
    share: allotment.share,
    shareFrom: allotment.shareFrom,
    priority: allotment.priority,
    ...(allotment.own ? { own: capacityView({ capacity: allotment.own, source: 'roadmap' }) } : {}),
  };
}

export interface PhaseView {
  id: string;
  title: string;
  done: boolean;
  remainingItems: number;
  /** Planned start and end (max-effort schedule); null for a phase with nothing left. */
  start: CalendarDate | null;
  end: CalendarDate | null;
  /** The min-effort schedule's span of the phase (a schedule of its own: it may end before `start`). */
  startMin: CalendarDate | null;
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
  /** The learner's total capacity, shared by every roadmap. */
  capacity: CapacityView & { start: CalendarDate | null };
  /** This roadmap's part of it. */
  allotment: AllotmentInfo;
  allocation: Allocation;
  /** The learner-wide pace factor applied to remaining estimates (learner-pace.ts). */
  pace: { factor: number; actualHours: number; estimateHours: number };
  reviewMinutesPerDay: number;
  remaining: { items: number; hours: HoursRange };
  finish: { min: CalendarDate; max: CalendarDate };
  phases: PhaseView[];
  target: CalendarDate | null;
  targetSource: TargetSource | null;
  targetPassed: boolean;
  /** The forecast's verdict: the P85 is on or before the target (a passed target: the plan's finish). */
  onTrack: boolean | null;
  /** Days from the target to the P85, never negative; `daysAhead` the other way. */
  daysBehind: number | null;
  daysAhead: number | null;
  /** The plan's weekly hours to finish the max effort by the target (the forecast's is hoursPerWeekFor85). */
  hoursPerWeekNeeded: number | null;
  /** Hours a week the roadmap gets now (its part of the capacity) against which hoursPerWeekNeeded reads. */
  weeklyHoursNow: number | null;
  feasible: boolean | null;
  forecast: ForecastView;
  milestones: MilestoneView[];
  electives: { groupId: string; title: string; included: string[]; decidedBy: 'choice' | 'assumed' }[];
  items: PlannedItemView[];
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;

function timeZoneOf(options: ServiceOptions): string {
  return options.timeZone ?? learnerTimeZone();
}

export function capacityView(context: PlanContext['capacity'] & { routineOf?: string }): CapacityView {
  const { capacity } = context;
  return {
    hoursByWeekday: [...capacity.hoursByWeekday],
    daysOff: capacity.daysOff.map((range) => ({ from: range.from, to: range.to })),
    weeklyHours: describeCapacity(capacity).weeklyHours,
    source: context.source,
    ...(context.explanation ? { explanation: context.explanation } : {}),
  };
}

export function planViewOf(context: PlanContext): PlanView {
  const { plan, target } = context;
  const forecast = forecastView(context);
  // One verdict: a live target is judged by the forecast's P85; a passed one by the plan (it is behind us).
  const verdict = forecast.verdict;
  return {
    roadmapId: context.roadmap.id,
    title: context.roadmap.title,
    today: context.today,
    timeZone: context.timeZone,
    start: plan.start,
    capacity: { ...capacityView(context.capacity), start: context.capacity.capacity.start ?? null },
    allotment: allotmentInfo(context.allotment),
    allocation: context.learner.allocation,
    pace: {
      factor: round(context.learner.pace.factor, 3),
      actualHours: round(context.learner.pace.actualHours, 1),
      estimateHours: round(context.learner.pace.estimateHours, 1),
    },
    reviewMinutesPerDay: round(context.reviewMinutesPerDay, 1),
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
            startMin: null,
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
            startMin: phase.startMin,
            endMin: phase.endMin,
            hours: roundRange(phase.hours),
          },
    ),
    target: target?.target ?? null,
    targetSource: target?.source ?? null,
    targetPassed: target?.passed ?? false,
    onTrack: verdict ? verdict.onTrack : target ? target.onTrack : null,
    daysBehind: verdict ? verdict.daysBehind : target ? Math.max(0, target.daysBehind) : null,
    daysAhead: verdict ? verdict.daysAhead : target ? Math.max(0, -target.daysBehind) : null,
    hoursPerWeekNeeded: target ? target.hoursPerWeekNeeded : null,
    weeklyHoursNow: plan.target ? plan.target.weeklyHours : null,
    feasible: target ? target.feasible : null,
    forecast,
    milestones: milestoneViews(context),
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
  const learner = learnerContext(
    workspace,
    { ...request, target: undefined },
    timeZone,
    learnerToday(workspace, timeZone),
    request.target === undefined ? new Map() : new Map([[roadmap.id, request.target]]),
  );
  const context = contextOf(learner, roadmap.id);
  assertWorkLeft(context);
  return planViewOf(context);
}

/** Plans of every stored roadmap with work left, from one shared plan (finished and paused ones named). */
export function planAll(
  workspace: Workspace,
  request: PlanRequest = {},
  options: ServiceOptions = {},
): { plans: PlanView[]; finished: string[]; paused: string[] } {
  const timeZone = timeZoneOf(options);
  const learner = learnerContext(workspace, request, timeZone, learnerToday(workspace, timeZone));
  const plans: PlanView[] = [];
  const finished: string[] = [];
  for (const context of learner.roadmaps) {
    if (context.plan.nothingLeft) finished.push(context.roadmap.id);
    else plans.push(planViewOf(context));
  }
  return { plans, finished, paused: learner.paused.map((roadmap) => roadmap.id) };
}

export type { LearnerContext };

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

/** Where a value comes from: the global setting, this roadmap's own, the routine, or the default. */
export type ValueSource = 'global' | 'roadmap' | 'routine' | 'roadmaps' | 'default';

/** GET /api/settings/:roadmapId; `waymark capacity ROADMAP --json`. */
export interface SettingsView {
  roadmapId: string;
  /** The learner's total capacity (shared by every roadmap) and where it comes from. */
  capacity: CapacityView;
  /** This roadmap's part of it: a share (its own or the default equal part), its own hours, or paused. */
  allotment: AllotmentInfo;
  allocation: Allocation;
  allocationFrom: 'global' | 'default';
  habits: 'inside' | 'extra';
  habitsFrom: 'global' | 'default';
  studyWindow: StudyWindow;
  studyWindowFrom: 'global' | 'default';
  targetDate: CalendarDate | null;
  targetSource: 'setting' | 'roadmap' | null;
  /** The roadmap file's own target date (its goal), whatever the learner set over it. */
  roadmapTargetDate: CalendarDate | null;
  startDate: CalendarDate | null;
  startDateFrom: 'roadmap' | 'default';
  /** Sizing assumptions of the effort estimate, the learner's or the defaults. */
  estimates: {
    defaultItemHours: number;
    defaultItemHoursFrom: 'roadmap' | 'default';
    weekHours: number;
    weekHoursFrom: 'options' | 'goal' | 'default';
  };
  choices: Record<string, string[]>;
  electiveGroups: ElectiveGroupView[];
}

/** The global settings (`waymark capacity --json` with no roadmap). */
export interface GlobalSettingsView {
  roadmapId: null;
  capacity: CapacityView;
  allocation: Allocation;
  allocationFrom: 'global' | 'default';
  habits: 'inside' | 'extra';
  habitsFrom: 'global' | 'default';
  studyWindow: StudyWindow;
  studyWindowFrom: 'global' | 'default';
  /** Every roadmap's part, in priority order. */
  roadmaps: { roadmapId: string; title: string; allotment: AllotmentInfo }[];
}

/** Settings of every roadmap and the global scope from one fold, and how the time is shared. */
function sharedSettings(workspace: Workspace) {
  const state = foldedState(workspace.store);
  const global = readSettings(state, GLOBAL_SCOPE);
  const entries = allRoadmaps(workspace).map((roadmap) => ({
    roadmap,
    settings: readSettings(state, roadmap.id),
  }));
  const total = learnerCapacity(
    entries.filter((entry) => !entry.settings.paused),
    global,
  );
  return { state, global, entries, total };
}

function allotmentsOf(entries: readonly { roadmap: Roadmap; settings: PlanningSettings }[]) {
  return new Map(
    allotmentViews(entries).map(({ entry, allotment }) => [entry.roadmap.id, allotmentInfo(allotment)]),
  );
}

function globalParts(global: PlanningSettings) {
  return {
    allocation: global.allocation,
    allocationFrom: global.allocationFrom,
    habits: global.habitsExtra ? ('extra' as const) : ('inside' as const),
    habitsFrom: global.habitsFrom,
    studyWindow: global.studyWindow,
    studyWindowFrom: global.studyWindowFrom,
  };
}

export function settingsView(workspace: Workspace, roadmapId: string): SettingsView {
  const roadmap = loadRoadmap(workspace, roadmapId);
  const { state, global, total, entries } = sharedSettings(workspace);
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
  const allotment = allotmentsOf(entries).get(roadmapId) as AllotmentInfo;
  return {
    roadmapId,
    capacity: capacityView(total),
    allotment,
    ...globalParts(global),
    targetDate: settings.targetDate !== undefined ? settings.targetDate : (roadmap.goal?.targetDate ?? null),
    targetSource,
    roadmapTargetDate: roadmap.goal?.targetDate ?? null,
    startDate: settings.startDate ?? null,
    startDateFrom: settings.startDate ? 'roadmap' : 'default',
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
    defaultItemHoursFrom: settings.defaultItemHours !== undefined ? 'roadmap' : 'default',
    weekHours: assumptions.weeklyHours,
    weekHoursFrom: assumptions.weeklyHoursFrom,
  };
}

export function globalSettingsView(workspace: Workspace): GlobalSettingsView {
  const { global, entries, total } = sharedSettings(workspace);
  const allotments = allotmentsOf(entries);
  return {
    roadmapId: null,
    capacity: capacityView(total),
    ...globalParts(global),
    roadmaps: entries
      .map(({ roadmap }) => ({
        roadmapId: roadmap.id,
        title: roadmap.title,
        allotment: allotments.get(roadmap.id) as AllotmentInfo,
      }))
      .sort((a, b) => a.allotment.priority - b.allotment.priority),
  };
}

export type SettingBody = { type: 'setting'; roadmapId: string; nodeId: null; key: string; value: unknown };

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
  const bodies = settingBodies(workspace, roadmapId, change, options);
  if (bodies.length === 0) {
    throw new WaymarkError(
      'USAGE',
      'nothing to change.',
      'Give a capacity, a share, a target date, a start date or a choice.',
    );
  }
  const at = workspace.now.toISOString();
  return { events: workspace.store.appendEvents(stampChange(workspace, at, bodies)) };
}

/**
 * The `setting` events a change would record, every part validated (bad input throws, as a save would),
 * reading the store and writing nothing: what updateSettings appends and the settings preview folds in.
 */
export function settingBodies(
  workspace: Workspace,
  roadmapId: string | undefined,
  change: SettingsChange,
  options: ServiceOptions = {},
): SettingBody[] {
  const roadmap = roadmapId === undefined ? undefined : loadRoadmap(workspace, roadmapId);
  const scope = roadmap?.id ?? GLOBAL_SCOPE;
  if (change.resetTarget && change.targetDate !== undefined) {
    throw new WaymarkError(
      'USAGE',
      "give a target date, a clearing or a reset to the roadmap's own date, not two of them.",
      'E.g. `waymark target ai-engineer --reset`.',
    );
  }
  const roadmapOnly =
    change.resetTarget === true ||
    change.targetDate !== undefined ||
    change.startDate !== undefined ||
    change.choices !== undefined ||
    change.defaultItemHours !== undefined ||
    change.weekHours !== undefined ||
    change.share !== undefined ||
    change.priority !== undefined ||
    change.paused !== undefined;
  if (!roadmap && roadmapOnly) {
    throw new WaymarkError(
      'USAGE',
      'target dates, start dates, shares, priorities, pausing, elective choices and estimate defaults belong to a roadmap.',
      'Name the roadmap, e.g. `waymark capacity ai-engineer --share 60%`.',
    );
  }
  const globalOnly =
    change.allocation !== undefined || change.habits !== undefined || change.studyWindow !== undefined;
  if (roadmap && globalOnly) {
    throw new WaymarkError(
      'USAGE',
      'how roadmaps share your time, whether habits are extra and the study window are yours, not a roadmap’s.',
      'Leave out the roadmap, e.g. `waymark capacity --window 18:00-22:00`.',
    );
  }
  const bodies: SettingBody[] = [];
  const put = (key: string, value: unknown) =>
    bodies.push({ type: 'setting', roadmapId: scope, nodeId: null, key, value });
  const shared = sharedSettings(workspace);

  if (
    change.capacity &&
    roadmap &&
    !change.capacity.reset &&
    !readSettings(shared.state, scope).roadmapCapacity
  ) {
    const { daysOff, clearDaysOff, ...hours } = change.capacity;
    if (Object.keys(hours).length === 0 && (daysOff !== undefined || clearDaysOff)) {
      throw new WaymarkError(
        'USAGE',
        `${roadmap.id} has no hours of its own: days off are yours, for every roadmap.`,
        'Set them without a roadmap, e.g. `waymark capacity --off 2026-12-24..2026-12-26`.',
      );
    }
  }
  if (change.capacity) {
    if (change.capacity.reset) put(SETTING.capacity, null);
    else {
      const settings = readSettings(shared.state, scope);
      put(
        SETTING.capacity,
        applyCapacityChange(capacityBase(roadmap, settings, shared.total.capacity), change.capacity, roadmap),
      );
    }
  }
  if (change.share !== undefined && roadmap) {
    const share = change.share === null ? null : parseShare(change.share);
    if (share !== null) {
      // Shares of the other active roadmaps that take a share, plus this one, must fit in 100%.
      const others = shared.entries.filter(
        (entry) =>
          entry.roadmap.id !== roadmap.id &&
          !entry.settings.paused &&
          !entry.settings.roadmapCapacity &&
          entry.settings.share !== undefined,
      );
      const sum = others.reduce((total, entry) => total + (entry.settings.share ?? 0), share);
      if (sum > 100 + 1e-9) {
        throw new WaymarkError(
          'INPUT',
          `shares would add up to ${Math.round(sum * 100) / 100}%: ${[
            `${roadmap.id} ${share}%`,
            ...others.map((entry) => `${entry.roadmap.id} ${entry.settings.share}%`),
          ].join(', ')}.`,
          'Lower this share or another one first, e.g. `waymark capacity OTHER --share 30%`; shares cannot pass 100%.',
        );
      }
    }
    put(SETTING.share, share);
    // A share and own fixed hours are two ways of giving time: the share replaces the fixed hours.
    if (share !== null && readSettings(shared.state, scope).roadmapCapacity && !change.capacity) {
      put(SETTING.capacity, null);
    }
  }
  if (change.priority !== undefined) {
    put(SETTING.priority, change.priority === null ? null : parsePriority(change.priority));
  }
  if (change.paused !== undefined) put(SETTING.paused, change.paused ? true : null);
  if (change.allocation !== undefined) {
    if (change.allocation !== null && change.allocation !== 'shares' && change.allocation !== 'priority') {
      throw new WaymarkError(
        'INPUT',
        `"${String(change.allocation)}" is not a way to share time.`,
        'Use shares (split each day) or priority (finish one roadmap, then the next).',
      );
    }
    put(SETTING.allocation, change.allocation);
  }
  if (change.habits !== undefined) {
    if (change.habits !== null && change.habits !== 'inside' && change.habits !== 'extra') {
      throw new WaymarkError(
        'INPUT',
        `"${String(change.habits)}" is not a place for habits.`,
        'Use inside (habits are part of your study time) or extra (on top of it).',
      );
    }
    put(SETTING.habits, change.habits);
  }
  if (change.studyWindow !== undefined) {
    put(SETTING.studyWindow, change.studyWindow === null ? null : checkStudyWindow(change.studyWindow));
  }
  if (change.resetTarget) put(SETTING.targetDate, false);
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
  return bodies;
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
