/**
 * An API app over a real SQLite store in a temp dir, with the clock frozen; requests go through
 * `app.request()` (no socket).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRoadmapFile } from '../../src/app/import-service.js';
import { openWorkspace, type Workspace } from '../../src/app/workspace.js';
import { createApp, type WaymarkApp } from '../../src/server/create-app.js';

export const NOW = '2026-11-20T12:00:00Z';

/** A parsed JSON response; the tests' assertions check its shape. */
// biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field by the assertions
export type Json = any;

export interface ApiSandbox extends WaymarkApp {
  dir: string;
  db: string;
  workspace: Workspace;
  get(path: string): Promise<{ status: number; json: Json }>;
  send(method: string, path: string, body?: unknown, raw?: string): Promise<{ status: number; json: Json }>;
  eventCount(): number;
  cleanup(): void;
}

export function apiSandbox(roadmaps: string[] = ['ai-engineer'], env: NodeJS.ProcessEnv = {}): ApiSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-api-'));
  const db = join(dir, 'store.db');
  const fullEnv = { WAYMARK_NOW: NOW, WAYMARK_TZ: 'UTC', ...env };
  const workspace = openWorkspace({ db, env: fullEnv });
  for (const name of roadmaps) importRoadmapFile(workspace, name);
  const server = createApp({
    store: workspace.store,
    env: fullEnv,
    pollIntervalMs: 50,
    onUnexpectedError: (error) => console.error('unexpected error in a route:', error),
  });
  const parse = async (response: Response) => {
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, json };
  };
  return {
    ...server,
    dir,
    db,
    workspace,
    get: async (path) => parse(await server.app.request(path)),
    send: async (method, path, body, raw) =>
      parse(
        await server.app.request(path, {
          method,
          // As the dashboard sends a write: JSON, with this server start's token.
          headers: { 'Content-Type': 'application/json', 'X-Waymark-Token': server.sessionToken },
          body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
        }),
      ),
    eventCount: () => workspace.store.listEvents().length,
    cleanup() {
      server.close();
      workspace.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
