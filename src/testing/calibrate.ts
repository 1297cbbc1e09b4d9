/**
 * The forecast's backtest: simulated learners work through a six-phase roadmap whose phases differ in effort
 * per item, with noisy weekly hours, empty weeks, a vacation, a personal speed and a pace that drifts over
 * months. Their history is recorded through the real use cases (status and time logs, backdated) in a
 * temporary SQLite store; at 10%, 30% and 60% done the forecast is asked as of that day and checked against
 * the real finish. `npm run calibrate` prints the table; `npm run bench` a summary; a unit test a small run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forecastView } from '../app/forecast-view.js';
import { contextOf, learnerContext } from '../app/plan-context.js';
import { updateSettings } from '../app/planning-service.js';
import { logTime, setStatus } from '../app/tracking-service.js';
import type { Workspace } from '../app/workspace.js';
import { mulberry32 } from '../core/forecast/mulberry32.js';
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { addDays, diffDays } from '../core/plan/calendar-date.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';

export const CHECKPOINTS = [0.1, 0.3, 0.6] as const;
/** The targets the forecast must meet at every checkpoint. */
export const COVERAGE_TARGET = { p85: { min: 0.8, max: 0.9 }, p50: { min: 0.4, max: 0.6 } } as const;

/** Estimated hours per item of each phase: later phases carry bigger items. */
const PHASE_ITEM_HOURS = [2, 3, 4, 6, 8, 10];
const ITEMS_PER_PHASE = 6;
const START = '2025-01-06'; // a Monday

export interface CheckpointResult {
  checkpoint: number;
  learners: number;
  p50Coverage: number;
  p85Coverage: number;
  /** Median P85 − P50, days. */
  medianBandDays: number;
  /** Median P85 − real finish, days (positive: P85 later than the finish). */
  medianP85OvershootDays: number;
}

export interface Calibration {
  learners: number;
  checkpoints: CheckpointResult[];
  seconds: number;
  /** Every checkpoint within COVERAGE_TARGET. */
  pass: boolean;
}

function roadmap(): Roadmap {
  let line = 0;
  const node = (id: string, kind: Node['kind'], children: Node[] = [], extra: Partial<Node> = {}): Node => {
    line++;
    return {
      id,
      title: `${kind} ${id}`,
      kind,
      trackable: true,
      source: { line, endLine: line },
      children,
      ...extra,
    };
  };
  return {
    schemaVersion: 1,
    id: 'calibration',
    title: 'Calibration roadmap',
    source: { sha256: '1'.repeat(64), format: 'markdown' },
    nodes: PHASE_ITEM_HOURS.map((hours, p) =>
      node(
        `${p + 1}`,
        'phase',
        Array.from({ length: ITEMS_PER_PHASE }, (_, i) =>
          node(`${p + 1}.${i + 1}`, 'topic', [], { duration: { min: hours, max: hours, unit: 'hours' } }),
        ),
      ),
    ),
  };
}

/** One learner's true course: the days each item was finished and the hours studied per item and week. */
interface Course {
  declaredHoursPerWeek: number;
  logs: { day: string; itemId: string; minutes: number }[];
  finished: { day: string; itemId: string }[];
}

function simulateCourse(random: () => number, model: Roadmap): Course {
  const normal = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const lognormal = (sigma: number) => Math.exp(sigma * normal());
  const studied = 4 + random() * 12; // the hours a week this learner really averages
  const declared = studied * lognormal(0.25); // what they tell Waymark
  const speed = lognormal(0.3); // their personal speed against the estimates
  const vacationWeek = Math.floor(random() * 40);
  const items = model.nodes.flatMap((phase, p) =>
    phase.children.map((item) => ({
      id: item.id,
      hours: (PHASE_ITEM_HOURS[p] as number) * speed * lognormal(0.3),
    })),
  );
  const course: Course = { declaredHoursPerWeek: declared, logs: [], finished: [] };
  let drift = 0;
  let index = 0;
  let spentOnItem = 0;
  for (let week = 0; index < items.length && week < 520; week++) {
    drift += 0.05 * normal();
    const vacation = week >= vacationWeek && week < vacationWeek + 2;
    const empty = vacation || random() < 0.08;
    let hours = empty ? 0 : studied * Math.exp(drift) * lognormal(0.35);
    const weekLogs = new Map<string, { day: string; itemId: string; minutes: number }>();
    // Study happens over the week's first five days, one session a day.
    for (let day = 0; day < 5 && index < items.length && hours > 0; day++) {
      let today = hours / (5 - day);
      hours -= today;
      const date = addDays(START, week * 7 + day);
      while (today > 1e-6 && index < items.length) {
        const item = items[index] as { id: string; hours: number };
        const take = Math.min(today, item.hours - spentOnItem);
        const minutes = Math.round(take * 60);
        const log = weekLogs.get(item.id);
        if (log) {
          log.day = date;
          log.minutes += minutes;
        } else if (minutes > 0) {
          const entry = { day: date, itemId: item.id, minutes };
          weekLogs.set(item.id, entry);
          course.logs.push(entry);
        }
        spentOnItem += take;
        today -= take;
        if (spentOnItem >= item.hours - 1e-6) {
          course.finished.push({ day: date, itemId: item.id });
          index++;
          spentOnItem = 0;
        }
      }
    }
  }
  return course;
}

