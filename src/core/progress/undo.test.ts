import { describe, expect, it } from 'vitest';
import { cancelledChanges, type UndoRef } from './undo.js';

/** Changes a..z, each made of one event at the seq given here. */
const lastSeq: Record<string, number> = { a: 1, b: 2, u1: 3, u2: 4, u3: 5 };
const lastSeqOf = (id: string) => lastSeq[id];

describe('cancelledChanges', () => {
  it('cancels the target of an undo', () => {
    const undos: UndoRef[] = [{ seq: 3, changeId: 'u1', undoes: 'a' }];
    expect([...cancelledChanges(undos, lastSeqOf)]).toEqual(['a']);
  });

  it('undo of undo restores, undo of that cancels again (any input order)', () => {
    const u1 = { seq: 3, changeId: 'u1', undoes: 'a' };
    const u2 = { seq: 4, changeId: 'u2', undoes: 'u1' };
    const u3 = { seq: 5, changeId: 'u3', undoes: 'u2' };
    expect([...cancelledChanges([u2, u1], lastSeqOf)]).toEqual(['u1']);
    expect([...cancelledChanges([u1, u3, u2], lastSeqOf)].sort()).toEqual(['a', 'u2']);
  });

  it('ignores undos of unknown, later or own changes', () => {
    const undos: UndoRef[] = [
      { seq: 3, changeId: 'u1', undoes: 'nope' },
      { seq: 3, changeId: 'u1', undoes: 'u2' },
      { seq: 3, changeId: 'u1', undoes: 'u1' },
    ];
    expect(cancelledChanges(undos, lastSeqOf).size).toBe(0);
  });
});
