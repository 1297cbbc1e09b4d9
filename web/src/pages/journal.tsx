/**
 * The journal: what the learner did, newest first, grouped by day with each day's study time, 50 entries a
 * page. Filters and the page (its cursor) are in the URL (journal-filters.ts); Newer/Older follow the server's
 * `newer`/`next` cursors, so an entry logged while reading does not shift the next page. The day totals come
 * from the server over the whole filter, so a day split across two pages shows the same total on both.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { apiPath } from '../api/client';
import { useRoadmapTitles } from '../api/roadmap-titles';
import type { JournalEntry, JournalEntryType, JournalPage as JournalPageData } from '../api/types';
import { useApi } from '../api/use-api';
import { RoadmapPicker } from '../components/roadmap-picker';
import { SafeLink } from '../components/safe-link';
import { LoadState } from '../components/status-view';
import { formatMinutes } from '../format';
import { href, navigate } from '../router';
import {
  ENTRY_TYPES,
  filterProblem,
  filtersFromQuery,
  filtersToQuery,
  type JournalFilters,
  journalApiParams,
  PAGE_SIZE,
  pageCount,
} from './journal-filters';
import './journal.css';

function describe(entry: JournalEntry) {
  switch (entry.type) {
    case 'log':
      return (
        <>
          {entry.kind === 'review' ? 'reviewed for ' : 'logged '}
          <strong>{formatMinutes(entry.minutes ?? 0)}</strong>
          {entry.text ? ` — ${entry.text}` : ''}
        </>
      );
    case 'note':
      return <>note: {entry.text ?? ''}</>;
    case 'status':
      return <>marked {entry.status ?? ''}</>;
    case 'evidence':
      return (
        <>
          evidence{entry.kind ? ` (${entry.kind})` : ''}: <SafeLink url={entry.ref ?? entry.text ?? ''} />
        </>
      );
    default:
      return <>{String(entry.type)}</>;
  }
}

/** "Thursday 19 November 2026" for a calendar date (no time zone shift: it is already the learner's date). */
function dayTitle(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function timeOf(at: string): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

const linkTo = (filters: JournalFilters) => href('journal', [], filtersToQuery(filters));

export function JournalPage({ query }: { query: URLSearchParams }) {
  const filters = filtersFromQuery(query);
  const journal = useApi<JournalPageData>(apiPath('/api/journal', journalApiParams(filters)));
  const data = journal.data;
  const pages = data ? pageCount(data.total) : 1;
  // The page number is where the page starts (a cursor page may start off the grid of 50 after new entries).
  const pageNumber = data ? Math.min(pages, Math.floor(data.offset / PAGE_SIZE) + 1) : filters.page;
  const summary = useRef<HTMLParagraphElement>(null);
  const roadmaps = useRoadmapTitles();
  // Say which roadmap an entry is from only when several could be listed.
  const showRoadmap = filters.roadmap === '' && roadmaps.count > 1;
  const pageKey = filters.before || String(filters.page);
  const shownPage = useRef(pageKey);
  // The answer on screen when the page changed is the old page's: the first render after Newer/Older still
  // has it (useApi drops it in its effect).
  const asked = useRef<{ key: string; stale: JournalPageData | undefined }>({
    key: pageKey,
    stale: undefined,
  });
  if (asked.current.key !== pageKey) asked.current = { key: pageKey, stale: data };

  // After Newer/Older, focus the summary at the top of the list (the links were at its bottom).
  useEffect(() => {
    // Only once the new page's entries are here (the old page shows until they come).
    if (data && data !== asked.current.stale && shownPage.current !== pageKey) {
      shownPage.current = pageKey;
      summary.current?.focus();
    }
  }, [data, pageKey]);

  const byDate = new Map<string, JournalEntry[]>();
  for (const entry of data?.entries ?? []) {
    const list = byDate.get(entry.date) ?? [];
    list.push(entry);
    byDate.set(entry.date, list);
  }
  const first = data ? Math.min(data.total, data.offset + 1) : 0;
  const last = data ? data.offset + data.entries.length : 0;
  const pager = data && data.total > PAGE_SIZE && (
    <Pager filters={filters} page={data} number={pageNumber} pages={pages} />
  );

  return (
    <>
      <h1>Journal</h1>
      {/* Remounted when the URL changes (Back, a link), so the fields always show the filters in force. */}
      <FilterForm key={query.toString()} filters={filters} />
      <LoadState loading={journal.loading && !data} error={journal.error} what="the journal" />
      {data && (
        <p ref={summary} tabIndex={-1} className="journal-summary" data-testid="journal-summary">
          {data.total === 0
            ? 'No entries match.'
            : `Entries ${first.toLocaleString()}–${last.toLocaleString()} of ${data.total.toLocaleString()}`}
          {data.total > 0 && pages > 1 ? ` · page ${pageNumber} of ${pages}` : ''}
        </p>
      )}
      {data && data.total > 0 && data.entries.length === 0 && (
        <p>
          This page is past the end.{' '}
          <a href={linkTo({ ...filters, page: pages, before: '' })}>Go to the last page</a>.
        </p>
      )}
      {pager}
      {data?.days.map((day, index) => {
        const entries = byDate.get(day.date) ?? [];
        const continued = index === 0 && data.offset > 0 && entries.length < day.entries;
        const continues = index === data.days.length - 1 && entries.length < day.entries && !continued;
        return (
          <section
            key={day.date}
            className="journal-day"
            aria-labelledby={`day-${day.date}`}
            data-date={day.date}
          >
            <h2 id={`day-${day.date}`} className="journal-day-title">
              <time dateTime={day.date}>{dayTitle(day.date)}</time>
              <span className="journal-day-total" data-testid="day-total">
                {day.minutes > 0 ? `${formatMinutes(day.minutes)} studied` : 'no study time'} · {day.entries}{' '}
                {day.entries === 1 ? 'entry' : 'entries'}
              </span>
            </h2>
            {(continued || continues) && (
              <p className="muted small">
                {continued
                  ? `Continued from the newer page: ${entries.length} of the day's ${day.entries} entries here.`
                  : `Continues on the older page: ${entries.length} of the day's ${day.entries} entries here.`}
              </p>
            )}
            <ol className="journal">
              {entries.map((entry) => (
                <li key={entry.id} className={`journal-${entry.type}`}>
                  <time dateTime={entry.at} className="muted small journal-time">
                    {timeOf(entry.at)}
                  </time>{' '}
                  {entry.nodeId ? (
                    <a href={href('roadmap', [entry.roadmapId], { item: entry.nodeId })}>
                      {entry.title ?? entry.nodeId}
                    </a>
                  ) : (
                    <span>{roadmaps.titleOf(entry.roadmapId)}</span>
                  )}{' '}
                  <span>{describe(entry)}</span>
                  {showRoadmap && entry.nodeId && (
                    <span className="muted small"> · {roadmaps.titleOf(entry.roadmapId)}</span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      {pager}
    </>
  );
}

function Pager({
  filters,
  page,
  number,
  pages,
}: {
  filters: JournalFilters;
  page: JournalPageData;
  number: number;
  pages: number;
}) {
  // `newer` null with entries above this page: the newer page is the first (no cursor).
  const newer = page.offset > 0 ? linkTo({ ...filters, page: 1, before: page.newer ?? '' }) : undefined;
  const older = page.next ? linkTo({ ...filters, page: 1, before: page.next }) : undefined;
  return (
    <nav className="journal-pager" aria-label="Journal pages">
      {newer ? <a href={newer}>← Newer</a> : <span className="muted">← Newer</span>}
      <span className="muted small">
        Page {number} of {pages}
      </span>
      {older ? <a href={older}>Older →</a> : <span className="muted">Older →</span>}
    </nav>
  );
}

function FilterForm({ filters }: { filters: JournalFilters }) {
  const [roadmap, setRoadmap] = useState(filters.roadmap);
  const [types, setTypes] = useState<JournalEntryType[]>(filters.types);
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);
  const [item, setItem] = useState(filters.item);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = { roadmap, types, from, to, item: item.trim(), page: 1, before: '' };
    const wrong = filterProblem(next);
    setProblem(wrong);
    if (!wrong) navigate(linkTo(next));
  };
  const toggle = (type: JournalEntryType, on: boolean) =>
    setTypes((list) => {
      const all = ENTRY_TYPES.map((t) => t.type);
      const shown = list.length === 0 ? all : list;
      const next = all.filter((t) => (t === type ? on : shown.includes(t)));
      // At least one type stays ticked; all four is kept as "every type" (no type in the URL).
      if (next.length === 0) return list;
      return next.length === all.length ? [] : next;
    });
  return (
    <form className="toolbar journal-filters" onSubmit={apply} aria-label="Journal filters">
      <RoadmapPicker value={roadmap} onChange={setRoadmap} />
      <label>
        Item
        <input
          value={item}
          onChange={(event) => setItem(event.target.value)}
          placeholder="roadmap:id or title"
        />
      </label>
      <label>
        From
        <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
      </label>
      <fieldset className="journal-types">
        <legend>Show</legend>
        {ENTRY_TYPES.map(({ type, label }) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={types.length === 0 || types.includes(type)}
              onChange={(event) => toggle(type, event.target.checked)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="journal-filter-actions">
        <button type="submit" className="primary">
          Filter
        </button>
        <a href={href('journal')}>Clear</a>
      </div>
      {problem && (
        <p className="error-text action-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
