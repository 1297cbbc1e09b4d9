import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkE2ePrerequisites,
  chromiumMissing,
  cli,
  type RunningServer,
  screenshot,
  seriousViolations,
  settle,
  startServer,
  tempDir,
  useDashboard,
  watchedPage,
} from './harness.js';

checkE2ePrerequisites('overview tests');

/** Pixels of the chart's canvas within a small distance of a CSS colour (#rrggbb). */
async function pixelsNear(page: Page, selector: string, hex: string): Promise<number> {
  return page.evaluate(
    ({ selector, hex }) => {
      const canvas = document.querySelector(selector) as HTMLCanvasElement | null;
      if (!canvas) return -1;
      const context = canvas.getContext('2d');
      if (!context) return -1;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [
        number,
        number,
        number,
      ];
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const alpha = data[i + 3] as number;
        if (alpha < 200) continue;
        const d =
          Math.abs((data[i] as number) - r) +
          Math.abs((data[i + 1] as number) - g) +
          Math.abs((data[i + 2] as number) - b);
        if (d < 30) count++;
      }
      return count;
    },
    { selector, hex },
  );
}

const cssVar = (page: Page, name: string) =>
  page.evaluate((name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim(), name);

describe.skipIf(chromiumMissing)('overview in headless Chromium', () => {
  const dashboard = useDashboard('overview', async (db) => {
    await cli(db, 'import', 'ai-engineer');
    await cli(db, 'capacity', '--weekdays', '8h', '--weekend', '8h');
    await cli(db, 'done', 'ai-engineer:1.1.1', '--at', '2026-10-02');
    await cli(db, 'done', 'ai-engineer:1.1.2', '--at', '2026-10-20');
    await cli(db, 'log', '90m', 'ai-engineer:1.1.3', '--at', '2026-11-18');
    await cli(db, 'log', '25m', 'ai-engineer:1.1.3', '--at', '2026-11-20T08:00');
    await cli(db, 'target', 'ai-engineer', '2028-06-01');
    // A whole phase in progress: far more items than the card lists.
    await cli(db, 'start', 'ai-engineer:3');
  });

  const open = (hash: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> =>
    dashboard.open(hash, { scheme });
  const card = (page: Page, id: string) => page.locator(`[data-roadmap="${id}"]`);
  const chartCanvas = '[data-roadmap="ai-engineer"] .burnup-chart canvas';

  afterAll(async () => {
    await empty?.stop();
  });

  let empty: RunningServer | undefined;
  const api = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${dashboard.server.url}${path}`)).json()) as T;
  interface OverviewJson {
    day: { plannedMinutes: number };
    roadmaps: {
      id: string;
      doing: unknown[];
      progress: { done: number; total: number; effortRatio: number };
      today: { plannedMinutes: number; loggedMinutes: number; reviewsDue: number };
      forecast: {
        p50: string;
        p85: string;
        chanceByTarget: number;
        summary: string;
        verdict: { onTrack: boolean; daysBehind: number; daysAhead: number; target: string };
      };
    }[];
  }

  it("answers in one line per roadmap: progress by effort, today's work and the forecast's verdict", async () => {
    const overview = await api<OverviewJson>('/api/overview');
    const expected = overview.roadmaps.find((r) => r.id === 'ai-engineer');
    if (!expected) throw new Error('no ai-engineer in /api/overview');
    const page = await open('');
    const line = card(page, 'ai-engineer').getByTestId('answer-line');
    await line.waitFor();
    expect(await line.getByTestId('count-progress').textContent()).toBe(
      `${expected.progress.done}/${expected.progress.total}`,
    );
    expect(await line.getByTestId('effort-progress').textContent()).toBe(
      `${Math.round(expected.progress.effortRatio * 1000) / 10}%`,
    );
    const today = await line.getByTestId('today-work').textContent();
    expect(today).toContain('25m logged');
    expect(today).toMatch(/planned/);
    const { verdict, chanceByTarget, p85 } = expected.forecast;
    const words = verdict.onTrack ? /^On track/ : new RegExp(`^Behind by ${verdict.daysBehind} day`);
    expect(await line.getByTestId('verdict').textContent()).toMatch(words);
    const text = (await line.textContent()) ?? '';
    expect(text).toContain(`${Math.round(chanceByTarget * 100)}% chance by 2028-06-01`);
    expect(text).toContain(`P85 ${p85}`);
    // The verdict line word for word as the CLI prints it.
    expect(await card(page, 'ai-engineer').locator('.verdict-line').textContent()).toContain(
      expected.forecast.summary,
    );
  });

  it('lists a few items in progress and links the rest as "and N more"', async () => {
    const overview = await api<OverviewJson>('/api/overview');
    const doing = overview.roadmaps.find((r) => r.id === 'ai-engineer')?.doing.length ?? 0;
    expect(doing).toBeGreaterThan(6);
    const page = await open('');
    const list = card(page, 'ai-engineer').locator('.in-progress');
    await list.waitFor();
    expect(await list.locator('li:not(.inline-list-more) a').count()).toBe(5);
    const more = list.getByTestId('more').locator('a');
    expect(await more.textContent()).toBe(`and ${doing - 5} more`);
    expect(await more.getAttribute('href')).toBe('#/roadmap/ai-engineer?status=doing');
    // The link opens the tree filtered to the items in progress.
    await more.click();
    const status = page.locator('.tree-tools select');
    await expect.poll(() => status.inputValue(), { timeout: 10_000 }).toBe('doing');
    const rows = page.locator('[role="treeitem"][data-status="doing"]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThan(5);
  });

  it('shows the values under the pointer and, focused, on the arrow keys; the legend toggles by keyboard', async () => {
    const page = await open('');
    const chart = card(page, 'ai-engineer').getByTestId('burnup');
    await chart.locator('canvas').waitFor();
    const readout = card(page, 'ai-engineer').getByTestId('burnup-readout');
    // At rest it tells today's count.
    await expect.poll(() => readout.textContent()).toMatch(/^2026-11-20: \d+ done, scope \d+/);
    // Hover: the point under the pointer.
    const box = await chart.boundingBox();
    if (!box) throw new Error('no chart box');
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    await expect.poll(() => readout.textContent()).not.toMatch(/^2026-11-20/);
    const hovered = await readout.textContent();
    expect(hovered).toMatch(/^\d{4}-\d{2}-\d{2}: /);
    await page.mouse.move(0, 0);
    // Keyboard: focus the chart, walk it.
    await chart.focus();
    await page.keyboard.press('End');
    const end = await readout.textContent();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => readout.textContent()).not.toBe(end);
    await page.keyboard.press('Home');
    expect(await readout.textContent()).toMatch(/^2026-10-0\d: /);
    // Legend: a button per line, pressed while shown; Space by keyboard hides it, and the readout drops it.
    await page.keyboard.press('End');
    expect(await readout.textContent()).toMatch(/P85/);
    const p85 = card(page, 'ai-engineer').locator('.burnup-legend button[data-series="p85"]');
    expect(await p85.getAttribute('aria-pressed')).toBe('true');
    await p85.focus();
    await page.keyboard.press('Space');
    expect(await p85.getAttribute('aria-pressed')).toBe('false');
    expect(await readout.textContent()).not.toMatch(/P85/);
    await page.keyboard.press('Enter');
    expect(await p85.getAttribute('aria-pressed')).toBe('true');
  });

  it('draws P50 and P85 distinctly, and the legend shows each line as drawn', async () => {
    const page = await open('');
    const legend = card(page, 'ai-engineer').locator('.burnup-legend');
    await legend.waitFor();
    const look = (key: string) =>
      legend.locator(`button[data-series="${key}"] line`).evaluate((line) => ({
        stroke: line.getAttribute('stroke'),
        dash: line.getAttribute('stroke-dasharray'),
      }));
    const p50 = await look('p50');
    const p85 = await look('p85');
    expect(p50.stroke).not.toBe(p85.stroke);
    expect(p50.dash).not.toBe(p85.dash);
    expect(p50.stroke).toBe(await cssVar(page, '--chart-p50'));
    expect(p85.stroke).toBe(await cssVar(page, '--chart-p85'));
    // Both forecast edges and the markers are on the canvas.
    const canvas = chartCanvas;
    expect(await pixelsNear(page, canvas, await cssVar(page, '--chart-p50'))).toBeGreaterThan(20);
    expect(await pixelsNear(page, canvas, await cssVar(page, '--chart-p85'))).toBeGreaterThan(20);
    expect(await card(page, 'ai-engineer').locator('figure.burnup').getAttribute('data-markers')).toBe(
      'Today|Target 2028-06-01',
    );
  });

  it('labels the heatmap with months and weekdays and moves through its days by keyboard', async () => {
    const page = await open('');
    const grid = page.getByRole('grid', { name: /Study time per day/ });
    await grid.waitFor();
    const months = await grid.locator('thead th').allTextContents();
    expect(months.join(' ')).toMatch(/Dec.*Jan.*Nov/);
    const weekdays = await grid.locator('tbody th').allTextContents();
    expect(weekdays.filter((text) => /^(Mon|Wed|Fri|Sun)/.test(text)).length).toBeGreaterThanOrEqual(3);
    // One tab stop: today.
    const stops = grid.locator('td[tabindex="0"]');
    expect(await stops.count()).toBe(1);
    expect(await stops.getAttribute('data-date')).toBe('2026-11-20');
    expect(await stops.getAttribute('aria-label')).toBe('Friday 2026-11-20: 25m');
    await stops.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(await focused()).toBe('Wednesday 2026-11-18: 1h 30m');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Wednesday 2026-11-11: no study time');
    expect(await page.getByTestId('heat-day').textContent()).toBe('2026-11-11: no study time');
    await page.keyboard.press('End');
    expect(await focused()).toMatch(/2026-11-20/);
  });

  it('fits a phone: the heatmap opens on the recent weeks, dates never wrap, nothing scrolls sideways', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open('', scheme);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await settle(page);
      await page.getByTestId('heatmap-scroll').locator('td').first().waitFor();
      const scroll = await page.getByTestId('heatmap-scroll').evaluate((element) => ({
        left: element.scrollLeft,
        width: element.clientWidth,
        full: element.scrollWidth,
      }));
      expect(scroll.full).toBeGreaterThan(scroll.width);
      expect(scroll.left + scroll.width).toBeGreaterThanOrEqual(scroll.full - 2);
      // Today's cell is in sight.
      const today = page.locator('td[data-date="2026-11-20"]');
      expect(await today.isVisible()).toBe(true);
      const inView = await today.evaluate((cell) => {
        const box = cell.getBoundingClientRect();
        const frame = (cell.closest('.heatmap-scroll') as HTMLElement).getBoundingClientRect();
        return box.left >= frame.left && box.right <= frame.right;
      });
      expect(inView).toBe(true);
      const wrapped = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main time'))
          .filter((time) => time.getClientRects().length > 1)
          .map((time) => time.textContent),
      );
      expect(wrapped).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `overview-phone-${scheme}`);
    }
  });

  it('has no serious or critical axe violation, desktop and phone, light and dark', async () => {
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        const page = await open('', scheme);
        await page.setViewportSize(viewport);
        await settle(page);
        await card(page, 'ai-engineer').locator('canvas').waitFor();
        for (const violation of await seriousViolations(page))
          problems.push(
            `${scheme} ${viewport.width}: ${violation.id} ${violation.help} at ${violation.nodes
              .slice(0, 3)
              .map((node) => node.target.join(' '))
              .join(', ')}`,
          );
        if (viewport.width > 1000) await screenshot(page, `overview-desktop-${scheme}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('imports from the empty state: a bundled roadmap, an upload, a path; bad input is told next to the form', async () => {
    const dir = tempDir('overview-empty');
    empty = await startServer(join(dir, 'empty.db'));
    const watched = await watchedPage(dashboard.session.context, empty.url);
    dashboard.pages.push(watched);
    const { page } = watched;
    await page.goto(`${empty.url}/#/`);
    const state = page.getByTestId('empty-state');
    await state.waitFor({ timeout: 8_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'overview-empty');
    // A file that is not Markdown: refused, the message beside the upload form.
    const upload = state.locator('form').filter({ hasText: 'Your own Markdown file' });
    await upload.getByLabel('File').setInputFiles({
      name: 'slides.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 not a roadmap'),
    });
    await upload.getByRole('button', { name: 'Upload and import' }).click();
    await upload
      .locator('.action-error')
      .filter({ hasText: /slides\.pdf.*not a Markdown file/i })
      .waitFor({ timeout: 8_000 });
    // A path that does not exist: told where it was typed.
    const byPath = state.locator('form').filter({ hasText: 'by its path' });
    await byPath.getByLabel('Full path').fill(join(dir, 'missing.md'));
    await byPath.getByRole('button', { name: 'Import from path' }).click();
    await byPath
      .locator('.action-error')
      .filter({ hasText: /missing\.md: no such file/ })
      .waitFor({ timeout: 8_000 });
    // An upload that is Markdown: imported, its report shown, the card appears.
    await upload.getByLabel('File').setInputFiles({
      name: 'go-plan.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Go plan\n\n## Start\n\n- [ ] Tour of Go (3h)\n- [x] Install Go (1h)\n'),
    });
    await upload.getByRole('button', { name: 'Upload and import' }).click();
    const report = page.locator('.import-report');
    await report.filter({ hasText: 'Imported Go plan' }).waitFor({ timeout: 8_000 });
    expect(await report.getByTestId('import-verdict').textContent()).toMatch(
      /2 items in 0 phases, 1 already ticked/,
    );
    await card(page, 'go-plan')
      .getByTestId('count-progress')
      .filter({ hasText: '1/2' })
      .waitFor({ timeout: 8_000 });
    // Then a bundled roadmap, from "Import another roadmap".
    await page.getByText('Import another roadmap').click();
    await page.getByRole('button', { name: 'Import ai-engineer' }).click();
    await report.filter({ hasText: /Imported .*AI Engineer/i }).waitFor({ timeout: 8_000 });
    await card(page, 'ai-engineer').getByTestId('answer-line').waitFor({ timeout: 8_000 });
    expect(await page.locator('.toasts').textContent()).toMatch(/Imported/);
  });

  it('never asked any host but the server, and raised no page error', () => {
    expect(dashboard.pages.flatMap((watched) => watched.foreign)).toEqual([]);
    expect(dashboard.pages.flatMap((watched) => watched.pageErrors)).toEqual([]);
    expect(dashboard.pages.flatMap((watched) => watched.dialogs)).toEqual([]);
  });

  it('redraws the burn-up in the new theme when the theme is switched on the open page', async () => {
    const page = await open('', 'light');
    await page.locator(chartCanvas).waitFor();
    await settle(page);
    const lightText = await cssVar(page, '--text');
    expect(await pixelsNear(page, chartCanvas, lightText)).toBeGreaterThan(50);
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    const darkText = await cssVar(page, '--text');
    expect(darkText).not.toBe(lightText);
    // Axis labels are drawn in the dark theme's text colour (not the light one's, invisible on dark).
    await expect.poll(() => pixelsNear(page, chartCanvas, darkText), { timeout: 3_000 }).toBeGreaterThan(50);
    expect(await pixelsNear(page, chartCanvas, lightText)).toBeLessThan(10);
    const darkDone = await cssVar(page, '--chart-done');
    expect(await pixelsNear(page, chartCanvas, darkDone)).toBeGreaterThan(5);
    // And back.
    await page.getByLabel('Theme').selectOption('light');
    await expect.poll(() => pixelsNear(page, chartCanvas, lightText), { timeout: 3_000 }).toBeGreaterThan(50);
    expect(await pixelsNear(page, chartCanvas, darkText)).toBeLessThan(10);
  });
});
