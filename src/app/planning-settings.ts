/**
 * Planner settings (capacity, shares, target date, start date, elective choices) are `setting` events, so a
 * plan can be recomputed as of any date from the events up to it. The global capacity (events of the
 * pseudo-roadmap `*`) is the learner's total study time, shared by every roadmap; a roadmap may have a share
 * of it, its own fixed hours inside it, a priority, or be paused.
 */
import { inputError, WaymarkError } from '../core/errors.js';
import { electiveOptions, type Node, type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { type CalendarDate, parseCalendarDate } from '../core/plan/calendar-date.js';
import {
  type Capacity,
  type DaysOff,
  parseCapacity,
  validateCapacity,
  type WeekHours,
  weeklyHours,
} from '../core/plan/capacity.js';
import { capacityFromRoutine } from '../core/plan/capacity-from-routine.js';
import { validateChoice } from '../core/plan/electives.js';
import type { ProgressState } from '../core/progress/fold.js';
import { parseHours } from './hours-input.js';

/** Events of this pseudo-roadmap hold settings that apply to every roadmap. */
export const GLOBAL_SCOPE = '*';

export const SETTING = {
  capacity: 'capacity',
  /** A date, null (no target at all), or false: the learner's own target dropped, the roadmap's applies. */
  targetDate: 'targetDate',
  startDate: 'startDate',
  defaultItemHours: 'defaultItemHours',
  weekHours: 'weekHours',
  choicePrefix: 'choice:',
  /** Roadmap: percent of the shared time (0-100). */
  share: 'share',
  /** Roadmap: 1 = first in priority order. */
  priority: 'priority',
  /** Roadmap: true = no time planned for it. */
  paused: 'paused',
  /** Global: 'shares' (default) or 'priority'. */
  allocation: 'allocation',
  /** Global: 'inside' (default) or 'extra'. */
  habits: 'habits',
  /** Global: { start: 'HH:MM', end: 'HH:MM' } for calendar blocks. */
  studyWindow: 'studyWindow',
} as const;

export type Allocation = 'shares' | 'priority';
export interface StudyWindow {
  start: string;
  end: string;
}
/** Calendar blocks start in the evening unless the learner sets a window. */
export const DEFAULT_STUDY_WINDOW: StudyWindow = { start: '18:00', end: '22:00' };

/** Used when nothing else says how much time there is: 1 h on weekdays, 2.5 h on weekend days (10 h a week). */
export const DEFAULT_CAPACITY: Capacity = { hoursByWeekday: [2.5, 1, 1, 1, 1, 1, 2.5], daysOff: [] };

/** Where a capacity comes from: the roadmap's own hours, the global setting, the sum of the roadmaps' own
 * hours (when every active roadmap has its own and no global is set), a routine, or the built-in default. */
export type CapacitySource = 'roadmap' | 'global' | 'roadmaps' | 'routine' | 'default';

export interface EffectiveCapacity {
  /** With the roadmap's start date folded in. */
  capacity: Capacity;
  source: CapacitySource;
  /** How a capacity read from the roadmap's routine was derived. */
  explanation?: string;
}

export interface PlanningSettings {
  /** The roadmap's own stored capacity, if any. */
  roadmapCapacity?: Capacity;
  globalCapacity?: Capacity;
  /** undefined: never set (the roadmap's own goal date applies); null: cleared (no target). */
  targetDate: CalendarDate | null | undefined;
  startDate: CalendarDate | undefined;
  /** Hours an item with no duration above it gets (default 3). */
  defaultItemHours: number | undefined;
  /** Study hours a roadmap "week" stands for when sizing durations (default: the goal's, else 10). */
  weekHours: number | undefined;
  /** Stored elective choices per group id. */
  choices: Map<string, string[]>;
  /** Percent of the shared time, when the learner gave one. */
  share: number | undefined;
  priority: number | undefined;
  paused: boolean;
  /** Global: how roadmaps share the time. */
  allocation: Allocation;
  allocationFrom: 'global' | 'default';
  habitsExtra: boolean;
  habitsFrom: 'global' | 'default';
  studyWindow: StudyWindow;
  studyWindowFrom: 'global' | 'default';
}

/** A stored capacity that no longer validates is ignored rather than breaking every plan. */
function storedCapacity(value: unknown): Capacity | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    return parseCapacity(value);
  } catch {
    return undefined;
  }
}

const positiveNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;

const stringOrNull = (value: unknown): string | null | undefined =>
  value === null ? null : typeof value === 'string' ? value : undefined;

/** The planner's settings for a roadmap from a folded log (which holds the roadmap's and the global events). */
export function readSettings(state: ProgressState, roadmapId: string): PlanningSettings {
  const own = state.settings.get(roadmapId) ?? {};
  const global = state.settings.get(GLOBAL_SCOPE) ?? {};
  const choices = new Map<string, string[]>();
  for (const [key, value] of Object.entries(own)) {
    if (!key.startsWith(SETTING.choicePrefix) || !Array.isArray(value)) continue;
    choices.set(
      key.slice(SETTING.choicePrefix.length),
      value.filter((id): id is string => typeof id === 'string'),
    );
  }
  const allocation = global[SETTING.allocation];
  const habits = global[SETTING.habits];
  const window = storedWindow(global[SETTING.studyWindow]);
  const share = own[SETTING.share];
  const priority = own[SETTING.priority];
  const settings: PlanningSettings = {
    targetDate: stringOrNull(own[SETTING.targetDate]),
    startDate: stringOrNull(own[SETTING.startDate]) ?? undefined,
    defaultItemHours: positiveNumber(own[SETTING.defaultItemHours]),
    weekHours: positiveNumber(own[SETTING.weekHours]),
    choices,
    share: typeof share === 'number' && share >= 0 && share <= 100 ? share : undefined,
    priority:
      typeof priority === 'number' && Number.isInteger(priority) && priority > 0 ? priority : undefined,
    paused: own[SETTING.paused] === true,
    allocation: allocation === 'priority' ? 'priority' : 'shares',
    allocationFrom: allocation === 'priority' || allocation === 'shares' ? 'global' : 'default',
    habitsExtra: habits === 'extra',
    habitsFrom: habits === 'extra' || habits === 'inside' ? 'global' : 'default',
    studyWindow: window ?? DEFAULT_STUDY_WINDOW,
    studyWindowFrom: window ? 'global' : 'default',
  };
  const roadmapCapacity = storedCapacity(own[SETTING.capacity]);
  const globalCapacity = storedCapacity(global[SETTING.capacity]);
  if (roadmapCapacity) settings.roadmapCapacity = roadmapCapacity;
  if (globalCapacity) settings.globalCapacity = globalCapacity;
  return settings;
}

function storedWindow(value: unknown): StudyWindow | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { start, end } = value as Record<string, unknown>;
  if (typeof start !== 'string' || typeof end !== 'string') return undefined;
  try {
    return checkStudyWindow(`${start}-${end}`);
  } catch {
    return undefined;
  }
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
/** Minutes after midnight of "HH:MM" ("24:00" is the end of the day), or undefined. */
export function minutesOfDay(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '24:00') return 24 * 60;
  const match = TIME.exec(trimmed);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** "18:00-22:00": a window inside one day (it may not cross midnight). */
export function checkStudyWindow(text: string): StudyWindow {
  const hint = 'Give a window inside one day, e.g. --window 18:00-22:00 or --window 06:30-08:00.';
  const [startText, endText, ...rest] = text.split(/\s*(?:-|–|\.\.)\s*/);
  const start = minutesOfDay(startText ?? '');
  const end = minutesOfDay(endText ?? '');
  if (rest.length > 0 || start === undefined || end === undefined) {
    throw inputError(`"${text}" is not a study window.`, hint);
  }
  if (end <= start) {
    throw inputError(
      `The study window ${text} does not fit in a day: it ends at or before it starts (calendar blocks never cross midnight).`,
      hint,
    );
  }
  const pad = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return { start: pad(start), end: pad(end) };
}

