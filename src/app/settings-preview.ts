/**
 * What a settings change would do to each roadmap's finish, before it is saved: the same forecast every view
 * shows (forecast-view.ts over plan-context.ts), computed once over the stored log and once over the log with
 * the change's events folded in (proposed-store.ts). Pure: nothing is written, not even a cache entry.
 */
import type { CalendarDate } from '../core/plan/calendar-date.js';
import { forecastView } from './forecast-view.js';
import { learnerToday } from './learner-clock.js';
import { allRoadmaps, learnerContext } from './plan-context.js';
import { type ServiceOptions, settingBodies } from './planning-service.js';
import type { SettingsChange } from './planning-settings.js';
import { withProposedEvents } from './proposed-store.js';
import { stampChange, type Workspace } from './workspace.js';

/** One roadmap's finish under one set of settings; null fields where there is nothing to tell. */
export interface FinishForecast {
  /** `planned`: a forecast; `paused`: no time planned; `finished`: nothing left. */
  state: 'planned' | 'paused' | 'finished';
  p50: CalendarDate | null;
  p85: CalendarDate | null;
  target: CalendarDate | null;
  /** The share of simulated futures finishing by the target (0..1), when there is a live target. */
  chanceByTarget: number | null;
  onTrack: boolean | null;
  /** The one verdict line (verdictLine), as every view prints it. */
  summary: string;
}

export interface RoadmapPreview {
  roadmapId: string;
  title: string;
  before: FinishForecast;
  after: FinishForecast;
  changed: boolean;
  /** "Finish P85 moves from 2027-05-10 to 2027-04-02; chance by target 61% → 88%." */
  line: string;
}

/** POST /api/settings/preview and /api/settings/:roadmapId/preview. */
export interface SettingsPreview {
  /** The roadmap the change is about (null: the global settings). */
  roadmapId: string | null;
  /** How many setting events saving would record (0: the form holds no change). */
  settingsChanged: number;
  /** Every roadmap, the one the change is about first: a change of one share moves the others too. */
  roadmaps: RoadmapPreview[];
}

function finishes(workspace: Workspace, timeZone: string, today: CalendarDate): Map<string, FinishForecast> {
  const learner = learnerContext(workspace, {}, timeZone, today);
  const result = new Map<string, FinishForecast>();
  for (const roadmap of learner.paused) result.set(roadmap.id, empty('paused', 'Paused: no time planned.'));
  for (const context of learner.roadmaps) {
    if (context.plan.nothingLeft) {
      result.set(context.roadmap.id, empty('finished', 'Nothing left to plan.'));
      continue;
    }
    const forecast = forecastView(context);
    result.set(context.roadmap.id, {
      state: 'planned',
      p50: forecast.p50,
      p85: forecast.p85,
      target: forecast.verdict?.target ?? null,
      chanceByTarget: forecast.chanceByTarget ?? null,
      onTrack: forecast.verdict?.onTrack ?? null,
      summary: forecast.summary,
    });
  }
  return result;
}

function empty(state: 'paused' | 'finished', summary: string): FinishForecast {
  return { state, p50: null, p85: null, target: null, chanceByTarget: null, onTrack: null, summary };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const dateOr = (date: CalendarDate | null) => date ?? 'beyond ten years';

/** The effect in one line, from what changed. */
export function previewLine(before: FinishForecast, after: FinishForecast): string {
  if (after.state !== 'planned') {
    return before.state === after.state
      ? after.summary
      : `${after.summary.replace(/\.$/, '')} (was: ${before.summary})`;
  }
  if (before.state !== 'planned') return `Planned again: finish P85 ${dateOr(after.p85)}.`;
  const parts = [
    before.p85 === after.p85
      ? `Finish P85 stays ${dateOr(after.p85)}`
      : `Finish P85 moves from ${dateOr(before.p85)} to ${dateOr(after.p85)}`,
  ];
  if (after.chanceByTarget !== null) {
    const now = percent(after.chanceByTarget);
    parts.push(
      before.chanceByTarget === null || before.target !== after.target
        ? `chance by ${after.target} ${now}`
        : before.chanceByTarget === after.chanceByTarget
          ? `chance by target stays ${now}`
          : `chance by target ${percent(before.chanceByTarget)} → ${now}`,
    );
  } else if (before.chanceByTarget !== null) parts.push('no target');
  return `${parts.join('; ')}.`;
}

function same(a: FinishForecast, b: FinishForecast): boolean {
  return (
    a.state === b.state &&
    a.p50 === b.p50 &&
    a.p85 === b.p85 &&
    a.target === b.target &&
    a.chanceByTarget === b.chanceByTarget
  );
}

/**
 * The forecast of every roadmap now and with `change` applied (`roadmapId` undefined: a global change).
 * Invalid input throws exactly as saving it would, so the form can show the error before Save.
 */
export function previewSettings(
  workspace: Workspace,
  roadmapId: string | undefined,
  change: SettingsChange,
  options: ServiceOptions & { timeZone: string },
): SettingsPreview {
  const bodies = settingBodies(workspace, roadmapId, change, options);
  const today = learnerToday(workspace, options.timeZone);
  const before = finishes(workspace, options.timeZone, today);
  const at = workspace.now.toISOString();
  const proposed = {
    ...workspace,
    store: withProposedEvents(workspace.store, stampChange(workspace, at, bodies), at),
  };
  const after = bodies.length === 0 ? before : finishes(proposed, options.timeZone, today);
  const roadmaps = allRoadmaps(workspace)
    .map((roadmap): RoadmapPreview => {
      const was = before.get(roadmap.id) ?? empty('finished', 'Nothing left to plan.');
      const will = after.get(roadmap.id) ?? was;
      return {
        roadmapId: roadmap.id,
        title: roadmap.title,
        before: was,
        after: will,
        changed: !same(was, will),
        line: previewLine(was, will),
      };
    })
    .sort((a, b) => Number(b.roadmapId === roadmapId) - Number(a.roadmapId === roadmapId));
  return { roadmapId: roadmapId ?? null, settingsChanged: bodies.length, roadmaps };
}
