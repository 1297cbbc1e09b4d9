/**
 * `waymark retro`: a weekly or monthly review written from the log, and the learner's answers stored as a
 * note event. A retro is about a whole roadmap, not an item, so its note is stored on the reserved node id
 * RETRO_NODE_ID ("@retro") of the roadmap: a NoteEvent needs a node id, and "@" never starts a real one.
 */
import { WaymarkError } from '../core/errors.js';
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import { addDays, type CalendarDate, parseCalendarDate } from '../core/plan/calendar-date.js';
import { hoursOn } from '../core/plan/capacity.js';
import { localDate } from '../core/plan/local-date.js';
import { nodeProgress } from '../core/progress/fold.js';
import { dueOn } from '../core/review/due-cards.js';
import { type RetroFacts, renderRetro } from '../core/review/retro-markdown.js';
import { type RetroKind, retroPeriod } from '../core/review/retro-period.js';
import { buildCards } from '../core/review/review-cards.js';
import { retentionBetween } from '../core/review/review-stats.js';
import { foldedState } from './folded-state.js';
import { forecastView } from './forecast-view.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { allRoadmaps, planContext } from './plan-context.js';
import { GLOBAL_SCOPE, learnerCapacity, readSettings } from './planning-settings.js';
import { expectedReviewMinutesPerDay } from './review-service.js';
import { roadmapProgress } from './roadmap-progress.js';
import { streakView } from './study-streak-view.js';
import { selectRoadmaps, stampChange, type Workspace } from './workspace.js';

export const RETRO_NODE_ID = '@retro';

export interface RetroRequest {
  kind?: RetroKind;
  /** Any date inside the period (default: today). */
  date?: string;
  roadmapId?: string;
  timeZone?: string;
}

export interface Retro {
  facts: RetroFacts;
  markdown: string;
  timeZone: string;
}

export function buildRetro(workspace: Workspace, request: RetroRequest = {}): Retro {
  const timeZone = request.timeZone ?? learnerTimeZone();
  const today = learnerToday(workspace, timeZone);
  const date = request.date === undefined ? today : parseCalendarDate(request.date, 'retro date');
  const period = retroPeriod(request.kind ?? 'week', date, today);
  const roadmaps = selected(workspace, request.roadmapId);
  const state = foldedState(workspace.store);
  const inPeriod = (at: string | undefined) => {
    if (at === undefined) return undefined;
    const local = localDate(at, timeZone);
    return local >= period.from && local <= period.to ? local : undefined;
  };

  const finished: RetroFacts['finished'] = [];
  const showcase: RetroFacts['showcase'] = [];
  for (const roadmap of roadmaps) {
    const groups = new Map<string, RetroFacts['finished'][number]>();
    const finishedOn = (node: Node): CalendarDate | undefined => {
      const progress = nodeProgress(state, roadmap.id, node.id);
      return progress.status === 'done' && !progress.archived ? inPeriod(progress.statusAt) : undefined;
    };
    // Items only (ARCHITECTURE.md, "Progress semantics"): a parent is finished through the items beneath it.
    const items = new Set(roadmapProgress(roadmap, state).items);
    for (const { node, parents } of walkNodes(roadmap.nodes)) {
      if (!items.has(node)) continue;
      const day = finishedOn(node);
      if (day === undefined) continue;
      const progress = nodeProgress(state, roadmap.id, node.id);
      if (node.kind === 'project' || node.kind === 'certificate') {
        showcase.push({
          roadmapId: roadmap.id,
          id: node.id,
          title: node.title,
          kind: node.kind,
          date: day,
          evidence: progress.evidence.map(({ kind, ref }) => ({ kind, ref })),
        });
        continue;
      }
      const phase = parents[0]?.title ?? 'Top level';
      let group = groups.get(phase);
      if (!group) {
        group = { roadmapId: roadmap.id, phase, items: [] };
        groups.set(phase, group);
        finished.push(group);
      }
      group.items.push({ id: node.id, title: node.title, date: day });
    }
  }

  const ids = new Set(roadmaps.map((roadmap) => roadmap.id));
  let minutes = 0;
  const days = new Set<CalendarDate>();
  for (const session of state.sessions) {
    const day = ids.has(session.roadmapId) ? inPeriod(session.at) : undefined;
    if (day === undefined) continue;
    minutes += session.minutes;
    days.add(day);
  }
  const capacityThrough = period.to < today ? period.to : today;
  // One learner, one budget: the same total capacity `week` and the planner share out (planning-settings.ts).
  const everyRoadmap = allRoadmaps(workspace).map((roadmap) => ({
    roadmap,
    settings: readSettings(state, roadmap.id),
  }));
  const total = learnerCapacity(
    everyRoadmap.filter((entry) => !entry.settings.paused),
    readSettings(state, GLOBAL_SCOPE),
  ).capacity;
  let capacityHours = 0;
  for (let day = period.from; day <= capacityThrough; day = addDays(day, 1))
    capacityHours += hoursOn(total, day);

  const cards = buildCards(roadmaps, state);
  const facts: RetroFacts = {
    period,
    today,
    roadmaps: roadmaps.map((roadmap) => ({ id: roadmap.id, title: roadmap.title })),
    finished,
    showcase,
    study: {
      minutes,
      days: days.size,
      capacityMinutes: roadmaps.length === 0 ? null : Math.round(capacityHours * 60),
      capacityThrough,
    },
    streak: streakView(workspace, { timeZone, asOf: capacityThrough }),
    drift: planDrift(workspace, roadmaps, period.from, capacityThrough, today, timeZone),
    reviews: {
      ...retentionBetween(cards, period.from, period.to, timeZone),
      dueNow: dueOn(cards, today, timeZone).length,
    },
  };
  return { facts, markdown: renderRetro(facts), timeZone };
}

