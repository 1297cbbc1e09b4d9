import { learnerTimeZone } from '../../app/learner-clock.js';
import { allRoadmaps } from '../../app/plan-context.js';
import {
  type CapacityChange,
  globalSettingsView,
  settingsView,
  updateSettings,
} from '../../app/planning-service.js';
import { DAY_KEYS, type DayKey } from '../../app/planning-settings.js';
import { WaymarkError } from '../../core/errors.js';
import { capacityLines, printSettings } from '../format/plan-text.js';
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
      const changed = capacity !== undefined || options.start !== undefined;
      if (changed) {
        updateSettings(
          workspace,
          roadmapId,
          {
            ...(capacity ? { capacity } : {}),
            ...(options.start !== undefined
              ? { startDate: isNone(options.start) ? null : options.start }
              : {}),
          },
          { timeZone },
        );
      }
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
      io.out(
        `Global capacity${global.capacity.source === 'default' ? ' (not set)' : ''}, for every roadmap without its own:`,
      );
      for (const line of capacityLines(global.capacity)) io.out(line);
      for (const roadmap of allRoadmaps(workspace)) {
        const { capacity: own } = settingsView(workspace, roadmap.id);
        if (own.source === 'global') continue;
        const whose =
          own.source === 'roadmap' ? 'its own' : own.source === 'routine' ? 'from its routine' : 'default';
        io.out(`${roadmap.id}: ${own.weeklyHours} h a week (${whose})`);
      }
    },
    capacityChange(options) === undefined && options.start === undefined ? 'read' : 'write',
  );
}

/** `waymark target ROADMAP [DATE | --clear]`: without DATE shows the target. */
export async function targetCommand(
  roadmapId: string,
  date: string | undefined,
  options: StoreOptions & { clear?: boolean; json?: boolean },
  io: Io,
): Promise<void> {
  const timeZone = learnerTimeZone(io.env);
  await withWorkspace(
    options,
    io,
    (workspace) => {
      if (date !== undefined && options.clear) {
        throw new WaymarkError('USAGE', 'give a date or --clear, not both.');
      }
      if (date !== undefined || options.clear) {
        updateSettings(
          workspace,
          roadmapId,
          { targetDate: options.clear ? null : (date as string) },
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
    date === undefined && !options.clear ? 'read' : 'write',
  );
}
