import { useCallback, useEffect, useRef, useState } from 'react';
import { apiPath } from '../api/client';
import type { Agenda } from '../api/types';
import { useApi } from '../api/use-api';
import { RoadmapPicker } from '../components/roadmap-picker';
import { LoadState } from '../components/status-view';
import { formatMinutes, STATUS_LABEL } from '../format';
import { usePageTitle } from '../page-title';
import { href } from '../router';
import {
  type ChecklistRow,
  checklistRows,
  type PendingLog,
  planChanged,
  statusChanges,
  withPending,
} from './today-checklist';
import { TodayRow } from './today-row';

export function TodayPage() {
  const [date, setDate] = useState(''); // empty: the server's today
  const [roadmap, setRoadmap] = useState('');
  const [shownDate, setShownDate] = useState('');
  const path = apiPath('/api/today', { date, roadmap });
  return (
    <>
      <h1>Today</h1>
      <div className="toolbar">
        <label>
          Date
          <input
            type="date"
            value={date || shownDate}
            onChange={(event) => setDate(event.target.value)}
            data-testid="today-date"
          />
        </label>
        <RoadmapPicker value={roadmap} onChange={setRoadmap} />
      </div>
      {/* A new day or roadmap is a new checklist: its own snapshot of the plan. */}
      <TodayChecklist key={path} path={path} onDate={setShownDate} />
    </>
  );
}

