/**
 * Spaced review of finished topics (use cases shared by `waymark review|stats` and the /api/review routes).
 * Cards are derived from the log on every call: a topic marked done is a card, its `review` events are the
 * ratings, and a `review.optOut` setting on the roadmap or an item takes it out.
 */
import { WaymarkError } from '../core/errors.js';
import type { Roadmap } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import { addDays, type CalendarDate, parseCalendarDate } from '../core/plan/calendar-date.js';
import type { ReviewRating, WaymarkEvent } from '../core/progress/events.js';
import { nodeProgress, type ProgressState } from '../core/progress/fold.js';
import { type DueCard, dueOn } from '../core/review/due-cards.js';
import { type CardSchedule, nextSchedule } from '../core/review/fsrs-schedule.js';
import {
  buildCards,
  isOptedOut,
  OPT_OUT_KEY,
  type ReviewCard,
  topicsLeft,
} from '../core/review/review-cards.js';
import {
  expectedReviewMinutes,
  type ReviewMinutesEstimate,
  reviewPace,
  reviewSessionNote,
} from '../core/review/review-minutes.js';
import {
  cardsByState,
  retentionBetween,
  retentionByWeek,
  reviewLoad,
  type WeekRetention,
} from '../core/review/review-stats.js';
import { foldedState } from './folded-state.js';
import { learnerTimeZone, learnerToday } from './learner-clock.js';
import { eventTime, findItem } from './tracking-service.js';
import { loadRoadmaps, selectRoadmaps, stampChange, type Workspace } from './workspace.js';

export const RATING_NAMES: Record<ReviewRating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export interface ReviewOptions {
  roadmapId?: string;
  /** IANA zone for "today" and weeks; default: the learner's (WAYMARK_TZ, TZ, the system's). */
  timeZone?: string;
}

export interface ReviewContext {
  roadmaps: Roadmap[];
  state: ProgressState;
  cards: ReviewCard[];
  timeZone: string;
  today: CalendarDate;
}

/** Roadmaps (one, or all), the folded log, and their cards. */
export function reviewContext(workspace: Workspace, options: ReviewOptions = {}): ReviewContext {
  const roadmaps = selectRoadmaps(workspace, options.roadmapId);
  const state = foldedState(workspace.store);
  const timeZone = options.timeZone ?? learnerTimeZone();
  return {
    roadmaps,
    state,
    cards: buildCards(roadmaps, state),
    timeZone,
    today: learnerToday(workspace, timeZone),
  };
}

/** A due card as `waymark review --json` and GET /api/review/due print it. */
export interface DueCardView {
  roadmapId: string;
  nodeId: string;
  ref: string;
  title: string;
  kind: string;
  path: string[];
  due: string;
  dueDate: CalendarDate;
  overdueDays: number;
  state: ReviewCard['state'];
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview?: string;
  notes: ReviewCard['notes'];
  evidence: ReviewCard['evidence'];
}

export interface DueList {
  date: CalendarDate;
  timeZone: string;
  /** All cards (not opted out) of the roadmaps asked about. */
  totalCards: number;
  cards: DueCardView[];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function dueCardView(card: DueCard): DueCardView {
  const view: DueCardView = {
    roadmapId: card.roadmapId,
    nodeId: card.nodeId,
    ref: `${card.roadmapId}:${card.nodeId}`,
    title: card.title,
    kind: card.kind,
    path: card.path,
    due: card.due,
    dueDate: card.dueDate,
    overdueDays: card.overdueDays,
    state: card.state,
    stability: round(card.stability, 3),
    difficulty: round(card.difficulty, 3),
    reps: card.reps,
    lapses: card.lapses,
    notes: card.notes,
    evidence: card.evidence,
  };
  if (card.lastReview) view.lastReview = card.lastReview;
  return view;
}

/** Cards due on `date` (default today), most overdue first. */
export function dueCards(workspace: Workspace, options: ReviewOptions & { date?: string } = {}): DueList {
  const context = reviewContext(workspace, options);
  const date = options.date === undefined ? context.today : parseCalendarDate(options.date, 'review date');
  return {
    date,
    timeZone: context.timeZone,
    totalCards: context.cards.length,
    cards: dueOn(context.cards, date, context.timeZone).map(dueCardView),
  };
}

/** Reads a rating from user input: 1-4 or again/hard/good/easy. */
export function parseRating(value: unknown): ReviewRating {
  const text = String(value).trim().toLowerCase();
  const byName = Object.entries(RATING_NAMES).find(([, name]) => name.toLowerCase() === text);
  const rating = byName ? Number(byName[0]) : /^[1-4]$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(rating)) {
    throw new WaymarkError(
      'INPUT',
      `the rating "${String(value).slice(0, 40)}" is not 1, 2, 3 or 4.`,
      'Rate 1 (Again: forgot), 2 (Hard), 3 (Good) or 4 (Easy).',
    );
  }
  return rating as ReviewRating;
}

