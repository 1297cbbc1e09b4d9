import { type FormEvent, useState } from 'react';
import { api, enc } from '../api/client';
import type { RoadmapSummary, Settings } from '../api/types';
import { useAction, useApi } from '../api/use-api';
import { LoadState } from '../components/status-view';
import { href, navigate } from '../router';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DEFAULT_HOURS = [0, 1, 1, 1, 1, 1, 0];

export function SettingsPage({ roadmapId }: { roadmapId: string | undefined }) {
  const roadmaps = useApi<RoadmapSummary[]>('/api/roadmaps');
  const id = roadmapId ?? roadmaps.data?.[0]?.id;
  const settings = useApi<Settings>(id ? `/api/settings/${enc(id)}` : null);
  return (
    <>
      <h1>Settings</h1>
      <LoadState loading={roadmaps.loading && !roadmaps.data} error={roadmaps.error} what="roadmaps" />
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

function SettingsForm({ roadmapId, settings }: { roadmapId: string; settings: Settings }) {
  const { run, busy } = useAction();
  const [hours, setHours] = useState<string[]>(() =>
    (settings.capacity?.hoursByWeekday ?? DEFAULT_HOURS).map(String),
  );
  const [daysOff, setDaysOff] = useState(settings.capacity?.daysOff ?? []);
  const [start, setStart] = useState(settings.startDate ?? settings.capacity?.start ?? '');
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
    // Only what the user changed is sent, so a capacity taken from the roadmap's routine stays derived.
    const body: Record<string, unknown> = {};
    if (touched.has('capacity'))
      body.capacity = {
        hoursByWeekday: hours.map((value) => Number(value)),
        clearDaysOff: true,
        daysOff: daysOff
          .filter((range) => range.from)
          .map((range) => ({ from: range.from, to: range.to || range.from })),
      };
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

  const editHours: typeof setHours = (update) => {
    touch('capacity');
    setHours(update);
  };
  const editDaysOff: typeof setDaysOff = (update) => {
    touch('capacity');
    setDaysOff(update);
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
    <form className="settings" onSubmit={save}>
      <fieldset>
        <legend>Capacity: hours per weekday</legend>
        {!settings.capacity && <p className="muted small">No capacity set yet; these are suggestions.</p>}
        {settings.capacity?.explanation && <p className="muted small">{settings.capacity.explanation}</p>}
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
                onChange={(event) =>
                  editHours((current) =>
                    current.map((value, i) => (i === index ? event.target.value : value)),
                  )
                }
              />
            </label>
          ))}
        </div>
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
        </label>
      </fieldset>
      <fieldset>
        <legend>Days off</legend>
        {daysOff.length === 0 && <p className="muted small">No days off.</p>}
        {daysOff.map((range, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity until saved
          <div key={index} className="range">
            <label>
              From
              <input
                type="date"
                value={range.from}
                onChange={(event) =>
                  editDaysOff((list) =>
                    list.map((r, i) => (i === index ? { ...r, from: event.target.value } : r)),
                  )
                }
              />
            </label>
            <label>
              To
              <input
                type="date"
                value={range.to}
                onChange={(event) =>
                  editDaysOff((list) =>
                    list.map((r, i) => (i === index ? { ...r, to: event.target.value } : r)),
                  )
                }
              />
            </label>
            <button type="button" onClick={() => editDaysOff((list) => list.filter((_, i) => i !== index))}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => editDaysOff((list) => [...list, { from: '', to: '' }])}>
          Add days off
        </button>
      </fieldset>
      <fieldset>
        <legend>Target date</legend>
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
