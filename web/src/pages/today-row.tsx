import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { Status } from '../api/types';
import { useAction } from '../api/use-api';
import { ActionError } from '../components/action-error';
import { formatMinutes, STATUS_LABEL } from '../format';
import { href } from '../router';
import type { ChecklistRow, PendingLog } from './today-checklist';

type Control = 'start' | 'done' | 'log' | 'input';

/** "25m of 45m": time logged on the row against what the day plans for it. */
export function loggedAgainstPlan(row: ChecklistRow): string {
  if (row.plannedMinutes === null) return `${formatMinutes(row.loggedMinutes)} logged today`;
  return `${formatMinutes(row.loggedMinutes)} of ${formatMinutes(row.plannedMinutes)}`;
}

/** What the Log field offers: what is left of the row's planned time (its own, never another row's). */
const suggestedDuration = (row: ChecklistRow) => `${row.leftMinutes > 0 ? row.leftMinutes : 30}m`;

/**
 * One row of the day's checklist. It never leaves the page while the learner acts on it: after Start, Done,
 * Log or their Undo, focus stays on the control that acted, or on the row itself when that control is gone
 * (Done on a finished item).
 */
export function TodayRow({
  row,
  at,
  dayWord,
  onLogged,
}: {
  row: ChecklistRow;
  at?: string;
  dayWord: string;
  /** The server recorded a log on this row (its answer's minutes), before the day's agenda is re-read. */
  onLogged?: (log: PendingLog) => void;
}) {
  const { run, busy, error } = useAction();
  const rowRef = useRef<HTMLLIElement>(null);
  // The learner's own entry, until it is logged; otherwise the row's suggestion (kept fresh by the server).
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const acted = useRef<Control | null>(null);
  const ref = row.ref;
  const duration = typed ?? suggestedDuration(row);

  const keepFocus = () => {
    const control = acted.current;
    const row = rowRef.current;
    if (!control || !row) return;
    const target = row.querySelector<HTMLElement>(`[data-control="${control}"]`) ?? row;
    if (document.activeElement !== target) target.focus();
  };
  // A control that disappears (Done on a finished item) drops focus to <body>: put it on the row instead.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-checked whenever the row's numbers change
  useLayoutEffect(() => {
    if (acted.current && (document.activeElement === document.body || document.activeElement === null))
      keepFocus();
  }, [row.status, row.loggedMinutes, row.leftMinutes]);

  const act = async (control: Control, write: () => Promise<unknown>, message: string) => {
    acted.current = control;
    const result = await run(write, {
      success: () => message,
      undoable: true,
      onUndone: keepFocus,
    });
    if (result !== undefined && (control === 'log' || control === 'input')) {
      setTyped(undefined);
      const minutes = (result as { minutes?: unknown }).minutes;
      if (typeof minutes === 'number') onLogged?.({ ref, minutes });
    }
    keepFocus();
  };
  const setStatus = (status: Status) =>
    void act(
      status === 'done' ? 'done' : 'start',
      () => api.post('/api/status', { items: [ref], status, ...(at ? { at } : {}) }),
      `${status === 'done' ? 'Done' : 'Started'}: ${row.title}`,
    );
  const log = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const text = duration.trim();
    // Enter in the field keeps the learner in the field; the button keeps them on the button.
    const from = event.currentTarget.querySelector('input') === document.activeElement ? 'input' : 'log';
    void act(
      from,
      () => api.post('/api/log', { duration: text, item: ref, ...(at ? { at } : {}) }),
      `Logged ${text} on ${row.title}`,
    );
  };
  const inputId = `log-${row.kind}-${ref}`;
  const status = row.status;
  const finished = status === 'done' || status === 'skipped';
  return (
    <li
      ref={rowRef}
      className={`agenda-item${finished ? ' agenda-finished' : ''}`}
      data-ref={ref}
      data-status={status ?? 'habit'}
      tabIndex={-1}
      aria-label={`${row.title}: ${loggedAgainstPlan(row)}${status ? `, ${STATUS_LABEL[status]}` : ''}`}
    >
      <div className="agenda-title">
        <a href={href('roadmap', [row.roadmapId], { item: row.nodeId })}>{row.title}</a>
        <span className="muted small">
          {row.roadmapId}
          {row.phaseTitle ? ` · ${row.phaseTitle}` : ''}
          {row.part ? ` · ${row.part}` : ''}
        </span>
      </div>
      <div className="agenda-numbers">
        <span className="agenda-logged" data-testid="row-logged">
          {loggedAgainstPlan(row)}
        </span>
        {status && (
          <span className={`badge status-badge ${status}`} data-testid="row-status">
            {STATUS_LABEL[status]}
          </span>
        )}
      </div>
      <div className="agenda-actions">
        {status === 'todo' && (
          <button
            type="button"
            data-control="start"
            aria-disabled={busy}
            onClick={() => !busy && setStatus('doing')}
          >
            Start<span className="visually-hidden"> {row.title}</span>
          </button>
        )}
        {(status === 'todo' || status === 'doing') && (
          <button
            type="button"
            data-control="done"
            aria-disabled={busy}
            onClick={() => !busy && setStatus('done')}
          >
            Done<span className="visually-hidden"> {row.title}</span>
          </button>
        )}
        <form onSubmit={log} className="log-form">
          <label htmlFor={inputId} className="visually-hidden">
            Time to log {dayWord} on {row.title}
          </label>
          <input
            id={inputId}
            data-control="input"
            value={duration}
            onChange={(event) => setTyped(event.target.value)}
            size={6}
            inputMode="text"
            autoComplete="off"
          />
          <button type="submit" data-control="log" aria-disabled={busy}>
            Log time<span className="visually-hidden"> on {row.title}</span>
          </button>
        </form>
      </div>
      <ActionError error={error} />
    </li>
  );
}
