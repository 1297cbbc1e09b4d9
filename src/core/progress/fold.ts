/**
 * Current progress = a fold over the event log. Rules:
 * - Events of undone changes are skipped (see undo.ts).
 * - Single values (status, estimate, settings): the latest `at` wins, ties go to the later seq, so a
 *   backfilled event ("I finished it last Tuesday") does not override what happened after it.
 * - Lists (notes, evidence, reviews, log sessions) keep every event, ordered by `at` then seq.
 * - Renames apply in seq order and move all state of `from` onto `to`; consecutive renames of one change
 *   apply together, so a re-import that swaps two ids swaps their progress. `archived` belongs to the
 *   target and does not move: a moved item is live, and `from` is left with no state. A rename of an id to
 *   itself brings an archived node back in place.
 */
import {
  type EvidenceKind,
  isReviewLog,
  type ReviewRating,
  type Status,
  type WaymarkEvent,
} from './events.js';
import { inLogOrder, isLater } from './order.js';
import { cancelledInLog } from './undo.js';

export { historyOf } from './history.js';

export interface Dated {
  at: string;
  eventId: string;
}

export interface LogSession extends Dated {
  roadmapId: string;
  /** Null for time not tied to an item; after renames, the node that now owns the time. */
  nodeId: string | null;
  minutes: number;
  note?: string;
  /** Present (true) on spaced-review time, which is not work on the roadmap (see isReviewLog). */
  review?: true;
}

export interface NodeProgress {
  roadmapId: string;
  nodeId: string;
  status: Status;
  /** When the current status was set; undefined while never changed (status todo). */
  statusAt: string | undefined;
  minutes: number;
  notes: (Dated & { text: string })[];
  evidence: (Dated & { kind: EvidenceKind; ref: string })[];
  reviews: (Dated & { rating: ReviewRating })[];
  estimateHours: number | undefined;
  settings: Record<string, unknown>;
  archived: boolean;
}

export interface ProgressState {
  /** roadmapId -> nodeId -> progress; only nodes that have events. Use `nodeProgress` to read. */
  nodes: Map<string, Map<string, NodeProgress>>;
  /** Every log session, by `at` then seq. */
  sessions: LogSession[];
  /** roadmapId -> roadmap-wide settings (setting events with a null nodeId). */
  settings: Map<string, Record<string, unknown>>;
}

/** The progress of one node, a fresh `todo` when it has no events. */
export function nodeProgress(state: ProgressState, roadmapId: string, nodeId: string): NodeProgress {
  return state.nodes.get(roadmapId)?.get(nodeId) ?? emptyProgress(roadmapId, nodeId);
}

type Slot<T> = { value: T; at: string; ord: number };
/** A list entry with its log position, for ties on `at` (kept apart so the entry needs no copying). */
type Ordered<T> = { item: T; ord: number };

interface Acc {
  status: Slot<Status> | undefined;
  estimate: Slot<number> | undefined;
  settings: Map<string, Slot<unknown>>;
  minutes: number;
  notes: Ordered<Dated & { text: string }>[];
  evidence: Ordered<Dated & { kind: EvidenceKind; ref: string }>[];
  reviews: Ordered<Dated & { rating: ReviewRating }>[];
  sessions: Ordered<LogSession>[];
  archived: boolean;
}

export function foldEvents(events: readonly WaymarkEvent[]): ProgressState {
  const ordered = inLogOrder(events);
  const cancelled = cancelledInLog(ordered);
  const nodes = new Map<string, Map<string, Acc>>();
  const roadmapSettings = new Map<string, Map<string, Slot<unknown>>>();
  const looseSessions: Ordered<LogSession>[] = [];

  let lastRoadmapId: string | undefined;
  let lastByNode: Map<string, Acc> | undefined;
  const accOf = (roadmapId: string, nodeId: string): Acc => {
    // Logs usually hold one roadmap: skip its lookup.
    let byNode = roadmapId === lastRoadmapId ? lastByNode : nodes.get(roadmapId);
    if (!byNode) {
      byNode = new Map();
      nodes.set(roadmapId, byNode);
    }
    lastRoadmapId = roadmapId;
    lastByNode = byNode;
    let acc = byNode.get(nodeId);
    if (!acc) {
      acc = newAcc();
      byNode.set(nodeId, acc);
    }
    return acc;
  };

  for (let ord = 0; ord < ordered.length; ord++) {
    const e = ordered[ord] as WaymarkEvent;
    if (cancelled.has(e.changeId)) continue;
    switch (e.type) {
      case 'status': {
        const acc = accOf(e.roadmapId, e.nodeId);
        acc.status = latest(acc.status, { value: e.status, at: e.at, ord });
        break;
      }
      case 'log': {
        const item: LogSession = {
          at: e.at,
          eventId: e.id,
          roadmapId: e.roadmapId,
          nodeId: e.nodeId,
          minutes: e.minutes,
        };
        if (e.note !== undefined) item.note = e.note;
        if (isReviewLog(e)) item.review = true;
        if (e.nodeId === null) looseSessions.push({ item, ord });
        else {
          const acc = accOf(e.roadmapId, e.nodeId);
          acc.minutes += e.minutes;
          acc.sessions.push({ item, ord });
        }
        break;
      }
      case 'note':
        accOf(e.roadmapId, e.nodeId).notes.push({ item: { at: e.at, eventId: e.id, text: e.text }, ord });
        break;
      case 'evidence':
        accOf(e.roadmapId, e.nodeId).evidence.push({
          item: { at: e.at, eventId: e.id, kind: e.kind, ref: e.ref },
          ord,
        });
        break;
      case 'review':
        accOf(e.roadmapId, e.nodeId).reviews.push({
          item: { at: e.at, eventId: e.id, rating: e.rating },
          ord,
        });
        break;
      case 'estimate': {
        const acc = accOf(e.roadmapId, e.nodeId);
        acc.estimate = latest(acc.estimate, { value: e.hours, at: e.at, ord });
        break;
      }
      case 'archive':
        accOf(e.roadmapId, e.nodeId).archived = true;
        break;
      case 'setting': {
        const target =
          e.nodeId === null
            ? settingsOf(roadmapSettings, e.roadmapId)
            : accOf(e.roadmapId, e.nodeId).settings;
        target.set(e.key, latest(target.get(e.key), { value: e.value, at: e.at, ord }));
        break;
      }
      case 'rename':
        ord = applyRenames(ordered, ord, nodes);
        break;
      case 'undo':
        break; // already applied through `cancelled`
    }
  }
  return finish(nodes, roadmapSettings, looseSessions);
}

