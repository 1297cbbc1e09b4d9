import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WaymarkError } from '../core/errors.js';
import { readRegularFile } from './read-regular-file.js';

let dir: string;
const at = (name: string) => join(dir, name);

function refusal(path: string, limit = 1024): WaymarkError {
  try {
    readRegularFile(path, limit, { kind: 'roadmap', hint: 'Pass a .md file.' });
  } catch (error) {
    expect(error).toBeInstanceOf(WaymarkError);
    return error as WaymarkError;
  }
  throw new Error(`${path} was read`);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark read regular '));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads a regular file whole, up to and including the limit', () => {
    writeFileSync(at('ok.md'), 'x'.repeat(1024));
    expect(readRegularFile(at('ok.md'), 1024).length).toBe(1024);
    expect(refusal(at('ok.md'), 1023).message).toMatch(/up to 1023 bytes/);
  });

  it.each([
    ['/dev/zero', /character device/],
    ['/dev/urandom', /character device/],
    ['/dev/null', /character device/],
  ])('refuses %s by what it is, without reading it', (path, kind) => {
    if (!existsSync(path)) return;
    const error = refusal(path);
    expect(error.code).toBe('INPUT');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(kind);
    expect(error.hint).toBe('Pass a .md file.');
  });

  it('refuses a FIFO at once, even with no writer (the open must not wait)', () => {
    execFileSync('mkfifo', [at('pipe.md')]);
    const started = performance.now();
    expect(refusal(at('pipe.md')).message).toMatch(/named pipe \(FIFO\), not a roadmap file/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a directory and a Unix socket', async () => {
    mkdirSync(at('folder.md'));
    expect(refusal(at('folder.md')).message).toMatch(/is a directory/);
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(at('sock.md'), resolve));
    try {
      expect(refusal(at('sock.md')).message).toMatch(/socket/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('stops at the limit whatever stat says (a /proc file reports size 0)', () => {
    const path = '/proc/self/mountinfo';
    if (!existsSync(path)) return;
    expect(refusal(path, 8).message).toMatch(/larger than 8 bytes/);
  });

  it('names a symlink loop and a missing file', () => {
    symlinkSync(at('loop-b.md'), at('loop-a.md'));
    symlinkSync(at('loop-a.md'), at('loop-b.md'));
    expect(refusal(at('loop-a.md')).message).toMatch(/symbolic links/);
    expect(refusal(at('missing.md')).message).toMatch(/no such file/);
  });
});
