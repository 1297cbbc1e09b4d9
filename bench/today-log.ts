/**
 * Today's re-render after a log, in headless Chromium: the time from clicking a row's "Log time" to that row's
 * new total painted (the write, the row counting the recorded minutes, the next frame), median of RUNS, on
 * ai-engineer with eight weeks of history. The same run measures the bare write from the page (the floor; the
 * ratio is against it) and the agenda re-read after a write, which refreshes the rest of the page later (its
 * cost is the forecast's Monte Carlo run). Used by web.bench.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '../src/app/workspace.js';
import { walkNodes } from '../src/core/model/roadmap.js';
import type { NewEvent } from '../src/core/progress/events.js';
import { BENCH_NOW as NOW, withDashboard } from './dashboard-in-chromium.js';
import { median } from './median.js';
import type { BenchRow } from './run.js';

const RUNS = 9;
const TARGET_MS = 100;
const HISTORY_DAYS = 56;

/** ai-engineer, 2 h a day, with a log, start or finish most days of the last eight weeks. */
function seed(bin: string, db: string): void {
  const env = { ...process.env, WAYMARK_NOW: NOW };
  const run = (...args: string[]) =>
    execFileSync(process.execPath, [bin, ...args, '--db', db], { env, stdio: 'ignore' });
  run('import', 'ai-engineer');
  run('capacity', '--weekdays', '2h', '--weekend', '2h', '--habits', 'extra');
  const workspace = openWorkspace({ db, env });
  const record = workspace.store.getRoadmap('ai-engineer');
  if (!record) throw new Error('bench: ai-engineer did not import');
  const model = record.model as { nodes: Parameters<typeof walkNodes>[0] };
  const items = [...walkNodes(model.nodes)].filter(({ node }) => node.trackable).map(({ node }) => node.id);
  const end = Date.parse(NOW) - 86_400_000; // up to yesterday: today starts fresh
  const events: NewEvent[] = [];
  for (let day = 0; day < HISTORY_DAYS; day++) {
    const at = new Date(end - (HISTORY_DAYS - day) * 86_400_000).toISOString();
    const nodeId = items[(items.length - 1 - day) % items.length] as string;
    const base = { roadmapId: 'ai-engineer', nodeId, at };
    events.push({
      ...base,
      id: `log-${day}`,
      changeId: `log-${day}`,
      type: 'log',
      minutes: 30 + (day % 5) * 15,
    });
    if (day % 3 === 0)
      events.push({ ...base, id: `done-${day}`, changeId: `done-${day}`, type: 'status', status: 'done' });
  }
  workspace.store.appendEvents(events);
  workspace.store.close();
}

export interface TodayLogTiming {
  medianMs: number;
  /** The bare POST /api/log from the page: the floor of the figure above. */
  writeMs: number;
  /** GET /api/today after a write (re-plan and forecast): what refreshes the rest of the page afterwards. */
  agendaMs: number;
}

export async function todayLogRender(root: string, chromiumPath: string): Promise<TodayLogTiming | string> {
  if (!existsSync(chromiumPath)) return `skipped: ${chromiumPath} is missing`;
  if (!existsSync(join(root, 'dist/web/index.html'))) return 'skipped: dist/web is not built';
  const bin = join(root, 'bin/waymark');
  return withDashboard(
    { bin, chromiumPath, prefix: 'today-bench', seed: (db) => seed(bin, db) },
    async ({ url, context }) => {
      const page = await context.newPage();
      await page.goto(`${url}/#/today`);
      const row = page.locator('section[aria-label="Planned"] .agenda-item').first();
      await row.waitFor({ timeout: 30_000 });
      const ref = (await row.getAttribute('data-ref')) as string;
      const times: number[] = [];
      const writes: number[] = [];
      const agendas: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        await row.locator('.log-form input').fill('5m');
        // Timed inside the page: click, then the row's total text changes, then the frame after it.
        const ms = await page.evaluate(async (selector) => {
          const item = document.querySelector(selector) as HTMLElement;
          const total = item.querySelector('[data-testid="row-logged"]') as HTMLElement;
          const before = total.textContent;
          const button = item.querySelector('[data-control="log"]') as HTMLButtonElement;
          const started = performance.now();
          return new Promise<number>((done) => {
            const observer = new MutationObserver(() => {
              if (total.textContent === before) return;
              observer.disconnect();
              requestAnimationFrame(() => done(performance.now() - started));
            });
            observer.observe(total, { childList: true, characterData: true, subtree: true });
            button.click();
          });
        }, `section[aria-label="Planned"] .agenda-item[data-ref="${ref}"]`);
        // The same write and agenda read without the page's rendering: the floor under the figure above,
        // once the page's own re-read of the agenda has finished (it would hold the write up).
        await page.waitForTimeout(800);
        const trip = await page.evaluate(async (item) => {
          const { token } = (await (await fetch('/api/session')).json()) as { token: string };
          const started = performance.now();
          await fetch('/api/log', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'X-Waymark-Token': token },
            body: JSON.stringify({ duration: '1m', item }),
          });
          const written = performance.now();
          await (await fetch('/api/today')).json();
          return { write: written - started, agenda: performance.now() - written };
        }, ref);
        if (i > 0) {
          times.push(ms); // the first click warms the server's plan caches and the page's code
          writes.push(trip.write);
          agendas.push(trip.agenda);
        }
        await page.waitForTimeout(800); // the live update of the bare write has landed
      }
      return { medianMs: median(times), writeMs: median(writes), agendaMs: median(agendas) };
    },
  );
}

/** The bench row: median against the 100 ms target, as a ratio to the bare write, the agenda re-read beside it. */
export async function todayLogRow(root: string, chromiumPath: string): Promise<BenchRow> {
  const name = `Today re-render after a log (median of ${RUNS})`;
  const timing = await todayLogRender(root, chromiumPath);
  if (typeof timing === 'string') return { name, cells: { value: timing } };
  return {
    name,
    cells: {
      value: `${timing.medianMs.toFixed(0)} ms`,
      detail: `bare write ${timing.writeMs.toFixed(0)} ms; agenda re-read after it ${timing.agendaMs.toFixed(0)} ms`,
      ratio: `${(timing.medianMs / Math.max(1, timing.writeMs)).toFixed(1)}x`,
    },
    checks: [
      {
        target: `< ${TARGET_MS} ms`,
        pass: timing.medianMs < TARGET_MS,
        actual: `${timing.medianMs.toFixed(0)} ms`,
      },
    ],
  };
}
