/**
 * Runs the app on 127.0.0.1 with @hono/node-server: opens the store once for the server's lifetime,
 * optionally imports the bundled roadmaps first, and closes everything in order on `close()`.
 */

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { listBundledRoadmaps } from '../app/bundled-roadmaps.js';
import { clockNow } from '../app/clock.js';
import { importRoadmapFile } from '../app/import-service.js';
import { storePath } from '../app/workspace.js';
import { WaymarkError } from '../core/errors.js';
import type { Store } from '../store/port.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { DEFAULT_RETRY, type RetryOptions } from '../store/sqlite/write-transaction.js';
import { createApp } from './create-app.js';

export const DEFAULT_PORT = 4747;
export const HOST = '127.0.0.1';

export interface StartOptions {
  db?: string;
  /** 0 picks a free port. */
  port: number;
  env?: NodeJS.ProcessEnv;
  /** Import the bundled roadmaps that are not in the store yet. */
  bundled?: boolean;
  /** Default: dist/web of this installation. */
  webRoot?: string;
  pollIntervalMs?: number;
  onUnexpectedError?: (error: unknown) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  storePath: string;
  /** Roadmaps `bundled` imported now (empty when they were all there). */
  imported: string[];
  /** Whether the live-update poller runs (only while an event stream is open). */
  livePolling(): boolean;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const path = storePath({ ...(options.db ? { db: options.db } : {}), env });
  // Start-up may wait for another process's lock like the CLI does (nothing is served yet)...
  const imported = options.bundled ? withWaitingStore(path, (store) => importBundled(store, env)) : [];
  // ...but once serving, a wait would freeze every request: the store fails a busy write at once and the
  // routes retry it on a timer (busy-retry.ts), answering 503 when the lock stays taken.
  const store = openSqliteStore(path, { ...SERVING_RETRY, whileOpening: DEFAULT_RETRY });
  try {
    const waymark = createApp({
      store,
      env,
      webRoot: options.webRoot ?? defaultWebRoot(),
      ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
      ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
    });
    const server = createAdaptorServer({ fetch: waymark.app.fetch }) as Server;
    const port = await listen(server, options.port).catch((error: unknown) => {
      waymark.close();
      throw error;
    });
    let closing: Promise<void> | undefined;
    return {
      url: `http://${HOST}:${port}/`,
      port,
      storePath: path,
      imported,
      livePolling: () => waymark.live.polling,
      close() {
        closing ??= new Promise<void>((resolve) => {
          waymark.close();
          server.close(() => {
            store.close();
            resolve();
          });
          server.closeAllConnections();
        });
        return closing;
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

const SERVING_RETRY: RetryOptions = { busyTimeoutMs: 0, busyRetries: 0 };

function withWaitingStore<T>(path: string, use: (store: Store) => T): T {
  const store = openSqliteStore(path);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new WaymarkError(
            'INPUT',
            `port ${port} on ${HOST} is already in use (another Waymark server, or another program).`,
            `Stop it, or pick another port: \`waymark serve --port ${port + 1}\` (or PORT=${port + 1} npm start).`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(new WaymarkError('INPUT', `not allowed to listen on port ${port}.`, 'Use a port above 1023.'));
      } else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/** Imports each bundled roadmap not stored yet (by source file); stored ones and their progress stay as they are. */
export function importBundled(store: Store, env: NodeJS.ProcessEnv): string[] {
  const workspace = { store, now: clockNow(env), newId: randomUUID };
  const storedPaths = new Set(store.listRoadmaps().map((record) => record.sourcePath));
  const imported: string[] = [];
  for (const bundled of listBundledRoadmaps()) {
    if (storedPaths.has(bundled.path)) continue;
    imported.push(importRoadmapFile(workspace, bundled.path).roadmap.id);
  }
  return imported;
}

/** dist/web at the package root (found from this module, compiled or not). */
export function defaultWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'dist', 'web');
}
