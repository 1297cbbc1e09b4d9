/**
 * Dashboard benchmarks: the gzipped size of what the first page loads (entry JS + its static imports + CSS),
 * and the time for the overview of ai-engineer with 20,000 events to render in headless Chromium, relative
 * to an empty page served by the same server in the same run (target: within 2x). Where the time goes is
 * reported beside it: when the page's API answers arrived (resource timing) and the server's cold view.
 * Needs `npm run build` (dist/web) and /usr/bin/chromium; without Chromium the render row says so and is
 * not counted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openWorkspace } from '../src/app/workspace.js';
import { walkNodes } from '../src/core/model/roadmap.js';
import type { NewEvent } from '../src/core/progress/events.js';
import { BENCH_NOW as NOW, withDashboard } from './dashboard-in-chromium.js';
import { median } from './median.js';
import type { BenchRow, BenchSuite } from './run.js';
import { todayLogRow } from './today-log.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Compiled to dist/bench: the repository is two levels up. */
const ROOT = existsSync(join(HERE, '../package.json')) ? resolve(HERE, '..') : resolve(HERE, '../..');
const WEB = join(ROOT, 'dist/web');
const BIN = join(ROOT, 'bin/waymark');
const CHROMIUM = '/usr/bin/chromium';
const EVENTS = 20_000;
const SIZE_TARGET_KB = 150;
const RENDER_RATIO_TARGET = 2;
const RENDER_RUNS = 9;

/** The assets index.html pulls in before anything lazy: its scripts, module preloads and stylesheets. */
export function firstPageAssets(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)]
    .filter((match) => /<script\b|rel="(?:stylesheet|modulepreload)"/.test(match[0]))
    .map((match) => match[1] as string);
  return [...new Set(refs)].filter((ref) => !/^[a-z]+:/i.test(ref));
}