/**
 * The learner's total study time: the global capacity; until one is set, the sum of the roadmaps' own hours
 * when every active roadmap has its own, else the routine of the first active roadmap that has one, else
 * DEFAULT_CAPACITY. Global days off always apply.
 */
export function learnerCapacity(
  active: readonly { roadmap: Roadmap; settings: PlanningSettings }[],
  global: PlanningSettings,
): EffectiveCapacity & { routineOf?: string } {
  if (global.roadmapCapacity) return { capacity: global.roadmapCapacity, source: 'global' };
  if (active.length > 0 && active.every((entry) => entry.settings.roadmapCapacity)) {
    const hours = [0, 0, 0, 0, 0, 0, 0];
    for (const entry of active) {
      entry.settings.roadmapCapacity?.hoursByWeekday.forEach((value, day) => {
        hours[day] = Math.min(24, (hours[day] ?? 0) + value);
      });
    }
    return {
      capacity: { hoursByWeekday: hours as unknown as WeekHours, daysOff: [] },
      source: 'roadmaps',
      explanation: 'No global capacity set: the sum of the roadmaps’ own hours.',
    };
  }
  for (const entry of active) {
    const routine = capacityFromRoutine(entry.roadmap);
    if (routine) {
      return {
        capacity: routine.capacity,
        source: 'routine',
        explanation: `No global capacity set: from the routine of ${entry.roadmap.id}. ${routine.explanation}`,
        routineOf: entry.roadmap.id,
      };
    }
  }
  return { capacity: DEFAULT_CAPACITY, source: 'default' };
}

/** The roadmap's capacity, else the global one, else the roadmap's routine, else DEFAULT_CAPACITY. */
export function effectiveCapacity(
  roadmap: Roadmap | undefined,
  settings: PlanningSettings,
): EffectiveCapacity {
  const withStart = (capacity: Capacity): Capacity => ({
    hoursByWeekday: capacity.hoursByWeekday,
    daysOff: capacity.daysOff,
    ...(settings.startDate ? { start: settings.startDate } : {}),
  });
  if (settings.roadmapCapacity) {
    // Days off are the learner's, not a roadmap's: global ones apply to a roadmap with its own hours too.
    const daysOff = [...settings.roadmapCapacity.daysOff];
    for (const range of settings.globalCapacity?.daysOff ?? []) {
      if (!daysOff.some((known) => known.from === range.from && known.to === range.to)) daysOff.push(range);
    }
    daysOff.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    return { capacity: withStart({ ...settings.roadmapCapacity, daysOff }), source: 'roadmap' };
  }
  if (settings.globalCapacity) return { capacity: withStart(settings.globalCapacity), source: 'global' };
  const routine = roadmap ? capacityFromRoutine(roadmap) : undefined;
  if (routine) {
    return { capacity: withStart(routine.capacity), source: 'routine', explanation: routine.explanation };
  }
  return { capacity: withStart(DEFAULT_CAPACITY), source: 'default' };
}

/**
 * What a change to a scope's capacity starts from: its own stored capacity; else, for the global scope, the
 * total that applies now (`current`), and for a roadmap nothing (its own hours are a slice of the total, so
 * the global hours and days off are never copied into it).
 */
export function capacityBase(
  roadmap: Roadmap | undefined,
  settings: PlanningSettings,
  current: Capacity,
): Capacity {
  if (settings.roadmapCapacity) return settings.roadmapCapacity;
  if (!roadmap) return { hoursByWeekday: current.hoursByWeekday, daysOff: [] };
  return { hoursByWeekday: [0, 0, 0, 0, 0, 0, 0], daysOff: [] };
}

