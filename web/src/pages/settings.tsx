import { type FormEvent, useState } from 'react';
import { api, enc } from '../api/client';
import type { RoadmapSummary, Settings } from '../api/types';

/** Where a value comes from, as the server says (`source`, `…From`). */
type Source = 'global' | 'roadmap' | 'roadmaps' | 'routine' | 'default' | 'goal' | 'options';
interface CapacityInfo {
  hoursByWeekday: number[];
  daysOff: { from: string; to: string }[];
  weeklyHours: number;
  source: Source;
  explanation?: string;
}
interface Allotment {
  kind: 'share' | 'fixed' | 'paused';
  share: number | null;
  shareFrom: 'roadmap' | 'default' | null;
  priority: number;
  own?: CapacityInfo;
}
interface SharingParts {
  allocation: 'shares' | 'priority';
  allocationFrom: 'global' | 'default';
  habits: 'inside' | 'extra';
  habitsFrom: 'global' | 'default';
  studyWindow: { start: string; end: string };
  studyWindowFrom: 'global' | 'default';
}
interface GlobalSettings extends SharingParts {
  capacity: CapacityInfo;
  roadmaps: { roadmapId: string; title: string; allotment: Allotment }[];
}
type RoadmapSettings = Omit<Settings, 'capacity'> &
  SharingParts & {
    capacity: CapacityInfo;
    allotment: Allotment;
    startDateFrom?: 'roadmap' | 'default';
    targetSource?: 'setting' | 'roadmap' | null;
  };

const SOURCE_TEXT: Record<string, string> = {
  global: 'set by you',
  roadmap: "this roadmap's own",
  roadmaps: "not set: the sum of your roadmaps' own hours",
  routine: "not set: from a roadmap's routine",
  default: 'not set: the default',
  goal: "the roadmap's",
  options: "this roadmap's own",
};
const from = (source: string) => <span className="muted small"> ({SOURCE_TEXT[source] ?? source})</span>;

function allotmentText(allotment: Allotment, allocation: SharingParts['allocation']): string {
  if (allotment.kind === 'paused') return 'paused: no time planned';
  if (allotment.kind === 'fixed') return `its own ${allotment.own?.weeklyHours ?? 0} h a week, taken first`;
  if (allocation === 'priority') return `priority ${allotment.priority}`;
  return `${allotment.share ?? 0}% ${allotment.shareFrom === 'roadmap' ? "(this roadmap's own)" : '(default: an equal part)'}`;
}

