/**
 * The plan as an iCalendar file (`waymark export --format ics`): one event per planned study block (one
 * item's share of one day), one for the day's spaced review, and an all-day event per dated milestone. A day's
 * blocks follow each other from the start of the learner's study window (default 18:00-22:00), across all
 * roadmaps, so they never overlap; a day with more planned than the window holds starts earlier so that it
 * ends with the window, and nothing ever crosses midnight (a day plans at most its capacity, at most 24 h).
 * Times are floating local times. UIDs are derived from roadmap, item and date: re-importing an updated plan
 * updates those blocks instead of duplicating them (blocks that moved to another day get new UIDs).
 */
import { WaymarkError } from '../core/errors.js';
import { durationText } from '../core/format/duration-text.js';
import { addDays, type CalendarDate, diffDays } from '../core/plan/calendar-date.js';
import { type IcsEvent, icsCalendar, icsStamp } from './ics-text.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { milestoneViews } from './milestones-view.js';
import { contextOf, learnerContext, loadRoadmap, type PlanContext } from './plan-context.js';
import { checkStudyWindow, minutesOfDay } from './planning-settings.js';
import type { Workspace } from './workspace.js';

export interface CalendarExportOptions {
  /** First block of each day, "HH:MM" (default: the start of the learner's study window). */
  dayStart?: string;
  /** Only blocks within this many days from today (default: the whole plan). */
  days?: number;
  reviewMinutesPerDay?: number;
  timeZone?: string;
}

function parseDayStart(text: string): number {
  const minutes = minutesOfDay(text);
  if (minutes === undefined || minutes >= 24 * 60) {
    throw new WaymarkError('INPUT', `"${text}" is not a time of day.`, 'Use HH:MM, e.g. 18:00 or 07:30.');
  }
  return minutes;
}

/** A stable, calendar-safe UID for one study block. */
export function blockUid(roadmapId: string, nodeId: string, date: CalendarDate): string {
  const safe = (text: string) =>
    encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `${safe(roadmapId)}.${safe(nodeId)}.${date}@waymark`;
}

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));
const compactDate = (date: CalendarDate) => date.replace(/-/g, '');
/** Minutes after midnight of `date` as a floating local date-time; callers keep it within the day. */
const at = (date: CalendarDate, minutes: number) =>
  `${compactDate(date)}T${pad(Math.floor(minutes / 60))}${pad(minutes % 60)}00`;

interface Piece {
  context: PlanContext;
  nodeId: string;
  minutes: number;
}

