import { type FormEvent, useState } from 'react';
import { api, apiPath } from '../api/client';
import { collectItems, groupTitle } from '../api/collect-items';
import type { ItemRef } from '../api/types';
import { useAction, useApi } from '../api/use-api';
import { ActionError } from '../components/action-error';
import { RoadmapPicker } from '../components/roadmap-picker';
import { LoadState } from '../components/status-view';
import { formatMinutes } from '../format';
import { href } from '../router';

export function TodayPage() {
  const [date, setDate] = useState(''); // empty: the server's today
  const [roadmap, setRoadmap] = useState('');
  const today = useApi<unknown>(apiPath('/api/today', { date, roadmap }));
  // `items` repeats `planned` (the day shape `week --json` shares): show it once.
  const groups =
    today.data === undefined ? [] : collectItems(today.data).filter((group) => group.key !== 'items');
  return (
    <>
      <h1>Today</h1>
      <div className="toolbar">
        <label>
          Date
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </label>
        <RoadmapPicker value={roadmap} onChange={setRoadmap} />
      </div>
      {agendaDate(today.data) && <p className="muted">Agenda for {agendaDate(today.data)}</p>}
      {dayTotals(today.data) && (
        <p className="muted" data-testid="day-totals">
          {dayTotals(today.data)}
        </p>
      )}
      <LoadState loading={today.loading && today.data === undefined} error={today.error} what="the agenda" />
      {today.data !== undefined && groups.length === 0 && (
        <p>
          Nothing planned for {date || 'today'}. Set a capacity in Settings so the planner can fill your days.
        </p>
      )}
      {groups.map((group, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a response could repeat a group name
        <section key={`${group.key}-${index}`} className="card" aria-label={groupTitle(group.key)}>
          <h2>{groupTitle(group.key)}</h2>
          <ul className="agenda">
            {group.items.map((item) => (
              <AgendaItem
                key={`${item.roadmapId}:${item.nodeId}`}
                item={item}
                tracksStatus={group.key !== 'habits' && group.key !== 'milestones'}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** One agenda entry; habits recur, so they only log time (no start or done). */
function AgendaItem({ item, tracksStatus }: { item: ItemRef; tracksStatus: boolean }) {
  const { run, busy, error } = useAction();
  const [duration, setDuration] = useState(item.minutes ? `${Math.round(item.minutes)}m` : '30m');
  const ref = `${item.roadmapId}:${item.nodeId}`;
  const setStatus = (status: 'doing' | 'done') =>
    run(() => api.post('/api/status', { items: [ref], status }), {
      success: () => `${status === 'done' ? 'Done' : 'Started'}: ${item.title}`,
      undoable: true,
    });
  const log = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.post('/api/log', { duration: duration.trim(), item: ref }), {
      success: () => `Logged ${duration.trim()} on ${item.title}`,
      undoable: true,
    });
  };
  const inputId = `log-${ref}`;
  return (
    <li className="agenda-item" data-ref={ref}>
      <div className="agenda-title">
        <a href={href('roadmap', [item.roadmapId], { item: item.nodeId })}>{item.title}</a>
        <span className="muted small">
          {item.roadmapId}
          {item.minutes ? ` · ${formatMinutes(item.minutes)} planned` : ''}
          {item.status ? ` · ${item.status}` : ''}
        </span>
      </div>
      <div className="agenda-actions">
        {tracksStatus && (
          <>
            <button
              type="button"
              disabled={busy || item.status === 'doing'}
              onClick={() => void setStatus('doing')}
            >
              Start<span className="visually-hidden"> {item.title}</span>
            </button>
            <button
              type="button"
              disabled={busy || item.status === 'done'}
              onClick={() => void setStatus('done')}
            >
              Done<span className="visually-hidden"> {item.title}</span>
            </button>
          </>
        )}
        <form onSubmit={log} className="log-form">
          <label htmlFor={inputId} className="visually-hidden">
            Time to log for {item.title}
          </label>
          <input
            id={inputId}
            value={duration}
            onChange={(event) => setDuration(event.target.value)}
            size={6}
          />
          <button type="submit" disabled={busy}>
            Log time<span className="visually-hidden"> for {item.title}</span>
          </button>
        </form>
      </div>
      <ActionError error={error} />
    </li>
  );
}

/** The day the server planned for (its today when no date is picked). */
function agendaDate(data: unknown): string | undefined {
  const date = typeof data === 'object' && data !== null ? (data as { date?: unknown }).date : undefined;
  return typeof date === 'string' ? date : undefined;
}

interface DayNumbers {
  capacityMinutes: number;
  plannedMinutes: number;
  habitMinutes: number;
  reviewMinutes: number;
  habitsExtra: boolean;
}

/** "2h planned + 30m review + 1h habits of 4h": the same numbers as `waymark today` and `week --json`. */
function dayTotals(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('capacityMinutes' in data)) return undefined;
  const day = data as DayNumbers;
  const parts = [`${formatMinutes(day.plannedMinutes)} planned`];
  if (day.reviewMinutes > 0) parts.push(`${formatMinutes(day.reviewMinutes)} review`);
  if (day.habitMinutes > 0 && !day.habitsExtra) parts.push(`${formatMinutes(day.habitMinutes)} habits`);
  const extra =
    day.habitMinutes > 0 && day.habitsExtra ? ` (+ ${formatMinutes(day.habitMinutes)} habits, extra)` : '';
  return `${parts.join(' + ')} of ${formatMinutes(day.capacityMinutes)} study time${extra}`;
}
