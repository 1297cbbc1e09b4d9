import { type Stats, statSync } from 'node:fs';
import { type RoadmapFile, readRoadmapFile } from './read-roadmap-file.js';

/** A file changed less than this long ago may be in the middle of an editor's save (truncated, half written). */
const QUIET_MS = 50;
/** Past this, the read goes ahead anyway: a coarse clock (FAT, some network shares) must not block sync. */
const MAX_WAIT_MS = 1_000;

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

/**
 * Reads a roadmap that sync is about to write back, only once it has been still for a moment: an editor
 * that saves in place truncates the file and then writes it, and a read in between would see part of it,
 * which sync would then treat as the learner's version. The file must be unchanged (time, size, inode)
 * from before the read to after it; otherwise it is read again, for up to a second.
 */
export function readSettledRoadmapFile(path: string, now = () => Date.now()): RoadmapFile {
  const giveUp = now() + MAX_WAIT_MS;
  for (;;) {
    const before = statOrUndefined(path);
    const age = before ? now() - before.mtimeMs : Number.POSITIVE_INFINITY;
    if (before && age < QUIET_MS && now() < giveUp) {
      sleep(Math.min(giveUp - now(), Math.max(1, QUIET_MS - age)));
      continue;
    }
    const file = readRoadmapFile(path);
    const after = statOrUndefined(path);
    if (!before || !after || sameVersion(before, after) || now() >= giveUp) return file;
  }
}

function sameVersion(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined; // readRoadmapFile says what is wrong
  }
}
