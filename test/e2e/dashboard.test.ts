import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callApi,
  checkE2ePrerequisites,
  chromiumMissing,
  cli,
  launch,
  openFresh,
  type RunningServer,
  type Session,
  screenshot,
  seriousViolations,
  settle,
  startServer,
  tempDir,
  type Watched,
} from './harness.js';

checkE2ePrerequisites('dashboard tests');

interface Summary {
  id: string;
  progress: { done: number; total: number };
}

describe.skipIf(chromiumMissing)('dashboard in headless Chromium', () => {
  let server: RunningServer;
  let session: Session;
  const pages: Watched[] = [];

  /** Opens a fresh page (closing the previous ones: each open tab holds one of Chromium's 6 connections). */
  const open = (hash: string, scheme: 'light' | 'dark' = 'light'): Promise<Page> =>
    openFresh(pages, session, server.url, hash, { scheme });
  const api = <T>(path: string, init?: RequestInit) => callApi<T>(server.url, path, init);
  const summary = async (id: string) =>
    (await api<Summary[]>('/api/roadmaps')).find((roadmap) => roadmap.id === id) as Summary;
  const card = (page: Page, id: string) => page.locator(`[data-roadmap="${id}"]`);

  beforeAll(async () => {
    const dir = tempDir('dashboard');
    const db = join(dir, 'waymark.db');
    await cli(db, 'import', 'ai-engineer');
    await cli(db, 'import', 'ai-ml-career');
    server = await startServer(db);
    session = await launch();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('loads the overview with every roadmap, its progress and its phases', async () => {
    const page = await open('');
    await expect(page.getByRole('heading', { level: 1, name: 'Overview' }).isVisible()).resolves.toBe(true);
    const expected = await summary('ai-engineer');
    const progress = card(page, 'ai-engineer').getByTestId('count-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toBe(`${expected.progress.done}/${expected.progress.total}`);
    expect(await card(page, 'ai-engineer').locator('.phase-list li').count()).toBeGreaterThan(3);
    await card(page, 'ai-ml-career').waitFor();
    await page.getByText('Study time').first().waitFor();
  });

  it('marks an item done in the tree and the progress and burn-up follow', async () => {
    const before = await summary('ai-engineer');
    const page = await open('roadmap/ai-engineer');
    await page.getByRole('tree').waitFor();
    await page.getByLabel('Filter').fill('Linear Algebra');
    const row = page.locator('[role="treeitem"][data-id="1.1.1"]');
    await row.getByRole('checkbox').click();
    // 1.1.1 holds four items: the box asks first (issue 13).
    await page.getByRole('dialog').getByRole('button', { name: 'Mark 4 items done' }).click();
    await expect
      .poll(async () => (await summary('ai-engineer')).progress.done)
      .toBeGreaterThan(before.progress.done);
    const after = await summary('ai-engineer');
    await page
      .getByTestId('tree-progress')
      .filter({ hasText: `${after.progress.done}/${after.progress.total} items` })
      .waitFor({ timeout: 5_000 });
    await expect(row.getAttribute('data-status')).resolves.toBe('done');
    await expect(row.getByRole('checkbox').isChecked()).resolves.toBe(true);

    // Keyboard: End/Home move, Right expands, Space toggles done.
    await page.getByLabel('Filter').fill('');
    const first = page.locator('[role="treeitem"]').first();
    await first.focus();
    await page.keyboard.press('End');
    const last = page.locator('[role="treeitem"]').last();
    await expect(last.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Home');
    await expect(first.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await first.press('ArrowRight');
    await expect(first.getAttribute('aria-expanded')).resolves.toBe('true');
    await first.press('ArrowLeft');
    await expect(first.getAttribute('aria-expanded')).resolves.toBe('false');

    const overview = await open('');
    const burnup = card(overview, 'ai-engineer').locator('figure.burnup');
    await burnup.locator('.burnup-chart canvas').waitFor({ timeout: 5_000 });
    expect(Number(await burnup.getAttribute('data-done'))).toBe(after.progress.done);
    expect(await card(overview, 'ai-engineer').getByTestId('count-progress').textContent()).toBe(
      `${after.progress.done}/${after.progress.total}`,
    );
    expect(await card(overview, 'ai-engineer').getByTestId('effort-progress').textContent()).not.toBe('0%');

    // Space on a focused row marks it done, and again marks it not done. 1.1.3 holds five items, so each
    // press asks first (issue 13) and Enter on the focused confirm button goes ahead.
    const tree = await open('roadmap/ai-engineer?item=1.1.3');
    const probability = tree.locator('[role="treeitem"][data-id="1.1.3"]');
    await probability.focus();
    await tree.keyboard.press('Space');
    await tree.getByRole('dialog').getByRole('button', { name: 'Mark 5 items done' }).waitFor();
    await tree.keyboard.press('Enter');
    await expect.poll(() => probability.getAttribute('data-status'), { timeout: 5_000 }).toBe('done');
    await tree.keyboard.press('Space');
    await tree.getByRole('dialog').getByRole('button', { name: 'Mark 5 items to do' }).waitFor();
    await tree.keyboard.press('Enter');
    await expect.poll(() => probability.getAttribute('data-status'), { timeout: 5_000 }).toBe('todo');
  });

  it('logs time from Today and shows a bad duration as an error', async () => {
    await api('/api/settings/ai-engineer', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ capacity: { hoursByWeekday: [2, 2, 2, 2, 2, 2, 2], daysOff: [] } }),
    });
    const weekBefore = (await api<{ week: { minutes: number } }>('/api/activity?days=7')).week.minutes;
    const page = await open('today');
    const item = page.locator('.agenda-item').first();
    await item.waitFor({ timeout: 5_000 });
    await item.locator('.log-form input').fill('25m');
    await item.getByRole('button', { name: /^Log time/ }).click();
    await expect
      .poll(async () => (await api<{ week: { minutes: number } }>('/api/activity?days=7')).week.minutes, {
        timeout: 5_000,
      })
      .toBe(weekBefore + 25);

    await item.locator('.log-form input').fill('soon-ish');
    await item.getByRole('button', { name: /^Log time/ }).click();
    // The error shows next to the form that acted, and in a toast at the bottom of the viewport.
    const inline = item.locator('.action-error');
    await inline.waitFor({ timeout: 5_000 });
    expect((await inline.textContent())?.length).toBeGreaterThan(10);
    expect(await page.locator('.toasts .toast-error').count()).toBeGreaterThan(0);

    const overview = await open('');
    await overview.getByTestId('week-minutes').filter({ hasText: /\d/ }).waitFor();
    expect(await overview.getByTestId('week-minutes').textContent()).not.toBe('0m');
  });

  it('saves a target date in Settings and the overview judges it', async () => {
    const page = await open('settings/ai-engineer');
    await page.getByLabel('Finish by').fill('2027-03-01');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved the settings').waitFor({ timeout: 5_000 });
    const settings = await api<{ targetDate: string | null }>('/api/settings/ai-engineer');
    expect(settings.targetDate).toBe('2027-03-01');
    const overview = await open('');
    const verdict = card(overview, 'ai-engineer').getByTestId('verdict');
    await verdict.filter({ hasText: /On track|Behind/ }).waitFor({ timeout: 5_000 });
    expect(await card(overview, 'ai-engineer').textContent()).toContain('2027-03-01');
  });

  it('rates a due review card in the session and it leaves the due list', async () => {
    await cli(server.db, 'done', 'ai-engineer:2.1.1', '--at', '2026-10-01');
    const page = await open('review');
    const session = page.getByTestId('review-session');
    await session.waitFor({ timeout: 5_000 });
    const title = await page.locator('#review-card-title').textContent();
    await session.getByRole('button', { name: /Good/ }).click();
    await expect
      .poll(
        async () => (await api<{ cards: { title: string }[] }>('/api/review/due')).cards.map((c) => c.title),
        {
          timeout: 5_000,
        },
      )
      .not.toContain(title);
  });

  it('shows a change made by the CLI in another process live, without a reload', async () => {
    const page = await open('');
    const progress = card(page, 'ai-engineer').getByTestId('count-progress');
    await progress.waitFor();
    await page.locator('.live.on').waitFor({ timeout: 5_000 });
    const before = await summary('ai-engineer');
    await page.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    // An item no other test touches, so the count must move.
    await cli(server.db, 'done', 'ai-engineer:3.1.4.2');
    const started = Date.now();
    // Plain reads may lag another process's write by up to 100 ms (the server's change mark is reused that long).
    await expect
      .poll(async () => (await summary('ai-engineer')).progress.done, { timeout: 1_000 })
      .toBeGreaterThan(before.progress.done);
    const after = await summary('ai-engineer');
    await progress
      .filter({ hasText: `${after.progress.done}/${after.progress.total}` })
      .waitFor({ timeout: 3_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(3_000);
    await expect(page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).resolves.toBe(
      true,
    );
  });

  const ROUTES: [string, string][] = [
    ['overview', ''],
    ['today', 'today'],
    ['roadmap-tree', 'roadmap/ai-engineer?item=1.1.1'],
    ['roadmap-diagram', 'roadmap/ai-engineer?view=diagram'],
    ['showcase', 'showcase'],
    ['journal', 'journal'],
    ['review', 'review'],
    ['settings', 'settings/ai-engineer'],
  ];

  const SIZES = [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const;

  it('has no serious or critical axe violation on any page, at desktop and phone sizes, in light and dark; saves screenshots', async () => {
    const problems: string[] = [];
    for (const [size, viewport] of SIZES) {
      for (const scheme of ['light', 'dark'] as const) {
        for (const [name, hash] of ROUTES) {
          const page = await open(hash, scheme);
          await page.setViewportSize(viewport);
          await settle(page);
          for (const violation of await seriousViolations(page)) {
            problems.push(
              `${size} ${scheme} ${name}: ${violation.id} (${violation.impact}) ${violation.help} at ${violation.nodes
                .slice(0, 3)
                .map((node) => node.target.join(' '))
                .join(', ')}`,
            );
          }
          await screenshot(page, `${name}-${scheme}${size === 'phone' ? '-phone' : ''}`);
          await page.close();
        }
      }
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('names every route in its tab title', async () => {
    const titles = new Map<string, string>();
    for (const [name, hash] of ROUTES) {
      const page = await open(hash);
      await settle(page);
      // The tree and the diagram are two views of one page.
      titles.set(name.replace(/-(tree|diagram)$/, ''), await page.title());
    }
    for (const title of titles.values()) expect(title).toMatch(/^.+ · Waymark$/);
    expect(new Set(titles.values()).size, [...titles.values()].join(' | ')).toBe(titles.size);
  });

  it('follows the system theme and keeps the theme picked by hand', async () => {
    const page = await open('', 'dark');
    await page.locator('h1').waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.getByLabel('Theme').selectOption('light');
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
    await page.reload();
    await page.locator('h1').waitFor();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light');
    await page.getByLabel('Theme').selectOption('system');
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
  });

  it('fits a 390px-wide phone screen on every page', async () => {
    for (const [name, hash] of ROUTES) {
      const page = await open(hash);
      await page.setViewportSize({ width: 390, height: 844 });
      await settle(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${name} is wider than the screen`).toBeLessThanOrEqual(390);
      await screenshot(page, `${name}-phone`);
    }
  });

  it('corrects the reading of an item from its panel: not work, then a kind (issue 12)', async () => {
    const node = async () =>
      (await api<{ node: { trackable: boolean; kind: string } }>('/api/items/ai-ml-career/success-metrics'))
        .node;
    expect(await node()).toMatchObject({ trackable: false, kind: 'info' });
    const page = await open('roadmap/ai-ml-career?item=success-metrics');
    const panel = page.getByTestId('item-corrections');
    await panel.getByRole('button', { name: 'Include as work' }).click();
    await expect.poll(async () => (await node()).trackable, { timeout: 5_000 }).toBe(true);
    await panel.getByText('Counted as work').waitFor({ timeout: 5_000 });
    await panel.getByLabel('Kind').selectOption('course');
    await expect.poll(async () => (await node()).kind, { timeout: 5_000 }).toBe('course');
    await panel.getByText(/kind set by you \(the importer read info\)/).waitFor({ timeout: 5_000 });
    await screenshot(page, 'item-corrections');
    await panel.getByRole('button', { name: 'Not work' }).click();
    await expect.poll(async () => (await node()).trackable, { timeout: 5_000 }).toBe(false);
  });

  it('never asked any host but the server, and raised no page error', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.flatMap((watched) => watched.foreign)).toEqual([]);
    expect(pages.flatMap((watched) => watched.pageErrors)).toEqual([]);
    expect(pages.flatMap((watched) => watched.dialogs)).toEqual([]);
  });
});
