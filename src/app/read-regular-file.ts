import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { inputError, type WaymarkError } from '../core/errors.js';

export interface ReadRegularFileOptions {
  /** What the file should be, for messages: "roadmap", "backup". */
  kind?: string;
  /** What to pass instead, when the path names something that is not a file to read. */
  hint?: string;
}

/**
 * Reads a whole regular file, never more than `limit` bytes. The path is opened first and the descriptor
 * is checked, so a device (/dev/zero, /dev/urandom), a FIFO, a socket or a directory is refused by what it
 * is, not by its `stat.size` (0 for all of them). O_NONBLOCK keeps the open of a FIFO without a writer from
 * waiting forever; reading stops at `limit + 1` bytes whatever the size said, so a file that grows while it
 * is read cannot exhaust memory either.
 */
export function readRegularFile(path: string, limit: number, options: ReadRegularFileOptions = {}): Buffer {
  const kind = options.kind ?? 'file';
  const hint = options.hint ?? `Pass the path of a ${kind} file.`;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    throw openError(path, error, hint);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw inputError(`${path} is ${describeNonFile(stat)}, not a ${kind} file.`, hint);
    // A regular file that says it is too big is refused before a byte is read.
    if (stat.size > limit) throw tooLarge(path, limit, kind, stat.size);
    return readAtMost(fd, path, limit, kind);
  } finally {
    closeSync(fd);
  }
}

function readAtMost(fd: number, path: string, limit: number, kind: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
    if (total > limit) throw tooLarge(path, limit, kind);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(path: string, limit: number, kind: string, size?: number): WaymarkError {
  const actual =
    size === undefined ? `larger than ${formatBytes(limit)}` : `${(size / 1024 / 1024).toFixed(1)} MB`;
  return inputError(
    `${path} is ${actual}; Waymark reads a ${kind} of up to ${formatBytes(limit)}.`,
    kind === 'roadmap'
      ? 'Split the roadmap into several files and import each one.'
      : `Check that this is the ${kind} you meant.`,
  );
}

function describeNonFile(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function openError(path: string, error: unknown, hint: string): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return inputError(`${path}: no such file.`, hint);
    case 'EACCES':
    case 'EPERM':
      return inputError(`${path}: permission denied.`, 'Make the file readable (chmod u+r) and try again.');
    case 'ELOOP':
      return inputError(
        `${path}: too many levels of symbolic links (a link that points to itself, or a loop).`,
        'Point the link at the real file (ls -l shows where it leads).',
      );
    case 'ENXIO':
      return inputError(`${path} is a socket, not a file that can be read.`, hint);
    case 'ENOTDIR':
      return inputError(`${path}: a part of the path is not a directory.`, 'Check the path.');
    case 'ENAMETOOLONG':
      return inputError(`${path}: the path is too long.`, 'Check the path.');
    case 'EISDIR':
      return inputError(`${path} is a directory.`, hint);
    default:
      return error;
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
