/**
 * Today's rows as a stable checklist (pure): the rows are those of the agenda the page opened with (or was
 * refreshed to); later answers from the server only refresh the numbers on them (status, minutes logged),
 * never their order or membership, so nothing moves under the learner's cursor. A re-plan is shown as
 * "the plan changed", for the learner to apply.
 */
import type { Agenda, Status } from '../api/types';

export type RowKind = 'planned' | 'habit' | 'elsewhere';

export interface ChecklistRow {
  /** `roadmap:node`, unique within its kind. */
  ref: string;
  kind: RowKind;
  roadmapId: string;
  nodeId: string;
  title: string;
  /** Planned minutes on the day (null: the routine gives no time, or the item is not planned that day). */
  plannedMinutes: number | null;
  loggedMinutes: number;
  /** What is left of the planned minutes (0 once done). */
  leftMinutes: number;
  /** Habits have none: they recur, so they only log time. */
  status: Status | null;
  /** "part 2 of 3" for an item spread over days. */
  part: string | null;
  phaseTitle: string | null;
}

const refOf = (entry: { roadmapId: string; nodeId: string }) => `${entry.roadmapId}:${entry.nodeId}`;

/** Minutes logged on the day per `roadmap:node` (review time apart: it is not work on the item). */
function loggedByRef(agenda: Agenda): Map<string, number> {
  const logged = new Map<string, number>();
  for (const entry of agenda.logged) {
    if (entry.nodeId === null || entry.review) continue;
    const ref = `${entry.roadmapId}:${entry.nodeId}`;
    logged.set(ref, (logged.get(ref) ?? 0) + entry.minutes);
  }
  return logged;
}

/** Every row of an agenda, in the order shown: planned items, habits, items in progress planned elsewhere. */
export function rowsOf(agenda: Agenda): ChecklistRow[] {
  const logged = loggedByRef(agenda);
  const planned = agenda.items.map(
    (item): ChecklistRow => ({
      ref: refOf(item),
      kind: 'planned',
      roadmapId: item.roadmapId,
      nodeId: item.nodeId,
      title: item.title,
      plannedMinutes: item.minutes,
      loggedMinutes: item.loggedMinutes,
      leftMinutes: item.leftMinutes,
      status: item.status,
      part: item.parts > 1 ? `part ${item.part} of ${item.parts}` : null,
      phaseTitle: item.phaseTitle,
    }),
  );
  const habits = agenda.habits.map((habit): ChecklistRow => {
    const done = logged.get(refOf(habit)) ?? 0;
    return {
      ref: refOf(habit),
      kind: 'habit',
      roadmapId: habit.roadmapId,
      nodeId: habit.nodeId,
      title: habit.title,
      plannedMinutes: habit.minutes,
      loggedMinutes: done,
      leftMinutes: Math.max(0, (habit.minutes ?? 0) - done),
      status: null,
      part: null,
      phaseTitle: habit.block,
    };
  });
  const elsewhere = agenda.inProgress
    .filter((item) => !item.plannedOnDay)
    .map(
      (item): ChecklistRow => ({
        ref: refOf(item),
        kind: 'elsewhere',
        roadmapId: item.roadmapId,
        nodeId: item.nodeId,
        title: item.title,
        plannedMinutes: null,
        loggedMinutes: logged.get(refOf(item)) ?? 0,
        leftMinutes: item.status === 'doing' ? item.remainingMinutes : 0,
        status: item.status,
        part: null,
        phaseTitle: null,
      }),
    );
  return [...planned, ...habits, ...elsewhere];
}

const rowKey = (row: ChecklistRow) => `${row.kind}\u0000${row.ref}`;

/**
 * The rows of `shown` (the agenda the learner is working through) with the numbers of `latest`. A row the
 * latest plan no longer has keeps its last numbers, except the time logged, which the day's log still knows.
 */
export function checklistRows(shown: Agenda, latest: Agenda): ChecklistRow[] {
  const fresh = new Map(rowsOf(latest).map((row) => [rowKey(row), row]));
  const logged = loggedByRef(latest);
  return rowsOf(shown).map((row) => {
    const now = fresh.get(rowKey(row));
    if (now)
      return {
        ...row,
        loggedMinutes: now.loggedMinutes,
        leftMinutes: now.leftMinutes,
        status: now.status ?? row.status,
      };
    const minutes = logged.get(row.ref) ?? row.loggedMinutes;
    return { ...row, loggedMinutes: minutes };
  });
}

/** What the plan decides: which rows, in which order, with how many planned minutes. */
function planShape(agenda: Agenda): string {
  return rowsOf(agenda)
    .map((row) => `${rowKey(row)}\u0000${row.plannedMinutes ?? ''}`)
    .join('\n');
}

/** The server's plan for the day differs from the one shown (a re-plan the learner may apply). */
export function planChanged(shown: Agenda, latest: Agenda): boolean {
  return shown.date !== latest.date || planShape(shown) !== planShape(latest);
}

/** Rows whose status changed between two renders, for the screen-reader announcement. */
export function statusChanges(
  before: readonly ChecklistRow[],
  after: readonly ChecklistRow[],
): { row: ChecklistRow; from: Status; to: Status }[] {
  const previous = new Map(before.map((row) => [rowKey(row), row.status]));
  const changes: { row: ChecklistRow; from: Status; to: Status }[] = [];
  for (const row of after) {
    const from = previous.get(rowKey(row));
    if (from && row.status && from !== row.status) changes.push({ row, from, to: row.status });
  }
  return changes;
}

/** Time the server has recorded (its answer to the write) but whose agenda has not arrived yet. */
export interface PendingLog {
  ref: string;
  minutes: number;
}

/**
 * The rows with recorded logs added that the agenda does not hold yet: the learner sees their log counted as
 * soon as the server has it, not after the day is re-read. The next agenda answer replaces these numbers.
 */
export function withPending(rows: readonly ChecklistRow[], logs: readonly PendingLog[]): ChecklistRow[] {
  if (logs.length === 0) return [...rows];
  const extra = new Map<string, number>();
  for (const log of logs) extra.set(log.ref, (extra.get(log.ref) ?? 0) + log.minutes);
  return rows.map((row) => {
    const minutes = extra.get(row.ref);
    if (minutes === undefined) return row;
    const open = row.status === null || row.status === 'todo' || row.status === 'doing';
    return {
      ...row,
      loggedMinutes: row.loggedMinutes + minutes,
      leftMinutes:
        open && row.kind !== 'elsewhere' ? Math.max(0, row.leftMinutes - minutes) : row.leftMinutes,
    };
  });
}
