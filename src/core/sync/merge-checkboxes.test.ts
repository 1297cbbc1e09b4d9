import { describe, expect, it } from 'vitest';
import { mergeCheckboxes } from './merge-checkboxes.js';

describe('mergeCheckboxes', () => {
  it('first sync: ticks in the file become done, done in the store get ticked', () => {
    const plan = mergeCheckboxes({
      base: {},
      file: { a: true, b: false, c: false },
      store: { a: false, b: true, c: false },
      storeTouched: new Set(),
    });
    expect(plan.toStore).toEqual([{ id: 'a', done: true }]);
    expect(plan.toFile).toEqual([{ id: 'b', checked: true }]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.base).toEqual({ a: true, b: true, c: false });
  });

  it('keeps both sides’ changes since the last sync', () => {
    const plan = mergeCheckboxes({
      base: { a: false, b: true },
      file: { a: true, b: true },
      store: { a: false, b: false },
      storeTouched: new Set(['b']),
    });
    expect(plan.toStore).toEqual([{ id: 'a', done: true }]);
    expect(plan.toFile).toEqual([{ id: 'b', checked: false }]);
  });

  it('reports a true conflict instead of guessing', () => {
    const plan = mergeCheckboxes({
      base: { a: true },
      file: { a: false },
      store: { a: true },
      storeTouched: new Set(['a']),
    });
    expect(plan.conflicts).toEqual([{ id: 'a', file: false, store: true }]);
    expect(plan.toFile).toEqual([]);
    expect(plan.toStore).toEqual([]);
    expect(plan.base).toEqual({ a: true });
  });
});
