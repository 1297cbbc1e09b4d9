/**
 * "This store is damaged", remembered across processes: a small file beside the database, written the
 * first time any command finds corruption. Every later write-mode open refuses while it names the same
 * file (device and inode), so no command adds to a store known to be corrupt, even one whose own reads
 * happen to miss the damaged pages. Replacing the database (a restored copy moved into place) is a new
 * inode: the mark no longer applies and is removed.
 */
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';

interface DamageMark {
  dev: number;
  ino: number;
  foundAt: string;
  detail: string;
}

export const damageMarkPath = (dbPath: string) => `${dbPath}.damaged`;

/** Records that the database at `dbPath` is damaged. Best effort: a read-only folder keeps no mark. */
export function markDamaged(dbPath: string, detail: string): void {
  try {
    const { dev, ino } = statSync(dbPath);
    const mark: DamageMark = { dev, ino, foundAt: new Date().toISOString(), detail };
    writeFileSync(damageMarkPath(dbPath), `${JSON.stringify(mark)}\n`);
  } catch {
    // the in-process refusal still holds; the next command finds the damage again when it reads it
  }
}

/** The recorded damage of the database now at `dbPath`, if any. */
export function recordedDamage(dbPath: string): DamageMark | undefined {
  let mark: DamageMark;
  try {
    mark = JSON.parse(readFileSync(damageMarkPath(dbPath), 'utf8')) as DamageMark;
  } catch {
    return undefined; // no mark (the usual case), or an unreadable one, which proves nothing
  }
  const stat = statSync(dbPath, { throwIfNoEntry: false });
  if (stat && stat.dev === mark.dev && stat.ino === mark.ino) return mark;
  try {
    unlinkSync(damageMarkPath(dbPath)); // about a file that is no longer there
  } catch {
    // harmless
  }
  return undefined;
}
