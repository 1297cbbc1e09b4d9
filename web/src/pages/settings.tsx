import { type FormEvent, useState } from 'react';
import { api, enc } from '../api/client';
import type { ApiBody, GlobalSettings, Settings } from '../api/types';
import { useAction, useApi } from '../api/use-api';
import { ActionError } from '../components/action-error';
import { LoadState } from '../components/status-view';
import { usePageTitle } from '../page-title';
import { href, navigate } from '../router';
import {
  capacityOrigin,
  choiceOrigin,
  inheritedOrigin,
  type Origin,
  partOrigin,
  sharedOrigin,
  startOrigin,
  targetOrigin,
} from './settings-origin';
import { PreviewLines, useSettingsPreview } from './settings-preview';

type GlobalBody = ApiBody<'PUT /api/settings'>;
type RoadmapBody = ApiBody<'PUT /api/settings/:roadmapId'>;
type Allotment = Settings['allotment'];
type DayOff = { from: string; to: string };

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Where a value comes from, and (for a value set here) the button that goes back to inherited/default. */
function OriginNote<B>({
  origin,
  onReset,
  busy,
}: {
  origin: Origin<B>;
  onReset?: (body: B) => void;
  busy?: boolean;
}) {
  return (
    <span className="origin small" data-origin={origin.kind}>
      {' '}
      ({origin.text})
      {origin.reset && onReset && (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            disabled={busy}
            onClick={() => onReset(origin.reset?.body as B)}
          >
            {origin.reset.label}
          </button>
        </>
      )}
    </span>
  );
}

function allotmentText(allotment: Allotment, allocation: GlobalSettings['allocation']): string {
  if (allotment.kind === 'paused') return 'paused: no time planned';
  if (allotment.kind === 'fixed') return `its own ${allotment.own?.weeklyHours ?? 0} h a week, taken first`;
  if (allocation === 'priority') return `priority ${allotment.priority}`;
  return `${allotment.share ?? 0}% of your time`;
}

