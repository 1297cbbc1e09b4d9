import { describe, expect, it } from 'vitest';
import { packItems } from './pack-items.js';

const everyDay = (hours: number) => () => hours;

describe('packItems', () => {
  it('fills each day and runs items over into the next', () => {
    const placed: [number, number, number][] = [];
    const packing = packItems([1, 3, 2], 100, everyDay(2), (item, day, hours) =>
      placed.push([item, day, hours]),
    );
    expect([...packing.start]).toEqual([100, 100, 102]);
    expect([...packing.end]).toEqual([100, 101, 102]);
    expect(packing.finish).toBe(102);
    expect(placed).toEqual([
      [0, 100, 1],
      [1, 100, 1],
      [1, 101, 2],
      [2, 102, 2],
    ]);
  });

  it('skips days with no capacity, even for zero-hour items', () => {
    const weekdaysOnly = (day: number) => (day % 7 < 5 ? 1 : 0);
    const packing = packItems([0, 1, 1, 1, 1, 1, 1], 5, weekdaysOnly);
    expect([...packing.start]).toEqual([7, 7, 8, 9, 10, 11, 14]);
    expect(packing.finish).toBe(14);
  });

  it('does not spill float dust onto the next day', () => {
    const packing = packItems([1 / 3, 1 / 3, 1 / 3, 1], 0, everyDay(1));
    expect([...packing.end]).toEqual([0, 0, 0, 1]);
  });

  it('finishes on the first day when there is nothing to pack', () => {
    expect(packItems([], 42, everyDay(1)).finish).toBe(42);
  });

  it('refuses a plan longer than a century', () => {
    expect(() => packItems([1], 0, (day) => (day > 50_000 ? 1 : 0))).toThrow(/100 years/);
  });
});
