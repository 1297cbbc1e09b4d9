import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkE2ePrerequisites,
  chromiumMissing,
  cli,
  launch,
  type RunningServer,
  type Session,
  settle,
  startServer,
  tempDir,
  type Watched,
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
  let server: RunningServer;
  let session: Session;
  const pages: Watched[] = [];

  const open = async (hash: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> => {
    for (const earlier of pages) if (!earlier.page.isClosed()) await earlier.page.close();
    const watched = await watchedPage(session.context, server.url);
    await watched.page.emulateMedia({ colorScheme });
    pages.push(watched);
    await watched.page.goto(`${server.url}/#/${hash}`);
    return watched.page;
  };
  const card = (page: Page, id: string) => page.locator(`[data-roadmap="${id}"]`);
  const chartCanvas = '[data-roadmap="ai-engineer"] .burnup-chart canvas';

  beforeAll(async () => {
    const dir = tempDir('overview');
    const db = join(dir, 'waymark.db');
    await cli(db, 'import', 'ai-engineer');
    await cli(db, 'capacity', '--weekdays', '2h', '--weekend', '1h');
    await cli(db, 'done', 'ai-engineer:1.1.1', '--at', '2026-10-02');
    await cli(db, 'done', 'ai-engineer:1.1.2', '--at', '2026-10-20');
    await cli(db, 'log', '90m', 'ai-engineer:1.1.3', '--at', '2026-11-18');
    server = await startServer(db);
    session = await launch();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await server?.stop();
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
