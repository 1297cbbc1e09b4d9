/**
 * Review as a session in headless Chromium: one card at a time, Show answer reveals notes and evidence,
 * keys 1-4 and buttons rate, "N of M", focus on the next card, Undo brings a card back, and the session's
 * time is logged once as review time (End session, or leaving for another page), at desktop and phone
 * sizes, light and dark, with axe.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  checkE2ePrerequisites,
  chromiumMissing,
  cli,
  DESKTOP,
  PHONE,
  screenshot,
  seriousViolations,
  useDashboard,
} from './harness.js';

checkE2ePrerequisites('review session tests');

const LONG_URL = `https://example.org/notebooks/${'data-cleaning-'.repeat(12)}final.ipynb`;

interface JournalEntry {
  type: string;
  kind?: string;
  minutes?: number;
  text?: string;
  roadmapId: string;
}

describe.skipIf(chromiumMissing)('the review session in headless Chromium', () => {
  const dashboard = useDashboard('review', async (db) => {
    await cli(db, 'import', 'ai-engineer');
    // Six topics finished seven weeks ago: six cards due today, in roadmap order.
    await cli(db, 'done', 'ai-engineer:2.1', '--at', '2026-10-01');
    await cli(
      db,
      'note',
      'ai-engineer:2.1.1',
      'Impute with the median, flag what was missing',
      '--at',
      '2026-10-01',
    );
    await cli(db, 'evidence', 'ai-engineer:2.1.1', LONG_URL, '--kind', 'link', '--at', '2026-10-01');
  });

  const open = (
    hash: string,
    { scheme = 'light', phone = false }: { scheme?: 'light' | 'dark'; phone?: boolean } = {},
  ): Promise<Page> => dashboard.open(hash, { scheme, viewport: phone ? PHONE : DESKTOP });
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${dashboard.server.url}${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const reviewLogs = async () =>
    (await get<{ entries: JournalEntry[] }>('/api/journal?type=log&limit=1000')).entries.filter(
      (entry) => entry.kind === 'review',
    );
  const progress = (page: Page) => page.getByTestId('review-progress');
  const title = (page: Page) => page.locator('#review-card-title');
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const axe = async (page: Page, what: string) => {
    const problems = (await seriousViolations(page)).map(
      (v) =>
        `${what}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(problems).toEqual([]);
  };

  it('shows one card, reveals its notes and evidence, rates with keys 1-4 and buttons, keeps focus, undoes', async () => {
    const page = await open('review');
    await page.getByTestId('review-session').waitFor();
    await expect(page.locator('.review-card').count()).resolves.toBe(1);
    await expect(progress(page).textContent()).resolves.toContain('1 of 6');
    await expect(title(page).textContent()).resolves.toBe('Data cleaning and handling missing values');
    // The answer is hidden until asked for.
    await expect(page.getByText('Impute with the median').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByText('Impute with the median, flag what was missing').waitFor();
    await expect(page.getByRole('link', { name: LONG_URL }).count()).resolves.toBe(1);
    // Focus moved to the answer (the button went away), so the keys still work.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), {
        timeout: 5_000,
      })
      .toBe('review-answer');
    // Typing a note: digits go into the field, they do not rate; once saved it shows with the others.
    await page.getByLabel('Add a note').fill('Median for 1 2 3 4');
    await page.getByLabel('Add a note').press('3');
    await page.getByLabel('Add a note').press('Enter');
    await page.getByTestId('review-answer').getByText('Median for 1 2 3 43').waitFor({ timeout: 5_000 });
    await expect(progress(page).textContent()).resolves.toContain('1 of 6');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), {
        timeout: 5_000,
      })
      .toBe('review-answer');
    const item = await get<{ progress: { notes: { text: string }[] } }>('/api/items/ai-engineer/2.1.1');
    expect(item.progress.notes.map((n) => n.text)).toContain('Median for 1 2 3 43');
    await axe(page, 'desktop light, revealed');
    await screenshot(page, 'review-session-desktop-light');

    const titles: string[] = [];
    for (const [key, place] of [
      ['3', 2],
      ['1', 3],
      ['2', 4],
      ['4', 5],
    ] as const) {
      titles.push((await title(page).textContent()) ?? '');
      await page.keyboard.press(key);
      await progress(page)
        .filter({ hasText: `${place} of 6` })
        .waitFor({ timeout: 5_000 });
      // The next card's title has focus, and the rating was announced.
      await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe('review-card-title');
      await expect(page.getByTestId('review-announcement').textContent()).resolves.toMatch(/^Rated /);
    }
    const stats = await get<{ retention: { reviews: number } }>('/api/review/stats');
    expect(stats.retention.reviews).toBe(4);
    const due = await get<{ cards: { title: string }[] }>('/api/review/due');
    expect(due.cards.map((c) => c.title)).not.toContain(titles[0]);
    expect(due.cards).toHaveLength(2);

    // Keys do nothing outside the session or while typing in a field.
    await page.getByLabel('Roadmap').focus();
    await page.keyboard.press('3');
    await page.waitForTimeout(300);
    await expect(progress(page).textContent()).resolves.toContain('5 of 6');

    // Undo of the last rating (its toast) brings that card back as the current one.
    await page
      .locator('.toast')
      .filter({ hasText: /^Easy:/ })
      .getByRole('button', { name: 'Undo' })
      .click();
    await progress(page).filter({ hasText: '4 of 6' }).waitFor({ timeout: 5_000 });
    await expect(title(page).textContent()).resolves.toBe(titles[3]);
    await expect
      .poll(
        async () => (await get<{ retention: { reviews: number } }>('/api/review/stats')).retention.reviews,
      )
      .toBe(3);
    await page.getByTestId('review-session').getByRole('button', { name: /Easy/ }).click();
    await progress(page).filter({ hasText: '5 of 6' }).waitFor({ timeout: 5_000 });
    await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe('review-card-title');

    // End session: the end screen, and the time logged once as review time.
    await page.getByRole('button', { name: 'End session' }).click();
    await page.getByTestId('review-end').waitFor();
    await expect(page.getByTestId('review-summary').textContent()).resolves.toMatch(
      /^4 reviewed in \d+ (s|min), 2 left\./,
    );
    await expect.poll(() => focusedId(page), { timeout: 5_000 }).toBe('review-end-title');
    await expect.poll(async () => (await reviewLogs()).length, { timeout: 5_000 }).toBe(1);
    const [logged] = await reviewLogs();
    expect(logged).toMatchObject({ roadmapId: 'ai-engineer', minutes: 1, text: 'Review session: 4 cards' });
    await page.getByTestId('review-next-due').waitFor();
    await axe(page, 'desktop light, end screen');
    // Leaving after the end logs nothing more.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.waitForTimeout(500);
    expect(await reviewLogs()).toHaveLength(1);
  }, 60_000);

  it('logs the time once when the learner leaves for another page mid-session', async () => {
    await cli(dashboard.server.db, 'done', 'ai-engineer:2.2', '--at', '2026-10-01');
    const page = await open('review');
    await page.getByTestId('review-session').waitFor();
    const total = Number((await progress(page).textContent())?.match(/of (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(2);
    await title(page).focus();
    await page.keyboard.press('3');
    await progress(page)
      .filter({ hasText: `2 of ${total}` })
      .waitFor({ timeout: 5_000 });
    await page.getByRole('link', { name: 'Today' }).click();
    await page
      .locator('.toast')
      .filter({ hasText: /Logged 1m of review time/ })
      .waitFor({ timeout: 5_000 });
    const logs = await reviewLogs();
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatchObject({ text: 'Review session: 1 card', minutes: 1 });
    // Back and away again without a rating: nothing more.
    await page.goBack();
    await page.getByTestId('review-session').waitFor();
    await page.getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    await page.waitForTimeout(500);
    expect(await reviewLogs()).toHaveLength(2);
  }, 60_000);

  it('logs the time when the tab closes mid-session (keepalive, with the token)', async () => {
    const page = await open('review');
    await page.getByTestId('review-session').waitFor();
    await page.getByTestId('review-session').getByRole('button', { name: /Good/ }).click();
    await progress(page).filter({ hasText: '2 of' }).waitFor({ timeout: 5_000 });
    await page.close({ runBeforeUnload: true });
    await expect.poll(async () => (await reviewLogs()).length, { timeout: 5_000 }).toBe(3);
  }, 60_000);

  it('fits a phone and passes axe in light and dark, card and answer', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const phone of [true, false]) {
        const page = await open('review', { scheme, phone });
        await page.getByTestId('review-session').waitFor();
        const size = `${phone ? 'phone' : 'desktop'} ${scheme}`;
        await axe(page, `${size}, card`);
        if (phone) {
          // Space on the card (not on a button) shows the answer too.
          await title(page).focus();
          await page.keyboard.press(' ');
        } else await page.getByRole('button', { name: 'Show answer' }).click();
        await page.getByTestId('review-answer').waitFor();
        if (phone) {
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `${size}: the session is wider than the screen`).toBeLessThanOrEqual(390);
        }
        await axe(page, `${size}, answer`);
        await screenshot(page, `review-session-${phone ? 'phone' : 'desktop'}-${scheme}`);
      }
    }
  }, 90_000);
});