export function firstPageGzipBytes(webDir: string): { files: number; raw: number; gzip: number } {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  let raw = 0;
  let gzip = 0;
  const assets = firstPageAssets(html);
  for (const ref of assets) {
    const bytes = readFileSync(join(webDir, ref.replace(/^\.?\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: assets.length, raw, gzip };
}

/** ai-engineer with `count` events over the past year: study logs, starts and finishes, notes. */
function seedEvents(db: string, count: number): void {
  const env = { ...process.env, WAYMARK_NOW: NOW };
  execFileSync(process.execPath, [BIN, 'import', 'ai-engineer', '--db', db], { env, stdio: 'ignore' });
  const workspace = openWorkspace({ db, env });
  const record = workspace.store.getRoadmap('ai-engineer');
  if (!record) throw new Error('bench: ai-engineer did not import');
  const model = record.model as { nodes: Parameters<typeof walkNodes>[0] };
  const items = [...walkNodes(model.nodes)].filter(({ node }) => node.trackable).map(({ node }) => node.id);
  const end = Date.parse(NOW);
  const events: NewEvent[] = [];
  for (let i = 0; i < count; i++) {
    const nodeId = items[i % items.length] as string;
    const at = new Date(end - Math.floor(((count - i) / count) * 365 * 86_400_000)).toISOString();
    const base = { id: `bench-${i}`, roadmapId: 'ai-engineer', nodeId, at, changeId: `bench-change-${i}` };
    const kind = i % 10;
    if (kind < 6) events.push({ ...base, type: 'log', minutes: 15 + (i % 7) * 10 });
    else if (kind < 8) events.push({ ...base, type: 'status', status: i % 4 === 0 ? 'done' : 'doing' });
    else events.push({ ...base, type: 'note', text: `Note ${i}: worked through the exercises` });
  }
  for (let i = 0; i < events.length; i += 1_000) workspace.store.appendEvents(events.slice(i, i + 1_000));
  workspace.store.close();
}

interface RenderTimes {
  overviewMs: number;
  blankMs: number;
  /** Median time from navigation start to the last /api answer of the overview. */
  apiMs: number;
  /** The first GET /api/overview after start (nothing cached): the server's view alone. */
  coldOverviewMs: number;
}

async function renderRatio(): Promise<RenderTimes | string> {
  if (!existsSync(CHROMIUM)) return 'skipped: /usr/bin/chromium is missing';
  if (!existsSync(join(WEB, 'index.html'))) return 'skipped: dist/web is not built';
  const seed = (db: string) => seedEvents(db, EVENTS);
  return withDashboard(
    { bin: BIN, chromiumPath: CHROMIUM, prefix: 'web-bench', seed },
    async ({ url, context }) => {
      // The server's view before anything is cached (the browser's warm-up below then hits the cache).
      let started = performance.now();
      await fetch(`${url}/api/overview`).then((r) => r.text());
      const coldOverviewMs = performance.now() - started;
      const page = await context.newPage();
      await page.route(`${url}/__blank`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>blank</title><h1>blank</h1>',
        }),
      );
      const overview: number[] = [];
      const blank: number[] = [];
      const api: number[] = [];
      // Warm-up: server caches and the browser's code cache, as a returning user has them.
      await page.goto(`${url}/#/`);
      await page.locator('[data-roadmap="ai-engineer"] figure.burnup canvas').waitFor({ timeout: 30_000 });
      await page.locator('.heatmap table').waitFor();
      for (let i = 0; i < RENDER_RUNS; i++) {
        started = performance.now();
        await page.goto(`${url}/__blank`);
        await page.locator('h1').waitFor();
        blank.push(performance.now() - started);
        started = performance.now();
        await page.goto(`${url}/#/`);
        await page.locator('[data-roadmap="ai-engineer"] figure.burnup canvas').waitFor({ timeout: 30_000 });
        await page.locator('.heatmap table').waitFor();
        overview.push(performance.now() - started);
        api.push(
          await page.evaluate(() =>
            Math.max(
              0,
              ...performance
                .getEntriesByType('resource')
                .filter((entry) => entry.name.includes('/api/') && !entry.name.includes('/stream'))
                .map((entry) => (entry as PerformanceResourceTiming).responseEnd),
            ),
          ),
        );
      }
      return { overviewMs: median(overview), blankMs: median(blank), apiMs: median(api), coldOverviewMs };
    },
  );
}

export const webBench: BenchSuite = {
  name: 'web',
  description: 'dashboard first-page size (gzip) and overview render time with 20,000 events',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    if (!existsSync(join(WEB, 'index.html'))) {
      rows.push({
        name: 'first page JS+CSS (gzip)',
        cells: { value: 'dist/web missing: run npm run build' },
      });
    } else {
      const size = firstPageGzipBytes(WEB);
      const kb = size.gzip / 1024;
      rows.push({
        name: 'first page JS+CSS (gzip)',
        cells: {
          value: `${kb.toFixed(1)} KB`,
          detail: `${(size.raw / 1024).toFixed(1)} KB raw in ${size.files} files`,
        },
        checks: [
          {
            target: `< ${SIZE_TARGET_KB} KB gzipped`,
            pass: kb < SIZE_TARGET_KB,
            actual: `${kb.toFixed(1)} KB`,
          },
        ],
      });
    }
    const render = await renderRatio();
    if (typeof render === 'string') {
      rows.push({ name: 'overview render, 20,000 events', cells: { value: render } });
    } else {
      const ratio = render.overviewMs / render.blankMs;
      rows.push({
        name: 'overview render, 20,000 events',
        cells: {
          value: `${render.overviewMs.toFixed(0)} ms`,
          detail: `empty page ${render.blankMs.toFixed(0)} ms; API answered at ${render.apiMs.toFixed(0)} ms`,
          ratio: `${ratio.toFixed(1)}x`,
        },
        checks: [
          {
            target: `<= ${RENDER_RATIO_TARGET}x an empty page`,
            pass: ratio <= RENDER_RATIO_TARGET,
            actual: `${ratio.toFixed(1)}x`,
          },
        ],
      });
      rows.push({
        name: 'GET /api/overview, nothing cached',
        cells: {
          value: `${render.coldOverviewMs.toFixed(0)} ms`,
          detail: 'the server view alone',
          ratio: '',
        },
      });
    }
    rows.push(await todayLogRow(ROOT, CHROMIUM));
    return rows;
  },
};