/** "Tue 17 Nov" for 2026-11-17 (a calendar date: no time zone can move it). */
export function dayLabel(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** "Planned today, Fri 20 Nov" / "Planned for Tue 17 Nov": never "today" for another day. */
function dayHeading(agenda: Agenda): string {
  return agenda.date === agenda.today
    ? `Planned today, ${dayLabel(agenda.date)}`
    : `Planned for ${dayLabel(agenda.date)}`;
}

/** The day's checklist: the plan as the page opened it, with live numbers, re-planned only on request. */
function TodayChecklist({ path, onDate }: { path: string; onDate: (date: string) => void }) {
  const today = useApi<Agenda>(path);
  const latest = today.data;
  const [shown, setShown] = useState<Agenda | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (latest && shown === undefined) setShown(latest);
    if (latest) onDate(latest.date);
  }, [latest, shown, onDate]);
  const when = shown ? (shown.date === shown.today ? 'Today' : dayLabel(shown.date)) : undefined;
  usePageTitle(when && when !== 'Today' ? `Planned for ${when}` : undefined, 'Today');

  // Logs the server recorded, counted until the agenda answer that holds them replaces `latest`.
  const [pending, setPending] = useState<{ base: Agenda; logs: PendingLog[] } | undefined>(undefined);
  const latestRef = useRef(latest);
  latestRef.current = latest;
  const logs = pending && pending.base === latest ? pending.logs : [];
  const onLogged = useCallback((log: PendingLog) => {
    const base = latestRef.current;
    if (!base) return;
    setPending((previous) => ({
      base,
      logs: [...(previous?.base === base ? previous.logs : []), log],
    }));
  }, []);
  const rows = shown && latest ? withPending(checklistRows(shown, latest), logs) : [];
  const announcement = useStatusAnnouncement(rows);
  if (!shown || !latest) return <LoadState loading={today.loading} error={today.error} what="the agenda" />;

  const past = shown.date < shown.today;
  const loggedMinutes = latest.loggedMinutes + logs.reduce((sum, log) => sum + log.minutes, 0);
  // A log from a later day's page is recorded now, on today: it does not count on the day shown.
  const countsHere = shown.date <= shown.today ? onLogged : undefined;
  const at = past ? `${shown.date}T12:00` : undefined;
  const dayWord = shown.date === shown.today ? 'today' : `on ${dayLabel(shown.date)}`;
  const changed = planChanged(shown, latest);
  const planned = rows.filter((row) => row.kind === 'planned');
  const habits = rows.filter((row) => row.kind === 'habit');
  const elsewhere = rows.filter((row) => row.kind === 'elsewhere');
  const listed = new Set(rows.map((row) => row.ref));
  const alsoLogged = latest.logged.filter(
    (entry) => entry.review || entry.nodeId === null || !listed.has(`${entry.roadmapId}:${entry.nodeId}`),
  );
  const open = latest.roadmaps.filter((entry) => !entry.nothingLeft && !entry.paused);
  const refresh = () => {
    setShown(latest);
    heading.current?.focus();
  };
  return (
    <>
      <h2 ref={heading} tabIndex={-1} className="day-heading" data-testid="day-heading">
        {dayHeading(shown)}
      </h2>
      <div className="day-summary card">
        <p className="day-progress" data-testid="day-progress">
          <strong>{formatMinutes(loggedMinutes)}</strong> of {formatMinutes(latest.capacityMinutes)}{' '}
          {shown.date === shown.today ? 'today' : past ? `logged on ${dayLabel(shown.date)}` : 'planned'}
        </p>
        <progress
          className="day-meter"
          max={Math.max(1, latest.capacityMinutes)}
          value={Math.min(loggedMinutes, Math.max(1, latest.capacityMinutes))}
          aria-label={`Logged ${dayWord}: ${formatMinutes(loggedMinutes)} of ${formatMinutes(latest.capacityMinutes)}`}
        />
        <p className="muted" data-testid="day-totals">
          {dayTotals(latest)}
        </p>
        {latest.reviewsDue !== null && (
          <p data-testid="reviews-due">
            {latest.reviewsDue === 0 ? (
              'No reviews due today.'
            ) : (
              <>
                {latest.reviewsDue} review{latest.reviewsDue === 1 ? '' : 's'} due today ·{' '}
                <a href={href('review')}>Start the review session</a>
              </>
            )}
          </p>
        )}
        {open.map((entry) =>
          entry.status ? (
            <p key={entry.roadmapId} className="muted small">
              {open.length > 1 ? `${entry.title}: ` : ''}
              {entry.status}
            </p>
          ) : null,
        )}
      </div>
      {changed && (
        <p className="plan-changed" data-testid="plan-changed">
          The plan for this day changed since you opened it.{' '}
          <button type="button" onClick={refresh}>
            Plan changed — refresh
          </button>
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="row-announcer">
        {announcement}
      </p>
      {planned.length === 0 && (
        <p>
          {shown.dayOff
            ? 'A day off: nothing planned.'
            : open.length === 0
              ? 'Nothing left to plan: every roadmap is finished or paused.'
              : `Nothing planned ${dayWord}. Set a capacity in Settings so the planner can fill your days.`}
        </p>
      )}
      <RowSection
        title={past ? `Planned for ${dayLabel(shown.date)}` : 'Planned'}
        rows={planned}
        at={at}
        dayWord={dayWord}
        onLogged={countsHere}
      />
      <RowSection title="Habits" rows={habits} at={at} dayWord={dayWord} onLogged={countsHere} />
      <RowSection
        title="In progress, not planned this day"
        rows={elsewhere}
        at={at}
        dayWord={dayWord}
        onLogged={countsHere}
      />
      {latest.milestones.length > 0 && (
        <section className="card" aria-label="Milestones due">
          <h3>Milestones due</h3>
          <ul className="plain">
            {latest.milestones.map((milestone) => (
              <li key={`${milestone.roadmapId}:${milestone.nodeId}`}>
                <a href={href('roadmap', [milestone.roadmapId], { item: milestone.nodeId })}>
                  {milestone.title}
                </a>
                <span className="muted small"> · {milestone.reached ? 'reached' : 'open'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {alsoLogged.length > 0 && (
        <section
          className="card"
          aria-label={past ? `Logged on ${dayLabel(shown.date)}` : 'Also logged today'}
        >
          <h3>{past ? `Also logged on ${dayLabel(shown.date)}` : 'Also logged today'}</h3>
          <ul className="plain" data-testid="also-logged">
            {alsoLogged.map((entry) => (
              <li key={`${entry.roadmapId}:${entry.nodeId ?? ''}:${entry.review}`}>
                {formatMinutes(entry.minutes)} · {entry.title}
                {entry.review ? ' (review)' : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function RowSection({
  title,
  rows,
  at,
  dayWord,
  onLogged,
}: {
  title: string;
  rows: ChecklistRow[];
  at: string | undefined;
  dayWord: string;
  onLogged: ((log: PendingLog) => void) | undefined;
}) {
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-label={title}>
      <h3>{title}</h3>
      <ul className="agenda">
        {rows.map((row) => (
          <TodayRow
            key={`${row.kind}:${row.ref}`}
            row={row}
            dayWord={dayWord}
            {...(at ? { at } : {})}
            {...(onLogged ? { onLogged } : {})}
          />
        ))}
      </ul>
    </section>
  );
}

/** "Vectors: Done" when a row's status changes (here or from the CLI), for screen readers. */
function useStatusAnnouncement(rows: readonly ChecklistRow[]): string {
  const previous = useRef<readonly ChecklistRow[]>([]);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const changes = statusChanges(previous.current, rows);
    previous.current = rows;
    if (changes.length > 0)
      setMessage(
        changes.map((change) => `${change.row.title}: ${STATUS_LABEL[change.to] ?? change.to}`).join('. '),
      );
  }, [rows]);
  return message;
}

/** "2h planned + 30m review + 1h habits of 4h study time": the same numbers as `waymark today`. */
function dayTotals(day: Agenda): string {
  const parts = [`${formatMinutes(day.plannedMinutes)} planned`];
  if (day.reviewMinutes > 0) parts.push(`${formatMinutes(day.reviewMinutes)} review`);
  if (day.habitMinutes > 0 && !day.habitsExtra) parts.push(`${formatMinutes(day.habitMinutes)} habits`);
  const extra =
    day.habitMinutes > 0 && day.habitsExtra ? ` (+ ${formatMinutes(day.habitMinutes)} habits, extra)` : '';
  return `${parts.join(' + ')} of ${formatMinutes(day.capacityMinutes)} study time${extra}`;
}
