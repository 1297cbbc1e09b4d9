/**
 * The journal with 1,051 entries in headless Chromium: 50 a page, grouped by day with each day's study time
 * (the same on both pages of a day split by a page boundary), filters in the URL that survive reload and
 * Back, pages by cursor that an entry logged while reading does not shift, long URLs that wrap on a phone,
 * light and dark with axe.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importRoadmapFile } from '../../src/app/import-service.js';
import { openWorkspace, stampChange } from '../../src/app/workspace.js';
import type { NewEvent } from '../../src/core/progress/events.js';
import { formatMinutes } from '../../web/src/format.js';
import {
  callApi,
  checkE2ePrerequisites,
  chromiumMissing,
  DESKTOP,
  NOW,
  PHONE,
  screenshot,
  seriousViolations,
  useDashboard,
} from './harness.js';

checkE2ePrerequisites('journal tests');

const DAYS = 50;
const PER_DAY = 21;
const LONG_URL = `https://github.com/learner/${'a-very-long-repository-name-'.repeat(8)}/blob/main/notebooks/final.ipynb`;

interface JournalPage {
  entries: { id: string; date: string; type: string; minutes?: number }[];
  total: number;
  next: string | null;
  days: { date: string; minutes: number; entries: number }[];
}

/** A store with the ai-engineer roadmap and 50 days of 21 entries (18 logs, 3 notes), one evidence today. */
function seed(db: string): void {
  const workspace = openWorkspace({ db, env: { WAYMARK_NOW: NOW, WAYMARK_TZ: 'UTC' } });
  try {
    importRoadmapFile(workspace, 'ai-engineer');
    const events: NewEvent[] = [];
    for (let day = 0; day < DAYS; day++) {
      for (let i = 0; i < PER_DAY; i++) {
        const at = new Date(Date.UTC(2026, 9, 1 + day, 6, 0) + i * 25 * 60_000).toISOString();
        const nodeId = ['1.1.1.1', '2.1.1', '3.1.1'][i % 3] as string;
        events.push(
          ...stampChange(workspace, at, [
            i % 7 === 6
              ? { type: 'note', roadmapId: 'ai-engineer', nodeId, text: `Note ${day}.${i}` }
              : { type: 'log', roadmapId: 'ai-engineer', nodeId, minutes: 5 + ((day + i) % 8) * 5 },
          ]),
        );
      }
    }
    events.push(
      ...stampChange(workspace, '2026-11-20T09:00:00.000Z', [
        { type: 'evidence', roadmapId: 'ai-engineer', nodeId: '2.1.1', kind: 'project', ref: LONG_URL },
      ]),
    );
    workspace.store.appendEvents(events);
  } finally {
    workspace.store.close();
  }
}

