/**
 * Planning and forecasting speed: a generated 10,000-item roadmap spanning about two years, and a
 * 10,000-trial Monte Carlo forecast. Run alone with `node dist/bench/plan.bench.js` after a build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { planView } from '../src/app/planning-service.js';
import type { Workspace } from '../src/app/workspace.js';
import { forecastFinish } from '../src/core/forecast/forecast-finish.js';
import { addDays } from '../src/core/plan/calendar-date.js';
import { estimateEffort } from '../src/core/plan/estimate-effort.js';
import { planRoadmap } from '../src/core/plan/plan-roadmap.js';
import { syntheticRoadmap } from '../src/core/plan/synthetic-roadmap.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';

/** One line of the bench report (the shape bench/run.ts is expected to print). */
export interface BenchRow {
  name: string;
  value: string;
  target?: string;
  pass?: boolean;
}

const RUNS = 15;
const BUDGET_MS = 100;

function time(run: () => unknown): { first: number; median: number } {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  const first = samples[0] ?? 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return { first, median: sorted[Math.floor(sorted.length / 2)] ?? 0 };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function benchPlan(): Promise<BenchRow[]> {
  // 20 phases of 4-5 weeks x 10 sections x 50 topics: 10,000 items, 1,000 h at 10 h a week = 100 weeks
  const roadmap = syntheticRoadmap({ phases: 20, sectionsPerPhase: 10, itemsPerSection: 50 });
  const today = '2026-01-05';
  const effortTime = time(() => estimateEffort(roadmap));
  const effort = estimateEffort(roadmap);
  const input = {
    roadmap,
    effort,
    status: new Map(),
    capacity: {
      hoursByWeekday: [2, 1.5, 1.5, 1.5, 1.5, 1, 1] as const,
      daysOff: [{ from: '2026-12-24', to: '2027-01-01' }],
    },
    today,
    target: '2027-12-31',
    reviewMinutesPerDay: 0,
  };
  const plan = planRoadmap(input);
  const planTime = time(() => planRoadmap(input));
  const items = plan.items.length;

  const history = Array.from({ length: 8 }, (_, i) => ({
    weekStart: addDays(today, -7 * (8 - i)),
    itemsDone: [3, 9, 0, 7, 5, 12, 4, 8][i] ?? 0,
    hoursLogged: 10,
  }));
  const trials = 10_000;
  const forecastInput = { history, remainingItems: 300, remainingHours: 500, today, trials, seed: 1 };
  const forecastTime = time(() => forecastFinish(forecastInput));

  const service = benchPlanService();

  return [
    { name: 'plan: items, span', value: `${items} items, ${today} to ${plan.finish.max}` },
    { name: 'plan: 10,000 items (first run)', value: ms(planTime.first) },
    {
      name: 'plan: 10,000 items (median)',
      value: ms(planTime.median),
      target: `< ${BUDGET_MS} ms`,
      pass: planTime.median < BUDGET_MS,
    },
    { name: 'plan: per item', value: `${((planTime.median * 1000) / items).toFixed(2)} µs` },
    { name: 'effort: 10,000 items (median)', value: ms(effortTime.median) },
    {
      name: 'forecast: 10,000 trials (median)',
      value: ms(forecastTime.median),
      target: `< ${BUDGET_MS} ms`,
      pass: forecastTime.median < BUDGET_MS,
    },
    { name: 'forecast: per trial', value: `${((forecastTime.median * 1000) / trials).toFixed(2)} µs` },
    {
      name: 'plan view: 10,000 items, 3,000 events',
      value: ms(service.plain.median),
      target: `< ${BUDGET_MS} ms`,
      pass: service.plain.median < BUDGET_MS,
    },
    { name: 'plan view: per item', value: `${((service.plain.median * 1000) / items).toFixed(2)} µs` },
    { name: 'plan view + expected review time', value: ms(service.withReview.median) },
  ];
}

/**
 * What the dashboard pays on every change: planView reads the log from SQLite, folds it, estimates, plans and
 * forecasts (10,000 trials, by items and by hours) a 10,000-item roadmap with 20 weeks of history (2,000 items
 * done, 1,000 logs).
 */
function benchPlanService(): { plain: { median: number }; withReview: { median: number } } {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-plan-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  try {
    const roadmap = syntheticRoadmap({ phases: 20, sectionsPerPhase: 10, itemsPerSection: 50 });
    store.saveRoadmap({
      id: roadmap.id,
      title: roadmap.title,
      sha256: roadmap.source.sha256,
      model: roadmap,
      importedAt: '2026-01-01T00:00:00.000Z',
    });
    let id = 0;
    const newId = () => `e${++id}`;
    const ids = roadmap.nodes.flatMap((phase) => phase.children.flatMap((section) => section.children));
    const events = ids.slice(0, 2000).flatMap((node, index) => {
      const at = new Date(Date.UTC(2026, 0, 5) + Math.floor(index / 100) * 7 * 86_400_000 + index * 60_000);
      const base = { roadmapId: roadmap.id, nodeId: node.id, at: at.toISOString(), changeId: newId() };
      const done = { ...base, id: newId(), type: 'status' as const, status: 'done' as const };
      return index % 2 === 0 ? [done, { ...base, id: newId(), type: 'log' as const, minutes: 45 }] : [done];
    });
    store.appendEvents(events);
    const workspace: Workspace = { store, now: new Date('2026-05-25T12:00:00Z'), newId };
    // `plain` reserves no review time; `withReview` also asks the review scheduler what to keep free.
    return {
      plain: time(() => planView(workspace, roadmap.id, { reviewMinutesPerDay: 0 }, { timeZone: 'UTC' })),
      withReview: time(() => planView(workspace, roadmap.id, {}, { timeZone: 'UTC' })),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await benchPlan()) {
    const verdict = row.pass === undefined ? '' : row.pass ? '  ok' : '  SLOW';
    console.log(`${row.name.padEnd(36)} ${row.value}${row.target ? ` (${row.target})` : ''}${verdict}`);
  }
}
