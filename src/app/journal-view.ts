/**
 * The journal: study sessions, notes, status changes and evidence, newest first, filterable by item (and
 * everything beneath it) and by date, served a page at a time. Pure over the roadmaps and the event log;
 * undone changes are left out. Each page carries the totals of the days it shows, computed over the whole
 * filter, so a day split across two pages shows the same total on both.
 */
import { type Node, type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { localDate } from '../core/plan/local-date.js';
import { type EvidenceKind, isReviewLog, type Status, type WaymarkEvent } from '../core/progress/events.js';
import { inLogOrder } from '../core/progress/order.js';
import { cancelledInLog } from '../core/progress/undo.js';
import { finalNodeIds } from './final-node-ids.js';

export type JournalEntryType = 'log' | 'note' | 'status' | 'evidence';

export interface JournalEntry {
  /** The event id (stable; a key for lists). */
  id: string;
  at: string;
  /** The learner's calendar date of `at` (what the journal groups by). */
  date: string;
  roadmapId: string;
  nodeId: string | null;
  title: string | null;
  type: JournalEntryType;
  minutes?: number;
  /** The note, or the note of a log session. */
  text?: string;
  status?: Status;
  /** The evidence: a URL, a path or a commit. */
  ref?: string;
  /** The evidence's kind, or `review` for the time of a spaced-review session. */
  kind?: EvidenceKind | 'review';
}

export interface JournalFilter {
  /** Only this item and everything beneath it. */
  item?: { roadmapId: string; nodeId: string };
  roadmapId?: string;
  /** Inclusive calendar dates in the learner's time zone. */
  from?: string;
  to?: string;
  types?: readonly JournalEntryType[];
  /** At most this many entries (the newest); `total` still counts them all. */
  limit?: number;
  /** Skip this many of the newest first (paging: offset 50, limit 50 is the second page of 50). */
  offset?: number;
}

/** One calendar day of the page, totalled over the whole filter (not only the entries on the page). */
export interface JournalDay {
  date: string;
  /**
   * Study time logged that day on the filter's roadmap or item (review sessions included, as in the
   * activity view), also when a type filter hides the logs themselves.
   */
  minutes: number;
  /** Entries matching the filter that day, on this page and any other. */
  entries: number;
}

export interface Journal {
  entries: JournalEntry[];
  /** Entries matching the filter before `offset` and `limit`. */
  total: number;
  offset: number;
  /** The days the page's entries fall on, newest first. */
  days: JournalDay[];
}

const TYPES: ReadonlySet<string> = new Set<JournalEntryType>(['log', 'note', 'status', 'evidence']);

export function journalView(
  roadmaps: readonly Roadmap[],
  events: readonly WaymarkEvent[],
  filter: JournalFilter,
  timeZone: string,
): Journal {
  const titles = new Map<string, Map<string, string>>();
  for (const roadmap of roadmaps) {
    const byId = new Map<string, string>();
    for (const { node } of walkNodes(roadmap.nodes)) byId.set(node.id, node.title);
    titles.set(roadmap.id, byId);
  }
  const within = filter.item ? subtreeIds(roadmaps, filter.item) : undefined;
  const types = filter.types ? new Set<string>(filter.types) : TYPES;
  const ordered = inLogOrder(events);
  const cancelled = cancelledInLog(ordered);
  const nodeIds = finalNodeIds(ordered, cancelled);
  const entries: JournalEntry[] = [];
  const minutesByDate = new Map<string, number>();
  const entriesByDate = new Map<string, number>();
  ordered.forEach((e, i) => {
    if (!TYPES.has(e.type) || cancelled.has(e.changeId)) return;
    if (filter.roadmapId !== undefined && e.roadmapId !== filter.roadmapId) return;
    const nodeId = nodeIds[i] ?? null;
    if (within && (e.roadmapId !== filter.item?.roadmapId || nodeId === null || !within.has(nodeId))) return;
    const date = localDate(e.at, timeZone);
    if ((filter.from !== undefined && date < filter.from) || (filter.to !== undefined && date > filter.to))
      return;
    // The day's study time is counted before the type filter: hiding logs does not make the day empty.
    if (e.type === 'log') minutesByDate.set(date, (minutesByDate.get(date) ?? 0) + e.minutes);
    if (!types.has(e.type)) return;
    entriesByDate.set(date, (entriesByDate.get(date) ?? 0) + 1);
    const entry: JournalEntry = {
      id: e.id,
      at: e.at,
      date,
      roadmapId: e.roadmapId,
      nodeId,
      title: nodeId === null ? null : (titles.get(e.roadmapId)?.get(nodeId) ?? null),
      type: e.type as JournalEntryType,
    };
    if (e.type === 'log') {
      entry.minutes = e.minutes;
      if (e.note !== undefined) entry.text = e.note;
      if (isReviewLog(e)) entry.kind = 'review';
    } else if (e.type === 'note') entry.text = e.text;
    else if (e.type === 'status') entry.status = e.status;
    else if (e.type === 'evidence') {
      entry.ref = e.ref;
      entry.kind = e.kind;
    }
    entries.push(entry);
  });
  // Newest first by when it happened; ties (one change) keep the log order reversed.
  entries.reverse();
  entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const total = entries.length;
  const offset = Math.min(filter.offset ?? 0, total);
  const page = entries.slice(offset, filter.limit === undefined ? undefined : offset + filter.limit);
  const days: JournalDay[] = [];
  for (const entry of page) {
    if (days[days.length - 1]?.date === entry.date) continue;
    days.push({
      date: entry.date,
      minutes: minutesByDate.get(entry.date) ?? 0,
      entries: entriesByDate.get(entry.date) ?? 0,
    });
  }
  return { entries: page, total, offset, days };
}

function subtreeIds(roadmaps: readonly Roadmap[], item: { roadmapId: string; nodeId: string }): Set<string> {
  const roadmap = roadmaps.find((r) => r.id === item.roadmapId);
  const ids = new Set<string>([item.nodeId]);
  if (!roadmap) return ids;
  for (const { node } of walkNodes(roadmap.nodes)) {
    if (node.id === item.nodeId) {
      for (const { node: below } of walkNodes([node] as Node[])) ids.add(below.id);
      break;
    }
  }
  return ids;
}
