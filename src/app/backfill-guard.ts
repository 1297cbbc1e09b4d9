/**
 * Guards on when events may be dated: a date far before anything Waymark knows of the learner is most
 * likely a typo (`--at 1999-01-01`), and no calendar day holds more than 24 hours of study.
 */
import { WaymarkError } from '../core/errors.js';
import { durationText } from '../core/format/duration-text.js';
import { localDate } from '../core/plan/local-date.js';
import { inLogOrder } from '../core/progress/order.js';
import { MAX_LOG_MINUTES } from '../core/progress/parse-study-duration.js';
import { cancelledInLog } from '../core/progress/undo.js';
import { foldedState } from './folded-state.js';
import type { Workspace } from './workspace.js';

/**
 * How far before the first activity (or first import) a date may go without `--force`: a year, since a
 * learner often imports a roadmap they have followed for months and backfills what they did.
 */
export const BACKFILL_LIMIT_DAYS = 365;
const DAY_MS = 86_400_000;
const ACTIVITY = new Set(['status', 'log', 'note', 'evidence', 'review']);

/** The earliest moment Waymark knows of the learner: the first activity not undone, or the first import. */
export function firstKnownActivity(workspace: Workspace): string | undefined {
  const events = inLogOrder(workspace.store.listEvents());
  const cancelled = cancelledInLog(events);
  let first: string | undefined;
  for (const event of events) {
    if (!ACTIVITY.has(event.type) || cancelled.has(event.changeId)) continue;
    if (first === undefined || event.at < first) first = event.at;
  }
  for (const record of workspace.store.listRoadmaps())
    if (first === undefined || record.importedAt < first) first = record.importedAt;
  return first;
}

/** Refuses (INPUT, nothing stored) a date more than BACKFILL_LIMIT_DAYS before the first known activity. */
export function checkBackfill(workspace: Workspace, at: string, typed: string, force: boolean): void {
  if (force) return;
  const first = firstKnownActivity(workspace) ?? workspace.now.toISOString();
  const days = Math.floor((Date.parse(first) - Date.parse(at)) / DAY_MS);
  if (days <= BACKFILL_LIMIT_DAYS) return;
  throw new WaymarkError(
    'INPUT',
    `--at ${typed} is ${days} days before your first activity in Waymark (${first.slice(0, 10)}); nothing was recorded.`,
    'Check the date; if it is right, repeat the command with --force.',
  );
}

/** Refuses a log that would put more than 24 hours of study on one calendar day of the learner. */
export function checkDailyTotal(workspace: Workspace, at: string, minutes: number, timeZone: string): void {
  const day = localDate(at, timeZone);
  let logged = 0;
  for (const session of foldedState(workspace.store).sessions)
    if (localDate(session.at, timeZone) === day) logged += session.minutes;
  if (logged + minutes <= MAX_LOG_MINUTES) return;
  throw new WaymarkError(
    'INPUT',
    `${day} already has ${durationText(logged)} logged; ${durationText(minutes)} more would make ${durationText(logged + minutes)}, more than a day holds. Nothing was recorded.`,
    'Check the duration and the date (`--at`); `waymark undo` reverts a log that was wrong.',
  );
}
