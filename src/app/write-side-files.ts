import { randomBytes } from 'node:crypto';
import {
  linkSync,
  lstatSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  unlinkSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The files a write leaves beside the learner's file while it runs: `.NAME.waymark-PID-HEX.tmp` (the new
 * content) and `.NAME.waymark-PID-HEX.orig` (the file as it was, held while the new one takes its name).
 * The pid in the name tells a crashed run's leftovers from a running one's.
 */
export type SideKind = 'tmp' | 'orig';

const inFlight = new Set<string>();

export function sideFile(path: string, kind: SideKind): string {
  const name = join(
    dirname(path),
    `.${basename(path)}.waymark-${process.pid}-${randomBytes(6).toString('hex')}.${kind}`,
  );
  inFlight.add(name);
  return name;
}

/** Forgets a side file this process no longer uses (after it was renamed or removed). */
export function releaseSideFile(name: string): void {
  inFlight.delete(name);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An hour: no write of a 20 MB roadmap takes that long, so older leftovers are stale whoever made them. */
const STALE_AFTER_MS = 60 * 60 * 1000;

export interface Recovery {
  /** Leftovers removed. */
  removed: string[];
  /** Set when the file itself was missing and was put back from the copy a crashed write held. */
  restoredFrom?: string;
}

/**
 * Cleans up after a write that was killed: removes its leftovers, and if it died in the moment the file's
 * name was free (between taking the original aside and linking the new content in), puts the original
 * back first. Leftovers of a write still running in another process are left alone.
 */
export function recoverInterruptedWrites(path: string, now = Date.now()): Recovery {
  const dir = dirname(path);
  const pattern = new RegExp(
    `^\\.${escapeRegExp(basename(path))}\\.waymark-(?:(\\d+)-)?[0-9a-f]{12}\\.(tmp|orig)$`,
  );
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { removed: [] };
  }
  const stale = names
    .map((name) => ({ name, match: pattern.exec(name), full: join(dir, name) }))
    .filter(({ match, full }) => match !== null && !inFlight.has(full))
    .filter(({ match, full }) => isStale(match?.[1], full, now));
  const recovery: Recovery = { removed: [] };
  if (!exists(path)) {
    // The newest copy of the original is the learner's file as it last was.
    const origs = stale
      .filter(({ match }) => match?.[2] === 'orig')
      .sort((a, b) => changedAt(b.full) - changedAt(a.full));
    const newest = origs[0];
    if (newest) {
      try {
        linkSync(newest.full, path);
        recovery.restoredFrom = newest.full;
      } catch (error) {
        // EEXIST: someone created the file meanwhile, theirs stands. Otherwise (no hard links here) move it.
        if ((error as { code?: string }).code !== 'EEXIST') {
          renameSync(newest.full, path);
          recovery.restoredFrom = newest.full;
        }
      }
    }
  }
  for (const { full } of stale) {
    try {
      unlinkSync(full);
      recovery.removed.push(full);
    } catch {
      // already gone
    }
  }
  return recovery;
}

function isStale(pid: string | undefined, path: string, now: number): boolean {
  if (now - changedAt(path) > STALE_AFTER_MS) return true;
  if (pid === undefined) return true; // an older Waymark's name, without a pid
  const owner = Number(pid);
  if (owner === process.pid) return true; // not in flight here (checked by the caller)
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'ESRCH';
  }
}

function changedAt(path: string): number {
  try {
    return lstatSync(path).ctimeMs;
  } catch {
    return 0;
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

/** `recoverInterruptedWrites` for a roadmap's path as stored: beside a symlink's target, even a dangling one. */
export function recoverRoadmapFile(path: string, now = Date.now()): Recovery {
  try {
    return recoverInterruptedWrites(realpathSync(path), now);
  } catch {
    try {
      if (lstatSync(path).isSymbolicLink()) {
        return recoverInterruptedWrites(resolve(dirname(path), readlinkSync(path)), now);
      }
    } catch {
      // neither the file nor a link: look beside the path itself
    }
    return recoverInterruptedWrites(path, now);
  }
}
