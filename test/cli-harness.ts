/**
 * Runs the real CLI binary (`node bin/waymark`) against a store file in a temp directory, with the clock
 * frozen, for integration tests. `npm test` builds dist/ first; run `npm run build` when running alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'waymark');
export const DEFAULT_NOW = '2026-11-20T12:00:00Z';

/** Another user to run the CLI as (root-only tests: root ignores file modes, `nobody` does not). */
export interface RunAs {
  uid: number;
  gid: number;
}

export const NOBODY: RunAs = { uid: 65534, gid: 65534 };

let sharedCopy: string | undefined;

/**
 * The CLI binary another user can run, or why there is none. A checkout in a private folder (`mktemp -d`
 * makes 0700 ones) is unreadable to `nobody`, so the files the CLI loads (bin, dist, the bundled roadmaps,
 * the schema, package.json) are copied once into a world-readable temp folder, with node_modules linked.
 */
export function binFor(user: RunAs): { bin: string } | { skip: string } {
  const canRun = (bin: string) =>
    spawnSync(process.execPath, [bin, '--version'], { ...user, encoding: 'utf8', timeout: 20_000 }).status ===
    0;
  if (canRun(BIN)) return { bin: BIN };
  if (!sharedCopy) {
    const copy = mkdtempSync(join(tmpdir(), 'waymark shared '));
    chmodSync(copy, 0o755);
    for (const part of ['bin', 'dist', 'roadmaps', 'schema', 'package.json']) {
      cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    }
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(copy, 'node_modules'));
    sharedCopy = copy;
  }
  const bin = join(sharedCopy, 'bin', 'waymark');
  if (canRun(bin)) return { bin };
  return {
    skip: `uid ${user.uid} cannot run node (${process.execPath}) or read node_modules (${realpathSync(join(ROOT, 'node_modules'))}); the test needs both`,
  };
}

/** Removes the copy binFor made (call in afterAll of a file that used it). */
export function removeSharedCopy(): void {
  if (sharedCopy) rmSync(sharedCopy, { recursive: true, force: true });
  sharedCopy = undefined;
}

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
  run(args: string[], env?: Record<string, string | undefined>, as?: RunAs): CliRun;
  /** Starts `waymark --db DB ...args` without waiting, so several can run at once. */
  start(args: string[], env?: Record<string, string | undefined>): Promise<CliRun>;
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
  const environment = (env: Record<string, string | undefined>): NodeJS.ProcessEnv => {
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
    return merged;
  };
  const start = (args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--db', db, ...args], {
        cwd: dir,
        env: environment(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr });
      });
    });
  const run = (args: string[], env: Record<string, string | undefined> = {}, as?: RunAs): CliRun => {
    const bin = as ? binFor(as) : { bin: BIN };
    if ('skip' in bin) throw new Error(`cannot run the CLI as uid ${as?.uid}: ${bin.skip}`);
    const merged = environment(env);
    const result = spawnSync(process.execPath, [bin.bin, '--db', db, ...args], {
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
    start,
    ok(args, env) {
      const result = run(args, env);
      expect(result.status, `waymark ${args.join(' ')} failed:\n${result.stderr}`).toBe(0);
      return { ...result, json: args.includes('--json') ? JSON.parse(result.stdout) : undefined };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