/** Elective groups of a roadmap, in document order. */
export function electiveGroups(roadmap: Roadmap): Node[] {
  return [...walkNodes(roadmap.nodes)].map(({ node }) => node).filter((node) => node.choose !== undefined);
}

// ---- changes ----

export const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type DayKey = (typeof DAY_KEYS)[number];

/** A change to a capacity, as `waymark capacity` and `PUT /api/settings` take it; unnamed parts stay. */
export interface CapacityChange {
  /** Seven values, Sunday first. */
  hoursByWeekday?: readonly (number | string)[];
  /** Monday to Friday. */
  weekdays?: number | string;
  /** Saturday and Sunday. */
  weekend?: number | string;
  /** Single days; they win over weekdays/weekend. */
  days?: Partial<Record<DayKey, number | string>>;
  /** Days off to add: "2026-12-24..2026-12-26", "2026-12-31", or {from, to}. */
  daysOff?: readonly (string | { from: string; to?: string })[];
  /** Remove the stored days off first. */
  clearDaysOff?: boolean;
  /** Start from the roadmap's routine instead of the current capacity. */
  fromRoutine?: boolean;
  /** Drop this scope's own capacity (the roadmap falls back to the global one, its routine, or the default). */
  reset?: boolean;
}

export interface SettingsChange {
  capacity?: CapacityChange;
  /** A date from today on; null clears the target (the roadmap's own date too). */
  targetDate?: string | null;
  /** Drop the learner's own target (a date or a clearing): the roadmap's own date, if it has one, applies. */
  resetTarget?: boolean;
  /** No work is planned before it; null clears it. */
  startDate?: string | null;
  /** Hours for an item with no duration above it ("3h"); null goes back to the default. */
  defaultItemHours?: number | string | null;
  /** Study hours a roadmap "week" means when sizing "6-8 weeks"; null goes back to the default. */
  weekHours?: number | string | null;
  /** Option ids per elective group id; null or [] clears the group's choice. */
  choices?: Record<string, readonly string[] | null>;
  /** Roadmap: percent of the shared time ("60%", 60); null goes back to an equal part. */
  share?: number | string | null;
  /** Roadmap: place in priority order (1 = first); null drops it. */
  priority?: number | string | null;
  /** Roadmap: true pauses it (no time planned), false resumes it. */
  paused?: boolean;
  /** Global: how roadmaps share the time. */
  allocation?: Allocation | null;
  /** Global: habits inside the capacity (default) or extra on top of it. */
  habits?: 'inside' | 'extra' | null;
  /** Global: calendar blocks' window, "18:00-22:00"; null goes back to the default. */
  studyWindow?: string | null;
}

/** "60%", "60", 60: a share in percent, 0 to 100. */
export function parseShare(value: number | string): number {
  const text = String(value).trim();
  const match = /^(-?\d+(?:\.\d+)?)\s*%?$/.exec(text);
  const hint = 'Give a percent of your study time from 0 to 100, e.g. --share 60%.';
  if (!match) throw inputError(`The share "${text}" is not a percentage.`, hint);
  const share = Number(match[1]);
  if (share < 0) throw inputError(`The share ${text} is negative.`, hint);
  if (share > 100) throw inputError(`The share ${text} is more than all of your time.`, hint);
  return share;
}

export function parsePriority(value: number | string): number {
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw inputError(
      `The priority "${text}" is not a place in line.`,
      'Give 1 for first, 2 for second, and so on.',
    );
  }
  return Number(text);
}

const DATE_RANGE = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|\/|–|—)\s*(\d{4}-\d{2}-\d{2})$/;