export interface RatedCard {
  ref: string;
  title: string;
  rating: ReviewRating;
  ratingName: string;
  next: CardSchedule;
  event: WaymarkEvent;
}

/**
 * Records a review of a finished topic. Refuses (storing nothing) a rating outside 1-4, an item that is
 * not done, an opted-out item, and a review dated before the card's last one.
 */
export function rateCard(
  workspace: Workspace,
  ref: string,
  rating: unknown,
  options: { at?: string } = {},
): RatedCard {
  const grade = parseRating(rating);
  const item = findItem(workspace, ref);
  const at = eventTime(workspace, options.at);
  const label = `${item.roadmapId}:${item.node.id} "${item.node.title}"`;
  const state = foldedState(workspace.store);
  const roadmap = loadRoadmaps(workspace.store).find(({ model }) => model.id === item.roadmapId)?.model;
  const entry = roadmap
    ? [...walkNodes(roadmap.nodes)].find(({ node }) => node.id === item.node.id)
    : undefined;
  const progress = nodeProgress(state, item.roadmapId, item.node.id);
  if (progress.status !== 'done') {
    throw new WaymarkError(
      'INPUT',
      `${label} is not done (it is ${progress.status}): only finished topics are reviewed.`,
      `Mark it done first: \`waymark done ${item.roadmapId}:${item.node.id}\`.`,
    );
  }
  if (entry && isOptedOut(state, item.roadmapId, entry.node, entry.parents)) {
    throw new WaymarkError(
      'INPUT',
      `${label} is opted out of review.`,
      `Opt it back in with \`waymark review-opt-in ${item.roadmapId}:${item.node.id}\`.`,
    );
  }
  const card = roadmap ? buildCards([roadmap], state).find((c) => c.nodeId === item.node.id) : undefined;
  if (!card) {
    throw new WaymarkError(
      'INPUT',
      `${label} has no review card: it is a ${item.node.kind}${entry?.node.children.length ? ' with items beneath' : ''}.`,
      'Cards are the topics you finish (not milestones or certificates); rate the items beneath a section.',
    );
  }
  const last = card.reviews[card.reviews.length - 1]?.at ?? card.createdAt;
  if (at < last) {
    throw new WaymarkError(
      'INPUT',
      `a review at ${at} would come before ${card.reviews.length ? 'the last review' : 'the topic was done'} (${last}).`,
      'Give a later --at, or leave it out to record the review now.',
    );
  }
  const [event] = workspace.store.appendEvents(
    stampChange(workspace, at, [
      { type: 'review', roadmapId: item.roadmapId, nodeId: item.node.id, rating: grade },
    ]),
  );
  return {
    ref: `${item.roadmapId}:${item.node.id}`,
    title: item.node.title,
    rating: grade,
    ratingName: RATING_NAMES[grade],
    next: nextSchedule(card.createdAt, card.reviews, at, grade),
    event: event as WaymarkEvent,
  };
}