/**
 * Applies the run of renames of one change starting at `start` as one simultaneous move (all of one change,
 * so all cancelled or none); returns the index of the last rename of the run.
 */
function applyRenames(
  ordered: readonly WaymarkEvent[],
  start: number,
  nodes: Map<string, Map<string, Acc>>,
): number {
  const first = ordered[start] as WaymarkEvent;
  const moved: [string, Acc][] = [];
  let i = start;
  for (; i < ordered.length; i++) {
    const e = ordered[i] as WaymarkEvent;
    if (e.type !== 'rename' || e.changeId !== first.changeId || e.roadmapId !== first.roadmapId) break;
    const acc = nodes.get(e.roadmapId)?.get(e.from);
    if (acc) {
      nodes.get(e.roadmapId)?.delete(e.from);
      acc.archived = false;
      moved.push([e.to, acc]);
    }
  }
  const byNode = nodes.get(first.roadmapId);
  for (const [to, acc] of moved) {
    const existing = byNode?.get(to);
    const live = existing ? merge(existing, acc) : acc;
    live.archived = false; // a moved (or re-attached) item is in the roadmap, whatever `to` held before
    byNode?.set(to, live);
  }
  return i - 1;
}

function settingsOf(
  all: Map<string, Map<string, Slot<unknown>>>,
  roadmapId: string,
): Map<string, Slot<unknown>> {
  let slots = all.get(roadmapId);
  if (!slots) {
    slots = new Map();
    all.set(roadmapId, slots);
  }
  return slots;
}

function merge(into: Acc, from: Acc): Acc {
  into.status = from.status ? latest(into.status, from.status) : into.status;
  into.estimate = from.estimate ? latest(into.estimate, from.estimate) : into.estimate;
  for (const [key, slot] of from.settings) into.settings.set(key, latest(into.settings.get(key), slot));
  into.minutes += from.minutes;
  into.notes.push(...from.notes);
  into.evidence.push(...from.evidence);
  into.reviews.push(...from.reviews);
  into.sessions.push(...from.sessions);
  return into;
}

function latest<T>(current: Slot<T> | undefined, next: Slot<T>): Slot<T> {
  return !current || isLater(next.at, next.ord, current.at, current.ord) ? next : current;
}

function finish(
  nodes: Map<string, Map<string, Acc>>,
  roadmapSettings: Map<string, Map<string, Slot<unknown>>>,
  looseSessions: Ordered<LogSession>[],
): ProgressState {
  const sessions = looseSessions;
  const out = new Map<string, Map<string, NodeProgress>>();
  for (const [roadmapId, byNode] of nodes) {
    const outByNode = new Map<string, NodeProgress>();
    out.set(roadmapId, outByNode);
    for (const [nodeId, acc] of byNode) {
      for (const s of acc.sessions) {
        s.item.nodeId = nodeId; // renames may have moved the session
        sessions.push(s);
      }
      outByNode.set(nodeId, {
        roadmapId,
        nodeId,
        status: acc.status?.value ?? 'todo',
        statusAt: acc.status?.at,
        minutes: acc.minutes,
        notes: chronological(acc.notes),
        evidence: chronological(acc.evidence),
        reviews: chronological(acc.reviews),
        estimateHours: acc.estimate?.value,
        settings: valuesOf(acc.settings),
        archived: acc.archived,
      });
    }
  }
  const settings = new Map<string, Record<string, unknown>>();
  for (const [roadmapId, slots] of roadmapSettings) settings.set(roadmapId, valuesOf(slots));
  return { nodes: out, sessions: chronological(sessions), settings };
}

/** Sorts by `at` then log order; most logs are already in that order, so check before sorting. */
function chronological<T extends Dated>(entries: Ordered<T>[]): T[] {
  const later = (a: Ordered<T>, b: Ordered<T>) => isLater(a.item.at, a.ord, b.item.at, b.ord);
  let sorted = true;
  for (let i = 1; i < entries.length && sorted; i++)
    sorted = later(entries[i] as Ordered<T>, entries[i - 1] as Ordered<T>);
  if (!sorted) entries.sort((a, b) => (later(a, b) ? 1 : -1));
  return entries.map((entry) => entry.item);
}

function valuesOf(slots: Map<string, Slot<unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, slot] of slots) out[key] = slot.value;
  return out;
}

function newAcc(): Acc {
  return {
    status: undefined,
    estimate: undefined,
    settings: new Map(),
    minutes: 0,
    notes: [],
    evidence: [],
    reviews: [],
    sessions: [],
    archived: false,
  };
}

function emptyProgress(roadmapId: string, nodeId: string): NodeProgress {
  return {
    roadmapId,
    nodeId,
    status: 'todo',
    statusAt: undefined,
    minutes: 0,
    notes: [],
    evidence: [],
    reviews: [],
    estimateHours: undefined,
    settings: {},
    archived: false,
  };
}
