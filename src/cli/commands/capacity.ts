import { learnerTimeZone } from '../../app/learner-clock.js';
import {
  type CapacityChange,
  globalSettingsView,
  type SettingsChange,
  settingsView,
  updateSettings,
} from '../../app/planning-service.js';
import { type Allocation, DAY_KEYS, type DayKey } from '../../app/planning-settings.js';
import { WaymarkError } from '../../core/errors.js';
import { allotmentText, capacityLines, printSettings } from '../format/plan-text.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface CapacityOptions extends StoreOptions, Partial<Record<DayKey, string>> {
  weekdays?: string;
  weekend?: string;
  off?: string[];
  clearOff?: boolean;
  start?: string;
  fromRoutine?: boolean;
  reset?: boolean;
  share?: string;
  priority?: string;
  pause?: boolean;
  resume?: boolean;
  split?: string;
  habits?: string;
  window?: string;
  json?: boolean;
}

/** The change the options describe, or undefined when none is given (then the command shows the capacity). */
function capacityChange(options: CapacityOptions): CapacityChange | undefined {
  const change: CapacityChange = {};
  if (options.weekdays !== undefined) change.weekdays = options.weekdays;
  if (options.weekend !== undefined) change.weekend = options.weekend;
  const days: Partial<Record<DayKey, string>> = {};
  for (const key of DAY_KEYS) if (options[key] !== undefined) days[key] = options[key];
  if (Object.keys(days).length > 0) change.days = days;
  if (options.off && options.off.length > 0) change.daysOff = options.off;
  if (options.clearOff) change.clearDaysOff = true;
  if (options.fromRoutine) change.fromRoutine = true;
  if (options.reset) change.reset = true;
  return Object.keys(change).length > 0 ? change : undefined;
}

const isNone = (text: string) => ['none', 'clear', '-'].includes(text.trim().toLowerCase());

/**
 * `waymark capacity [ROADMAP] [--weekdays 2h --weekend 5h | --mon 1h ...] [--off A..B ...] [--start DATE]
 * [--from-routine] [--reset]`: without ROADMAP it is the global capacity every roadmap without its own uses;
 * without options it shows the current one.
 */
export async function capacityCommand(
  roadmapId: string | undefined,
  options: CapacityOptions,
  io: Io,
): Promise<void> {
  const timeZone = learnerTimeZone(io.env);
  // Showing settings only reads the store (never waits for a writer); any option that changes one writes.
  const writes =
    capacityChange(options) !== undefined ||
    [options.start, options.share, options.priority, options.split, options.habits, options.window].some(
      (value) => value !== undefined,
    ) ||
    options.pause === true ||
    options.resume === true;
  await withWorkspace(
    options,
    io,
    (workspace) => {
      const capacity = capacityChange(options);
      if (options.start !== undefined && roadmapId === undefined) {
        throw new WaymarkError(
          'USAGE',
          '--start belongs to a roadmap.',
          'e.g. `waymark capacity ai-engineer --start 2027-01-04`.',
        );
      }
      if (capacity?.reset && Object.keys(capacity).length > 1) {
        throw new WaymarkError('USAGE', '--reset cannot be combined with new hours or days off.');
      }
      if (options.pause && options.resume)
        throw new WaymarkError('USAGE', 'give --pause or --resume, not both.');
      const change: SettingsChange = {
        ...(capacity ? { capacity } : {}),
        ...(options.start !== undefined ? { startDate: isNone(options.start) ? null : options.start } : {}),
        ...(options.share !== undefined ? { share: isNone(options.share) ? null : options.share } : {}),
        ...(options.priority !== undefined
          ? { priority: isNone(options.priority) ? null : options.priority }
          : {}),
        ...(options.pause ? { paused: true } : options.resume ? { paused: false } : {}),
        ...(options.split !== undefined
          ? { allocation: options.split.trim().toLowerCase() as Allocation }
          : {}),
        ...(options.habits !== undefined ? { habits: options.habits.trim().toLowerCase() as 'inside' } : {}),
        ...(options.window !== undefined
          ? { studyWindow: isNone(options.window) ? null : options.window }
          : {}),
      };
      const changed = Object.keys(change).length > 0;
      if (changed) updateSettings(workspace, roadmapId, change, { timeZone });
      if (roadmapId !== undefined) {
        const view = settingsView(workspace, roadmapId);
        if (options.json) return io.out(JSON.stringify(view));
        if (changed) io.out('Saved.');
        printSettings(view, io);
        return;
      }
      const global = globalSettingsView(workspace);
      if (options.json) return io.out(JSON.stringify(global));
      if (changed) io.out('Saved.');
      io.out('Your study time, shared by every roadmap:');
      for (const line of capacityLines(global.capacity)) io.out(line);
      const from = (source: string) => (source === 'global' ? 'set by you' : 'default');
      io.out(`  Sharing: by ${global.allocation} (${from(global.allocationFrom)})`);
      io.out(
        `  Habits: ${global.habits} your study time (${from(global.habitsFrom)}) · calendar window ${global.studyWindow.start}-${global.studyWindow.end} (${from(global.studyWindowFrom)})`,
      );
      for (const entry of global.roadmaps) {
        io.out(`${entry.roadmapId}: ${allotmentText(entry.allotment, global.allocation)}`);
      }
    },
    writes ? 'write' : 'read',
  );
}

/** `waymark target ROADMAP [DATE | --clear | --reset]`: without DATE shows the target. */
export async function targetCommand(
  roadmapId: string,
  date: string | undefined,
  options: StoreOptions & { clear?: boolean; reset?: boolean; json?: boolean },
  io: Io,
): Promise<void> {
  const timeZone = learnerTimeZone(io.env);
  await withWorkspace(
    options,
    io,
    (workspace) => {
      if ([date !== undefined, options.clear === true, options.reset === true].filter(Boolean).length > 1) {
        throw new WaymarkError('USAGE', 'give a date, --clear or --reset, not two of them.');
      }
      if (date !== undefined || options.clear || options.reset) {
        updateSettings(
          workspace,
          roadmapId,
          options.reset ? { resetTarget: true } : { targetDate: options.clear ? null : (date as string) },
          { timeZone },
        );
      }
      const view = settingsView(workspace, roadmapId);
      const result = { roadmapId, targetDate: view.targetDate, targetSource: view.targetSource };
      if (options.json) return io.out(JSON.stringify(result));
      if (view.targetDate === null) io.out(`${roadmapId}: no target date.`);
      else
        io.out(
          `${roadmapId}: target ${view.targetDate}${view.targetSource === 'roadmap' ? " (the roadmap's own date)" : ''}. See \`waymark plan ${roadmapId}\`.`,
        );
    },
    date === undefined && !options.clear && !options.reset ? 'read' : 'write',
  );
}
