/**
 * SQLite's and the file system's failures around the store, as WaymarkErrors that name the cause and what
 * to do. One table for opening and for every later call, so a full disk or a damaged file reads the same
 * whether it shows at open or in the middle of a command.
 */
import { WaymarkError } from '../../core/errors.js';
import { StoreBusyError } from '../store-busy.js';

const BACKUP_HINT =
  'Restore your last backup into a new file (`waymark --db NEW.db restore BACKUP.json`) and use NEW.db from then on (--db or WAYMARK_DB). Without a backup, `waymark export --out rescue.json` saves what can still be read, if the damage spares the log.';

/** A corrupt or overwritten database file: SQLite found pages it cannot make sense of. */
export function isCorruption(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

export function codeOf(error: unknown): string {
  return String((error as { code?: unknown } | null)?.code ?? '');
}

/** The error a damaged store is refused with, from the moment it is known to be damaged. */
export function damagedStoreError(path: string, detail: string): WaymarkError {
  return new WaymarkError(
    'STORE',
    `The database ${path} is damaged (${detail}); Waymark will not write to it, so nothing more is lost.`,
    BACKUP_HINT,
  );
}

/** A WaymarkError for SQLite and file-system failures of the store at `path`, else undefined. */
export function describeStoreFailure(error: unknown, path: string): WaymarkError | undefined {
  if (error instanceof WaymarkError) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_IOERR_SHMSIZE') {
    return new WaymarkError(
      'STORE',
      `The disk holding the database ${path} is full: nothing of this change was saved.`,
      'Free some disk space (df -h shows what is left) and try again. Reading (list, status, export) still works.',
    );
  }
  if (isCorruption(error)) return damagedStoreError(path, message);
  if (code === 'ELOOP') {
    return new WaymarkError(
      'STORE',
      `Cannot open the database ${path}: its path is a loop of symbolic links.`,
      'Fix the link (ls -l shows where it points) or pass --db with a real file path.',
    );
  }
  if (code === 'ENAMETOOLONG') {
    return new WaymarkError(
      'STORE',
      `Cannot open the database ${path}: the path is too long.`,
      'Pass --db with a shorter path.',
    );
  }
  if (code === 'ENOTDIR') {
    return new WaymarkError(
      'STORE',
      `Cannot open the database ${path}: a part of the path is a file, not a folder.`,
      'Check the path, or pass --db with another one.',
    );
  }
  if (
    ['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'SQLITE_AUTH'].includes(code) ||
    code.startsWith('SQLITE_READONLY')
  ) {
    return new WaymarkError(
      'STORE',
      `Cannot write the Waymark database at ${path}: the location is read-only or not permitted (${message}).`,
      'Pass --db with a writable path or set WAYMARK_DB. Reading (list, status, export) works on a read-only store.',
    );
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new StoreBusyError(
      `The database ${path} is busy: another Waymark process kept it locked. Try again in a moment.`,
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new WaymarkError(
      'STORE',
      `Cannot read or write the database ${path}: the disk reported an I/O error (${code}).`,
      'The disk may be full, unplugged or failing: check it (df -h), then try again.',
    );
  }
  if (code.startsWith('SQLITE_')) {
    return new WaymarkError('STORE', `The database ${path} failed: ${message} (${code}).`);
  }
  return undefined;
}