/** Logs the time a review session took, marked so `reviewPace` learns the learner's minutes per card. */
export function logReviewSession(
  workspace: Workspace,
  roadmapId: string,
  cards: number,
  minutes: number,
): WaymarkEvent | undefined {
  if (cards === 0 || minutes <= 0) return undefined;
  const [event] = workspace.store.appendEvents(
    stampChange(workspace, workspace.now.toISOString(), [
      // Review time, not work on the roadmap: `status` and the forecast leave it out, the streak counts it.
      { type: 'log', roadmapId, nodeId: null, minutes, note: reviewSessionNote(cards), kind: 'review' },
    ]),
  );
  return event;
}

/** What a review session logged: one `log` event per roadmap reviewed, all in one change. */
export interface LoggedReviewTime {
  minutes: number;
  events: WaymarkEvent[];
}

/**
 * Logs a whole session's time (the terminal's `waymark review` and the dashboard's session): split over the
 * roadmaps by cards reviewed, each part rounded to whole minutes and at least 1, in one change so one undo
 * takes it back. Nothing is logged for a session that reviewed no card.
 */
export function logReviewSessionTime(
  workspace: Workspace,
  cardsByRoadmap: ReadonlyMap<string, number>,
  elapsedMs: number,
): LoggedReviewTime {
  const reviewed = [...cardsByRoadmap].filter(([, count]) => count > 0);
  const total = reviewed.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return { minutes: 0, events: [] };
  const known = new Set(loadRoadmaps(workspace.store).map(({ model }) => model.id));
  const unknown = reviewed.find(([roadmapId]) => !known.has(roadmapId));
  if (unknown) {
    throw new WaymarkError(
      'NOT_FOUND',
      `no roadmap "${unknown[0].slice(0, 80)}" to log review time on.`,
      'Name the roadmaps of the cards rated in the session.',
    );
  }
  const bodies = reviewed.map(([roadmapId, count]) => ({
    type: 'log' as const,
    roadmapId,
    nodeId: null,
    minutes: Math.max(1, Math.round((Math.max(0, elapsedMs) / 60_000) * (count / total))),
    note: reviewSessionNote(count),
    // Review time, not work on the roadmap: `status` and the forecast leave it out, the streak counts it.
    kind: 'review' as const,
  }));
  const events = workspace.store.appendEvents(stampChange(workspace, workspace.now.toISOString(), bodies));
  return { minutes: bodies.reduce((sum, body) => sum + body.minutes, 0), events };
}

export interface ReviewStats {
  timeZone: string;
  today: CalendarDate;
  totalCards: number;
  dueToday: number;
  byState: Record<ReviewCard['state'], number>;
  retention: { overall: number | null; reviews: number; last30Days: number | null; weeks: WeekRetention[] };
  /** Cards due on each of the next 30 days by their current schedule (overdue ones today). */
  load: { date: CalendarDate; due: number }[];
  expected: ReviewMinutesEstimate;
  optedOut: { roadmaps: string[]; items: string[] };
}

export function reviewStats(workspace: Workspace, options: ReviewOptions = {}): ReviewStats {
  const context = reviewContext(workspace, options);
  const { cards, timeZone, today } = context;
  const weeks = retentionByWeek(cards, timeZone);
  const reviews = weeks.reduce((sum, week) => sum + week.reviews, 0);
  const recalled = weeks.reduce((sum, week) => sum + week.recalled, 0);
  const month = retentionBetween(cards, addDays(today, -29), today, timeZone);
  return {
    timeZone,
    today,
    totalCards: cards.length,
    dueToday: dueOn(cards, today, timeZone).length,
    byState: cardsByState(cards),
    retention: {
      overall: reviews === 0 ? null : round(recalled / reviews, 4),
      reviews,
      last30Days: month.retention === null ? null : round(month.retention, 4),
      weeks: weeks.map((week) => ({ ...week, retention: round(week.retention, 4) })),
    },
    load: reviewLoad(cards, today, timeZone),
    expected: expectedReviewMinutes(
      cards,
      workspace.now,
      reviewPace(context.state.sessions),
      topicsLeft(context.roadmaps, context.state),
    ),
    optedOut: optedOut(context),
  };
}

