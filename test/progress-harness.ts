/**
 * In-process access to every view of progress, for the consistency tests: the CLI commands' `--json`
 * output (the command functions with a capturing Io, each opening the store like the binary does) and the
 * API's responses (`app.request()`, a fresh app per snapshot so no read cache spans a write).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveRoadmapPath } from '../src/app/bundled-roadmaps.js';
import { openWorkspace } from '../src/app/workspace.js';
import { importCommand, listCommand } from '../src/cli/commands/import.js';
import { planCommand } from '../src/cli/commands/plan.js';
import { showCommand, statusCommand } from '../src/cli/commands/status.js';
import { plain } from '../src/cli/format/style.js';
import type { Io } from '../src/cli/io.js';
import { WaymarkError } from '../src/core/errors.js';
import { createApp } from '../src/server/create-app.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON views are compared field by field
export type Json = any;

export const NOW = '2026-11-20T12:00:00Z';
export const ENV = { WAYMARK_NOW: NOW, WAYMARK_TZ: 'UTC', NO_COLOR: '1' };

/** An Io that collects what a command prints, without colour. */
export function captureIo(lines: string[], env: NodeJS.ProcessEnv = ENV): Io {
  return { out: (text) => lines.push(text), warn: (text) => lines.push(text), style: plain, env };
}

export interface Sandbox {
  dir: string;
  db: string;
  /** Runs a command function with `--db` and `--json`, returning its parsed output (or the error it threw). */
  cli(run: (options: Json, io: Io) => Promise<void>, extra?: Json): Promise<Json>;
  cliText(run: (options: Json, io: Io) => Promise<void>, extra?: Json): Promise<string[]>;
  api(path: string): Promise<{ status: number; json: Json }>;
  cleanup(): void;
}

export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'waymark progress '));
  const db = join(dir, 'store.db');
  const cli = async (run: (options: Json, io: Io) => Promise<void>, extra: Json = {}) => {
    const lines: string[] = [];
    const io = captureIo(lines);
    try {
      await run({ db, json: true, ...extra }, io);
    } catch (error) {
      if (error instanceof WaymarkError) return { error: error.code, message: error.message };
      throw error;
    }
    return lines.length === 0 ? undefined : JSON.parse(lines.join('\n'));
  };
  const cliText = async (run: (options: Json, io: Io) => Promise<void>, extra: Json = {}) => {
    const lines: string[] = [];
    const io = captureIo(lines);
    await run({ db, ...extra }, io);
    return lines;
  };
  const api = async (path: string) => {
    const workspace = openWorkspace({ db, env: ENV });
    const server = createApp({ store: workspace.store, env: ENV, pollIntervalMs: 1000 });
    try {
      const response = await server.app.request(path);
      const text = await response.text();
      return { status: response.status, json: JSON.parse(text) };
    } finally {
      server.close();
      workspace.store.close();
    }
  };
  return { dir, db, cli, cliText, api, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a bundled roadmap into the sandbox (so `sync` may write it) and imports the copy. */
export async function importCopy(box: Sandbox, name: string): Promise<string> {
  const path = join(box.dir, `${name}.md`);
  copyFileSync(resolveRoadmapPath(name), path);
  const result = await box.cli((options, io) => importCommand(path, options, io));
  return result.id as string;
}

export async function importText(box: Sandbox, name: string, text: string): Promise<string> {
  const path = join(box.dir, `${name}.md`);
  writeFileSync(path, text);
  const result = await box.cli((options, io) => importCommand(path, options, io));
  return result.id as string;
}

/** Every view that reports progress, for one roadmap. */
export async function views(box: Sandbox, roadmapId: string) {
  const status = await box.cli((options, io) => statusCommand(roadmapId, options, io));
  const list = ((await box.cli((options, io) => listCommand(options, io))) as Json[]).find(
    (entry) => entry.id === roadmapId,
  );
  const plan = await box.cli((options, io) => planCommand(roadmapId, options, io));
  const apiRoadmaps = (await box.api('/api/roadmaps')).json as Json[];
  const apiTree = (await box.api(`/api/roadmaps/${encodeURIComponent(roadmapId)}/tree`)).json;
  const apiPlan = await box.api(`/api/roadmaps/${encodeURIComponent(roadmapId)}/plan`);
  return {
    status,
    list,
    plan,
    apiSummary: apiRoadmaps.find((entry) => entry.id === roadmapId),
    apiTree,
    apiPlan,
  };
}

export async function showJson(box: Sandbox, ref: string): Promise<Json> {
  return box.cli((options, io) => showCommand(ref, options, io));
}

/** Nodes of a status tree by id (depth first, document order). */
export function flatten(nodes: readonly Json[]): Json[] {
  const out: Json[] = [];
  const visit = (node: Json) => {
    out.push(node);
    for (const child of node.children) visit(child);
  };
  for (const node of nodes) visit(node);
  return out;
}
