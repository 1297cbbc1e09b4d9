import { type FormEvent, useState } from 'react';
import { api, enc } from '../api/client';
import { type ItemDetail, STATUSES, type StatusNode } from '../api/types';
import { useAction, useApi } from '../api/use-api';
import { ActionError } from '../components/action-error';
import { SafeLink } from '../components/safe-link';
import { LoadState } from '../components/status-view';
import { dateOf, dateTimeOf, formatMinutes, STATUS_LABEL } from '../format';
import { CORRECTION_META, ItemCorrections } from './item-corrections';
import { UndoLastChange, useRoadmapChanges } from './roadmap-changes';
import { itemName } from './status-change-model';

const EVIDENCE_KINDS = ['link', 'certificate', 'project', 'commit', 'file'] as const;

type Control = 'log' | 'note' | 'evidence' | 'corrections';

interface ItemDetailPanelProps {
  roadmapId: string;
  nodeId: string;
  /** The node in the tree: its counts say how many items a status change acts on (a parent asks first). */
  treeNode: StatusNode | undefined;
  /** Shown in the phone's bottom sheet (the dialog is the landmark) rather than beside the tree. */
  inSheet?: boolean;
}

/**
 * One item: status toggles, time, notes, evidence, links and where it comes from in the source. Every change
 * is confirmed in a toast with Undo, and the last one can be undone from here too.
 */
export function ItemDetailPanel({ roadmapId, nodeId, treeNode, inSheet = false }: ItemDetailPanelProps) {
  const detail = useApi<ItemDetail>(`/api/items/${enc(roadmapId)}/${enc(nodeId)}`);
  const changes = useRoadmapChanges();
  const { run, busy: writing, error } = useAction();
  const [actedOn, setActedOn] = useState<Control>();
  const busy = writing || changes.statusBusy;
  const ref = `${roadmapId}:${nodeId}`;
  const [duration, setDuration] = useState('');
  const [logNote, setLogNote] = useState('');
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState('');
  const [evidenceKind, setEvidenceKind] = useState<(typeof EVIDENCE_KINDS)[number]>('link');
  const Frame = inSheet ? 'div' : 'aside';
  const frameClass = inSheet ? 'detail in-sheet' : 'detail card';

  if (!detail.data) {
    return (
      <Frame className={frameClass} aria-label="Item details">
        <LoadState loading={detail.loading} error={detail.error} what="the item" />
      </Frame>
    );
  }
  const { node, progress } = detail.data;
  const line = node.source?.line;
  const name = itemName(node);

  /** Runs a write from one control of the panel: its error shows beside that control, its toast offers Undo. */
  const act = async (control: Control, action: () => Promise<unknown>, message: string) => {
    setActedOn(control);
    const result = await run(action);
    if (result !== undefined) changes.record(result, message, nodeId);
    return result;
  };
  const submit = (
    event: FormEvent,
    control: Control,
    action: () => Promise<unknown>,
    message: string,
    reset: () => void,
  ) => {
    event.preventDefault();
    void act(control, action, message).then((result) => {
      if (result !== undefined) reset();
    });
  };
  const errorAt = (control: Control) => (actedOn === control ? error : undefined);
  // The tree's node knows the counts; should it be missing (a stale link), the item is changed alone.
  const statusNode: StatusNode = treeNode ?? {
    id: node.id,
    title: node.title,
    kind: node.kind,
    trackable: node.trackable,
    status: progress.status,
    done: 0,
    total: 0,
    effortDone: 0,
    effortTotal: 0,
    minutes: progress.minutes,
    children: [],
  };

  return (
    <Frame
      className={frameClass}
      {...(inSheet ? {} : { 'aria-labelledby': 'detail-title' })}
      data-testid="item-detail"
    >
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
              onClick={() => changes.requestStatus(statusNode, status)}
            >
              {STATUS_LABEL[status]}
            </button>
          ))}
          {progress.statusAt && <span className="muted small">since {dateTimeOf(progress.statusAt)}</span>}
          <ActionError error={changes.statusError} />
        </fieldset>
      )}
      <UndoLastChange />
      <ItemCorrections
        itemRef={ref}
        node={node}
        busy={busy}
        error={errorAt('corrections')}
        run={(action, message) => act('corrections', action, `${message}: ${name}`)}
      />
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
            'log',
            () =>
              api.post('/api/log', {
                duration: duration.trim(),
                item: ref,
                ...(logNote.trim() ? { note: logNote.trim() } : {}),
              }),
            `Logged ${duration.trim()} on ${name}`,
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
      <ActionError error={errorAt('log')} />
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
            'note',
            () => api.post('/api/notes', { item: ref, text: note.trim() }),
            `Added a note to ${name}`,
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
      <ActionError error={errorAt('note')} />
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
            'evidence',
            () => api.post('/api/evidence', { item: ref, ref: evidence.trim(), kind: evidenceKind }),
            `Added ${evidenceKind} evidence to ${name}`,
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
      <ActionError error={errorAt('evidence')} />
      {detail.data.history.length > 0 && (
        <details>
          <summary>History ({detail.data.history.length})</summary>
          <ul className="small">
            {[...detail.data.history].reverse().map((entry) => (
              <li key={entry.id} className={entry.undone ? 'undone' : undefined}>
                {dateTimeOf(entry.at)} {entry.type}
                {entry.status ? ` ${entry.status}` : ''}
                {entry.minutes ? ` ${formatMinutes(entry.minutes)}` : ''}
                {entry.undone ? ' (undone)' : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Frame>
  );
}
