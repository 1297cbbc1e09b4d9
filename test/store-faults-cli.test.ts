import { closeSync, existsSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canMountTmpfs, fillDisk, mountTmpfs } from '../src/testing/tmpfs.js';
import { type CliSandbox, cliSandbox } from './cli-harness.js';

/*
 * Store faults through the real CLI: each is named with what to do, never "a bug in Waymark", and a
 * store in trouble is not made worse.
 */

let cli: CliSandbox;
let unmount: (() => void) | undefined;
beforeEach(() => {
  cli = cliSandbox('waymark faults ');
});
afterEach(() => {
  unmount?.();
  unmount = undefined;
  cli.cleanup();
});

function expectNamed(result: { status: number | null; stderr: string }, message: string): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toContain(message);
  expect(result.stderr).not.toMatch(/This is a bug/);
}

describe.runIf(canMountTmpfs)('a full disk', () => {
  it('refuses writes with "full" and what to do; list, status and export still work', () => {
    const mount = mountTmpfs(cli.dir, 'disk', '3m');
    unmount = mount.unmount;
    const db = join(mount.path, 'store.db');
    cli.ok(['--db', db, 'import', 'ai-engineer']);
    cli.ok(['--db', db, 'done', '1.1.1']);
    const backup = cli.ok(['--db', db, 'export']).stdout;
    fillDisk(mount.path);
    const write = cli.run(['--db', db, 'done', '2.3', '--all']);
    expectNamed(write, `The disk holding the database ${db} is full: nothing of this change was saved.`);
    expect(write.stderr).toContain('Free some disk space');
    for (const args of [['list'], ['status', 'ai-engineer'], ['show', '1.1.1']])
      cli.ok(['--db', db, ...args]);
    expect(cli.ok(['--db', db, 'export']).stdout).toBe(backup);
    rmSync(join(mount.path, 'filler'));
    cli.ok(['--db', db, 'done', '2.3', '--all']); // space again: writes work again
  });
});

describe('a damaged store', () => {
  it('is named, refused for writing from the first write on, and the refusal sticks', () => {
    cli.ok(['import', 'ai-engineer']);
    for (let i = 0; i < 3; i++) cli.ok(['log', '30m', '-m', 'x'.repeat(2000)]);
    cli.ok(['done', '1.1.1']);
    const size = statSync(cli.db).size;
    const fd = openSync(cli.db, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 4096 / 2) * 4096);
    closeSync(fd);
    for (const args of [['log', '1h'], ['done', '1.1.2'], ['undo']]) {
      const result = cli.run(args);
      expectNamed(result, `The database ${cli.db} is damaged`);
      expect(result.stderr).toContain('Waymark will not write to it');
    }
    expect(existsSync(`${cli.db}.damaged`)).toBe(true);
  });
});
