/**
 * Small file systems for fault tests (a full disk, read-only media): a tmpfs mounted where the system lets
 * us (root in most containers and CI runners, Linux only). Tests that need one run only when `canMountTmpfs`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const canMountTmpfs: boolean = (() => {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('sh', [
    '-c',
    'd=$(mktemp -d) && mount -t tmpfs tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s',
  ]);
  return probe.status === 0;
})();

/** Mounts a tmpfs of `size` (e.g. "2m") at a new folder `name` in `parent`; returns its path and unmount. */
export function mountTmpfs(parent: string, name: string, size: string): { path: string; unmount(): void } {
  const path = join(parent, name);
  mkdirSync(path);
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`mount failed: ${result.stderr}`);
  return { path, unmount: () => spawnSync('umount', ['-l', path]) };
}

export function remountReadOnly(path: string): void {
  const result = spawnSync('mount', ['-o', 'remount,ro', path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`remount failed: ${result.stderr}`);
}

/** Writes a file until the file system is full, to the last byte. */
export function fillDisk(mount: string): void {
  const fd = openSync(join(mount, 'filler'), 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
    try {
      for (;;) writeSync(fd, chunk.subarray(0, size));
    } catch {
      // ENOSPC: on to smaller writes, down to one byte
    }
  }
  closeSync(fd);
}
