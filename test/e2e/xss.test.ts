import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkE2ePrerequisites,
  chromiumMissing,
  cli,
  launch,
  type RunningServer,
  type Session,
  screenshot,
  settle,
  startServer,
  tempDir,
  watchedPage,
} from './harness.js';

checkE2ePrerequisites('XSS test');

/** Every way a roadmap could smuggle script into the page; each payload sets a flag or opens a dialog. */
const EVIL_ROADMAP = `# Evil <script>window.__xss = 'title'</script> Roadmap

## Phase 1: <img src=x onerror="window.__xss = 'phase'"> Basics

- [ ] <script>window.__xss = 'item'</script> Scripted topic
- [ ] [Click me](javascript:window.__xss='link') linked topic
- [ ] <img src=x onerror=alert(1)> Image topic [safe](https://example.com/docs)
- [ ] <a href="javascript:alert(2)">raw anchor</a> topic
- [ ] <iframe src="javascript:alert(3)"></iframe> framed topic

## Phase 2: <svg onload=alert(4)> Vectors

- [ ] Project: <b onmouseover=alert(5)>bold</b> project
`;

describe.skipIf(chromiumMissing)('roadmap text is rendered inert', () => {
  let server: RunningServer;
  let session: Session;

  beforeAll(async () => {
    const dir = tempDir('xss');
    const db = join(dir, 'waymark.db');
    const file = join(dir, 'evil.md');
    writeFileSync(file, EVIL_ROADMAP);
    await cli(db, 'import', file);
    const status = JSON.parse(await cli(db, 'status', '--json')) as { id: string }[] | { id: string };
    const roadmapId = Array.isArray(status) ? (status[0] as { id: string }).id : status.id;
    const first = JSON.parse(await cli(db, 'show', 'Scripted', '--json')) as { node: { id: string } };
    const ref = `${roadmapId}:${first.node.id}`;
    await cli(db, 'note', ref, `<img src=x onerror="window.__xss='note'"> <script>alert('note')</script>`);
    // A certificate id is stored as typed (a URL must be http(s)), so it carries the payload to the page.
    await cli(db, 'evidence', ref, 'javascript:alert(6)', '--kind', 'certificate');
    await cli(db, 'log', '20m', ref, '--message', '<img src=x onerror=alert(7)>');
    server = await startServer(db);
    session = await launch();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });

  it('runs nothing from titles, notes, evidence or links on any page', async () => {
    const watched = await watchedPage(session.context, server.url);
    const { page } = watched;
    const sameOriginPaths: string[] = [];
    page.on('request', (request) => sameOriginPaths.push(new URL(request.url()).pathname));
    const roadmaps = (await (await fetch(`${server.url}/api/roadmaps`)).json()) as { id: string }[];
    const id = (roadmaps[0] as { id: string }).id;

    await page.goto(`${server.url}/#/`);
    await settle(page);

    await page.goto(`${server.url}/#/roadmap/${id}`);
    await page.getByRole('button', { name: 'Expand all' }).click();
    const rows = page.locator('[role="treeitem"]');
    await rows.first().waitFor();
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      await rows.nth(i).locator('.tree-title').click();
      await page.getByTestId('item-detail').locator('h2').waitFor();
    }
    for (const hash of [`roadmap/${id}?view=diagram`, 'journal', 'showcase', 'today']) {
      await page.goto(`${server.url}/#/${hash}`);
      await settle(page);
    }
    // Hover and click whatever could carry a handler.
    await page.goto(`${server.url}/#/roadmap/${id}`);
    await page.getByRole('button', { name: 'Expand all' }).click();
    for (const title of await page.locator('.tree-title').all()) await title.hover();

    const flag = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    expect(flag).toBeUndefined();
    expect(watched.dialogs).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
    expect(watched.foreign).toEqual([]);
    expect(sameOriginPaths.filter((path) => path === '/x')).toEqual([]);
    const dangerous = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll('a[href], iframe, script, img, svg [onload], [onerror], [onmouseover]'),
      )
        .map((el) => el.outerHTML)
        .filter((html) => /javascript:|onerror|onload|onmouseover|<iframe|<img/i.test(html)),
    );
    expect(dangerous).toEqual([]);
    // The text itself is still shown, as text.
    expect(await page.locator('.tree').textContent()).toContain('Scripted topic');
    await page.locator('[role="treeitem"]').filter({ hasText: 'Scripted topic' }).first().click();
    await page.getByTestId('item-detail').getByText('Notes').waitFor();
    await screenshot(page, 'xss-roadmap');
  }, 90_000);
});
