/**
 * The three-way merge behind `waymark sync`: the file's boxes and the store's statuses are each compared
 * with the state at the last sync, so a change on either side wins over no change, and only a change on
 * both sides to different values is a conflict (reported, never guessed). With `prefer`, the learner has
 * decided: wherever the two sides disagree, whatever changed where, the preferred side wins.
 */

export type Prefer = 'file' | 'store';

export interface MergeInput {
  /** Box state per node id at the last sync (empty on the first sync). */
  base: Readonly<Record<string, boolean>>;
  /** Box state per node id in the file now. */
  file: Readonly<Record<string, boolean>>;
  /** Done-ness per node id in the store now (done or skipped = true). */
  store: Readonly<Record<string, boolean>>;
  /** Ids whose status changed in the store since the last sync (even if back to the same value). */
  storeTouched: ReadonlySet<string>;
  /**
   * Done-ness per node id in the store at the last sync, when known. The store's side is then compared with
   * itself: an item shown done only because its parent is done, over a box the learner left empty, is no
   * change of the store's, so its box is not written.
   */
  storeAtBase?: Readonly<Record<string, boolean>>;
  /** `store`: Waymark's state stands and the box is rewritten; `file`: the box is recorded in Waymark. */
  prefer?: Prefer;
}

export interface MergePlan {
  /** Boxes to tick or clear in the file. */
  toFile: { id: string; checked: boolean }[];
  /** Statuses to record in the store (true = done, false = todo). */
  toStore: { id: string; done: boolean }[];
  conflicts: { id: string; file: boolean; store: boolean }[];
  /** The new base after applying the plan (conflicting ids keep their old base). */
  base: Record<string, boolean>;
}

export function mergeCheckboxes({
  base,
  file,
  store,
  storeTouched,
  storeAtBase,
  prefer,
}: MergeInput): MergePlan {
  const plan: MergePlan = { toFile: [], toStore: [], conflicts: [], base: {} };
  for (const id of Object.keys(file).sort()) {
    const inFile = file[id] as boolean;
    const inStore = store[id] ?? false;
    const before = base[id];
    const firstSync = before === undefined;
    const fileChanged = firstSync ? inFile : inFile !== before;
    // A box with no base yet (new, or back from the archive) has no last-synced store state to compare with.
    const storeBefore = firstSync ? undefined : storeAtBase?.[id];
    const storeChanged =
      storeBefore !== undefined
        ? inStore !== storeBefore || storeTouched.has(id)
        : firstSync
          ? inStore
          : inStore !== before || storeTouched.has(id);
    let merged = inFile;
    if (inFile === inStore) merged = inFile;
    else if (prefer === 'store') {
      merged = inStore;
      plan.toFile.push({ id, checked: inStore });
    } else if (prefer === 'file') {
      plan.toStore.push({ id, done: inFile });
    } else if (fileChanged && storeChanged) {
      plan.conflicts.push({ id, file: inFile, store: inStore });
      if (before !== undefined) plan.base[id] = before;
      continue;
    } else if (!fileChanged && !storeChanged) {
      merged = inFile; // they differed at the last sync already (a derived status): leave both alone
    } else if (fileChanged) {
      merged = inFile;
      plan.toStore.push({ id, done: inFile });
    } else {
      merged = inStore;
      plan.toFile.push({ id, checked: inStore });
    }
    plan.base[id] = merged;
  }
  return plan;
}