/** "2026-12-24..2026-12-26" or one date; a backwards range is left to validateCapacity to refuse. */
export function parseDaysOff(entry: string | { from: string; to?: string }): DaysOff {
  if (typeof entry !== 'string') {
    const from = parseCalendarDate(String(entry.from), 'first day off');
    return { from, to: parseCalendarDate(String(entry.to ?? entry.from), 'last day off') };
  }
  const text = entry.trim();
  const range = DATE_RANGE.exec(text);
  if (range) {
    return {
      from: parseCalendarDate(range[1] as string, 'first day off'),
      to: parseCalendarDate(range[2] as string, 'last day off'),
    };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = parseCalendarDate(text, 'day off');
    return { from: day, to: day };
  }
  throw inputError(
    `"${entry}" is not a day or a range of days off.`,
    'Write 2026-12-24 for one day or 2026-12-24..2026-12-26 for a range (both days included).',
  );
}

/** The capacity after a change, validated (zero, > 24 h, backwards days off all refused). */
export function applyCapacityChange(
  current: Capacity,
  change: CapacityChange,
  roadmap: Roadmap | undefined,
): Capacity {
  let base = current;
  if (change.fromRoutine) {
    const routine = roadmap ? capacityFromRoutine(roadmap) : undefined;
    if (!routine) {
      throw inputError(
        roadmap
          ? `"${roadmap.title}" has no routine with hours and no weekly hours to take a capacity from.`
          : '--from-routine needs a roadmap: the routine is part of a roadmap.',
        'Give hours instead, e.g. `waymark capacity ROADMAP --weekdays 2h --weekend 5h`.',
      );
    }
    base = routine.capacity;
  }
  const hours = [...base.hoursByWeekday];
  if (change.hoursByWeekday !== undefined) {
    if (change.hoursByWeekday.length !== 7) {
      throw inputError(
        `hoursByWeekday needs 7 values (Sunday first), got ${change.hoursByWeekday.length}.`,
        'e.g. [5, 2, 2, 2, 2, 2, 5].',
      );
    }
    change.hoursByWeekday.forEach((value, day) => {
      hours[day] = parseHours(value, `hours for ${DAY_KEYS[day]}`);
    });
  }
  if (change.weekdays !== undefined) {
    const value = parseHours(change.weekdays, '--weekdays');
    for (let day = 1; day <= 5; day++) hours[day] = value;
  }
  if (change.weekend !== undefined) {
    const value = parseHours(change.weekend, '--weekend');
    hours[0] = value;
    hours[6] = value;
  }
  for (const [key, value] of Object.entries(change.days ?? {})) {
    const day = DAY_KEYS.indexOf(key as DayKey);
    if (day < 0) throw inputError(`"${key}" is not a weekday.`, `Use one of ${DAY_KEYS.join(', ')}.`);
    if (value !== undefined) hours[day] = parseHours(value, `--${key}`);
  }
  const daysOff: DaysOff[] = change.clearDaysOff ? [] : [...base.daysOff];
  for (const entry of change.daysOff ?? []) {
    const range = parseDaysOff(entry);
    if (!daysOff.some((known) => known.from === range.from && known.to === range.to)) daysOff.push(range);
  }
  daysOff.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return validateCapacity({ hoursByWeekday: hours as unknown as WeekHours, daysOff });
}

/** Checks a choice for a group of the roadmap; returns the ids to store (deduplicated). */
export function checkChoice(roadmap: Roadmap, groupId: string, optionIds: readonly string[]): string[] {
  const group = electiveGroups(roadmap).find((node) => node.id === groupId);
  if (!group) {
    const groups = electiveGroups(roadmap);
    throw new WaymarkError(
      'NOT_FOUND',
      `"${groupId}" is not an elective group of ${roadmap.id}.`,
      groups.length > 0
        ? `Its elective groups: ${groups.map((node) => `${node.id} (${node.title})`).join(', ')}.`
        : `${roadmap.id} has no elective groups ("Choose 1-2" sections).`,
    );
  }
  const unique = [...new Set(optionIds)];
  validateChoice(group, unique);
  // Store in roadmap order so a choice reads the same however it was typed.
  const order = electiveOptions(group).map((option) => option.id);
  return unique.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

export function describeCapacity(capacity: Capacity): { weeklyHours: number } {
  return { weeklyHours: Math.round(weeklyHours(capacity) * 100) / 100 };
}
