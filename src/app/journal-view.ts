/**
 * The journal: study sessions, notes, status changes and evidence, newest first, filterable by item (and
 * everything beneath it) and by date, served a page at a time. Pure over the roadmaps and the event log;
 * undone changes are left out. Each page carries the totals of the days it shows, computed over the whole
 * filter, so a day split across two pages shows the same total on both.
 *
 * Pages are read by cursor: `before` is the sort key of the last entry already shown (the previous page's
 * `next`), so an entry logged while the learner reads lands where it belongs instead of pushing every later
 * page down by one (an offset would show an entry twice or skip one). `offset` still works, for old links.
 */
import { type Node, type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { localDate } from '../core/plan/local-date.js';
import { type EvidenceKind, isReviewLog, type Status, type WaymarkEvent } from '../core/progress/events.js';
import { compareAt, inLogOrder } from '../core/progress/order.js';
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
  /** Only entries older than this cursor (a page's `next`); wins over `offset`. */
  before?: string;
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
  /** How many entries matching the filter are newer than the page (its first entry's place, 0-based). */
  offset: number;
  /** `before` for the next (older) page; null when this page reaches the oldest entry. */
  next: string | null;
  /**
   * `before` for the newer page of the same size; null when there is none or it is the first page (no
   * `before`): `offset > 0` tells the two apart.
   */
  newer: string | null;
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
  const keys = new Map<JournalEntry, SortKey>();
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
    // Stored events have a seq; one not stored yet (a preview) takes its place in the log.
    keys.set(entry, { at: e.at, seq: e.seq ?? i + 1 });
  });
  const keyOf = (entry: JournalEntry) => keys.get(entry) as SortKey;
  // Newest first by when it happened; ties (one change) keep the log order reversed.
  entries.sort((a, b) => newestFirst(keyOf(a), keyOf(b)));
  const total = entries.length;
  const cursor = filter.before === undefined ? undefined : parseJournalCursor(filter.before);
  const offset = cursor ? firstOlder(entries.map(keyOf), cursor) : Math.min(filter.offset ?? 0, total);
  const end = filter.limit === undefined ? total : Math.min(total, offset + filter.limit);
  const page = entries.slice(offset, end);
  const lastShown = entries[end - 1];
  const next = end < total && lastShown ? journalCursor(keyOf(lastShown)) : null;
  const newerStart = offset - (filter.limit ?? total);
  const beforeNewer = entries[newerStart - 1];
  const newer = newerStart > 0 && beforeNewer ? journalCursor(keyOf(beforeNewer)) : null;
  const days: JournalDay[] = [];
  for (const entry of page) {
    if (days[days.length - 1]?.date === entry.date) continue;
    days.push({
      date: entry.date,
      minutes: minutesByDate.get(entry.date) ?? 0,
      entries: entriesByDate.get(entry.date) ?? 0,
    });
  }
  return { entries: page, total, offset, next, newer, days };
}

/** Where an entry sorts: when it happened, then its place in the log (the same change keeps its order). */
interface SortKey {
  at: string;
  seq: number;
}

const newestFirst = (a: SortKey, b: SortKey) => compareAt(b.at, a.at) || b.seq - a.seq;

/** The index of the first key (newest first) that sorts after the cursor, i.e. is older than it. */
function firstOlder(sorted: readonly SortKey[], cursor: SortKey): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (newestFirst(sorted[mid] as SortKey, cursor) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** "1763542800000-42": the entry's time in epoch milliseconds and its seq; plain in a URL. */
export const JOURNAL_CURSOR = /^(\d{1,15})-(\d{1,15})$/;

function journalCursor(key: SortKey): string {
  return `${Date.parse(key.at)}-${key.seq}`;
}

/** The cursor's sort key; a malformed one is refused by the API schema before it gets here. */
function parseJournalCursor(text: string): SortKey | undefined {
  const match = JOURNAL_CURSOR.exec(text);
  if (!match) return undefined;
  return { at: new Date(Number(match[1])).toISOString(), seq: Number(match[2]) };
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