function optedOut(context: ReviewContext): { roadmaps: string[]; items: string[] } {
  const roadmaps: string[] = [];
  const items: string[] = [];
  for (const roadmap of context.roadmaps) {
    if (context.state.settings.get(roadmap.id)?.[OPT_OUT_KEY] === true) roadmaps.push(roadmap.id);
    for (const [nodeId, progress] of context.state.nodes.get(roadmap.id) ?? []) {
      if (progress.settings[OPT_OUT_KEY] === true) items.push(`${roadmap.id}:${nodeId}`);
    }
  }
  return { roadmaps, items };
}

/** The review minutes per day the planner reserves for a roadmap (see expectedReviewMinutes). */
export function expectedReviewMinutesPerDay(
  workspace: Workspace,
  roadmapId: string,
  options: { state?: ProgressState; roadmap?: Roadmap } = {},
): number {
  const roadmaps =
    options.roadmap?.id === roadmapId ? [options.roadmap] : selectRoadmaps(workspace, roadmapId);
  const state = options.state ?? foldedState(workspace.store);
  return expectedReviewMinutes(
    buildCards(roadmaps, state),
    workspace.now,
    reviewPace(state.sessions),
    topicsLeft(roadmaps, state),
  ).minutesPerDay;
}

export interface OptChange {
  target: string;
  scope: 'roadmap' | 'item';
  optOut: boolean;
  event: WaymarkEvent;
}

/**
 * Opts a roadmap (by its id) or an item (and everything beneath it) out of review, or back in, in one change:
 * the target's own setting, and the explicit settings beneath it cleared so the whole of it follows. Opting
 * an item in stores an explicit exception only when its roadmap or an ancestor stays opted out.
 */
export function setReviewOptOut(workspace: Workspace, ref: string, optOut: boolean): OptChange {
  const roadmaps = loadRoadmaps(workspace.store).map(({ model }) => model);
  const roadmap = roadmaps.find((candidate) => candidate.id === ref.trim());
  const item = roadmap ? undefined : findItem(workspace, ref);
  const owner = roadmap ?? (roadmaps.find((candidate) => candidate.id === item?.roadmapId) as Roadmap);
  const state = foldedState(workspace.store);
  const entries = [...walkNodes(owner.nodes)];
  const target = item ? entries.find(({ node }) => node.id === item.node.id) : undefined;
  const beneath = target
    ? [...walkNodes(target.node.children)].map(({ node }) => node)
    : entries.map(({ node }) => node);

  let value: boolean | null = optOut;
  if (!optOut && target) {
    const parent = target.parents[target.parents.length - 1];
    const inherited = parent
      ? isOptedOut(state, owner.id, parent, target.parents.slice(0, -1))
      : state.settings.get(owner.id)?.[OPT_OUT_KEY] === true;
    value = inherited ? false : null;
  }
  const bodies = [
    {
      type: 'setting' as const,
      roadmapId: owner.id,
      nodeId: target?.node.id ?? null,
      key: OPT_OUT_KEY,
      value,
    },
    ...beneath
      .filter((node) => typeof nodeProgress(state, owner.id, node.id).settings[OPT_OUT_KEY] === 'boolean')
      .map((node) => ({
        type: 'setting' as const,
        roadmapId: owner.id,
        nodeId: node.id,
        key: OPT_OUT_KEY,
        value: null,
      })),
  ];
  const [event] = workspace.store.appendEvents(stampChange(workspace, workspace.now.toISOString(), bodies));
  return {
    target: target ? `${owner.id}:${target.node.id}` : owner.id,
    scope: target ? 'item' : 'roadmap',
    optOut,
    event: event as WaymarkEvent,
  };
}
