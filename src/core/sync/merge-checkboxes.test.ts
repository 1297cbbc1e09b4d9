import fc from 'fast-check';
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

describe('mergeCheckboxes with the store as it was at the last sync', () => {
  it('a child shown done under a ticked parent is not written while nothing changed in the store', () => {
    const plan = mergeCheckboxes({
      base: { parent: true, child: false },
      file: { parent: true, child: false },
      store: { parent: true, child: true },
      storeAtBase: { parent: true, child: true },
      storeTouched: new Set(),
    });
    expect(plan.toFile).toEqual([]);
    expect(plan.toStore).toEqual([]);
    expect(plan.base).toEqual({ parent: true, child: false });
  });

  it('property: with no change on either side since the last sync, nothing is written or recorded', () => {
    const state = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      fc.record({ file: fc.boolean(), store: fc.boolean() }),
    );
    fc.assert(
      fc.property(state, (items) => {
        const ids = Object.keys(items);
        const file = Object.fromEntries(ids.map((id) => [id, items[id]?.file as boolean]));
        const store = Object.fromEntries(ids.map((id) => [id, items[id]?.store as boolean]));
        const plan = mergeCheckboxes({
          base: file,
          file,
          store,
          storeAtBase: store,
          storeTouched: new Set(),
        });
        expect(plan.toFile).toEqual([]);
        expect(plan.toStore).toEqual([]);
        expect(plan.conflicts).toEqual([]);
      }),
    );
  });
});
