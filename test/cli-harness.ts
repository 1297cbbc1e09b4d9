/**
 * Runs the real CLI binary (`node bin/waymark`) against a store file in a temp directory, with the clock
 * frozen, for integration tests. `npm test` builds dist/ first; run `npm run build` when running alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'waymark');
export const DEFAULT_NOW = '2026-11-20T12:00:00Z';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dir: string;
  db: string;
  path(name: string): string;
  /** Runs `waymark --db DB ...args`; `env` adds to (or with undefined removes from) the environment. */
  run(args: string[], env?: Record<string, string | undefined>, as?: { uid: number; gid: number }): CliRun;
  /** Runs and expects exit 0; returns stdout parsed as JSON when `--json` is among the args. */
  ok(args: string[], env?: Record<string, string | undefined>): CliRun & { json: unknown };
  cleanup(): void;
}

export function cliSandbox(prefix = 'waymark-cli-'): CliSandbox {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before these tests.');
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const db = join(dir, 'store.db');
  const run = (
    args: string[],
    env: Record<string, string | undefined> = {},
    as?: { uid: number; gid: number },
  ): CliRun => {
    const merged: NodeJS.ProcessEnv = {
      ...process.env,
      NO_COLOR: '1',
      TZ: 'UTC',
      WAYMARK_NOW: DEFAULT_NOW,
      ...env,
    };
    delete merged.WAYMARK_DEBUG;
    delete merged.WAYMARK_DB;
    for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
    const result = spawnSync(process.execPath, [BIN, '--db', db, ...args], {
      cwd: dir,
      env: merged,
      encoding: 'utf8',
      timeout: 20_000,
      maxBuffer: 64 * 1024 * 1024,
      ...as,
    });
    if (result.error) throw new Error(`waymark ${args.join(' ')} did not finish: ${result.error.message}`);
    expect(result.stderr, 'no stack trace, ever').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    dir,
    db,
    path: (name) => join(dir, name),
    run,
    ok(args, env) {
      const result = run(args, env);
      expect(result.status, `waymark ${args.join(' ')} failed:\n${result.stderr}`).toBe(0);
      return { ...result, json: args.includes('--json') ? JSON.parse(result.stdout) : undefined };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
