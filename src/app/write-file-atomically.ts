import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WaymarkError } from '../core/errors.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Replaces a user's file without ever leaving it half-written: the new bytes go to a temp file beside it
 * (same permissions), are fsynced, and renamed over the original. If the file no longer has the content
 * we read (`expectedSha256`), nothing is written: the user's edit wins and the caller reports it.
 */
export function writeFileAtomically(path: string, bytes: Uint8Array, expectedSha256: string): void {
  const mode = statSync(path).mode & 0o7777;
  assertUnchanged(path, expectedSha256);
  replaceViaTempFile(path, bytes, mode, () => assertUnchanged(path, expectedSha256));
}

/** Writes a file Waymark produces (an export, a review): a reader never sees it half-written. */
export function writeOutputFile(path: string, bytes: Uint8Array): void {
  let mode = 0o644;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // a new file
  }
  replaceViaTempFile(path, bytes, mode, () => {});
}

function replaceViaTempFile(path: string, bytes: Uint8Array, mode: number, beforeRename: () => void): void {
  const temp = join(dirname(path), `.${basename(path)}.waymark-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    beforeRename();
    renameSync(temp, path);
    syncDirectory(dirname(path));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temp file was never created or is already renamed
    }
    throw error;
  }
}

function assertUnchanged(path: string, expectedSha256: string): void {
  if (sha256(readFileSync(path)) !== expectedSha256) {
    throw new WaymarkError(
      'CONFLICT',
      `${path} changed while Waymark was working on it; nothing was written.`,
      'Save your editor, then run the command again.',
    );
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