export function exportPlanIcs(
  workspace: Workspace,
  roadmapId?: string,
  options: CalendarExportOptions = {},
): string {
  const timeZone = options.timeZone ?? learnerTimeZone();
  const today = learnerToday(workspace, timeZone);
  if (options.days !== undefined && !(Number.isInteger(options.days) && options.days > 0)) {
    throw new WaymarkError(
      'INPUT',
      `--days ${options.days} is not a number of days.`,
      'Give a whole number, e.g. 30.',
    );
  }
  const only = roadmapId !== undefined ? loadRoadmap(workspace, roadmapId).id : undefined;
  const learner = learnerContext(
    workspace,
    options.reviewMinutesPerDay === undefined ? {} : { reviewMinutesPerDay: options.reviewMinutesPerDay },
    timeZone,
    today,
  );
  if (only) contextOf(learner, only); // a paused roadmap is refused
  const open = learner.roadmaps.filter((context) => !context.plan.nothingLeft);
  const exported = open.filter((context) => only === undefined || context.roadmap.id === only);
  if (exported.length === 0) {
    throw new WaymarkError(
      'INPUT',
      only ? `nothing left to plan in ${only}.` : 'nothing left to plan in any roadmap.',
      'Import a roadmap or reopen an item (`waymark reset ITEM`).',
    );
  }
  const settings = open[0]?.settings ?? exported[0]?.settings;
  const window = checkStudyWindow(`${settings?.studyWindow.start}-${settings?.studyWindow.end}`);
  const windowStart =
    options.dayStart !== undefined ? parseDayStart(options.dayStart) : (minutesOfDay(window.start) as number);
  const windowEnd = Math.max(windowStart, minutesOfDay(window.end) as number);

  // Every roadmap's pieces by day (all of them, so a one-roadmap export sits where the full plan puts it).
  const byDay = new Map<CalendarDate, Piece[]>();
  for (const context of open) {
    for (const day of context.plan.days) {
      if (options.days !== undefined && diffDays(today, day.date) >= options.days) break;
      let list = byDay.get(day.date);
      if (!list) {
        list = [];
        byDay.set(day.date, list);
      }
      for (const piece of day.items) list.push({ context, nodeId: piece.nodeId, minutes: piece.hours * 60 });
    }
  }
  const titles = new Map(
    exported.map((context) => [context, new Map(context.plan.items.map((item) => [item.nodeId, item]))]),
  );
  const phases = new Map(
    exported.map((context) => [
      context,
      new Map(context.plan.phases.map((phase) => [phase.id, phase.title])),
    ]),
  );
  const events: IcsEvent[] = [];
  const days = [...byDay.keys()].sort();
  for (const date of days) {
    const pieces = byDay.get(date) as Piece[];
    const reviewMinutes = Math.round(learner.budgetOn(date).review * 60);
    // Whole minutes on the running total, so blocks meet exactly and the day's sum is what the plan says.
    let total = 0;
    const rounded = pieces.map((piece) => {
      const before = Math.round(total);
      total += piece.minutes;
      return Math.round(total) - before;
    });
    const dayMinutes = rounded.reduce((sum, minutes) => sum + minutes, 0) + reviewMinutes;
    let clock = Math.max(0, Math.min(windowStart, windowEnd - dayMinutes, 24 * 60 - dayMinutes));
    pieces.forEach((piece, index) => {
      const minutes = rounded[index] ?? 0;
      const start = clock;
      clock += minutes;
      if (minutes <= 0) return;
      const { context } = piece;
      const items = titles.get(context);
      if (!items) return; // another roadmap's block: it takes its time, it is not exported
      const item = items.get(piece.nodeId);
      const phase = item?.phaseId ? phases.get(context)?.get(item.phaseId) : undefined;
      events.push({
        uid: blockUid(context.roadmap.id, piece.nodeId, date),
        summary: item?.title ?? piece.nodeId,
        description: [
          context.roadmap.title,
          phase ? `Phase: ${phase}` : undefined,
          `Item ${piece.nodeId}, ${durationText(minutes)} planned this day.`,
          `Planned by Waymark on ${today}; re-export after changes to update.`,
        ]
          .filter(Boolean)
          .join('\n'),
        categories: [context.roadmap.title],
        start: at(date, start),
        end: at(date, clock),
        busy: true,
      });
    });
    if (reviewMinutes > 0 && only === undefined) {
      events.push({
        uid: `review.${date}@waymark`,
        summary: 'Spaced review',
        description: `${durationText(reviewMinutes)} of spaced review (waymark review).`,
        start: at(date, clock),
        end: at(date, clock + reviewMinutes),
        busy: true,
      });
    }
  }
  for (const context of exported) {
    for (const milestone of milestoneViews(context)) {
      if (milestone.due < today) continue;
      if (options.days !== undefined && diffDays(today, milestone.due) >= options.days) continue;
      events.push({
        uid: blockUid(context.roadmap.id, milestone.id, 'milestone'),
        summary: `Milestone: ${milestone.title}`,
        description: [
          context.roadmap.title,
          milestone.reached
            ? 'Reached.'
            : `Open: ${milestone.openItems.map((item) => item.title).join('; ')}`,
        ].join('\n'),
        categories: [context.roadmap.title],
        start: compactDate(milestone.due),
        end: compactDate(addDays(milestone.due, 1)),
        allDay: true,
        busy: false,
      });
    }
  }
  return icsCalendar(
    {
      productId: 'waymark/plan',
      name: only ? `Waymark: ${exported[0]?.roadmap.title}` : 'Waymark study plan',
      stamp: icsStamp(workspace.now),
    },
    events,
  );
}
