/**
 * Review cards: every finished topic becomes one (unless the learner opted it out). A card is created
 * when the topic was marked done and replays the topic's `review` events to get its FSRS schedule.
 */

import type { Card } from 'ts-fsrs';
import type { Node, NodeKind, Roadmap } from '../model/roadmap.js';
import { walkNodes } from '../model/roadmap.js';
import type { EvidenceKind, ReviewRating } from '../progress/events.js';
import { nodeProgress, type ProgressState } from '../progress/fold.js';
import { type CardSchedule, replayMemory, scheduleOf } from './fsrs-schedule.js';

/** The setting (`setting` event, roadmap-wide or on a node) that opts a roadmap or item out of review. */
export const OPT_OUT_KEY = 'review.optOut';

/** Milestones ("3-Month Goal") are dates and certificates are credentials, not knowledge to recall. */
const NOT_REVIEWED: ReadonlySet<NodeKind> = new Set(['milestone', 'certificate']);

export interface ReviewCard extends CardSchedule {
  roadmapId: string;
  nodeId: string;
  title: string;
  kind: NodeKind;
  /** Titles of the ancestors, outermost first. */
  path: string[];
  /** The top-level node (phase) it belongs to. */
  phaseId: string;
  /** When the topic was marked done: the card's creation. */
  createdAt: string;
  reviews: { at: string; rating: ReviewRating }[];
  notes: { at: string; text: string }[];
  evidence: { at: string; kind: EvidenceKind; ref: string }[];
  /** The ts-fsrs card after the replay (for projections; not part of any output). */
  memory: Card;
}

/** Whether review is off for a node: the nearest setting on the node or an ancestor wins, then the roadmap's. */
export function isOptedOut(
  state: ProgressState,
  roadmapId: string,
  node: Node,
  parents: readonly Node[],
): boolean {
  for (const candidate of [node, ...[...parents].reverse()]) {
    const value = nodeProgress(state, roadmapId, candidate.id).settings[OPT_OUT_KEY];
    if (typeof value === 'boolean') return value;
  }
  return state.settings.get(roadmapId)?.[OPT_OUT_KEY] === true;
}

const hasTrackableBelow = (node: Node): boolean =>
  node.children.some((child) => child.trackable || hasTrackableBelow(child));

/**
 * Whether finishing a node makes a card: a trackable leaf of the work (a phase or section with items beneath
 * is reviewed through those items), and not a milestone or certificate.
 */
export function isReviewable(node: Node): boolean {
  return node.trackable && !NOT_REVIEWED.has(node.kind) && !hasTrackableBelow(node);
}

/** Items that will become cards once finished: reviewable, not yet done or skipped. */
export function topicsLeft(roadmaps: readonly Roadmap[], state: ProgressState): number {
  let left = 0;
  for (const roadmap of roadmaps) {
    for (const { node } of walkNodes(roadmap.nodes)) {
      if (!isReviewable(node)) continue;
      const status = nodeProgress(state, roadmap.id, node.id).status;
      if (status !== 'done' && status !== 'skipped') left += 1;
    }
  }
  return left;
}

/** Every card of the given roadmaps, in roadmap order. */
export function buildCards(roadmaps: readonly Roadmap[], state: ProgressState): ReviewCard[] {
  const cards: ReviewCard[] = [];
  for (const roadmap of roadmaps) {
    const byNode = state.nodes.get(roadmap.id);
    if (!byNode) continue;
    for (const { node, parents } of walkNodes(roadmap.nodes)) {
      if (!isReviewable(node)) continue;
      const progress = byNode.get(node.id);
      if (progress?.status !== 'done' || progress.archived || !progress.statusAt) continue;
      if (isOptedOut(state, roadmap.id, node, parents)) continue;
      const reviews = progress.reviews.map(({ at, rating }) => ({ at, rating }));
      // A review recorded before a backfilled "done" still counts: the card exists from the earlier one.
      const first = reviews[0]?.at;
      const createdAt = first !== undefined && first < progress.statusAt ? first : progress.statusAt;
      const memory = replayMemory(createdAt, reviews);
      cards.push({
        roadmapId: roadmap.id,
        nodeId: node.id,
        title: node.title,
        kind: node.kind,
        path: parents.map((parent) => parent.title),
        phaseId: parents[0]?.id ?? node.id,
        createdAt,
        reviews,
        notes: progress.notes.map(({ at, text }) => ({ at, text })),
        evidence: progress.evidence.map(({ at, kind, ref }) => ({ at, kind, ref })),
        ...scheduleOf(memory, createdAt),
        memory,
      });
    }
  }
  return staggerFirstReviews(cards);
}

/** At most this many never-reviewed cards fall due on one day (Anki's default for new cards). */
export const NEW_CARDS_PER_DAY = 20;
const DAY_MS = 86_400_000;

/**
 * Marking a whole section done, or importing a roadmap with 300 boxes ticked, must not make 300 cards due
 * tomorrow: never-reviewed cards finished on the same day get their first review spread over the following
 * days, NEW_CARDS_PER_DAY a day, in roadmap order. Cards already reviewed keep FSRS's dates.
 */
function staggerFirstReviews(cards: ReviewCard[]): ReviewCard[] {
  const perDay = new Map<string, number>();
  return cards.map((card) => {
    if (card.reps > 0) return card;
    const day = card.createdAt.slice(0, 10);
    const position = perDay.get(day) ?? 0;
    perDay.set(day, position + 1);
    const extraDays = Math.floor(position / NEW_CARDS_PER_DAY);
    if (extraDays === 0) return card;
    return { ...card, due: new Date(Date.parse(card.due) + extraDays * DAY_MS).toISOString() };
  });
}
