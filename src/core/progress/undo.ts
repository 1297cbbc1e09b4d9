/** Which changes are cancelled by undo events, undo of undo included. */
import type { WaymarkEvent } from './events.js';

export interface UndoRef {
  /** Position of the undo event in the log (seq, or any strictly increasing order). */
  seq: number;
  /** The change the undo event belongs to. */
  changeId: string;
  /** The change it cancels. */
  undoes: string;
}

/**
 * An undo counts only if its target change was complete before it (`lastSeqOf(target) < undo.seq`), so
 * an undo can never reach its own change or a later one and there is no cycle. Walking the undos from
 * the newest, every undo that could cancel a change is settled before that change's own undos are read.
 */
export function cancelledChanges(
  undos: readonly UndoRef[],
  lastSeqOf: (changeId: string) => number | undefined,
): Set<string> {
  const newestFirst = [...undos].sort((a, b) => b.seq - a.seq);
  const cancelled = new Set<string>();
  for (const undo of newestFirst) {
    if (cancelled.has(undo.changeId)) continue;
    const last = lastSeqOf(undo.undoes);
    if (last !== undefined && last < undo.seq) cancelled.add(undo.undoes);
  }
  return cancelled;
}

/** The cancelled changes of a log already in log order (positions stand in for seq). */
export function cancelledInLog(ordered: readonly WaymarkEvent[]): Set<string> {
  const undos: UndoRef[] = [];
  ordered.forEach((e, i) => {
    if (e.type === 'undo') undos.push({ seq: i, changeId: e.changeId, undoes: e.undoes });
  });
  if (undos.length === 0) return new Set();
  // Only the targets' last positions matter: a map of every change would cost more than the fold.
  const targets = new Set(undos.map((u) => u.undoes));
  const last = new Map<string, number>();
  ordered.forEach((e, i) => {
    if (targets.has(e.changeId)) last.set(e.changeId, i);
  });
  return cancelledChanges(undos, (id) => last.get(id));
}
