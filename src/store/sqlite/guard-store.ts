/**
 * Wraps the SQLite store so that every failure leaves it as a WaymarkError naming its cause (full disk,
 * damaged file, I/O error, busy), and so that once damage is seen nothing more is written: not by this
 * process (a flag) and not by the next ones (the damage mark beside the file).
 */
import type { Store } from '../port.js';
import { markDamaged } from './damage-mark.js';
import { damagedStoreError, describeStoreFailure, isCorruption } from './sqlite-errors.js';
import type { SqliteStore } from './sqlite-store.js';

const WRITES = new Set<keyof Store>([
  'appendEvents',
  'restoreEvents',
  'saveRoadmap',
  'removeRoadmap',
  'setSyncBase',
  'transaction',
]);

/**
 * `verify` (write mode) runs once, before the first write: it returns what is wrong with the file, if
 * anything. A write whose own reads miss the damaged pages would otherwise still go into a damaged file.
 */
export function guardStore(store: SqliteStore, verify?: () => string | undefined): SqliteStore {
  const { path } = store;
  let damage: string | undefined;
  let verified = verify === undefined;
  const translate = (error: unknown): unknown => {
    if (isCorruption(error) && damage === undefined) {
      damage = error instanceof Error ? error.message : String(error);
      markDamaged(path, damage);
    }
    return describeStoreFailure(error, path) ?? error;
  };
  const guarded = { ...store } as Record<string, unknown>;
  for (const [name, method] of Object.entries(store)) {
    if (typeof method !== 'function') continue;
    const isWrite = WRITES.has(name as keyof Store);
    guarded[name] = (...args: unknown[]) => {
      if (isWrite && !verified) {
        verified = true;
        let problem: string | undefined;
        try {
          problem = verify?.();
        } catch (error) {
          throw translate(error);
        }
        if (problem !== undefined) {
          damage = problem;
          markDamaged(path, problem);
        }
      }
      if (damage !== undefined && isWrite) throw damagedStoreError(path, damage);
      if (damage !== undefined && name === 'writeCache') return undefined;
      try {
        return (method as (...a: unknown[]) => unknown).apply(store, args);
      } catch (error) {
        throw translate(error);
      }
    };
  }
  return guarded as unknown as SqliteStore;
}
