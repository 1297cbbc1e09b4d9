/**
 * The burn-up chart of one roadmap: finished items per day from the first event to today (the same count
 * as the progress bars: done or skipped, rolled up), the plan's cumulative line from today to the finish,
 * and the forecast dates. Pure over the roadmap, its event log and the plan.
 */
import { type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { addDays, type CalendarDate } from '../core/plan/calendar-date.js';
import { localDate } from '../core/plan/local-date.js';
import type { Status, WaymarkEvent } from '../core/progress/events.js';
import { isLeaf } from '../core/progress/items.js';
import { compareAt, inLogOrder } from '../core/progress/order.js';
import { rollUp } from '../core/progress/rollup.js';
import { cancelledInLog } from '../core/progress/undo.js';
import { finalNodeIds } from './final-node-ids.js';

export interface Burnup {
  points: { date: CalendarDate; done: number; total: number }[];
  /**
   * Planned cumulative finished items at the end of each day, from today to the planned finish (max-effort
   * schedule); starts from today's count, so items planned for today count today.
   */
  plan: { date: CalendarDate; done: number }[];
  forecast: { p50?: CalendarDate; p85?: CalendarDate };
  /** Markers the chart draws: today, and the target the verdict is judged against (when there is one). */
  today: CalendarDate;
  target: CalendarDate | null;
}

export interface BurnupInput {
  roadmap: Roadmap;
  /** The roadmap's events (others are ignored). */
  events: readonly WaymarkEvent[];
  today: CalendarDate;
  timeZone: string;
  /** The plan's work units with the day each is done (core planRoadmap's `items`). */
  planItems?: readonly { nodeId: string; endMax: CalendarDate }[];
  forecast?: { p50?: CalendarDate; p85?: CalendarDate };
  target?: CalendarDate | null;
}

export function burnupView(input: BurnupInput): Burnup {
  const { roadmap, today } = input;
  const ordered = inLogOrder(input.events.filter((e) => e.roadmapId === roadmap.id));
  const cancelled = cancelledInLog(ordered);
  const nodeIds = finalNodeIds(ordered, cancelled);
  const changes: { at: string; ord: number; nodeId: string; status: Status; date?: CalendarDate }[] = [];
  let firstAt: string | undefined;
  ordered.forEach((e, ord) => {
    if (cancelled.has(e.changeId) || e.type === 'undo') return;
    if (firstAt === undefined || compareAt(e.at, firstAt) < 0) firstAt = e.at;
    const nodeId = nodeIds[ord];
    if (e.type === 'status' && nodeId) changes.push({ at: e.at, ord, nodeId, status: e.status });
  });
  changes.sort((a, b) => compareAt(a.at, b.at) || a.ord - b.ord);
  for (const change of changes) change.date = localDate(change.at, input.timeZone);

  // Which nodes count is fixed by the tree (leaves outside checkpoints), so each day's count follows from the
  // day's changes alone: no roll-up of the whole tree per day (365 of them on a year of history).
  const status = new Map<string, Status>();
  const counted = countedLeaves(roadmap);
  const isFinished = (value: Status | undefined) => value === 'done' || value === 'skipped';
  let finished = 0;
  const total = counted.size;
  const first = firstAt === undefined ? today : minDate(localDate(firstAt, input.timeZone), today);
  const points: Burnup['points'] = [];
  let next = 0;
  for (let date = first; date <= today; date = addDays(date, 1)) {
    while (
      next < changes.length &&
      ((changes[next] as (typeof changes)[number]).date as CalendarDate) <= date
    ) {
      const change = changes[next++] as (typeof changes)[number];
      const before = isFinished(status.get(change.nodeId));
      status.set(change.nodeId, change.status);
      if (counted.has(change.nodeId)) finished += (isFinished(change.status) ? 1 : 0) - (before ? 1 : 0);
    }
    points.push({ date, done: finished, total });
  }
  const tree = rollUp(roadmap.nodes, (id) => status.get(id));
  const current = { done: finished, total };

  const plan: Burnup['plan'] = [];
  if (input.planItems) {
    // A planned unit (a course, a topic with sub-items) finishes every open item beneath it.
    const ends = input.planItems
      .map((item) => {
        const progress = tree.get(item.nodeId);
        return { date: item.endMax, items: progress ? progress.total - progress.finished : 1 };
      })
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    let done = current.done;
    plan.push({ date: today, done });
    for (const end of ends) {
      done = Math.min(done + end.items, current.total);
      const last = plan[plan.length - 1] as Burnup['plan'][number];
      if (last.date === end.date) last.done = done;
      else plan.push({ date: end.date, done });
    }
  }
  const forecast: Burnup['forecast'] = {};
  if (input.forecast?.p50) forecast.p50 = input.forecast.p50;
  if (input.forecast?.p85) forecast.p85 = input.forecast.p85;
  return { points, plan, forecast, today, target: input.target ?? null };
}

const minDate = (a: CalendarDate, b: CalendarDate) => (a < b ? a : b);

/** The items of the burn-up's count: leaves outside checkpoints (what rollUp counts in `total`). */
function countedLeaves(roadmap: Roadmap): Set<string> {
  const tree = rollUp(roadmap.nodes, () => undefined);
  const ids = new Set<string>();
  for (const { node } of walkNodes(roadmap.nodes))
    if (isLeaf(node) && tree.get(node.id)?.total === 1) ids.add(node.id);
  return ids;
}
