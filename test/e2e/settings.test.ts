/**
 * Settings in headless Chromium: the empty store's guidance, where each value comes from, the finish a
 * change would give before it is saved (and that nothing is stored until Save), save with Undo; desktop and
 * phone, light and dark, axe with no serious or critical violation.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  checkE2ePrerequisites,
  chromiumMissing,
  cli,
  DESKTOP,
  seriousViolations,
  settle,
  useDashboard,
} from './harness.js';

checkE2ePrerequisites('settings tests');

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;

describe.skipIf(chromiumMissing)('Settings in headless Chromium', () => {
  const dashboard = useDashboard('settings');

  const open = async (
    hash: string,
    options: { colorScheme?: 'light' | 'dark'; width?: number; height?: number } = {},
  ): Promise<Page> => {
    const page = await dashboard.open(hash, {
      scheme: options.colorScheme ?? 'light',
      viewport: { width: options.width ?? DESKTOP.width, height: options.height ?? DESKTOP.height },
    });
    await settle(page);
    return page;
  };
  const get = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${dashboard.server.url}${path}`)).json()) as T;
  /** The store's highest event seq, from a cached read's ETag (`W/"seq-…"`): unchanged means nothing written. */
  const storedSeq = async () => {
    const response = await fetch(`${dashboard.server.url}/api/roadmaps`);
    await response.arrayBuffer();
    return Number(/^W\/"(\d+)-/.exec(response.headers.get('etag') ?? '')?.[1]);
  };
  const expectAccessible = async (page: Page, what: string) => {
    const violations = await seriousViolations(page);
    expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${what} is wider than the screen`).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  };

  it('with an empty store, says what settings are and links to importing on the Overview', async () => {
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of THEMES) {
        const page = await open('settings', { ...viewport, colorScheme });
        await page.getByRole('heading', { name: 'No roadmap yet' }).waitFor();
        const link = page.getByRole('link', { name: 'Import a roadmap on the Overview' });
        expect(await link.getAttribute('href')).toBe('#/overview');
        expect(await page.getByText('Settings shape your plan').isVisible()).toBe(true);
        await expectAccessible(page, `empty settings, ${viewport.name} ${colorScheme}`);
      }
    }
    const page = await open('settings');
    await page.getByRole('link', { name: 'Import a roadmap on the Overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  });

  it('shows where each value comes from, and a way back to inherited', async () => {
    await cli(dashboard.db, 'import', 'ai-engineer');
    await cli(dashboard.db, 'capacity', 'ai-engineer', '--share', '60%');
    const page = await open('settings/ai-engineer');
    const roadmapForm = page.getByRole('form', { name: 'This roadmap' });
    await roadmapForm.waitFor();
    expect(await page.title()).toBe('Complete AI Engineer Roadmap · Settings · Waymark');
    // The study time is the routine's until the learner sets it; on the roadmap it is inherited.
    const studyTime = page.getByRole('form', { name: /Your study time/ });
    expect(await studyTime.locator('legend [data-origin]').first().textContent()).toContain(
      "from a roadmap's routine",
    );
    expect(await roadmapForm.getByText('inherited: not set').first().isVisible()).toBe(true);
    expect(await roadmapForm.locator('legend').first().textContent()).toContain("this roadmap's own share");
    // Back to an equal part: one change, confirmed with Undo.
    await roadmapForm.getByRole('button', { name: 'Back to an equal part' }).click();
    await page.getByRole('status').filter({ hasText: 'Back to the inherited value' }).waitFor();
    await expect
      .poll(
        async () =>
          (await get<{ allotment: { shareFrom: string } }>('/api/settings/ai-engineer')).allotment.shareFrom,
      )
      .toBe('default');
    await page.getByRole('form', { name: 'This roadmap' }).getByText('default: an equal part').waitFor();
  });

  it('previews the finish as the hours change, stores nothing until Save, then saves with Undo', async () => {
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of THEMES) {
        const page = await open('settings/ai-engineer', { ...viewport, colorScheme });
        const studyTime = page.getByRole('form', { name: /Your study time/ });
        const seq = await storedSeq();
        const before = await get<{ capacity: { hoursByWeekday: number[] } }>('/api/settings');
        await studyTime.getByLabel('Monday').fill('9');
        const preview = studyTime.getByTestId('settings-preview');
        await preview.getByText('If you save:').waitFor({ timeout: 15_000 });
        const first = await preview.textContent();
        expect(first).toMatch(/Finish P85 moves from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
        // More hours: the preview follows the form (debounced), the store does not.
        await studyTime.getByLabel('Tuesday').fill('9');
        await expect.poll(async () => preview.textContent(), { timeout: 15_000 }).not.toBe(first);
        await preview.getByText('If you save:').waitFor({ timeout: 15_000 });
        expect(await storedSeq()).toBe(seq);
        expect((await get<typeof before>('/api/settings')).capacity).toEqual(before.capacity);
        await expectAccessible(page, `settings preview, ${viewport.name} ${colorScheme}`);

        if (viewport.name === 'desktop' && colorScheme === 'light') {
          const previewed = /to (\d{4}-\d{2}-\d{2})/.exec((await preview.textContent()) ?? '')?.[1];
          await studyTime.getByRole('button', { name: 'Save study time' }).click();
          const toast = page.getByRole('status').filter({ hasText: 'Saved your study time' });
          await toast.waitFor();
          await expect
            .poll(async () => (await get<typeof before>('/api/settings')).capacity.hoursByWeekday[1])
            .toBe(9);
          const plan = await get<{ forecast: { p85: string } }>('/api/roadmaps/ai-engineer/plan');
          expect(plan.forecast.p85).toBe(previewed);
          await toast.getByRole('button', { name: 'Undo' }).click();
          await page.getByRole('status').filter({ hasText: 'Undone: Saved your study time' }).waitFor();
          await expect
            .poll(async () => (await get<typeof before>('/api/settings')).capacity)
            .toEqual(before.capacity);
        }
      }
    }
  }, 240_000);

  it('shows a refused value next to the form before Save, and saves nothing', async () => {
    const page = await open('settings/ai-engineer');
    const form = page.getByRole('form', { name: 'This roadmap' });
    const seq = await storedSeq();
    await form.getByLabel('Finish by').fill('2020-01-01');
    const error = form.getByTestId('settings-preview').getByRole('alert');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toMatch(/in the past/);
    expect(await storedSeq()).toBe(seq);
  });
});
