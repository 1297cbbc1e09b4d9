/**
 * The forecast as the learner gets it: seed 001 (the bundled ai-engineer roadmap) with 20,000 events of
 * history (status changes and time logs over about a year), through the real use case (read, fold, plan,
 * 10,000-trial forecast), and a summary of the calibration backtest (src/testing/calibrate.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listBundledRoadmaps } from '../src/app/bundled-roadmaps.js';
import { forecastView } from '../src/app/forecast-view.js';
import { contextOf, learnerContext } from '../src/app/plan-context.js';
import type { Workspace } from '../src/app/workspace.js';
import { importRoadmap } from '../src/core/markdown/import-roadmap.js';
import { walkNodes } from '../src/core/model/roadmap.js';
import type { NewEvent } from '../src/core/progress/events.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import { calibrate } from '../src/testing/calibrate.js';
import type { BenchRow } from './plan.bench.js';

const BUDGET_MS = 50;
const EVENTS = 20_000;

function seedWorkspace(dir: string): { workspace: Workspace; roadmapId: string } {
  const path = listBundledRoadmaps().find((entry) => entry.name === 'ai-engineer')?.path;
  if (!path) throw new Error('the bundled ai-engineer roadmap (seed 001) is missing');
  const bytes = readFileSync(path);
  const { roadmap } = importRoadmap(bytes.toString('utf8'), {
    path: 'roadmaps/ai-engineer.md',
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  const store = openSqliteStore(join(dir, 'seed-001.db'));
  store.saveRoadmap({
    id: roadmap.id,
    title: roadmap.title,
    sha256: roadmap.source.sha256,
    model: roadmap,
    importedAt: '2026-01-01T00:00:00.000Z',
  });
  const items = [...walkNodes(roadmap.nodes)].map((entry) => entry.node).filter((node) => node.trackable);
  let id = 0;
  const newId = () => `e${++id}`;
  const start = Date.UTC(2026, 0, 5);
  const events: NewEvent[] = [];
  // Time logs most days, a third of the items done, re-opened and done again now and then: 20,000 events.
  for (let i = 0; events.length < EVENTS; i++) {
    const node = items[i % Math.max(1, Math.floor(items.length / 3))];
    if (!node) break;
    const at = new Date(start + Math.floor((i * 340 * 86_400_000) / EVENTS)).toISOString();
    const base = { roadmapId: roadmap.id, nodeId: node.id, at, changeId: newId(), id: newId() };
    if (i % 4 === 3) events.push({ ...base, type: 'status', status: i % 40 === 39 ? 'todo' : 'done' });
    else events.push({ ...base, type: 'log', minutes: 30 + (i % 5) * 15 });
  }
  store.appendEvents(events);
  return { workspace: { store, now: new Date('2026-12-15T12:00:00Z'), newId }, roadmapId: roadmap.id };
}

function median(run: () => unknown, runs = 15): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return [...samples].sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
}

export async function benchForecast(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-forecast-'));
  try {
    const { workspace, roadmapId } = seedWorkspace(dir);
    const full = () =>
      forecastView(contextOf(learnerContext(workspace, {}, 'UTC', '2026-12-15', new Map()), roadmapId));
    const context = contextOf(learnerContext(workspace, {}, 'UTC', '2026-12-15', new Map()), roadmapId);
    const fullMs = median(full);
    const forecastMs = median(() => forecastView(context));
    const calibration = calibrate({ learners: 300, seed: 2026 });
    const worst = (pick: (row: (typeof calibration.checkpoints)[number]) => number) =>
      calibration.checkpoints.map((row) => `${Math.round(pick(row) * 100)}%`).join(' / ');
    workspace.store.close();
    return [
      {
        name: 'forecast: seed 001, 20,000 events (read, fold, plan, forecast; median)',
        value: `${fullMs.toFixed(1)} ms`,
      },
      {
        name: 'forecast: seed 001, the forecast alone (10,000 trials; median)',
        value: `${forecastMs.toFixed(1)} ms`,
        target: `< ${BUDGET_MS} ms`,
        pass: forecastMs < BUDGET_MS,
      },
      {
        name: 'calibration: 300 learners',
        value: `${calibration.seconds.toFixed(1)} s`,
        target: '< 60 s',
        pass: calibration.seconds < 60,
      },
      {
        name: 'calibration: P50 / P85 covered at 10% / 30% / 60% done',
        value: `P50 ${worst((row) => row.p50Coverage)}; P85 ${worst((row) => row.p85Coverage)}`,
        target: 'P50 40-60%, P85 80-90%',
        pass: calibration.pass,
      },
      {
        name: 'calibration: median P85 band / overshoot (days)',
        value: calibration.checkpoints
          .map((row) => `${row.medianBandDays} / ${row.medianP85OvershootDays}`)
          .join('; '),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
