/**
 * The journal: study sessions, notes, status changes and evidence, newest first, filterable by item (and
 * everything beneath it) and by date. Pure over the roadmaps and the event log; undone changes are left out.
 */
import { type Node, type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { localDate } from '../core/plan/local-date.js';
import type { EvidenceKind, Status, WaymarkEvent } from '../core/progress/events.js';
import { inLogOrder } from '../core/progress/order.js';
import { cancelledInLog } from '../core/progress/undo.js';
import { finalNodeIds } from './final-node-ids.js';

export type JournalEntryType = 'log' | 'note' | 'status' | 'evidence';

export interface JournalEntry {
  /** The event id (stable; a key for lists). */
  id: string;
  at: string;
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
  kind?: EvidenceKind;
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
}

export interface Journal {
  entries: JournalEntry[];
  /** Entries matching the filter before `limit`. */
  total: number;
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
  ordered.forEach((e, i) => {
    if (!types.has(e.type) || cancelled.has(e.changeId)) return;
    if (filter.roadmapId !== undefined && e.roadmapId !== filter.roadmapId) return;
    const nodeId = nodeIds[i] ?? null;
    if (within && (e.roadmapId !== filter.item?.roadmapId || nodeId === null || !within.has(nodeId))) return;
    if (filter.from !== undefined || filter.to !== undefined) {
      const date = localDate(e.at, timeZone);
      if ((filter.from !== undefined && date < filter.from) || (filter.to !== undefined && date > filter.to))
        return;
    }
    const entry: JournalEntry = {
      id: e.id,
      at: e.at,
      roadmapId: e.roadmapId,
      nodeId,
      title: nodeId === null ? null : (titles.get(e.roadmapId)?.get(nodeId) ?? null),
      type: e.type as JournalEntryType,
    };
    if (e.type === 'log') {
      entry.minutes = e.minutes;
      if (e.note !== undefined) entry.text = e.note;
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
  return { entries: filter.limit === undefined ? entries : entries.slice(0, filter.limit), total };
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
