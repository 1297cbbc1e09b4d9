/**
 * The journal's filters and page live in the URL (`#/journal?roadmap=ai&type=log,note&from=…&before=…`), so a
 * reload, Back and a shared link show the same entries. A page is named by its cursor (`before`, the server's
 * `next` or `newer`), which entries logged meanwhile do not shift; `page=N` (an offset) still opens old links. Pure: parsing is forgiving (a bad value is dropped,
 * never an error page), and the API query is built from the same values.
 */
import type { JournalEntryType } from '../api/types';

export const PAGE_SIZE = 50;

export const ENTRY_TYPES: readonly { type: JournalEntryType; label: string }[] = [
  { type: 'log', label: 'Study time' },
  { type: 'note', label: 'Notes' },
  { type: 'status', label: 'Status changes' },
  { type: 'evidence', label: 'Evidence' },
];

export interface JournalFilters {
  roadmap: string;
  /** Empty: every type. */
  types: JournalEntryType[];
  from: string;
  to: string;
  item: string;
  /** 1-based; used only without `before` (old links, "go to the last page"). */
  page: number;
  /** The page's cursor: entries older than this (empty: from the newest). */
  before: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The server's cursor form (journal-view.ts `JOURNAL_CURSOR`); anything else is dropped. */
const CURSOR = /^\d{1,15}-\d{1,15}$/;
const KNOWN = new Set<string>(ENTRY_TYPES.map((t) => t.type));

export function filtersFromQuery(query: URLSearchParams): JournalFilters {
  const types = (query.get('type') ?? '')
    .split(',')
    .filter((type, index, all): type is JournalEntryType => KNOWN.has(type) && all.indexOf(type) === index);
  const date = (name: string) => {
    const value = query.get(name) ?? '';
    return DATE.test(value) ? value : '';
  };
  const page = Number(query.get('page') ?? '1');
  return {
    roadmap: (query.get('roadmap') ?? '').trim(),
    // All four is the same as none: keep the URL short.
    types:
      types.length === ENTRY_TYPES.length
        ? []
        : ENTRY_TYPES.map((t) => t.type).filter((t) => types.includes(t)),
    from: date('from'),
    to: date('to'),
    item: (query.get('item') ?? '').trim(),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    before: CURSOR.test(query.get('before') ?? '') ? (query.get('before') as string) : '',
  };
}

/** The hash query for `href('journal', [], …)`; empty values and page 1 are left out, a cursor wins. */
export function filtersToQuery(filters: JournalFilters): Record<string, string | undefined> {
  return {
    roadmap: filters.roadmap || undefined,
    type: filters.types.length ? filters.types.join(',') : undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    item: filters.item || undefined,
    page: !filters.before && filters.page > 1 ? String(filters.page) : undefined,
    before: filters.before || undefined,
  };
}

/** GET /api/journal's parameters for the filters' page. */
export function journalApiParams(filters: JournalFilters): Record<string, string | number | undefined> {
  return {
    roadmap: filters.roadmap || undefined,
    type: filters.types.length ? filters.types.join(',') : undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    item: filters.item || undefined,
    limit: PAGE_SIZE,
    ...(filters.before ? { before: filters.before } : { offset: (filters.page - 1) * PAGE_SIZE }),
  };
}

/** What is wrong with filters typed in the form, or undefined. */
export function filterProblem(filters: Pick<JournalFilters, 'from' | 'to'>): string | undefined {
  if (filters.from && filters.to && filters.from > filters.to) {
    return `“From” (${filters.from}) is after “To” (${filters.to}): swap them or clear one.`;
  }
  return undefined;
}

export const pageCount = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
