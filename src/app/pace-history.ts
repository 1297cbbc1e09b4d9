/**
 * The learner's weekly pace on one roadmap, read from the folded log: planning units finished per week and
 * hours logged per week, in the learner's time zone, weeks starting on Monday. The forecast samples it.
 */

import type { WeekRecord } from '../core/forecast/weekly-window.js';
import type { Roadmap } from '../core/model/roadmap.js';
import { addDays, type CalendarDate, weekday } from '../core/plan/calendar-date.js';
import { localDate } from '../core/plan/local-date.js';
import { analyseWork } from '../core/plan/work-structure.js';
import type { WaymarkEvent } from '../core/progress/events.js';
import { nodeProgress, type ProgressState } from '../core/progress/fold.js';
import { inLogOrder } from '../core/progress/order.js';
import { cancelledInLog } from '../core/progress/undo.js';

/** The Monday on or before a date. */
export function weekStartOf(date: CalendarDate): CalendarDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** Activity that shows the learner was working on the roadmap (settings and estimates are not). */
const ACTIVITY = new Set<WaymarkEvent['type']>(['status', 'log', 'note', 'evidence', 'review']);

/**
 * Weeks with their counts, oldest first. An item counts as finished in the week its `done` was set. The first active week is always listed (with zeros if need be), so
 * quiet weeks after the start count as zero pace.
 */
export function paceHistory(
  roadmap: Roadmap,
  state: ProgressState,
  events: readonly WaymarkEvent[],
  timeZone: string,
  /** Estimated hours of a finished unit, to record what each week earned (`estimateHoursDone`). */
  unitHours?: (nodeId: string) => number,
): WeekRecord[] {
  const weeks = new Map<CalendarDate, WeekRecord>();
  const starts = new Map<CalendarDate, CalendarDate>(); // many events share a day
  const weekOf = (at: string): WeekRecord => {
    const date = localDate(at, timeZone);
    let start = starts.get(date);
    if (start === undefined) {
      start = weekStartOf(date);
      starts.set(date, start);
    }
    let record = weeks.get(start);
    if (!record) {
      record = { weekStart: start, itemsDone: 0, hoursLogged: 0 };
      weeks.set(start, record);
    }
    return record;
  };

  // Status lives on items (ARCHITECTURE.md, "Progress semantics"): an item counts in the week it was done.
  for (const unit of analyseWork(roadmap.nodes).units) {
    const progress = nodeProgress(state, roadmap.id, unit.id);
    if (progress.status !== 'done' || progress.archived || progress.statusAt === undefined) continue;
    const week = weekOf(progress.statusAt);
    week.itemsDone++;
    if (unitHours) week.estimateHoursDone = (week.estimateHoursDone ?? 0) + unitHours(unit.id);
  }

  for (const session of state.sessions) {
    if (session.roadmapId === roadmap.id && !session.review)
      weekOf(session.at).hoursLogged += session.minutes / 60;
  }
  let first: string | undefined;
  const cancelled = cancelledInLog(inLogOrder(events)); // an undone change is no activity
  for (const event of events) {
    if (event.roadmapId !== roadmap.id || !ACTIVITY.has(event.type) || cancelled.has(event.changeId))
      continue;
    if (first === undefined || event.at < first) first = event.at;
  }
  if (first !== undefined) weekOf(first);
  return [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
}
