/**
 * Today as a stable daily checklist, in headless Chromium: rows stay put while the learner logs time and
 * finishes items (focus stays on the acted-on row, each action confirmed with Undo), the time logged counts
 * against the plan with the same numbers as `waymark today`, reviews due link into the session, a re-plan is
 * offered rather than applied, a past day is headed as such. Desktop and phone, light and dark, axe.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// The one duration text (core/format/duration-text.ts) that the dashboard and the CLI both write.
import { formatMinutes as webMinutes } from '../../web/src/format.js';
import {
  callApi,
  checkE2ePrerequisites,
  chromiumMissing,
  cli,
  DESKTOP,
  PHONE,
  screenshot,
  seriousViolations,
  settle,
  useDashboard,
} from './harness.js';

checkE2ePrerequisites('Today tests');

interface AgendaJson {
  date: string;
  capacityMinutes: number;
  plannedMinutes: number;
  reviewMinutes: number;
  items: { roadmapId: string; nodeId: string; title: string; minutes: number }[];
  loggedMinutes: number;
  reviewsDue: number | null;
}

describe.skipIf(chromiumMissing)('Today in headless Chromium', () => {
  const dashboard = useDashboard(
    'today',
    async (db) => {
      await cli(db, 'import', 'ai-engineer');
      // 2 h a day for the roadmap, habits on top, the first topics 45 min each: several rows a day.
      await cli(db, 'capacity', '--weekdays', '2h', '--weekend', '2h', '--habits', 'extra');
      for (const id of ['1.1.1.1', '1.1.1.2', '1.1.1.3', '1.1.1.4', '1.1.2.1'])
        await cli(db, 'estimate', `ai-engineer:${id}`, '45m');
      // A topic finished two days ago: its review card is due today.
      await cli(db, 'done', 'ai-engineer:1.1.3.1', '--at', '2026-11-18T10:00', '--force');
    },
    90_000,
  );

  const open = async (
    hash: string,
    {
      colorScheme = 'light',
      viewport = DESKTOP,
    }: { colorScheme?: 'light' | 'dark'; viewport?: typeof DESKTOP } = {},
  ): Promise<Page> => {
    const page = await dashboard.open(hash, { scheme: colorScheme, viewport });
    await settle(page);
    await page.locator('.agenda-item').first().waitFor({ timeout: 10_000 });
    return page;
  };
  const api = <T>(path: string, init?: RequestInit) => callApi<T>(dashboard.server.url, path, init);
  const capacity = (hours: number) =>
    api('/api/settings', {
      method: 'PUT',
      body: JSON.stringify({ capacity: { hoursByWeekday: Array(7).fill(hours), daysOff: [] } }),
    });
  const refs = (page: Page) =>
    page
      .locator('section[aria-label="Planned"] .agenda-item')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ref')));
  const focusedRow = (page: Page) =>
    page.evaluate(() => {
      const active = document.activeElement;
      return {
        row: active?.closest('.agenda-item')?.getAttribute('data-ref') ?? null,
        control:
          active?.getAttribute('data-control') ?? (active?.classList.contains('agenda-item') ? 'row' : null),
      };
    });
  const row = (page: Page, ref: string) =>
    page.locator(`section[aria-label="Planned"] .agenda-item[data-ref="${ref}"]`);

  /** The numbers Today shows, from `waymark today --json` and from GET /api/today: one computation. */
  const numbersOf = (agenda: AgendaJson & Record<string, unknown>) => ({
    capacityMinutes: agenda.capacityMinutes,
    plannedMinutes: agenda.plannedMinutes,
    reviewMinutes: agenda.reviewMinutes,
    loggedMinutes: agenda.loggedMinutes,
    reviewsDue: agenda.reviewsDue,
    items: agenda.items,
  });
  const numbersOfCli = async () => numbersOf(JSON.parse(await cli(dashboard.db, 'today', '--json')));
  const numbersOfApi = async () => numbersOf(await api('/api/today'));

  it('opens on today: the date filled in, headed today, the day total, reviews due with a link', async () => {
    const page = await open('today');
    expect(await page.getByTestId('today-date').inputValue()).toBe('2026-11-20');
    expect(await page.getByTestId('day-heading').textContent()).toBe('Planned today, Fri 20 Nov');
    expect(await page.getByTestId('day-progress').textContent()).toBe('0m of 2h today');
    const reviews = page.getByTestId('reviews-due');
    expect(await reviews.textContent()).toMatch(/^1 review due today/);
    expect(await reviews.getByRole('link').getAttribute('href')).toBe('#/review');
    // The day's total as `waymark today` computes it, in the dashboard's words.
    const day = await numbersOfCli();
    expect(await numbersOfApi()).toEqual(day);
    expect(await page.getByTestId('day-totals').textContent()).toContain(
      `${webMinutes(day.plannedMinutes)} planned + ${webMinutes(day.reviewMinutes)} review of ${webMinutes(day.capacityMinutes)} study time`,
    );
    const cliToday = await cli(dashboard.db, 'today');
    expect(cliToday).toContain('1 review due');
    // The CLI's `today` writes the same numbers in the same words.
    expect(cliToday).toContain(
      `${webMinutes(day.plannedMinutes)} planned + ${webMinutes(day.reviewMinutes)} review of ${webMinutes(day.capacityMinutes)}`,
    );
  });

  it('logs time without moving a row, counts it against the plan and the day, keeps focus, confirms with Undo', async () => {
    const page = await open('today');
    const before = await refs(page);
    const agenda = await api<AgendaJson>('/api/today');
    const [first, second] = agenda.items;
    if (!first || !second) throw new Error('fewer than two items planned');
    const firstRef = `${first.roadmapId}:${first.nodeId}`;
    const secondRef = `${second.roadmapId}:${second.nodeId}`;
    // Each row offers its own planned minutes.
    expect(await row(page, firstRef).locator('.log-form input').inputValue()).toBe(`${first.minutes}m`);
    expect(await row(page, secondRef).locator('.log-form input').inputValue()).toBe(`${second.minutes}m`);

    await row(page, firstRef).locator('.log-form input').fill('25m');
    await row(page, firstRef)
      .getByRole('button', { name: /^Log time/ })
      .click();
    await expect
      .poll(() => row(page, firstRef).getByTestId('row-logged').textContent(), { timeout: 5_000 })
      .toBe(`25m of ${webMinutes(first.minutes)}`);
    await page
      .locator('.toast', { hasText: `Logged 25m on ${first.title}` })
      .getByRole('button', { name: 'Undo' })
      .waitFor();
    expect(await refs(page)).toEqual(before);
    expect(await focusedRow(page)).toEqual({ row: firstRef, control: 'log' });
    expect(await page.getByTestId('day-progress').textContent()).toBe('25m of 2h today');
    // The rest of this row's plan is offered next; the other row keeps its own.
    await expect
      .poll(() => row(page, firstRef).locator('.log-form input').inputValue(), { timeout: 5_000 })
      .toBe(`${first.minutes - 25}m`);
    expect(await row(page, secondRef).locator('.log-form input').inputValue()).toBe(`${second.minutes}m`);
    expect(await page.getByTestId('plan-changed').count()).toBe(0);
    // The CLI says the same.
    expect(await numbersOfApi()).toEqual(await numbersOfCli());
    const text = await cli(dashboard.db, 'today');
    expect(text).toContain(`25m of ${webMinutes(first.minutes)} logged`);
    expect(text).toContain('Logged today: 25m of 2h');
    // A log from the CLI shows live on its row, which stays where it is.
    await cli(dashboard.db, 'log', '10m', secondRef);
    await expect
      .poll(() => row(page, secondRef).getByTestId('row-logged').textContent(), { timeout: 5_000 })
      .toBe(`10m of ${webMinutes(second.minutes)}`);
    expect(await refs(page)).toEqual(before);
    expect(await page.getByTestId('day-progress').textContent()).toBe('35m of 2h today');
    await screenshot(page, 'today-logged-desktop-light');
  });

  it('Done keeps the row, shown done and announced; focus on the row; Undo brings it back with focus kept', async () => {
    const page = await open('today');
    const before = await refs(page);
    const ref = before[1] as string;
    await row(page, ref).getByRole('button', { name: /^Done/ }).click();
    await expect.poll(() => row(page, ref).getAttribute('data-status'), { timeout: 5_000 }).toBe('done');
    expect(await refs(page)).toEqual(before);
    expect(await focusedRow(page)).toEqual({ row: ref, control: 'row' });
    await expect.poll(() => page.getByTestId('row-announcer').textContent()).toMatch(/: Done$/);
    await page
      .locator('.toast', { hasText: /^Done: / })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect.poll(() => row(page, ref).getAttribute('data-status'), { timeout: 5_000 }).toBe('todo');
    expect((await focusedRow(page)).row).toBe(ref);
    expect(await refs(page)).toEqual(before);
  });

  it('offers a re-plan instead of applying it under the cursor', async () => {
    const page = await open('today');
    const before = await refs(page);
    await capacity(4);
    await page.getByTestId('plan-changed').waitFor({ timeout: 5_000 });
    expect(await refs(page)).toEqual(before);
    await page.getByRole('button', { name: 'Plan changed — refresh' }).click();
    await expect.poll(() => page.getByTestId('day-progress').textContent()).toBe('35m of 4h today');
    expect(await page.getByTestId('plan-changed').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'day-heading',
    );
    await capacity(2);
  });

  it('heads a past day as that day and shows what was logged on it', async () => {
    const agenda = await api<AgendaJson>('/api/today?date=2026-11-17');
    const item = agenda.items[0];
    if (!item) throw new Error('nothing planned on the 17th');
    await cli(
      dashboard.db,
      'log',
      '30m',
      `${item.roadmapId}:${item.nodeId}`,
      '--at',
      '2026-11-17T18:00',
      '--force',
    );
    const page = await open('today');
    await page.getByTestId('today-date').fill('2026-11-17');
    await expect
      .poll(() => page.getByTestId('day-heading').textContent(), { timeout: 5_000 })
      .toBe('Planned for Tue 17 Nov');
    expect(await page.getByTestId('today-date').inputValue()).toBe('2026-11-17');
    await expect
      .poll(() => page.getByTestId('day-progress').textContent(), { timeout: 5_000 })
      .toBe(`30m of ${webMinutes(agenda.capacityMinutes)} logged on Tue 17 Nov`);
    const ref = `${item.roadmapId}:${item.nodeId}`;
    expect(
      await page.locator(`.agenda-item[data-ref="${ref}"]`).getByTestId('row-logged').textContent(),
    ).toBe(`30m of ${webMinutes(item.minutes)}`);
    expect(await page.getByTestId('reviews-due').count()).toBe(0);
    expect(await page.title()).toBe('Planned for Tue 17 Nov · Today · Waymark');
  });

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${name} ${colorScheme}: no serious axe violation, nothing wider than the screen`, async () => {
        const page = await open('today', { colorScheme, viewport });
        expect(await seriousViolations(page)).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        // A log keeps the row in place here too: by the button on a desktop, by Enter in the field on a
        // phone, and focus stays on what the learner used.
        const before = await refs(page);
        const first = before[0] as string;
        const input = row(page, first).locator('.log-form input');
        await input.fill('5m');
        if (name === 'phone') await input.press('Enter');
        else
          await row(page, first)
            .getByRole('button', { name: /^Log time/ })
            .click();
        await page.locator('.toast', { hasText: 'Logged 5m' }).first().waitFor({ timeout: 5_000 });
        expect(await refs(page)).toEqual(before);
        expect(await focusedRow(page)).toEqual({ row: first, control: name === 'phone' ? 'input' : 'log' });
        // The confirmation with its Undo passes too.
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(page, `today-${name}-${colorScheme}`);
      });
    }
  }
});
