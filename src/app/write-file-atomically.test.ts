import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WaymarkError } from '../core/errors.js';
import { writeFileAtomically, writeOutputFile } from './write-file-atomically.js';
import { recoverRoadmapFile } from './write-side-files.js';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const bytes = (text: string) => new TextEncoder().encode(text);
const dirs: string[] = [];

function fixture(content: string, mode = 0o640) {
  const dir = mkdtempSync(join(tmpdir(), 'waymark write '));
  dirs.push(dir);
  const path = join(dir, 'roadmap.md');
  writeFileSync(path, content);
  chmodSync(path, mode);
  return { dir, path };
}

function waymarkError(fn: () => unknown): WaymarkError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WaymarkError);
    return error as WaymarkError;
  }
  throw new Error('expected a WaymarkError');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('writeFileAtomically', () => {
  it('replaces the content, keeps the permissions and leaves no side file', () => {
    const { dir, path } = fixture('- [ ] a\n');
    writeFileAtomically(path, bytes('- [x] a\n'), hash('- [ ] a\n'));
    expect(readFileSync(path, 'utf8')).toBe('- [x] a\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['roadmap.md']);
  });

  it('keeps the mode whatever the umask', () => {
    const { path } = fixture('- [ ] a\n', 0o664);
    const before = process.umask(0o077);
    try {
      writeFileAtomically(path, bytes('- [x] a\n'), hash('- [ ] a\n'));
    } finally {
      process.umask(before);
    }
    expect(statSync(path).mode & 0o777).toBe(0o664);
  });

  it('refuses to clobber a file edited since it was read', () => {
    const { dir, path } = fixture('- [ ] a\n');
    writeFileSync(path, '- [ ] a\n- [ ] b (typed in the editor)\n');
    const error = waymarkError(() => writeFileAtomically(path, bytes('- [x] a\n'), hash('- [ ] a\n')));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe('- [ ] a\n- [ ] b (typed in the editor)\n');
    expect(readdirSync(dir)).toEqual(['roadmap.md']);
  });

  it('writes through a symlink to its target and keeps the link', () => {
    const { dir, path } = fixture('- [ ] a\n');
    const link = join(dir, 'notes-link.md');
    symlinkSync(path, link);
    writeFileAtomically(link, bytes('- [x] a\n'), hash('- [ ] a\n'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('- [x] a\n');
    expect(readdirSync(dir).sort()).toEqual(['notes-link.md', 'roadmap.md']);
  });

  it('refuses a read-only file (mode 0444) even when root could write it, and leaves it as it is', () => {
    const { path } = fixture('- [ ] a\n', 0o444);
    const error = waymarkError(() => writeFileAtomically(path, bytes('- [x] a\n'), hash('- [ ] a\n')));
    expect(error.code).toBe('INPUT');
    expect(error.message).toMatch(/read-only \(mode 0444\)/);
    expect(error.message).toContain(path);
    expect(error.hint).toMatch(/chmod u\+w/);
    expect(readFileSync(path, 'utf8')).toBe('- [ ] a\n');
    expect(statSync(path).mode & 0o777).toBe(0o444);
  });

  it('keeps hard links: every name sees the new content, on the same inode', () => {
    const { dir, path } = fixture('- [ ] a\n- [✔️] b\n');
    const other = join(dir, 'backup-name.md');
    linkSync(path, other);
    const inode = statSync(path).ino;
    writeFileAtomically(path, bytes('- [x] a\n- [ ] b\n'), hash('- [ ] a\n- [✔️] b\n'));
    expect(statSync(path).ino).toBe(inode);
    expect(statSync(path).nlink).toBe(2);
    expect(readFileSync(other, 'utf8')).toBe('- [x] a\n- [ ] b\n');
    expect(readdirSync(dir).sort()).toEqual(['backup-name.md', 'roadmap.md']);
  });

  it.skipIf(process.getuid?.() === 0)(
    'a read-only folder: the error names the roadmap, not a temp file',
    () => {
      const { dir, path } = fixture('- [ ] a\n');
      chmodSync(dir, 0o500);
      const error = waymarkError(() => writeFileAtomically(path, bytes('- [x] a\n'), hash('- [ ] a\n')));
      expect(error.message).toContain(path);
      expect(error.message).toMatch(/folder .* is not writable/);
      expect(error.message).not.toMatch(/waymark-.*\.tmp/);
    },
  );

  it.runIf(process.getuid?.() === 0)('run as root, a learner’s file stays theirs', () => {
    const { path } = fixture('- [ ] a\n');
    chownSync(path, 1234, 1234);
    writeFileAtomically(path, bytes('- [x] a\n'), hash('- [ ] a\n'));
    expect(statSync(path)).toMatchObject({ uid: 1234, gid: 1234 });
  });
});

describe('recoverRoadmapFile', () => {
  it('removes leftovers of a killed write (old and new names), and leaves a running one’s alone', () => {
    const { dir, path } = fixture('- [ ] a\n');
    const deadPid = 2 ** 22 + 17; // above pid_max's default: no such process
    writeFileSync(join(dir, '.roadmap.md.waymark-0123456789ab.tmp'), 'x'.repeat(1000));
    writeFileSync(join(dir, `.roadmap.md.waymark-${deadPid}-0123456789ab.tmp`), 'x');
    writeFileSync(join(dir, `.roadmap.md.waymark-${process.ppid}-0123456789ab.tmp`), 'in flight');
    writeFileSync(join(dir, '.other.md.waymark-0123456789ab.tmp'), 'not ours');
    const recovery = recoverRoadmapFile(path);
    expect(recovery.removed).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual([
      `.other.md.waymark-0123456789ab.tmp`,
      `.roadmap.md.waymark-${process.ppid}-0123456789ab.tmp`,
      'roadmap.md',
    ]);
  });

  it('a running write’s leftovers become stale after an hour', () => {
    const { dir, path } = fixture('- [ ] a\n');
    const name = join(dir, `.roadmap.md.waymark-${process.ppid}-0123456789ab.tmp`);
    writeFileSync(name, 'x');
    expect(recoverRoadmapFile(path, Date.now() + 2 * 60 * 60 * 1000).removed).toEqual([name]);
  });

  it('puts the learner’s file back when a write was killed while the name was free', () => {
    const { dir, path } = fixture('- [ ] a\n');
    const held = join(dir, `.roadmap.md.waymark-${2 ** 22 + 17}-0123456789ab.orig`);
    const temp = join(dir, `.roadmap.md.waymark-${2 ** 22 + 17}-ba9876543210.tmp`);
    writeFileSync(temp, '- [x] a\n');
    linkSync(path, held);
    rmSync(path);
    utimesSync(held, new Date(0), new Date(0)); // an old mtime: a rename keeps the learner's
    expect(recoverRoadmapFile(path).restoredFrom).toBe(held);
    expect(readFileSync(path, 'utf8')).toBe('- [ ] a\n');
    expect(readdirSync(dir)).toEqual(['roadmap.md']);
  });
});

describe('writeOutputFile', () => {
  it('writes an export through a link, even one whose target does not exist yet, and keeps the link', () => {
    const { dir } = fixture('');
    const link = join(dir, 'latest.json');
    symlinkSync(join(dir, 'backup-2026.json'), link);
    writeOutputFile(link, bytes('{}'));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'backup-2026.json'), 'utf8')).toBe('{}');
  });

  it('a missing folder: a message naming it', () => {
    const { dir } = fixture('');
    const error = waymarkError(() => writeOutputFile(join(dir, 'nope', 'out.json'), bytes('{}')));
    expect(error.message).toContain(join(dir, 'nope'));
  });
});