function record(ws: Workspace, course: Course): void {
  updateSettings(
    ws,
    undefined,
    {
      capacity: { hoursByWeekday: Array(7).fill(Math.round((course.declaredHoursPerWeek / 7) * 100) / 100) },
    },
    { timeZone: 'UTC' },
  );
  const events = [
    ...course.logs.map((log) => ({ ...log, kind: 'log' as const })),
    ...course.finished.map((done) => ({ ...done, minutes: 0, kind: 'done' as const })),
  ].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.kind === 'log' ? -1 : 1));
  // One time log per item and week (the day it was last worked on): fewer events, the same weekly hours. A
  // calendar day holds at most 24 h of logs (the use case refuses more), so a big week's time spills onto the
  // days before it, at most 12 h a day.
  const loggedOn = new Map<string, number>();
  const dayBefore = (day: string) =>
    new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  for (const event of events) {
    if (event.kind === 'log') {
      let day = event.day;
      for (let left = event.minutes; left > 0; day = dayBefore(day)) {
        const room = 720 - (loggedOn.get(day) ?? 0);
        if (room <= 0) continue;
        const minutes = Math.min(room, left);
        logTime(ws, `${minutes}m`, `calibration:${event.itemId}`, { at: `${day}T18:00:00.000Z` });
        loggedOn.set(day, (loggedOn.get(day) ?? 0) + minutes);
        left -= minutes;
      }
    } else setStatus(ws, [`calibration:${event.itemId}`], 'done', { at: `${event.day}T18:00:00.000Z` });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] as number);
};

export function calibrate(options: { learners: number; seed: number }): Calibration {
  const started = performance.now();
  const model = roadmap();
  const random = mulberry32(options.seed);
  const dir = mkdtempSync(join(tmpdir(), 'waymark-calibrate-'));
  const rows = CHECKPOINTS.map(() => ({
    p50: 0,
    p85: 0,
    n: 0,
    bands: [] as number[],
    overshoot: [] as number[],
  }));
  try {
    for (let learner = 0; learner < options.learners; learner++) {
      const course = simulateCourse(random, model);
      const realFinish = course.finished[course.finished.length - 1]?.day;
      if (!realFinish || course.finished.length < ITEMS_PER_PHASE * PHASE_ITEM_HOURS.length) continue;
      const store = openSqliteStore(join(dir, `learner-${learner}.db`));
      let id = 0;
      const ws: Workspace = { store, now: new Date(`${START}T08:00:00Z`), newId: () => `e${++id}` };
      try {
        store.saveRoadmap({
          id: model.id,
          title: model.title,
          sha256: model.source.sha256,
          model,
          importedAt: ws.now.toISOString(),
        });
        ws.now = new Date(`${realFinish}T23:00:00Z`);
        record(ws, course);
        CHECKPOINTS.forEach((share, index) => {
          const done = course.finished[Math.ceil(share * course.finished.length) - 1];
          if (!done) return;
          const asOf = addDays(done.day, 1); // the morning after the checkpoint's item
          if (asOf > realFinish) return;
          const context = contextOf(learnerContext(ws, { today: asOf }, 'UTC', realFinish), model.id);
          const forecast = forecastView(context);
          const row = rows[index] as (typeof rows)[number];
          row.n++;
          if (forecast.p50 !== null && realFinish <= forecast.p50) row.p50++;
          if (forecast.p85 !== null && realFinish <= forecast.p85) row.p85++;
          if (forecast.p50 !== null && forecast.p85 !== null)
            row.bands.push(diffDays(forecast.p50, forecast.p85));
          if (forecast.p85 !== null) row.overshoot.push(diffDays(realFinish, forecast.p85));
        });
      } finally {
        store.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const checkpoints = rows.map((row, index) => ({
    checkpoint: CHECKPOINTS[index] as number,
    learners: row.n,
    p50Coverage: row.n === 0 ? 0 : row.p50 / row.n,
    p85Coverage: row.n === 0 ? 0 : row.p85 / row.n,
    medianBandDays: median(row.bands),
    medianP85OvershootDays: median(row.overshoot),
  }));
  const pass = checkpoints.every(
    (row) =>
      row.p85Coverage >= COVERAGE_TARGET.p85.min &&
      row.p85Coverage <= COVERAGE_TARGET.p85.max &&
      row.p50Coverage >= COVERAGE_TARGET.p50.min &&
      row.p50Coverage <= COVERAGE_TARGET.p50.max,
  );
  return { learners: options.learners, checkpoints, seconds: (performance.now() - started) / 1000, pass };
}

export function calibrationTable(result: Calibration): string {
  const pct = (value: number) => `${Math.round(value * 100)}%`.padStart(5);
  const lines = [
    `Forecast calibration over ${result.learners} simulated learners (${result.seconds.toFixed(1)} s)`,
    'done   learners  P50 covered  P85 covered  P50-P85 band  P85 overshoot',
    ...result.checkpoints.map(
      (row) =>
        `${pct(row.checkpoint)}  ${String(row.learners).padStart(8)}  ${pct(row.p50Coverage).padStart(11)}  ${pct(row.p85Coverage).padStart(11)}  ${`${row.medianBandDays} d`.padStart(12)}  ${`${row.medianP85OvershootDays} d`.padStart(13)}`,
    ),
    `target: P50 covered 40-60%, P85 covered 80-90% at every checkpoint: ${result.pass ? 'met' : 'NOT met'}`,
  ];
  return lines.join('\n');
}