describe.skipIf(chromiumMissing)('the journal in headless Chromium', () => {
  const dashboard = useDashboard('journal', async (db) => {
    seed(db);
  });

  const open = async (
    hash: string,
    { scheme = 'light', phone = false }: { scheme?: 'light' | 'dark'; phone?: boolean } = {},
  ): Promise<Page> => {
    const page = await dashboard.open(hash, {
      scheme,
      viewport: phone ? PHONE : DESKTOP,
    });
    await page.getByTestId('journal-summary').waitFor();
    return page;
  };
  const journal = async (query: string): Promise<JournalPage> =>
    (await (await fetch(`${dashboard.server.url}/api/journal?${query}`)).json()) as JournalPage;
  const summary = (page: Page) => page.getByTestId('journal-summary').textContent();
  /** Each day section on screen: its date and its total line. */
  const daysShown = (page: Page) =>
    page.locator('section.journal-day').evaluateAll((sections) =>
      sections.map((section) => ({
        date: section.getAttribute('data-date') ?? '',
        total: section.querySelector('[data-testid="day-total"]')?.textContent ?? '',
        entries: section.querySelectorAll('li').length,
      })),
    );
  /** What a day's total line must say: its study time and entries over the whole filter. */
  const expectedTotal = async (date: string, filter = '') => {
    const whole = await journal(`from=${date}&to=${date}&limit=100000${filter}`);
    const logs = await journal(`from=${date}&to=${date}&limit=100000&type=log`);
    const minutes = logs.entries.reduce((sum, e) => sum + (e.minutes ?? 0), 0);
    return `${minutes > 0 ? `${formatMinutes(minutes)} studied` : 'no study time'} · ${whole.total} ${whole.total === 1 ? 'entry' : 'entries'}`;
  };

  it('shows 50 entries a page, grouped by day with totals over every page', async () => {
    const total = DAYS * PER_DAY + 1;
    const page = await open('journal');
    await expect(summary(page)).resolves.toBe(
      `Entries 1–50 of ${total.toLocaleString('en-US')} · page 1 of 22`,
    );
    await expect(page.locator('.journal li').count()).resolves.toBe(50);
    const first = await daysShown(page);
    expect(first.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-19', '2026-11-18', '2026-11-17']);
    expect(first.map((d) => d.entries)).toEqual([1, 21, 21, 7]);
    for (const day of first) expect(day.total, day.date).toBe(await expectedTotal(day.date));
    await expect(
      page.getByText("Continues on the older page: 7 of the day's 21 entries here.").count(),
    ).resolves.toBe(1);
    await screenshot(page, 'journal-desktop-light');

    // Older: page 2 in the URL (its cursor), focus on the summary at the top, the split day with the same total.
    await page.getByRole('link', { name: 'Older →' }).first().click();
    await page.getByTestId('journal-summary').filter({ hasText: 'Entries 51–100' }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/journal?before=${(await journal('limit=50')).next}`);
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'journal-summary',
    );
    const second = await daysShown(page);
    expect(second[0]).toEqual({ ...first[3], entries: 14 });
    await expect(
      page.getByText("Continued from the newer page: 14 of the day's 21 entries here.").count(),
    ).resolves.toBe(1);
    // The last page holds the oldest entries.
    await page.goto(`${dashboard.server.url}/#/journal?page=22`);
    await page.getByTestId('journal-summary').filter({ hasText: `Entries 1,051–1,051 of 1,051` }).waitFor();
    await page.getByRole('link', { name: '← Newer' }).first().waitFor();
  }, 60_000);

  it('keeps the filters in the URL: a reload and Back show the same entries', async () => {
    const page = await open('journal?page=2');
    await page.getByLabel('Roadmap').selectOption('ai-engineer');
    for (const type of ['Study time', 'Status changes', 'Evidence']) await page.getByLabel(type).uncheck();
    await page.getByLabel('From').fill('2026-11-01');
    await page.getByLabel('To').fill('2026-11-10');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/type=note/);
    const hash = new URL(page.url()).hash;
    expect(new URLSearchParams(hash.split('?')[1])).toEqual(
      new URLSearchParams('roadmap=ai-engineer&type=note&from=2026-11-01&to=2026-11-10'),
    );
    const api = await journal('roadmap=ai-engineer&type=note&from=2026-11-01&to=2026-11-10&limit=50');
    const expected = `Entries 1–${api.total} of ${api.total}`;
    await page.getByTestId('journal-summary').filter({ hasText: expected }).waitFor();
    // Notes only, but each day still says how long was studied that day.
    const days = await daysShown(page);
    expect(days).toHaveLength(10);
    expect(days[0]?.total).toBe(await expectedTotal('2026-11-10', '&type=note'));
    expect(days[0]?.total).toMatch(/studied · 3 entries$/);

    await page.reload();
    await page.getByTestId('journal-summary').filter({ hasText: expected }).waitFor();
    await expect(page.getByLabel('Roadmap').inputValue()).resolves.toBe('ai-engineer');
    await expect(page.getByLabel('Notes').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Study time').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('From').inputValue()).resolves.toBe('2026-11-01');
    await expect(page.getByLabel('To').inputValue()).resolves.toBe('2026-11-10');

    await page.goBack();
    await page.getByTestId('journal-summary').filter({ hasText: 'Entries 51–100' }).waitFor();
    await expect(page.getByLabel('Study time').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('From').inputValue()).resolves.toBe('');

    // From after To is refused next to the form, and the URL stays.
    await page.getByLabel('From').fill('2026-11-20');
    await page.getByLabel('To').fill('2026-11-01');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: '“From” (2026-11-20) is after “To” (2026-11-01)' })
      .waitFor();
    expect(new URL(page.url()).hash).toBe('#/journal?page=2');
  }, 60_000);

  it('keeps page 2 where it was when an entry is logged while it is read, and Newer goes back to the top', async () => {
    const page = await open('journal');
    await page.getByRole('link', { name: 'Older →' }).first().click();
    await page.getByTestId('journal-summary').filter({ hasText: 'Entries 51–100' }).waitFor();
    const firstEntry = () => page.locator('.journal li').first().textContent();
    const before = await firstEntry();
    const hash = new URL(page.url()).hash;
    await callApi(dashboard.server.url, '/api/log', {
      method: 'POST',
      body: JSON.stringify({ duration: '10m', item: 'ai-engineer:1.1.1.1' }),
    });
    // The live refetch finds one more entry above the page, and the page itself unchanged.
    await page.getByTestId('journal-summary').filter({ hasText: 'Entries 52–101 of 1,052' }).waitFor();
    await expect(firstEntry()).resolves.toBe(before);
    await page.reload();
    await page.getByTestId('journal-summary').filter({ hasText: 'Entries 52–101 of 1,052' }).waitFor();
    expect(new URL(page.url()).hash).toBe(hash);
    await expect(firstEntry()).resolves.toBe(before);
    // Newer: the 50 entries just above this page, then the first page with the new entry on top.
    await page.getByRole('link', { name: '← Newer' }).first().click();
    await page.getByTestId('journal-summary').filter({ hasText: 'Entries 2–51 of 1,052' }).waitFor();
    await page.getByRole('link', { name: '← Newer' }).first().click();
    await page.getByTestId('journal-summary').filter({ hasText: 'Entries 1–50 of 1,052' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/journal');
  }, 60_000);

  it('wraps long URLs on a phone and passes axe in light and dark, desktop and phone', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const phone of [true, false]) {
        const size = `${phone ? 'phone' : 'desktop'} ${scheme}`;
        for (const hash of ['journal', 'journal?type=evidence']) {
          const page = await open(hash, { scheme, phone });
          await page.locator('section.journal-day').first().waitFor();
          if (hash.includes('evidence')) await page.getByRole('link', { name: LONG_URL }).waitFor();
          if (phone) {
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            expect(width, `${size} ${hash}: wider than the screen`).toBeLessThanOrEqual(390);
          }
          const problems = (await seriousViolations(page)).map(
            (v) =>
              `${size} ${hash}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
          expect(problems).toEqual([]);
          if (hash === 'journal') await screenshot(page, `journal-${phone ? 'phone' : 'desktop'}-${scheme}`);
        }
      }
    }
  }, 120_000);
});