function selected(workspace: Workspace, roadmapId: string | undefined): Roadmap[] {
  const roadmaps = selectRoadmaps(workspace, roadmapId);
  if (roadmaps.length === 0) {
    throw new WaymarkError('NOT_FOUND', 'no roadmap imported yet.', 'Run `waymark import FILE` first.');
  }
  return roadmaps;
}

/** The max-effort finish planned the day before the period against the one planned at its end (or today). */
function planDrift(
  workspace: Workspace,
  roadmaps: readonly Roadmap[],
  from: CalendarDate,
  to: CalendarDate,
  today: CalendarDate,
  timeZone: string,
): RetroFacts['drift'] {
  const drift: Exclude<RetroFacts['drift'], string> = [];
  for (const roadmap of roadmaps) {
    if (readSettings(foldedState(workspace.store), roadmap.id).paused) continue; // no plan to drift
    // The same review reserve on both sides, so the drift shows progress, not a changed review estimate.
    const reviewMinutesPerDay = expectedReviewMinutesPerDay(workspace, roadmap.id);
    const contextAsOf = (asOf: CalendarDate) =>
      planContext(workspace, roadmap, { today: asOf, reviewMinutesPerDay }, timeZone, today);
    try {
      // The forecast as `plan` computes it (its own review reserve), so every view says the same.
      const now = planContext(workspace, roadmap, {}, timeZone, today);
      drift.push({
        roadmapId: roadmap.id,
        title: roadmap.title,
        before: contextAsOf(addDays(from, -1)).plan.finish.max,
        after: contextAsOf(to).plan.finish.max,
        ...(now.plan.nothingLeft ? {} : { forecast: forecastView(now).summary }),
      });
    } catch (error) {
      if (!(error instanceof WaymarkError)) throw error;
      return `No plan to compare for ${roadmap.id}: ${error.message}`;
    }
  }
  return drift;
}

/** Stores what the learner wrote in a retro as one note on the roadmap (see RETRO_NODE_ID). */
export function storeRetroNote(workspace: Workspace, roadmapId: string, text: string) {
  if (text.trim() === '') throw new WaymarkError('INPUT', 'the retro is empty: nothing stored.');
  const [event] = workspace.store.appendEvents(
    stampChange(workspace, workspace.now.toISOString(), [
      { type: 'note', roadmapId, nodeId: RETRO_NODE_ID, text },
    ]),
  );
  return event;
}

/** The roadmap a retro note belongs to: the one asked for, else the one with most study in the period. */
export function retroRoadmapId(retro: Retro, workspace: Workspace): string {
  const ids = retro.facts.roadmaps.map((roadmap) => roadmap.id);
  if (ids.length === 1) return ids[0] as string;
  const { from, to } = retro.facts.period;
  const minutes = new Map<string, number>();
  for (const session of foldedState(workspace.store).sessions) {
    const day = localDate(session.at, retro.timeZone);
    if (day >= from && day <= to)
      minutes.set(session.roadmapId, (minutes.get(session.roadmapId) ?? 0) + session.minutes);
  }
  return [...ids].sort((a, b) => (minutes.get(b) ?? 0) - (minutes.get(a) ?? 0))[0] as string;
}
