/**
 * What the learner actually did on a day: the status of every node at the end of it and the time logged on
 * it, per item and in total. The agenda (`waymark today`, GET /api/today) sets this against the day's plan,
 * which is made as the day began (plan-context.ts `dayStart`), so the two are read from one place.
 */
import { type Roadmap, walkNodes } from '../core/model/roadmap.js';
import type { CalendarDate } from '../core/plan/calendar-date.js';
import { localDate } from '../core/plan/local-date.js';
import type { Status } from '../core/progress/events.js';
import { foldEvents, type ProgressState } from '../core/progress/fold.js';
import { foldedState } from './folded-state.js';
import { roadmapProgress, roadmapProgressAt } from './roadmap-progress.js';
import type { Workspace } from './workspace.js';

/** Time logged on one node (or on no item: `nodeId` null) on the day. */
export interface LoggedOnDay {
  roadmapId: string;
  nodeId: string | null;
  title: string;
  minutes: number;
  /** Spaced-review time rather than roadmap work. */
  review: boolean;
}

export interface DayRecord {
  /** The derived status (parents from their leaves) at the end of the day, per roadmap. */
  statusOf: (roadmap: Roadmap) => ReadonlyMap<string, Status>;
  /** Minutes logged on the node on the day (renames followed: the time belongs to the node's id now). */
  loggedOn: (roadmapId: string, nodeId: string) => number;
  /** Every session of the day, summed per node, in the order first logged. */
  logged: LoggedOnDay[];
  /** Everything logged on the day: work, review and time on no item. */
  loggedMinutes: number;
  /** The fold at the end of the day. */
  state: ProgressState;
}

/**
 * The record of `date` for the roadmaps given (every session of other roadmaps is left out). Today and later
 * read the whole log (its cached fold and derivation); a past day the log up to that day's end.
 */
export function dayRecord(
  workspace: Workspace,
  roadmaps: readonly Roadmap[],
  date: CalendarDate,
  today: CalendarDate,
  timeZone: string,
): DayRecord {
  const wholeLog = date >= today;
  const state = wholeLog
    ? foldedState(workspace.store)
    : foldEvents(workspace.store.listEvents().filter((event) => localDate(event.at, timeZone) <= date));
  const statuses = new Map<string, ReadonlyMap<string, Status>>();
  const statusOf = (roadmap: Roadmap) => {
    let status = statuses.get(roadmap.id);
    if (!status) {
      status = (
        wholeLog ? roadmapProgressAt(roadmap, state, workspace.store) : roadmapProgress(roadmap, state)
      ).status;
      statuses.set(roadmap.id, status);
    }
    return status;
  };
  const titles = new Map(roadmaps.map((roadmap) => [roadmap.id, titlesOf(roadmap)]));
  const byNode = new Map<string, LoggedOnDay>();
  let loggedMinutes = 0;
  for (const session of state.sessions) {
    const names = titles.get(session.roadmapId);
    if (!names || localDate(session.at, timeZone) !== date) continue;
    const review = session.review === true;
    const key = `${session.roadmapId}\u0000${session.nodeId ?? ''}\u0000${review}`;
    const entry = byNode.get(key) ?? {
      roadmapId: session.roadmapId,
      nodeId: session.nodeId,
      title: session.nodeId === null ? names.roadmap : (names.nodes.get(session.nodeId) ?? session.nodeId),
      minutes: 0,
      review,
    };
    entry.minutes += session.minutes;
    byNode.set(key, entry);
    loggedMinutes += session.minutes;
  }
  const logged = [...byNode.values()];
  const onNode = new Map<string, number>();
  for (const entry of logged) {
    if (entry.nodeId === null) continue;
    const key = `${entry.roadmapId}\u0000${entry.nodeId}`;
    onNode.set(key, (onNode.get(key) ?? 0) + entry.minutes);
  }
  return {
    statusOf,
    loggedOn: (roadmapId, nodeId) => onNode.get(`${roadmapId}\u0000${nodeId}`) ?? 0,
    logged,
    loggedMinutes,
    state,
  };
}

function titlesOf(roadmap: Roadmap): { roadmap: string; nodes: Map<string, string> } {
  const nodes = new Map<string, string>();
  for (const { node } of walkNodes(roadmap.nodes)) nodes.set(node.id, node.title);
  return { roadmap: roadmap.title, nodes };
}