/** The learner's total time and how roadmaps share it: saved to the global settings, never to a roadmap. */
function StudyTimeForm({ settings }: { settings: GlobalSettings }) {
  const { run, busy, error } = useAction();
  const [hours, setHours] = useState<string[]>(() => settings.capacity.hoursByWeekday.map(String));
  const [daysOff, setDaysOff] = useState<DayOff[]>(settings.capacity.daysOff);
  const [allocation, setAllocation] = useState(settings.allocation);
  const [habits, setHabits] = useState(settings.habits);
  const [window, setWindow] = useState(`${settings.studyWindow.start}-${settings.studyWindow.end}`);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (what: string) => setTouched((current) => new Set(current).add(what));

  const body: GlobalBody = {};
  if (touched.has('capacity'))
    body.capacity = {
      hoursByWeekday: hours.map((value) => Number(value)),
      clearDaysOff: true,
      daysOff: daysOff
        .filter((range) => range.from)
        .map((range) => ({ from: range.from, to: range.to || range.from })),
    };
  if (touched.has('allocation')) body.allocation = allocation;
  if (touched.has('habits')) body.habits = habits;
  if (touched.has('window')) body.studyWindow = window;
  const preview = useSettingsPreview(
    touched.size > 0 ? () => api.post('/api/settings/preview', body) : undefined,
    JSON.stringify(body),
  );

  const put = (change: GlobalBody, message: string) =>
    void run(() => api.put('/api/settings', change), { success: () => message, undoable: true });
  const save = (event: FormEvent) => {
    event.preventDefault();
    put(body, 'Saved your study time');
  };
  const reset = (change: GlobalBody) => put(change, 'Back to the default');
  return (
    <form className="settings" onSubmit={save} aria-labelledby="study-time-title">
      <fieldset>
        <legend id="study-time-title">
          Your study time, shared by every roadmap: {settings.capacity.weeklyHours} h a week
          <OriginNote origin={capacityOrigin(settings.capacity.source)} onReset={reset} busy={busy} />
        </legend>
        {settings.capacity.explanation && <p className="muted small">{settings.capacity.explanation}</p>}
        <div className="weekdays">
          {WEEKDAYS.map((day, index) => (
            <label key={day}>
              {day}
              <input
                type="number"
                min={0}
                max={24}
                step={0.25}
                value={hours[index] ?? '0'}
                onChange={(event) => {
                  touch('capacity');
                  setHours((current) =>
                    current.map((value, i) => (i === index ? event.target.value : value)),
                  );
                }}
              />
            </label>
          ))}
        </div>
        <DaysOffEditor
          daysOff={daysOff}
          onChange={(update) => {
            touch('capacity');
            setDaysOff(update);
          }}
        />
        <label>
          Roadmaps share it
          <select
            value={allocation}
            onChange={(event) => {
              touch('allocation');
              setAllocation(event.target.value as GlobalSettings['allocation']);
            }}
          >
            <option value="shares">by shares, every day</option>
            <option value="priority">by priority: finish one, then the next</option>
          </select>
          <OriginNote
            origin={sharedOrigin(settings.allocationFrom, 'allocation')}
            onReset={reset}
            busy={busy}
          />
        </label>
        <label>
          Routine habits
          <select
            value={habits}
            onChange={(event) => {
              touch('habits');
              setHabits(event.target.value as GlobalSettings['habits']);
            }}
          >
            <option value="inside">inside this time</option>
            <option value="extra">extra, on top of it</option>
          </select>
          <OriginNote origin={sharedOrigin(settings.habitsFrom, 'habits')} onReset={reset} busy={busy} />
        </label>
        <label>
          Calendar study window
          <input
            value={window}
            size={12}
            onChange={(event) => {
              touch('window');
              setWindow(event.target.value);
            }}
          />
          <OriginNote
            origin={sharedOrigin(settings.studyWindowFrom, 'studyWindow')}
            onReset={reset}
            busy={busy}
          />
        </label>
        {settings.roadmaps.length > 0 && (
          <ul className="muted small">
            {settings.roadmaps.map((entry) => (
              <li key={entry.roadmapId}>
                {entry.title}: {allotmentText(entry.allotment, settings.allocation)}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {touched.size > 0 && settings.roadmaps.length > 0 && <PreviewLines state={preview} />}
      <div className="form-actions">
        <button type="submit" disabled={busy || touched.size === 0}>
          Save study time
        </button>
        <ActionError error={error} />
      </div>
    </form>
  );
}

const DAY_OFF_ENDS = [
  { field: 'from', label: 'From' },
  { field: 'to', label: 'To' },
] as const;

function DaysOffEditor({
  daysOff,
  onChange,
}: {
  daysOff: DayOff[];
  onChange: (update: (list: DayOff[]) => DayOff[]) => void;
}) {
  return (
    <fieldset>
      <legend>Days off</legend>
      {daysOff.length === 0 && <p className="muted small">No days off.</p>}
      {daysOff.map((range, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity until saved
        <div key={index} className="range">
          {DAY_OFF_ENDS.map(({ field, label }) => (
            <label key={field}>
              {label}
              <input
                type="date"
                value={range[field]}
                onChange={(event) =>
                  onChange((list) =>
                    list.map((r, i) => (i === index ? { ...r, [field]: event.target.value } : r)),
                  )
                }
              />
            </label>
          ))}
          <button type="button" onClick={() => onChange((list) => list.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange((list) => [...list, { from: '', to: '' }])}>
        Add days off
      </button>
    </fieldset>
  );
}

/** With nothing imported there is nothing to plan: say what settings are and where to start. */
function NoRoadmaps() {
  return (
    <section className="empty-state" aria-labelledby="settings-empty-title">
      <h2 id="settings-empty-title">No roadmap yet</h2>
      <p>
        Settings shape your plan: the hours you study each day, your days off, a target date for each roadmap
        and how roadmaps share your time. Each value says where it comes from: set by you, inherited from your
        study time, the roadmap's own, or a built-in default.
      </p>
      <p>
        <a href={href('overview')}>Import a roadmap on the Overview</a>, then come back to set its target and
        its share of your time. Your study time below applies to every roadmap.
      </p>
    </section>
  );
}

export function SettingsPage({ roadmapId }: { roadmapId: string | undefined }) {
  const roadmaps = useApi('/api/roadmaps');
  const id = roadmapId ?? roadmaps.data?.[0]?.id;
  const settings = useApi(id ? `/api/settings/${enc(id)}` : null);
  const global = useApi('/api/settings');
  const title = roadmaps.data?.find((roadmap) => roadmap.id === id)?.title;
  usePageTitle(title, 'Settings');
  return (
    <>
      <h1>Settings</h1>
      <LoadState loading={roadmaps.loading && !roadmaps.data} error={roadmaps.error} what="roadmaps" />
      {roadmaps.data?.length === 0 && <NoRoadmaps />}
      {!global.data && <LoadState loading={global.loading} error={global.error} what="your study time" />}
      {global.data && <StudyTimeForm key={JSON.stringify(global.data)} settings={global.data} />}
      {id && roadmaps.data && roadmaps.data.length > 0 && (
        <div className="toolbar">
          <label>
            Roadmap
            <select value={id} onChange={(event) => navigate(href('settings', [event.target.value]))}>
              {roadmaps.data.map((roadmap) => (
                <option key={roadmap.id} value={roadmap.id}>
                  {roadmap.title}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {id && !settings.data && (
        <LoadState loading={settings.loading} error={settings.error} what="settings" />
      )}
      {id && settings.data && (
        <SettingsForm
          key={`${id}:${JSON.stringify(settings.data)}`}
          roadmapId={id}
          settings={settings.data}
        />
      )}
    </>
  );
}

function SettingsForm({ roadmapId, settings }: { roadmapId: string; settings: Settings }) {
  const { run, busy, error } = useAction();
  const allotment = settings.allotment;
  const [share, setShare] = useState(allotment.shareFrom === 'roadmap' ? String(allotment.share ?? '') : '');
  const [paused, setPaused] = useState(allotment.kind === 'paused');
  const [start, setStart] = useState(settings.startDate ?? '');
  const [target, setTarget] = useState(settings.targetDate ?? '');
  // A group without a stored choice shows what the planner assumes (`included`).
  const [choices, setChoices] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(
      settings.electiveGroups.map((group) => [group.id, settings.choices[group.id] ?? group.included]),
    ),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (what: string) => setTouched((current) => new Set(current).add(what));

  // Only what the learner changed is sent: a roadmap's settings never carry the global capacity.
  const body: RoadmapBody = {};
  if (touched.has('share')) body.share = share.trim() === '' ? null : share.trim();
  if (touched.has('paused')) body.paused = paused;
  if (touched.has('start')) body.startDate = start || null;
  if (touched.has('target')) body.targetDate = target || null;
  const changedGroups = settings.electiveGroups.filter((group) => touched.has(`choice:${group.id}`));
  if (changedGroups.length > 0)
    body.choices = Object.fromEntries(changedGroups.map((group) => [group.id, choices[group.id] ?? []]));
  const preview = useSettingsPreview(
    touched.size > 0 ? () => api.post(`/api/settings/${enc(roadmapId)}/preview`, body) : undefined,
    `${roadmapId}:${JSON.stringify(body)}`,
  );

  const put = (change: RoadmapBody, message: string) =>
    void run(() => api.put(`/api/settings/${enc(roadmapId)}`, change), {
      success: () => message,
      undoable: true,
    });
  const save = (event: FormEvent) => {
    event.preventDefault();
    put(body, 'Saved the settings');
  };
  const reset = (change: RoadmapBody) => put(change, 'Back to the inherited value');

  const toggleChoice = (groupId: string, optionId: string, on: boolean) => {
    touch(`choice:${groupId}`);
    setChoices((current) => {
      const list = new Set(current[groupId] ?? []);
      if (on) list.add(optionId);
      else list.delete(optionId);
      return { ...current, [groupId]: [...list] };
    });
  };

  return (
    <form className="settings" onSubmit={save} aria-label="This roadmap">
      <fieldset>
        <legend>
          This roadmap's part: {allotmentText(allotment, settings.allocation)}
          <OriginNote origin={partOrigin(allotment)} onReset={reset} busy={busy} />
        </legend>
        <p className="small">
          Of your study time, {settings.capacity.weeklyHours} h a week
          <OriginNote origin={inheritedOrigin(settings.capacity.source)} />; shared{' '}
          {settings.allocation === 'priority' ? 'by priority' : 'by shares'}
          <OriginNote origin={inheritedOrigin(settings.allocationFrom)} />.
        </p>
        {allotment.kind === 'fixed' && (
          <p className="muted small">
            Its own hours ({allotment.own?.hoursByWeekday.join(', ')}, Sunday first) are taken first; a share
            here replaces them.
          </p>
        )}
        <label>
          Share of your time, %
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            placeholder={allotment.shareFrom === 'default' ? `${allotment.share ?? 0} (default)` : ''}
            value={share}
            onChange={(event) => {
              touch('share');
              setShare(event.target.value);
            }}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={paused}
            onChange={(event) => {
              touch('paused');
              setPaused(event.target.checked);
            }}
          />
          Paused (no time planned; it stays imported)
        </label>
        <label>
          Start no earlier than
          <input
            type="date"
            value={start}
            onChange={(event) => {
              touch('start');
              setStart(event.target.value);
            }}
          />
          <OriginNote origin={startOrigin(settings)} onReset={reset} busy={busy} />
        </label>
      </fieldset>
      <fieldset>
        <legend>
          Target date
          <OriginNote origin={targetOrigin(settings)} onReset={reset} busy={busy} />
        </legend>
        <label>
          Finish by
          <input
            type="date"
            value={target}
            onChange={(event) => {
              touch('target');
              setTarget(event.target.value);
            }}
          />
        </label>
      </fieldset>
      {settings.electiveGroups.length > 0 && (
        <fieldset>
          <legend>Elective choices</legend>
          {settings.electiveGroups.map((group) => (
            <fieldset key={group.id} className="elective">
              <legend>
                {group.title}{' '}
                <span className="muted small">
                  (choose{' '}
                  {group.choose.min === group.choose.max
                    ? group.choose.min
                    : `${group.choose.min}–${group.choose.max}`}
                  )
                </span>
                <OriginNote origin={choiceOrigin(group)} onReset={reset} busy={busy} />
              </legend>
              {group.options.map((option) => (
                <label key={option.id} className="check">
                  <input
                    type="checkbox"
                    checked={(choices[group.id] ?? []).includes(option.id)}
                    onChange={(event) => toggleChoice(group.id, option.id, event.target.checked)}
                  />
                  {option.title}
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      )}
      {touched.size > 0 && <PreviewLines state={preview} only={roadmapId} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || touched.size === 0}>
          Save settings
        </button>
        <ActionError error={error} />
      </div>
    </form>
  );
}
