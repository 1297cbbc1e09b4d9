import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, enc } from '../api/client';
import { STATUSES } from '../api/types';
import { useAction, useApi } from '../api/use-api';
import { SafeLink } from '../components/safe-link';
import { LoadState } from '../components/status-view';
import { dateOf, dateTimeOf, formatMinutes, STATUS_LABEL } from '../format';
import { CORRECTION_META, ItemCorrections } from './item-corrections';

const EVIDENCE_KINDS = ['link', 'certificate', 'project', 'commit', 'file'] as const;

/** One item: status toggles, time, notes, evidence, links and where it comes from in the source. */
export function ItemDetailPanel({ roadmapId, nodeId }: { roadmapId: string; nodeId: string }) {
  const detail = useApi(`/api/items/${enc(roadmapId)}/${enc(nodeId)}`);
  const { run, busy } = useAction();
  const ref = `${roadmapId}:${nodeId}`;
  const [duration, setDuration] = useState('');
  const [logNote, setLogNote] = useState('');
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [evidenceKind, setEvidenceKind] = useState<(typeof EVIDENCE_KINDS)[number]>('link');
  const panel = useRef<HTMLElement>(null);
  // On a phone the panel sits below the tree: bring it into view when an item is opened.
  useEffect(() => {
    if (window.matchMedia?.('(max-width: 760px)').matches) panel.current?.scrollIntoView({ block: 'start' });
  }, []);

  if (!detail.data) {
    return (
      <aside className="detail card" aria-label="Item details" ref={panel}>
        <LoadState loading={detail.loading} error={detail.error} what="the item" />
      </aside>
    );
  }
  const { node, progress } = detail.data;
  const line = node.source?.line;

  const submit = (event: FormEvent, action: () => Promise<unknown>, reset: () => void) => {
    event.preventDefault();
    void run(action).then((result) => {
      if (result !== undefined) reset();
    });
  };

  return (
    <aside className="detail card" aria-labelledby="detail-title" data-testid="item-detail" ref={panel}>
      <h2 id="detail-title">{node.title}</h2>
      {detail.data.path && detail.data.path.length > 0 && (
        <p className="muted small">{detail.data.path.map((step) => step.title).join(' › ')}</p>
      )}
      <p className="small">
        <span className="muted">{ref}</span> · {node.kind}
        {line !== undefined && <> · source line {line}</>} · {formatMinutes(progress.minutes)} logged
      </p>
      {node.trackable && (
        <fieldset className="status-toggles">
          <legend>Status</legend>
          {STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={progress.status === status}
              disabled={busy}
              onClick={() => void run(() => api.post('/api/status', { items: [ref], status }))}
            >
              {STATUS_LABEL[status]}
            </button>
          ))}
          {progress.statusAt && <span className="muted small">since {dateTimeOf(progress.statusAt)}</span>}
        </fieldset>
      )}
      <ItemCorrections itemRef={ref} node={node} busy={busy} run={run} />
      {node.links && node.links.length > 0 && (
        <>
          <h3>Links</h3>
          <ul>
            {node.links.map((link) => (
              <li key={`${link.url}-${link.text}`}>
                <SafeLink url={link.url}>{link.text || link.url}</SafeLink>
              </li>
            ))}
          </ul>
        </>
      )}
      {node.meta && Object.keys(node.meta).some((key) => !CORRECTION_META.has(key)) && (
        <dl className="meta">
          {Object.entries(node.meta)
            .filter(([key]) => !CORRECTION_META.has(key))
            .map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      )}
      <form
        className="inline-form"
        onSubmit={(event) =>
          submit(
            event,
            () =>
              api.post('/api/log', {
                duration: duration.trim(),
                item: ref,
                ...(logNote.trim() ? { note: logNote.trim() } : {}),
              }),
            () => {
              setDuration('');
              setLogNote('');
            },
          )
        }
      >
        <label>
          Log time
          <input
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            placeholder="45m, 1h30"
            required
          />
        </label>
        <label>
          Note (optional)
          <input value={logNote} onChange={(e) => setLogNote(e.target.value)} />
        </label>
        <button type="submit" disabled={busy}>
          Log
        </button>
      </form>
      <h3>Notes</h3>
      {progress.notes.length === 0 && <p className="muted small">No notes yet.</p>}
      <ul className="notes">
        {progress.notes.map((entry) => (
          <li key={`${entry.at}-${entry.text}`}>
            <span className="muted small">{dateOf(entry.at)}</span> {entry.text}
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) =>
          submit(
            event,
            () => api.post('/api/notes', { item: ref, text: note.trim() }),
            () => setNote(''),
          )
        }
      >
        <label>
          Add a note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} required />
        </label>
        <button type="submit" disabled={busy}>
          Add note
        </button>
      </form>
      <h3>Evidence</h3>
      {progress.evidence.length === 0 && <p className="muted small">No evidence yet.</p>}
      <ul>
        {progress.evidence.map((entry) => (
          <li key={`${entry.at}-${entry.ref}`}>
            <span className="muted small">
              {dateOf(entry.at)} {entry.kind}
            </span>{' '}
            <SafeLink url={entry.ref}>{entry.ref}</SafeLink>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) =>
          submit(
            event,
            () => api.post('/api/evidence', { item: ref, ref: evidence.trim(), kind: evidenceKind }),
            () => setEvidence(''),
          )
        }
      >
        <label>
          Evidence
          <input
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            placeholder="URL, path or id"
            required
          />
        </label>
        <label>
          Kind
          <select
            value={evidenceKind}
            onChange={(e) => setEvidenceKind(e.target.value as typeof evidenceKind)}
          >
            {EVIDENCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Add evidence
        </button>
      </form>
      {detail.data.history.length > 0 && (
        <details>
          <summary>History ({detail.data.history.length})</summary>
          <ul className="small">
            {[...detail.data.history].reverse().map((entry) => (
              <li key={entry.id} className={entry.undone ? 'undone' : undefined}>
                {dateTimeOf(entry.at)} {entry.type}
                {entry.type === 'status' ? ` ${entry.status}` : ''}
                {entry.type === 'log' && entry.minutes ? ` ${formatMinutes(entry.minutes)}` : ''}
                {entry.undone ? ' (undone)' : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
