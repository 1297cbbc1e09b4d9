/**
 * Planner settings (capacity, target date, start date, elective choices) are `setting` events, so a plan can
 * be recomputed as of any date from the events up to it. Capacity is roadmap-wide (events of the roadmap) or
 * global (events of the pseudo-roadmap `*`); a roadmap's own capacity wins over the global one.
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
  targetDate: 'targetDate',
  startDate: 'startDate',
  defaultItemHours: 'defaultItemHours',
  weekHours: 'weekHours',
  choicePrefix: 'choice:',
} as const;

/** Used when nothing else says how much time there is: 1 h on weekdays, 2.5 h on weekend days (10 h a week). */
export const DEFAULT_CAPACITY: Capacity = { hoursByWeekday: [2.5, 1, 1, 1, 1, 1, 2.5], daysOff: [] };

export type CapacitySource = 'roadmap' | 'global' | 'routine' | 'default';

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
  const settings: PlanningSettings = {
    targetDate: stringOrNull(own[SETTING.targetDate]),
    startDate: stringOrNull(own[SETTING.startDate]) ?? undefined,
    defaultItemHours: positiveNumber(own[SETTING.defaultItemHours]),
    weekHours: positiveNumber(own[SETTING.weekHours]),
    choices,
  };
  const roadmapCapacity = storedCapacity(own[SETTING.capacity]);
  const globalCapacity = storedCapacity(global[SETTING.capacity]);
  if (roadmapCapacity) settings.roadmapCapacity = roadmapCapacity;
  if (globalCapacity) settings.globalCapacity = globalCapacity;
  return settings;
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
 * What a change to a scope's capacity starts from: its own stored capacity, else (for a roadmap) the hours that
 * apply now with no days off, so the global days off are not copied into the roadmap's own.
 */
export function capacityBase(roadmap: Roadmap | undefined, settings: PlanningSettings): Capacity {
  if (settings.roadmapCapacity) return settings.roadmapCapacity;
  if (!roadmap) return DEFAULT_CAPACITY;
  const current = effectiveCapacity(roadmap, settings).capacity;
  return { hoursByWeekday: current.hoursByWeekday, daysOff: [] };
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
  /** No work is planned before it; null clears it. */
  startDate?: string | null;
  /** Hours for an item with no duration above it ("3h"); null goes back to the default. */
  defaultItemHours?: number | string | null;
  /** Study hours a roadmap "week" means when sizing "6-8 weeks"; null goes back to the default. */
  weekHours?: number | string | null;
  /** Option ids per elective group id; null or [] clears the group's choice. */
  choices?: Record<string, readonly string[] | null>;
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
