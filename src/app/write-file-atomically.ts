import { createHash } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  linkSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { WaymarkError } from '../core/errors.js';
import { describeWriteError } from './write-file-errors.js';
import { recoverInterruptedWrites, releaseSideFile, sideFile } from './write-side-files.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Replaces the learner's file with `bytes` only if it still holds what was read (`expectedSha256`), with no
 * moment in which an editor's save can be lost:
 *
 * 1. the new content is written and fsynced to a temp file beside the file (same mode and owner);
 * 2. the file is renamed aside (`.orig`): whatever was there, an editor's last save included, is now held
 *    and can no longer change under its name;
 * 3. the temp file is hard-linked to the name, which fails if anything (an editor's save, by rename or by
 *    a fresh create) took the name in the meantime: then that save stands and nothing is written;
 * 4. the held file is compared with what was read, which also catches a save written in place, through a
 *    descriptor opened before (2); if it differs, the learner's version goes back in place of ours (unless
 *    a newer save already replaced ours: then that one stays).
 *
 * Every refusal is a CONFLICT naming the file. The name is free only between (2) and (3), two adjacent
 * system calls (a reader may find no file for those microseconds); a kill there leaves the `.orig`, which
 * the next sync (`recoverRoadmapFile`) puts back.
 *
 * A symlink is written through (its target is replaced, the link stays). A file with several hard links is
 * written in place, since a new inode would leave the other names with the old content.
 */
export function writeFileAtomically(path: string, bytes: Uint8Array, expectedSha256: string): void {
  const target = resolveTarget(path);
  recoverInterruptedWrites(target);
  const stat = assertWritable(path, target);
  if (stat.nlink > 1) writeInPlace(path, target, bytes, expectedSha256);
  else swapIn(path, target, bytes, expectedSha256, stat);
}

/** Writes a file Waymark produces (an export, a review): a reader never sees it half-written. */
export function writeOutputFile(path: string, bytes: Uint8Array): void {
  let mode = 0o644;
  let target = path;
  try {
    target = realpathSync(path);
    mode = statSync(target).mode & 0o7777;
  } catch {
    // A new file; a link that leads to no file yet gets its target created, the link kept.
    target = danglingLinkTarget(path) ?? path;
  }
  const temp = writeTempFile(path, target, bytes, mode);
  try {
    renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw describeWriteError(path, error);
  } finally {
    releaseSideFile(temp);
  }
  syncDirectory(dirname(target));
}

/**
 * Refuses, before anything is recorded, a file sync must not write: one the learner made read-only (no
 * write bit, checked on the mode since root may write anything), one this user cannot write, or one whose
 * folder does not let Waymark put the new version beside it. Returns the target's stat.
 */
export function assertWritable(path: string, target = resolveTarget(path)): Stats {
  let stat: Stats;
  try {
    stat = statSync(target);
  } catch (error) {
    throw describeWriteError(path, error);
  }
  const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
  const through = target === path ? '' : ` (through the link to ${target})`;
  if (!stat.isFile()) {
    throw new WaymarkError(
      'INPUT',
      `${path}${through} is no longer a regular file, so sync does not write it.`,
      'Put the roadmap file back at that path, or import it from where it is now.',
    );
  }
  if ((stat.mode & 0o222) === 0) {
    throw new WaymarkError(
      'INPUT',
      `${path}${through} is read-only (mode ${mode}), so sync leaves it as it is.`,
      `To let sync tick its boxes, make it writable: chmod u+w "${target}".`,
    );
  }
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new WaymarkError(
      'INPUT',
      `${path}${through}: permission denied (mode ${mode}); sync cannot write it.`,
      'Check who owns the file (ls -l) and make it writable for you.',
    );
  }
  if (stat.nlink <= 1) {
    try {
      accessSync(dirname(target), constants.W_OK);
    } catch {
      throw new WaymarkError(
        'INPUT',
        `${path}${through}: its folder ${dirname(target)} is not writable, so sync cannot save the new version beside it.`,
        `Make the folder writable (chmod u+w "${dirname(target)}"), or move the roadmap to a folder of yours and import it from there.`,
      );
    }
  }
  return stat;
}

function danglingLinkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? resolve(dirname(path), readlinkSync(path)) : undefined;
  } catch {
    return undefined;
  }
}

/** The file a path finally names: writing replaces the target of a symlink, never the link. */
function resolveTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    throw describeWriteError(path, error);
  }
}

