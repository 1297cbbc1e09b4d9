/** Turns the file system's errors (ENOENT, EACCES, …) into messages that say what to do. */
import { WaymarkError } from '../core/errors.js';

const HINTS: Record<string, [problem: string, hint: string]> = {
  ENOENT: ['no such file or directory', 'Check the path; create the directory first if needed.'],
  EACCES: ['permission denied', 'Check the file and folder permissions, or pick another path.'],
  EPERM: ['operation not permitted', 'Check the file and folder permissions, or pick another path.'],
  EROFS: ['the file system is read-only', 'Pick a path on a writable disk.'],
  ENOSPC: ['the disk is full', 'Free some space and try again; nothing was changed.'],
  EISDIR: ['this is a directory', 'Pass a file path.'],
  ENOTDIR: ['a part of the path is not a directory', 'Check the path.'],
  ELOOP: [
    'its path is a loop of symbolic links',
    'Fix the link (ls -l shows where it points) or pass the real file.',
  ],
  ENAMETOOLONG: ['the path is too long', 'Use a shorter path.'],
  EDQUOT: ['the disk quota is used up', 'Free some space and try again; nothing was changed.'],
  EIO: ['the disk reported an I/O error', 'The disk may be unplugged or failing: check it and try again.'],
  EMFILE: ['too many files are open', 'Close other programs or raise the limit (ulimit -n), then try again.'],
  ENFILE: ['too many files are open', 'Close other programs or raise the limit (ulimit -n), then try again.'],
  ENXIO: ['no device behind this path', 'Pass a regular file.'],
};

/** A WaymarkError for a system error that has an errno code, else undefined. */
export function describeFileError(error: unknown): WaymarkError | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  const known = HINTS[error.code];
  if (!known) return undefined;
  const path = 'path' in error && typeof error.path === 'string' ? error.path : undefined;
  const syscall = 'syscall' in error && typeof error.syscall === 'string' ? ` (${error.syscall})` : '';
  return new WaymarkError('INPUT', `${path ?? 'a file'}: ${known[0]}${syscall}.`, known[1]);
}
