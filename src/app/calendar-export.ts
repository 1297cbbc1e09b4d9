/**
 * The plan as an iCalendar file (`waymark export --format ics`): one event per planned study block, that is
 * one item's share of one day. Blocks of a day follow each other from a start time (default 18:00), in
 * floating local time, so they sit at the same wall-clock time in whatever zone the calendar shows.
 * UIDs are derived from roadmap, item and date: re-importing an updated plan updates those blocks instead of
 * duplicating them (blocks that moved to another day get new UIDs, as they are new blocks).
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { WaymarkError } from '../core/errors.js';
import { addDays, type CalendarDate, diffDays } from '../core/plan/calendar-date.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { allRoadmaps, loadRoadmap, type PlanContext, planContext } from './plan-context.js';
import type { Workspace } from './workspace.js';

export interface CalendarExportOptions {
  /** First block of each day, "HH:MM" (default "18:00"). */
  dayStart?: string;
  /** Only blocks within this many days from today (default: the whole plan). */
  days?: number;
  reviewMinutesPerDay?: number;
  timeZone?: string;
}

const DAY_START = /^([01]?\d|2[0-3]):([0-5]\d)$/;

function parseDayStart(text: string): number {
  const match = DAY_START.exec(text.trim());
  if (!match) {
    throw new WaymarkError('INPUT', `"${text}" is not a time of day.`, 'Use HH:MM, e.g. 18:00 or 07:30.');
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** A stable, calendar-safe UID for one study block. */
export function blockUid(roadmapId: string, nodeId: string, date: CalendarDate): string {
  const safe = (text: string) =>
    encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `${safe(roadmapId)}.${safe(nodeId)}.${date}@waymark`;
}

/** Minutes after midnight of `date` as a floating local date-time (may run into the next day). */
function at(date: CalendarDate, minutes: number): DateArray {
  const day = addDays(date, Math.floor(minutes / 1440));
  const rest = minutes % 1440;
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return [year, month, dayOfMonth, Math.floor(rest / 60), rest % 60];
}

export function exportPlanIcs(
  workspace: Workspace,
  roadmapId?: string,
  options: CalendarExportOptions = {},
): string {
  const timeZone = options.timeZone ?? learnerTimeZone();
  const today = learnerToday(workspace, timeZone);
  const dayStart = parseDayStart(options.dayStart ?? '18:00');
  if (options.days !== undefined && !(Number.isInteger(options.days) && options.days > 0)) {
    throw new WaymarkError(
      'INPUT',
      `--days ${options.days} is not a number of days.`,
      'Give a whole number, e.g. 30.',
    );
  }
  const roadmaps = roadmapId !== undefined ? [loadRoadmap(workspace, roadmapId)] : allRoadmaps(workspace);
  const request =
    options.reviewMinutesPerDay === undefined ? {} : { reviewMinutesPerDay: options.reviewMinutesPerDay };
  const contexts: PlanContext[] = roadmaps
    .map((roadmap) => planContext(workspace, roadmap, request, timeZone, today))
    .filter((context) => !context.plan.nothingLeft);
  if (contexts.length === 0) {
    throw new WaymarkError(
      'INPUT',
      roadmapId ? `nothing left to plan in ${roadmapId}.` : 'nothing left to plan in any roadmap.',
      'Import a roadmap or reopen an item (`waymark reset ITEM`).',
    );
  }

  const events: EventAttributes[] = [];
  const usedMinutes = new Map<CalendarDate, number>(); // blocks of several roadmaps on one day follow each other
  const stamp = workspace.now.getTime();
  for (const context of contexts) {
    const titles = new Map(context.plan.items.map((item) => [item.nodeId, item]));
    const phaseTitles = new Map(context.plan.phases.map((phase) => [phase.id, phase.title]));
    for (const day of context.plan.days) {
      if (options.days !== undefined && diffDays(today, day.date) >= options.days) break;
      for (const piece of day.items) {
        const minutes = Math.max(1, Math.round(piece.hours * 60));
        const offset = usedMinutes.get(day.date) ?? 0;
        usedMinutes.set(day.date, offset + minutes);
        const item = titles.get(piece.nodeId);
        const phase = item?.phaseId ? phaseTitles.get(item.phaseId) : undefined;
        const event = {
          uid: blockUid(context.roadmap.id, piece.nodeId, day.date),
          title: item?.title ?? piece.nodeId,
          description: [
            context.roadmap.title,
            phase ? `Phase: ${phase}` : undefined,
            `Item ${piece.nodeId}, ${minutes} min planned this day.`,
            `Planned by Waymark on ${today}; re-export after changes to update.`,
          ]
            .filter(Boolean)
            .join('\n'),
          categories: [context.roadmap.title],
          start: at(day.date, dayStart + offset),
          startInputType: 'local',
          startOutputType: 'local',
          end: at(day.date, dayStart + offset + minutes),
          endInputType: 'local',
          endOutputType: 'local',
          busyStatus: 'BUSY',
          timestamp: stamp,
        };
        events.push(event as EventAttributes);
      }
    }
  }
  const { error, value } = createEvents(events, {
    productId: 'waymark/plan',
    calName: roadmapId ? `Waymark: ${contexts[0]?.roadmap.title}` : 'Waymark study plan',
  });
  if (error || value === null) {
    throw new WaymarkError('INPUT', `the calendar could not be written: ${error?.message ?? 'no output'}.`);
  }
  return value;
}
