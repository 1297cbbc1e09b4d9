/**
 * What the dashboard benchmarks share: a `waymark serve` on a free loopback port over a seeded store (clock
 * frozen), Debian's headless Chromium with a fresh profile, and everything removed afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const BENCH_NOW = '2026-11-20T12:00:00Z';

async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface DashboardRun {
  /** The server's origin, e.g. http://127.0.0.1:40123. */
  url: string;
  context: BrowserContext;
}

/**
 * Seeds a store in a temp folder (`seed(db)`), serves it, opens Chromium and runs `measure`; the server, the
 * browser and the folder are gone afterwards, whatever `measure` did.
 */
export async function withDashboard<T>(
  options: { bin: string; chromiumPath: string; prefix: string; seed: (db: string) => void },
  measure: (run: DashboardRun) => Promise<T>,
): Promise<T> {
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), `waymark-${options.prefix}-`));
  const db = join(dir, 'bench.db');
  options.seed(db);
  const port = await freePort();
  const server = spawn(process.execPath, [options.bin, 'serve', '--port', String(port), '--db', db], {
    env: { ...process.env, WAYMARK_NOW: BENCH_NOW },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: options.chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const deadline = Date.now() + 20_000;
    while (
      !(await fetch(`${url}/api/roadmaps`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error('bench: waymark serve did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    return await measure({ url, context });
  } finally {
    await context?.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
