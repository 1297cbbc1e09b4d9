/**
 * The Roadmap page (issue 13): bulk changes ask first and every change can be undone from the page, Space
 * toggles in the direction the row's box shows, a phone gets tap-to-expand and a bottom sheet for details,
 * and the Diagram fits the width (phases across, sections below) and becomes a list on a phone.
 */

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
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

checkE2ePrerequisites('roadmap page tests');

interface TreeNode {
  id: string;
  title: string;
  status: string;
  done: number;
  total: number;
  children: TreeNode[];
}

describe.skipIf(chromiumMissing)('the Roadmap page', () => {
  const dashboard = useDashboard('roadmap', async (db) => {
    await cli(db, 'import', 'ai-engineer');
  });

  const open = async (
    hash: string,
    viewport = DESKTOP,
    scheme: 'light' | 'dark' = 'light',
  ): Promise<Page> => {
    const page = await dashboard.open(hash, { scheme, viewport });
    await settle(page);
    return page;
  };
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${dashboard.server.url}${path}`);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const node = async (id: string): Promise<TreeNode> => {
    const find = (list: TreeNode[]): TreeNode | undefined => {
      for (const entry of list) {
        if (entry.id === id) return entry;
        const found = find(entry.children);
        if (found) return found;
      }
      return undefined;
    };
    const tree = await get<{ nodes: TreeNode[] }>('/api/roadmaps/ai-engineer/tree');
    return find(tree.nodes) as TreeNode;
  };
  /**
   * A finger's tap through Chromium's own touch input (the shared browser context has no `hasTouch`, which
   * Playwright's tap() needs): touch emulation on, then touchStart/touchEnd at the element's centre.
   */
  const tap = async (locator: Locator) => {
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    if (!box) throw new Error('tap: the element is not on screen');
    const cdp = await locator.page().context().newCDPSession(locator.page());
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  };
  const row = (page: Page, id: string) => page.locator(`[role="treeitem"][data-id="${id}"]`);
  const activeId = (page: Page) =>
    page.evaluate(() => document.activeElement?.closest('[data-id]')?.getAttribute('data-id') ?? null);
  const activeInDialog = (page: Page) =>
    page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')));

  it('names the tab after the roadmap', async () => {
    const page = await open('roadmap/ai-engineer');
    await expect.poll(() => page.title()).toBe('Complete AI Engineer Roadmap · Roadmap · Waymark');
  });

  it('asks before a change to a whole phase, with the count; Escape cancels and focus goes back', async () => {
    const phase = await node('1');
    const page = await open('roadmap/ai-engineer');
    await row(page, '1').focus();
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      `Mark ${phase.total - phase.done} items in “${phase.title}” done?`,
    );
    expect(await activeInDialog(page)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await activeId(page)).toBe('1');
    expect((await node('1')).done).toBe(phase.done);

    // The checkbox asks too; Cancel changes nothing.
    await row(page, '1').getByRole('checkbox').click();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await node('1')).done).toBe(phase.done);
  });

  it('marks the phase once confirmed, and Undo in the toast reverts it and returns focus to the row', async () => {
    const phase = await node('1');
    const page = await open('roadmap/ai-engineer');
    await row(page, '1').focus();
    await page.keyboard.press('Space');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: `Mark ${phase.total} items done` }).click();
    await expect.poll(async () => (await node('1')).done, { timeout: 5_000 }).toBe(phase.total);
    const toast = page.locator('.toasts .toast', { hasText: `Marked ${phase.total} items in` });
    await toast.waitFor({ timeout: 5_000 });
    await expect.poll(() => row(page, '1').getAttribute('aria-checked')).toBe('true');
    // With no item panel open, the page itself offers the Undo too.
    const pageUndo = page.getByRole('button', { name: `Undo last change: Marked ${phase.total} items in` });
    await pageUndo.waitFor();
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await node('1')).done, { timeout: 5_000 }).toBe(0);
    await expect.poll(() => activeId(page), { timeout: 5_000 }).toBe('1');
    await page.locator('.toasts .toast', { hasText: 'Undone' }).waitFor();
    await pageUndo.waitFor({ state: 'detached' });
  });

  it('Space toggles in the direction the box shows, says what it did, and never resets silently', async () => {
    const page = await open('roadmap/ai-engineer?item=1.1.1.1');
    const leaf = row(page, '1.1.1.1');
    await expect(leaf.getAttribute('aria-checked')).resolves.toBe('false');
    // The rule is on screen, not only in the code.
    expect(await page.locator('#tree-help').textContent()).toMatch(/unticked.*done.*ticked.*to do/i);
    await leaf.focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await node('1.1.1.1')).status, { timeout: 5_000 }).toBe('done');
    await expect.poll(() => leaf.getAttribute('aria-checked')).toBe('true');
    await page.locator('.toasts .toast', { hasText: 'Marked 1.1.1.1 Vectors and matrices done' }).waitFor();
    // A parent with some of its items done shows a mixed box.
    await expect.poll(() => row(page, '1.1.1').getAttribute('aria-checked')).toBe('mixed');

    // The row shows Done (box ticked): Space unticks it, back to to do, with a toast offering Undo.
    await page.keyboard.press('Space');
    await expect.poll(async () => (await node('1.1.1.1')).status, { timeout: 5_000 }).toBe('todo');
    const toast = page.locator('.toasts .toast', { hasText: 'Marked 1.1.1.1 Vectors and matrices to do' });
    await toast.waitFor();
    expect(await toast.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    await expect.poll(() => leaf.getAttribute('aria-checked')).toBe('false');
    expect(await activeId(page)).toBe('1.1.1.1');
  });

  it('undoes the last change from the item panel', async () => {
    const page = await open('roadmap/ai-engineer?item=1.1.2.1');
    const panel = page.getByTestId('item-detail');
    await panel.getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(async () => (await node('1.1.2.1')).status, { timeout: 5_000 }).toBe('done');
    const undo = panel.getByRole('button', { name: /^Undo last change/ });
    await undo.waitFor();
    expect(await undo.textContent()).toContain('Marked 1.1.2.1');
    await undo.click();
    await expect.poll(async () => (await node('1.1.2.1')).status, { timeout: 5_000 }).toBe('todo');
    await expect.poll(() => activeId(page), { timeout: 5_000 }).toBe('1.1.2.1');
    await undo.waitFor({ state: 'detached' });
  });

  it('on a phone, a tap expands a row and an item opens as a bottom sheet with a focus trap', async () => {
    const page = await open('roadmap/ai-engineer', PHONE);
    const phase = row(page, '1');
    await tap(phase.locator('.tree-title'));
    await expect.poll(() => phase.getAttribute('aria-expanded')).toBe('true');
    await expect(phase.getAttribute('aria-selected')).resolves.toBe('true');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    await tap(row(page, '1.1').locator('.tree-title'));
    await tap(row(page, '1.1.1').locator('.tree-title'));
    await tap(row(page, '1.1.1.2').locator('.tree-title'));

    const sheet = page.getByRole('dialog', { name: 'Matrix operations and transformations' });
    await sheet.waitFor();
    const box = await sheet.boundingBox();
    expect(box, 'the sheet is on screen').not.toBeNull();
    expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBeGreaterThanOrEqual(PHONE.height - 2);
    expect(box?.width).toBeLessThanOrEqual(PHONE.width);
    await sheet.getByTestId('item-detail').waitFor();
    expect(await activeInDialog(page)).toBe(true);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await activeInDialog(page), `Tab ${i + 1} left the sheet`).toBe(true);
    }
    await screenshot(page, 'roadmap-sheet-phone');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    expect(await activeId(page)).toBe('1.1.1.2');

    // A parent's details are one tap away too, and the close button closes.
    await tap(page.getByRole('button', { name: 'Details for Linear Algebra' }));
    const parentSheet = page.getByRole('dialog', { name: 'Linear Algebra' });
    await parentSheet.waitFor();
    await tap(parentSheet.getByRole('button', { name: 'Close' }));
    await parentSheet.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('draws the Diagram across the width: phases in columns, sections below each', async () => {
    const page = await open('roadmap/ai-engineer?view=diagram');
    const diagram = page.getByTestId('diagram');
    await diagram.waitFor();
    const container = await page.locator('main').evaluate((main) => {
      const style = getComputedStyle(main);
      return main.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    });
    const size = await diagram.boundingBox();
    expect(size?.width ?? 0).toBeGreaterThanOrEqual(container * 0.95);
    // It was 544 px wide in a 1166 px box and 3,854 px tall: now the full width and at most half that height.
    expect(size?.height ?? 0).toBeLessThan(1_900);
    expect(await diagram.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    const phases = diagram.locator('.diagram-phase');
    expect(await phases.count()).toBeGreaterThanOrEqual(8);
    const first = await phases.nth(0).locator('.diagram-box').first().boundingBox();
    const second = await phases.nth(1).locator('.diagram-box').first().boundingBox();
    expect(second?.y).toBe(first?.y);
    expect(second?.x ?? 0).toBeGreaterThan((first?.x ?? 0) + (first?.width ?? 0) - 1);
    const section = await phases.nth(0).locator('.diagram-sections .diagram-box').first().boundingBox();
    expect(section?.y ?? 0).toBeGreaterThan((first?.y ?? 0) + (first?.height ?? 0) - 1);
    expect(Math.abs((section?.x ?? 0) - (first?.x ?? 0))).toBeLessThan(first?.width ?? 0);

    // Every link is named by exactly what it shows.
    const mismatches = await diagram
      .locator('a')
      .evaluateAll((links) =>
        links
          .filter((link) => link.hasAttribute('aria-label') || link.querySelector('[aria-hidden="true"]'))
          .map((link) => link.getAttribute('href')),
      );
    expect(mismatches).toEqual([]);
    await diagram.getByRole('link', { name: /^Mathematics Fundamentals/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('item=1.1');
    await expect.poll(() => row(page, '1.1').getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'roadmap-diagram-desktop');
  });

  it('on a phone the Diagram is a vertical list of phases with no sideways scroll', async () => {
    const page = await open('roadmap/ai-engineer?view=diagram', PHONE);
    const diagram = page.getByTestId('diagram');
    await diagram.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await diagram.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const phases = diagram.locator('.diagram-phase');
    const first = await phases.nth(0).boundingBox();
    const second = await phases.nth(1).boundingBox();
    expect(second?.y ?? 0).toBeGreaterThanOrEqual((first?.y ?? 0) + (first?.height ?? 0) - 1);
    // Sections fold under their phase so the list of phases stays short; a button opens them.
    const toggle = phases.nth(1).getByRole('button', { name: /sections/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await tap(toggle);
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await phases
      .nth(1)
      .getByRole('link', { name: /^Data Preprocessing/ })
      .waitFor();
    await screenshot(page, 'roadmap-diagram-phone');
  });

  it('has no serious or critical axe violation on the tree, the sheet, the dialog and the diagram', async () => {
    const problems: string[] = [];
    const check = async (label: string, page: Page) => {
      for (const violation of await seriousViolations(page))
        problems.push(
          `${label}: ${violation.id} (${violation.impact}) ${violation.help} at ${violation.nodes
            .slice(0, 3)
            .map((entry) => entry.target.join(' '))
            .join(', ')}`,
        );
    };
    for (const scheme of ['light', 'dark'] as const) {
      for (const [size, viewport] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        const tree = await open('roadmap/ai-engineer?item=1.1.1.3', viewport, scheme);
        await tree.getByTestId('item-detail').waitFor();
        await check(`${scheme} ${size} tree`, tree);
        await screenshot(tree, `roadmap-tree-${size}-${scheme}`);
        await tree.keyboard.press('Escape');
        await tree.locator('dialog[open]').waitFor({ state: 'detached' });
        await check(`${scheme} ${size} tree without the sheet`, tree);
        await row(tree, '1').focus();
        await tree.keyboard.press('Space');
        await tree.getByRole('dialog').waitFor();
        await check(`${scheme} ${size} confirm`, tree);
        await screenshot(tree, `roadmap-confirm-${size}-${scheme}`);
        await tree.keyboard.press('Escape');
        const diagram = await open('roadmap/ai-engineer?view=diagram', viewport, scheme);
        await check(`${scheme} ${size} diagram`, diagram);
        await screenshot(diagram, `roadmap-diagram-${size}-${scheme}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('raised no page error and asked no other host', () => {
    expect(dashboard.pages.flatMap((watched) => watched.pageErrors)).toEqual([]);
    expect(dashboard.pages.flatMap((watched) => watched.foreign)).toEqual([]);
  });
});
