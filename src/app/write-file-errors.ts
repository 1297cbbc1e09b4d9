import { dirname } from 'node:path';
import { WaymarkError } from '../core/errors.js';

/** A system error during a write, as a message about the learner's file (never about our temp file). */
export function describeWriteError(path: string, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  const folder = dirname(path);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new WaymarkError(
        'INPUT',
        `${path}: permission denied while writing it (the file or its folder ${folder} is not writable).`,
        'Make the file and its folder writable for you, or move the roadmap to a folder of yours.',
      );
    case 'EROFS':
      return new WaymarkError(
        'INPUT',
        `${path} is on a read-only file system.`,
        'Move it to a writable disk to sync it.',
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new WaymarkError(
        'INPUT',
        `${path}: the disk is full; the file was not changed.`,
        'Free some space and run the command again.',
      );
    case 'ELOOP':
      return new WaymarkError(
        'INPUT',
        `${path}: too many levels of symbolic links.`,
        'Point the link at the real file (ls -l shows where it leads).',
      );
    case 'ENOENT':
      return new WaymarkError(
        'INPUT',
        `${path}: no such file or directory (the folder ${folder} may not exist, or a link leads nowhere).`,
        'Check the path; create the folder first if needed.',
      );
    default:
      return error;
  }
}