/** The learner's total time and how roadmaps share it: saved to the global settings, never to a roadmap. */
function StudyTimeForm({ settings }: { settings: GlobalSettings }) {
  const { run, busy } = useAction();
  const [hours, setHours] = useState<string[]>(() => settings.capacity.hoursByWeekday.map(String));
  const [daysOff, setDaysOff] = useState(settings.capacity.daysOff);
  const [allocation, setAllocation] = useState(settings.allocation);
  const [habits, setHabits] = useState(settings.habits);
  const [window, setWindow] = useState(`${settings.studyWindow.start}-${settings.studyWindow.end}`);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (what: string) => setTouched((current) => new Set(current).add(what));
  const [saved, setSaved] = useState(false);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {};
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
    void run(() => api.put('/api/settings', body)).then((result) => {
      setSaved(result !== undefined);
      if (result !== undefined) setTouched(new Set());
    });
  };
  return (
    <form className="settings" onSubmit={save} aria-label="Your study time">
      <fieldset>
        <legend>
          Your study time, shared by every roadmap: {settings.capacity.weeklyHours} h a week
          {from(settings.capacity.source)}
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
              setAllocation(event.target.value as SharingParts['allocation']);
            }}
          >
            <option value="shares">by shares, every day</option>
            <option value="priority">by priority: finish one, then the next</option>
          </select>
          {from(settings.allocationFrom)}
        </label>
        <label>
          Routine habits
          <select
            value={habits}
            onChange={(event) => {
              touch('habits');
              setHabits(event.target.value as SharingParts['habits']);
            }}
          >
            <option value="inside">inside this time</option>
            <option value="extra">extra, on top of it</option>
          </select>
          {from(settings.habitsFrom)}
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
          {from(settings.studyWindowFrom)}
        </label>
        <ul className="muted small">
          {settings.roadmaps.map((entry) => (
            <li key={entry.roadmapId}>
              {entry.title}: {allotmentText(entry.allotment, settings.allocation)}
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Save study time
        </button>
        <output aria-live="polite">{saved ? 'Saved.' : ''}</output>
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
  daysOff: { from: string; to: string }[];
  onChange: (update: (list: { from: string; to: string }[]) => { from: string; to: string }[]) => void;
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

import { useAction, useApi } from '../api/use-api';
import { LoadState } from '../components/status-view';
import { href, navigate } from '../router';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function SettingsPage({ roadmapId }: { roadmapId: string | undefined }) {
  const roadmaps = useApi<RoadmapSummary[]>('/api/roadmaps');
  const id = roadmapId ?? roadmaps.data?.[0]?.id;
  const settings = useApi<RoadmapSettings>(id ? `/api/settings/${enc(id)}` : null);
  const global = useApi<GlobalSettings>('/api/settings');
  return (
    <>
      <h1>Settings</h1>
      <LoadState loading={roadmaps.loading && !roadmaps.data} error={roadmaps.error} what="roadmaps" />
      {!global.data && <LoadState loading={global.loading} error={global.error} what="your study time" />}
      {global.data && <StudyTimeForm key={JSON.stringify(global.data.capacity)} settings={global.data} />}
      {id && (
        <div className="toolbar">
          <label>
            Roadmap
            <select value={id} onChange={(event) => navigate(href('settings', [event.target.value]))}>
              {roadmaps.data?.map((roadmap) => (
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
      {id && settings.data && <SettingsForm key={id} roadmapId={id} settings={settings.data} />}
    </>
  );
}

function SettingsForm({ roadmapId, settings }: { roadmapId: string; settings: RoadmapSettings }) {
  const { run, busy } = useAction();
  const allotment = settings.allotment;
  const [share, setShare] = useState(allotment.shareFrom === 'roadmap' ? String(allotment.share ?? '') : '');
  const [paused, setPaused] = useState(allotment.kind === 'paused');
  const [start, setStart] = useState(settings.startDate ?? '');
  const [target, setTarget] = useState(settings.targetDate ?? '');
  // A group without a stored choice shows what the planner assumes (`included`).
  const [choices, setChoices] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(
      settings.electiveGroups.map((group) => [
        group.id,
        settings.choices?.[group.id] ?? group.included ?? [],
      ]),
    ),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (what: string) => setTouched((current) => new Set(current).add(what));
  const [saved, setSaved] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    // Only what the user changed is sent: a roadmap's settings never carry the global capacity.
    const body: Record<string, unknown> = {};
    if (touched.has('share')) body.share = share.trim() === '' ? null : share.trim();
    if (touched.has('paused')) body.paused = paused;
    if (touched.has('start')) body.startDate = start || null;
    if (touched.has('target')) body.targetDate = target || null;
    const changedGroups = settings.electiveGroups.filter((group) => touched.has(`choice:${group.id}`));
    if (changedGroups.length > 0)
      body.choices = Object.fromEntries(changedGroups.map((group) => [group.id, choices[group.id] ?? []]));
    void run(() => api.put(`/api/settings/${enc(roadmapId)}`, body)).then((result) => {
      setSaved(result !== undefined);
      if (result !== undefined) setTouched(new Set());
    });
  };

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
        <legend>This roadmap's part: {allotmentText(allotment, settings.allocation)}</legend>
        {allotment.kind === 'fixed' && (
          <p className="muted small">
            Its own hours ({allotment.own?.hoursByWeekday.join(', ')}, Sunday first) are set with `waymark
            capacity {roadmapId} --weekdays …`; a share here replaces them.
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
          {from(settings.startDateFrom ?? (settings.startDate ? 'roadmap' : 'default'))}
        </label>
      </fieldset>
      <fieldset>
        <legend>
          Target date
          {settings.targetDate ? from(settings.targetSource === 'roadmap' ? 'goal' : 'roadmap') : null}
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
                  {group.decidedBy === 'assumed' && !touched.has(`choice:${group.id}`)
                    ? ' · assumed until you choose'
                    : ''}
                </span>
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
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save settings
        </button>
        <output aria-live="polite">{saved ? 'Saved.' : ''}</output>
      </div>
    </form>
  );
}
