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

describe('mergeCheckboxes with --prefer (issue 9: --prefer store made the file win)', () => {
  // Every shape of disagreement: changed in the file only, in the store only, on both sides, and no base yet.
  const shapes: {
    name: string;
    base: Record<string, boolean>;
    file: { a: boolean };
    store: { a: boolean };
    touched: string[];
  }[] = [
    { name: 'file changed', base: { a: true }, file: { a: false }, store: { a: true }, touched: [] },
    { name: 'store changed', base: { a: false }, file: { a: false }, store: { a: true }, touched: ['a'] },
    { name: 'both changed', base: { a: true }, file: { a: false }, store: { a: true }, touched: ['a'] },
    { name: 'first sync', base: {}, file: { a: true }, store: { a: false }, touched: [] },
  ];
  for (const shape of shapes) {
    it(`${shape.name}: store keeps Waymark's state and rewrites the box; file records the box`, () => {
      const input = {
        base: shape.base,
        file: shape.file,
        store: shape.store,
        storeTouched: new Set(shape.touched),
      };
      const store = mergeCheckboxes({ ...input, prefer: 'store' });
      expect(store.toStore).toEqual([]);
      expect(store.toFile).toEqual([{ id: 'a', checked: shape.store.a }]);
      expect(store.conflicts).toEqual([]);
      expect(store.base).toEqual({ a: shape.store.a });
      const file = mergeCheckboxes({ ...input, prefer: 'file' });
      expect(file.toFile).toEqual([]);
      expect(file.toStore).toEqual([{ id: 'a', done: shape.file.a }]);
      expect(file.base).toEqual({ a: shape.file.a });
    });
  }

  it('leaves both sides equal, the preferred one untouched, and without --prefer never guesses (property)', () => {
    const side = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.boolean());
    fc.assert(
      fc.property(
        side,
        side,
        side,
        fc.subarray(['a', 'b', 'c', 'd', 'e']),
        fc.constantFrom(undefined, 'file', 'store'),
        (base, fileSide, storeSide, touched, prefer) => {
          const plan = mergeCheckboxes({
            base,
            file: fileSide,
            store: storeSide,
            storeTouched: new Set(touched),
            ...(prefer ? { prefer } : {}),
          });
          const file = { ...fileSide };
          const store = Object.fromEntries(Object.keys(fileSide).map((id) => [id, storeSide[id] ?? false]));
          for (const change of plan.toFile) file[change.id] = change.checked;
          for (const change of plan.toStore) store[change.id] = change.done;
          const conflicted = new Set(plan.conflicts.map((conflict) => conflict.id));
          for (const id of Object.keys(fileSide)) {
            if (conflicted.has(id)) continue;
            expect(file[id]).toBe(store[id]);
            expect(plan.base[id]).toBe(file[id]);
          }
          if (prefer === 'store') expect(plan.toStore).toEqual([]);
          if (prefer === 'file') expect(plan.toFile).toEqual([]);
          if (prefer) expect(plan.conflicts).toEqual([]);
        },
      ),
    );
  });
});
