/**
 * A new store appears at its path complete (schema and all) or not at all: it is built in a temporary file
 * beside it and hard-linked into place, which fails instead of overwriting when another process created
 * the store meanwhile. So no process ever sees a half-made store, concurrent first runs agree on one file,
 * and a zero-byte file at the path can only be something else (see existingStoreFile).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function createStoreFile(path: string, build: (tempPath: string) => void): void {
  removeAbandoned(path);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.new`);
  try {
    build(temp); // closes its connection: the WAL is checkpointed into the file and removed
    try {
      linkSync(temp, path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EEXIST') return; // another process won: use its store
      // File systems without hard links (FAT, some network mounts): a rename, unless one appeared meanwhile.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      if (!existsSync(path)) renameSync(temp, path);
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${temp}${suffix}`, { force: true });
  }
}

/** Temporary stores left by a process killed while creating one (its pid is no longer running). */
function removeAbandoned(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return; // creating the store will report the folder's problem
  }
  for (const name of names) {
    const pid = name.startsWith(prefix)
      ? /^(\d+)-[0-9a-f]{8}\.new(-wal|-shm|-journal)?$/.exec(name.slice(prefix.length))?.[1]
      : undefined;
    if (pid === undefined || isRunning(Number(pid))) continue;
    rmSync(join(dirname(path), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'; // alive, another user's
  }
}
