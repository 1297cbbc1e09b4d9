/**
 * End-to-end harness: a real `waymark serve` on a temp SQLite file (clock frozen with WAYMARK_NOW) and
 * Debian's headless Chromium driven by playwright-core. Every page blocks and records requests to any
 * host other than the server, and records dialogs and page errors (XSS canaries).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = !existsSync(CHROMIUM);
export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/waymark');
export const NOW = '2026-11-20T12:00:00Z';
export const SCREENSHOTS = join(ROOT, 'artifacts/screenshots');
export const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

const run = promisify(execFile);

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `waymark-e2e-${prefix}-`));
}

/** Runs the CLI against `db` with the frozen clock; resolves with stdout, rejects with stderr. */
export async function cli(db: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, ...args, '--db', db], {
    cwd: ROOT,
    env: { ...process.env, WAYMARK_NOW: NOW, NO_COLOR: '1' },
  });
  return stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface RunningServer {
  url: string;
  db: string;
  stop(): Promise<void>;
}

/** Starts `waymark serve` on a free port and waits until the API answers. */
export async function startServer(db: string): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--db', db], {
    cwd: ROOT,
    env: { ...process.env, WAYMARK_NOW: NOW, NO_COLOR: '1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`waymark serve exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/api/roadmaps`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`waymark serve did not answer on ${url} within 15 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    db,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      }),
  };
}

export interface Session {
  context: BrowserContext;
  profile: string;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, sandbox off (containers), with a fresh profile directory. */
export async function launch(): Promise<Session> {
  const profile = tempDir('profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1280, height: 900 },
    // The server's CSP forbids inline scripts; axe-core is injected with addScriptTag, so the tests lift
    // it. The XSS test thereby proves that rendering alone is safe, without the CSP's second line.
    bypassCSP: true,
  });
  return {
    context,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Watched {
  page: Page;
  /** Requests to any host other than the server (blocked). */
  foreign: string[];
  dialogs: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

/** A page that may only talk to `serverUrl`; everything else is aborted and recorded. */
export async function watchedPage(context: BrowserContext, serverUrl: string): Promise<Watched> {
  const page = await context.newPage();
  const origin = new URL(serverUrl).origin;
  const watched: Watched = { page, foreign: [], dialogs: [], pageErrors: [], consoleErrors: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || new URL(url).origin === origin) return route.continue();
    watched.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('dialog', (dialog) => {
    watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watched.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  return watched;
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface OpenOptions {
  scheme?: 'light' | 'dark';
  /** Omitted: the context's own size. */
  viewport?: { width: number; height: number };
}

/**
 * Opens `#/hash` in a fresh watched page, closing the suite's earlier ones first: each open tab holds one of
 * Chromium's six connections per host (the live stream), so old tabs would starve the new one.
 */
export async function openFresh(
  pages: Watched[],
  session: Session,
  serverUrl: string,
  hash: string,
  { scheme = 'light', viewport }: OpenOptions = {},
): Promise<Page> {
  for (const earlier of pages) if (!earlier.page.isClosed()) await earlier.page.close();
  const watched = await watchedPage(session.context, serverUrl);
  if (viewport) await watched.page.setViewportSize(viewport);
  await watched.page.emulateMedia({ colorScheme: scheme });
  pages.push(watched);
  await watched.page.goto(`${serverUrl}/#/${hash}`);
  return watched.page;
}

/** One dashboard for a suite: a seeded store, `waymark serve` over it and a Chromium session. */
export interface Dashboard {
  readonly db: string;
  readonly server: RunningServer;
  readonly session: Session;
  /** Every page the suite opened, the last one open. */
  readonly pages: Watched[];
  /** `openFresh` on this dashboard: the earlier pages closed, a watched page at `#/hash`. */
  open(hash: string, options?: OpenOptions): Promise<Page>;
}

/**
 * Starts a dashboard before the suite's tests (`seed` fills its store first) and stops it after them: the
 * lifecycle every end-to-end suite shares, registered with beforeAll/afterAll where it is called.
 */
export function useDashboard(
  prefix: string,
  seed: (db: string) => unknown = () => undefined,
  timeout = 60_000,
): Dashboard {
  let db = '';
  let server: RunningServer | undefined;
  let session: Session | undefined;
  const pages: Watched[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The dashboard's ${what} is not started yet (use it inside a test).`);
    return value;
  };
  beforeAll(async () => {
    db = join(tempDir(prefix), 'waymark.db');
    await seed(db);
    server = await startServer(db);
    session = await launch();
  }, timeout);
  afterAll(async () => {
    await session?.close();
    await server?.stop();
  });
  return {
    get db() {
      return db;
    },
    get server() {
      return started(server, 'server');
    },
    get session() {
      return started(session, 'browser session');
    },
    pages,
    open: (hash, options) =>
      openFresh(pages, started(session, 'browser session'), started(server, 'server').url, hash, options),
  };
}

/** Calls the API as a script would: a write is JSON and first reads the server's token to send it. */
export async function callApi<T>(serverUrl: string, path: string, init?: RequestInit): Promise<T> {
  const write = init?.method !== undefined && init.method !== 'GET';
  const token = write
    ? ((await (await fetch(`${serverUrl}/api/session`)).json()) as { token: string }).token
    : undefined;
  const response = await fetch(`${serverUrl}${path}`, {
    ...init,
    ...(token
      ? {
          headers: {
            'content-type': 'application/json',
            ...(init?.headers as Record<string, string>),
            'X-Waymark-Token': token,
          },
        }
      : {}),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2 A/AA) on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until the page shows no loading placeholder (never 'networkidle': the live event stream stays open). */
export async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('main')?.textContent?.includes('Loading'),
    undefined,
    {
      timeout: 10_000,
    },
  );
  await page.waitForTimeout(150);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export function builtDashboardMissing(): boolean {
  return !existsSync(join(ROOT, 'dist/web/index.html')) || !existsSync(join(ROOT, 'dist/src/cli/main.js'));
}

/**
 * What every e2e file checks first: without Chromium its tests skip (with a word why), and with it a missing
 * build is an error, not a silent skip.
 */
export function checkE2ePrerequisites(what: string): void {
  if (chromiumMissing) console.warn(`e2e: ${CHROMIUM} is missing, skipping the ${what} (CI installs it).`);
  else if (builtDashboardMissing())
    throw new Error('e2e: run `npm run build` first (needs dist/web and dist/src/cli).');
}
