import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatmapLayout, moveFocus } from './heatmap-layout';

const daysFrom = (start: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    date: new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    minutes: i % 3 === 0 ? 30 : 0,
  }));

describe('heatmapLayout', () => {
  it('puts each day on its weekday row (Monday first) and months over their weeks', () => {
    // 2026-11-20 is a Friday.
    const layout = heatmapLayout(daysFrom('2026-11-20', 21));
    expect(layout.cells[0]).toMatchObject({ date: '2026-11-20', week: 0, weekday: 4 });
    expect(layout.cells[3]).toMatchObject({ date: '2026-11-23', week: 1, weekday: 0 });
    expect(layout.rows[0]?.[0]).toBeNull(); // no Monday before the first day
    expect(layout.months.map((m) => m.label)).toEqual(['Nov', 'Dec']);
    expect(layout.months.reduce((sum, m) => sum + m.span, 0)).toBe(layout.rows[0]?.length);
  });

  it('places every day exactly once, in date order, for any window (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 400 }),
        (start, count) => {
          const days = daysFrom(start.toISOString().slice(0, 10), count);
          const layout = heatmapLayout(days);
          const placed = layout.rows.flat().filter((index) => index !== null);
          expect(placed.sort((a, b) => (a as number) - (b as number))).toEqual(days.map((_, i) => i));
          for (const [index, cell] of layout.cells.entries()) {
            const weekday = (new Date(`${cell.date}T00:00:00Z`).getUTCDay() + 6) % 7;
            expect(cell.weekday).toBe(weekday);
            expect(layout.rows[cell.weekday]?.[cell.week]).toBe(index);
          }
          expect(layout.months.reduce((sum, m) => sum + m.span, 0)).toBe(layout.rows[0]?.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('moveFocus', () => {
  it('moves by day and week and stays inside the calendar', () => {
    expect(moveFocus(10, 'ArrowDown', 30)).toBe(11);
    expect(moveFocus(10, 'ArrowUp', 30)).toBe(9);
    expect(moveFocus(10, 'ArrowRight', 30)).toBe(17);
    expect(moveFocus(3, 'ArrowLeft', 30)).toBe(0);
    expect(moveFocus(27, 'ArrowRight', 30)).toBe(29);
    expect(moveFocus(5, 'Home', 30)).toBe(0);
    expect(moveFocus(5, 'End', 30)).toBe(29);
    expect(moveFocus(5, 'a', 30)).toBeUndefined();
  });
});