function swapIn(path: string, target: string, bytes: Uint8Array, expected: string, stat: Stats): void {
  const temp = writeTempFile(path, target, bytes, stat.mode & 0o7777, stat);
  const held = sideFile(target, 'orig');
  try {
    // A cheap early refusal; the check that counts is the one after the swap.
    if (sha256(readWhole(target)) !== expected) throw changedError(path);
    // The name is free between these two calls only: nothing slow may sit between them.
    try {
      renameSync(target, held);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') throw changedError(path, 'was deleted');
      throw describeWriteError(path, error);
    }
    try {
      claimName(temp, target);
    } catch (error) {
      putBack(held, target);
      if ((error as { code?: string }).code === 'EEXIST') throw changedError(path);
      throw describeWriteError(path, error);
    }
    syncDirectory(dirname(target));
    if (sha256(readWhole(held)) !== expected) {
      restoreLearnerVersion(held, target, bytes);
      throw changedError(path);
    }
  } finally {
    // Whatever went wrong, the learner's file is never left only under the side name.
    if (!exists(target)) putBack(held, target);
    removeQuietly(temp);
    removeQuietly(held);
    releaseSideFile(temp);
    releaseSideFile(held);
  }
  syncDirectory(dirname(target));
}

/** Gives `from` the name `to` only if the name is free (EEXIST otherwise): a link where links exist. */
function claimName(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // A file system without hard links (FAT, some network shares): the closest is a rename into a free name.
    if (exists(to)) throw Object.assign(new Error(`${to} exists`), { code: 'EEXIST' });
    renameSync(from, to);
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Puts the held original back under its name, unless a newer save took the name (then that one stands). */
function putBack(held: string, target: string): void {
  if (!exists(held)) return;
  try {
    claimName(held, target);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
}

/**
 * A save landed in the held original after our version took the name: the learner's version goes back.
 * If yet another save replaced ours meanwhile, that one is newer still and stays.
 */
function restoreLearnerVersion(held: string, target: string, ours: Uint8Array): void {
  const displaced = sideFile(target, 'orig');
  try {
    renameSync(target, displaced);
    if (sha256(readWhole(displaced)) === sha256(ours)) putBack(held, target);
    else putBack(displaced, target);
    syncDirectory(dirname(target));
  } finally {
    removeQuietly(displaced);
    releaseSideFile(displaced);
  }
}

/**
 * For a file with several hard links: the changed bytes are written into the file itself, through one
 * descriptor that is checked first. A save by rename meanwhile leaves the name on the editor's file, which
 * is then reported as a conflict (our bytes went to the other names, the editor's save is whole).
 */
function writeInPlace(path: string, target: string, bytes: Uint8Array, expected: string): void {
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDWR | constants.O_NOCTTY);
  } catch (error) {
    throw describeWriteError(path, error);
  }
  try {
    const before = readFd(fd);
    if (sha256(before) !== expected) throw changedError(path);
    let first = 0;
    while (first < before.length && first < bytes.length && before[first] === bytes[first]) first++;
    if (before.length === bytes.length) {
      // Same length (a box flipped between [ and ]): only the bytes that differ are written.
      for (let i = first; i < bytes.length; i++) {
        if (before[i] !== bytes[i]) writeSync(fd, bytes, i, 1, i);
      }
    } else {
      let written = first;
      while (written < bytes.length)
        written += writeSync(fd, bytes, written, bytes.length - written, written);
      ftruncateSync(fd, bytes.length);
    }
    fsyncSync(fd);
    if (fstatSync(fd).ino !== statSync(target).ino) throw changedError(path);
  } finally {
    closeSync(fd);
  }
}

function writeTempFile(path: string, target: string, bytes: Uint8Array, mode: number, owner?: Stats): string {
  const temp = sideFile(target, 'tmp');
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    fchmodSync(fd, mode); // the umask must not loosen or tighten the learner's permissions
    if (owner && process.getuid?.() === 0 && (owner.uid !== 0 || owner.gid !== 0)) {
      fchownSync(fd, owner.uid, owner.gid); // root syncing a learner's file keeps it theirs
    }
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    return temp;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temp);
    releaseSideFile(temp);
    throw describeWriteError(path, error);
  }
}

function changedError(path: string, how = 'changed'): WaymarkError {
  return new WaymarkError(
    'CONFLICT',
    `${path} ${how} while Waymark was writing it; your version was kept and nothing was written.`,
    'Save your editor, then run the command again.',
  );
}

function readWhole(path: string): Buffer {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOCTTY);
  try {
    return readFd(fd);
  } finally {
    closeSync(fd);
  }
}

function readFd(fd: number): Buffer {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    const read = readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    position += read;
  }
  return Buffer.concat(chunks, position);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already renamed or removed
  }
}

/** Makes the rename itself durable; some platforms cannot fsync a directory, which is harmless. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here (e.g. Windows)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
