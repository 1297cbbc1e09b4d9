import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli-harness.js';

/*
 * `waymark serve` through the real binary: prints its address, imports the bundled roadmaps once, stops
 * cleanly on Ctrl-C (SIGINT), and explains a port that is taken. Needs dist/ (`npm run build`).
 */
let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-serve-'));
  db = join(dir, 'store.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', WAYMARK_TZ: 'UTC' };
  delete e.PORT;
  delete e.WAYMARK_DEBUG;
  return e;
};

interface Serving {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stop(): Promise<{ code: number | null; stderr: string }>;
}

function serve(args: string[]): Promise<Serving> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0', ...args], {
      cwd: ROOT,
      env: env(),
    });
    let stdout = '';
    let stderr = '';
    const closed = new Promise<{ code: number | null; stderr: string }>((done) =>
      child.on('close', (code) => done({ code, stderr })),
    );
    const timer = setTimeout(
      () => reject(new Error(`no address printed; stdout: ${stdout} stderr: ${stderr}`)),
      15_000,
    );
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /Waymark dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1] as string,
          stdout: () => stdout,
          stop: () => {
            child.kill('SIGINT');
            return closed;
          },
        });
      }
    });
    child.on('error', reject);
    void closed.then(({ code }) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
  });
}

describe('waymark serve', () => {
  it('imports the bundled roadmaps with --bundled, serves them, and stops cleanly on Ctrl-C with a stream open', async () => {
    const first = await serve(['--bundled']);
    expect(first.stdout()).toMatch(
      /Imported the bundled roadmaps: ai-engineer, ai-infra-journey-2026, ai-ml-career, dev-to-ai-engineer/,
    );
    const roadmaps = await (await fetch(`${first.url}api/roadmaps`)).json();
    expect(roadmaps).toHaveLength(4);
    const body = JSON.stringify({ items: ['ai-engineer:1.1.1'], status: 'done' });
    const tokenless = await fetch(`${first.url}api/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    expect(tokenless.status).toBe(403);
    // As a script does it: the token first, then the write with it.
    const { token } = (await (await fetch(`${first.url}api/session`)).json()) as { token: string };
    const marked = await fetch(`${first.url}api/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Waymark-Token': token },
      body,
    });
    expect(marked.status).toBe(201);
    const stream = await fetch(`${first.url}api/events/stream`);
    expect(stream.status).toBe(200);
    const started = performance.now();
    const stopped = await first.stop();
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(stopped.stderr).toBe('');

    // Again: nothing re-imported, the progress kept.
    const second = await serve(['--bundled']);
    expect(second.stdout()).not.toMatch(/Imported/);
    const again = await (await fetch(`${second.url}api/roadmaps`)).json();
    expect(again).toHaveLength(4);
    expect(again.find((r: { id: string }) => r.id === 'ai-engineer').progress.done).toBeGreaterThan(0);
    expect((await second.stop()).code).toBe(0);
  });

  it('explains a port already in use and exits 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = spawnSync(process.execPath, [BIN, '--db', db, 'serve', '--port', String(port)], {
        cwd: ROOT,
        env: env(),
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toMatch(/--port \d+/);
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not a number (usage, exit 2), from --port or PORT', () => {
    const flag = spawnSync(process.execPath, [BIN, '--db', db, 'serve', '--port', 'http'], {
      cwd: ROOT,
      env: env(),
      encoding: 'utf8',
    });
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--port must be a port number');
    const variable = spawnSync(process.execPath, [BIN, '--db', db, 'serve'], {
      cwd: ROOT,
      env: { ...env(), PORT: '99999' },
      encoding: 'utf8',
    });
    expect(variable.status).toBe(2);
    expect(variable.stderr).toContain('PORT must be a port number');
  });
});
