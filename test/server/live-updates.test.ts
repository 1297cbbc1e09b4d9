import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importRoadmapFile } from '../../src/app/import-service.js';
import { openWorkspace } from '../../src/app/workspace.js';
import { type RunningServer, startServer } from '../../src/server/start-server.js';
import { BIN } from '../cli-harness.js';

/*
 * A change made by another process (the CLI binary) reaches an open event stream within a second.
 * Needs dist/ (npm test builds it; run `npm run build` first when running alone).
 */
let dir: string;
let db: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-live-'));
  db = join(dir, 'store.db');
  const workspace = openWorkspace({ db, env: {} });
  importRoadmapFile(workspace, 'ai-engineer');
  workspace.store.close();
  server = await startServer({ db, port: 0, env: { WAYMARK_TZ: 'UTC' } });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Reads server-sent events from a fetch body, resolving each awaited event in order. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<{ event: string; data: string } | undefined> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) continue; // heartbeat comment
        const field = (name: string) =>
          block
            .split('\n')
            .find((line) => line.startsWith(`${name}: `))
            ?.slice(name.length + 2) ?? '';
        return { event: field('event'), data: field('data') };
      }
      const { done, value } = await reader.read();
      if (done) return undefined;
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return Object.assign(next, { close: () => reader.cancel() });
}

function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--db', db, ...args], {
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

it('delivers a change made by the CLI in another process within a second', async () => {
  const response = await fetch(`${server.url}api/events/stream`);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const next = sseReader(response.body as ReadableStream<Uint8Array>);
  const ready = await next();
  expect(ready).toEqual({ event: 'ready', data: JSON.stringify({ seq: 0 }) });

  const cli = await runCli(['done', 'ai-engineer:1.1.1']);
  expect(cli.code, cli.stderr).toBe(0);
  const finishedAt = performance.now();
  const change = await next();
  const latency = performance.now() - finishedAt;
  expect(change?.event).toBe('change');
  expect(JSON.parse(change?.data ?? '{}').seq).toBeGreaterThan(0);
  expect(latency, `arrived ${Math.round(latency)} ms after the CLI finished`).toBeLessThan(1_000);

  // The change is visible to the next read: the cached tree was invalidated.
  const tree = await (await fetch(`${server.url}api/roadmaps/ai-engineer/tree`)).json();
  expect(tree.progress.done).toBeGreaterThan(0);
  await next.close();
});

it('tells every open stream, from one shared poller, and stops polling when the last one leaves', async () => {
  const streams = await Promise.all([1, 2, 3].map(() => fetch(`${server.url}api/events/stream`)));
  const readers = streams.map((response) => sseReader(response.body as ReadableStream<Uint8Array>));
  for (const next of readers) expect((await next())?.event).toBe('ready');
  const cli = await runCli(['log', '30m', 'ai-engineer:1.1.1']);
  expect(cli.code, cli.stderr).toBe(0);
  for (const next of readers) expect((await next())?.event).toBe('change');
  for (const next of readers) await next.close();
  const deadline = Date.now() + 2_000;
  while (Date.now() < deadline && (await pollingState()).polling) await new Promise((r) => setTimeout(r, 20));
  expect((await pollingState()).polling).toBe(false);
});

it('also announces a roadmap imported from the CLI', async () => {
  const response = await fetch(`${server.url}api/events/stream`);
  const next = sseReader(response.body as ReadableStream<Uint8Array>);
  await next();
  const cli = await runCli(['import', 'ai-ml-career']);
  expect(cli.code, cli.stderr).toBe(0);
  expect((await next())?.event).toBe('change');
  const roadmaps = await (await fetch(`${server.url}api/roadmaps`)).json();
  expect(roadmaps.map((r: { id: string }) => r.id)).toContain('ai-ml-career');
  await next.close();
});

async function pollingState(): Promise<{ polling: boolean }> {
  return { polling: server.livePolling() };
}
