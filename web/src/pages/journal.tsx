import { useState } from 'react';
import { apiPath } from '../api/client';
import type { JournalEntry } from '../api/types';
import { useApi } from '../api/use-api';
import { LoadState } from '../components/status-view';
import { dateTimeOf, formatMinutes } from '../format';
import { href } from '../router';

function describe(entry: JournalEntry): string {
  switch (entry.type) {
    case 'log':
      return `logged ${formatMinutes(entry.minutes ?? 0)}${entry.text ? ` — ${entry.text}` : ''}`;
    case 'note':
      return `note: ${entry.text ?? ''}`;
    case 'status':
      return `marked ${entry.status ?? ''}`;
    case 'evidence':
      return `evidence: ${entry.ref ?? entry.text ?? ''}`;
    default:
      return String(entry.type);
  }
}

export function JournalPage() {
  const [item, setItem] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [applied, setApplied] = useState({ item: '', from: '', to: '' });
  const journal = useApi<{ entries: JournalEntry[] }>(apiPath('/api/journal', applied));
  const entries = journal.data?.entries ?? [];
  return (
    <>
      <h1>Journal</h1>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied({ item: item.trim(), from, to });
        }}
      >
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
        <button type="submit">Filter</button>
        <button
          type="button"
          onClick={() => {
            setItem('');
            setFrom('');
            setTo('');
            setApplied({ item: '', from: '', to: '' });
          }}
        >
          Clear
        </button>
      </form>
      <LoadState loading={journal.loading && !journal.data} error={journal.error} what="the journal" />
      {journal.data && entries.length === 0 && <p>No entries match.</p>}
      <ol className="journal">
        {entries.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is replaced wholesale
          <li key={`${entry.at}-${index}`} className={`journal-${entry.type}`}>
            <time dateTime={entry.at} className="muted small">
              {dateTimeOf(entry.at)}
            </time>{' '}
            {entry.nodeId ? (
              <a href={href('roadmap', [entry.roadmapId], { item: entry.nodeId })}>
                {entry.title ?? entry.nodeId}
              </a>
            ) : (
              <span>{entry.roadmapId}</span>
            )}{' '}
            <span>{describe(entry)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}
