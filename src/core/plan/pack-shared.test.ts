import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DailyHours } from './capacity-calendar.js';
import { type Allotment, packShared, type SharedRoadmap } from './pack-shared.js';

const EPS = 1e-6;
const none: DailyHours = () => 0;
const roadmap = (
  hours: number[],
  allotment: Allotment,
  extra: Partial<SharedRoadmap> = {},
): SharedRoadmap => ({
  hours,
  firstDay: 0,
  allotment,
  reviewHours: 0,
  habitHours: none,
  ...extra,
});
const reserve = { habitsExtra: false, reviewExplicit: false };

describe('packShared', () => {
  it('splits each day by share and gives a finished roadmap’s time to the others', () => {
    const pieces: [number, number, number][] = [];
    packShared(
      {
        firstDay: 0,
        capacity: () => 2,
        strategy: 'shares',
        reserve,
        roadmaps: [roadmap([1], { kind: 'share', weight: 75 }), roadmap([3], { kind: 'share', weight: 25 })],
      },
      (which, _item, day, hours) => pieces.push([which, day, hours]),
    );
    // day 0: 1.5 h / 0.5 h; roadmap 0 needs only 1 h, so 1.5 h - 1 h = 0.5 h more goes to roadmap 1
    expect(pieces).toEqual([
      [0, 0, 1],
      [1, 0, 0.5],
      [1, 0, 0.5],
      [1, 1, 2],
    ]);
  });

  it('in priority order, finishes one roadmap before the next; fixed hours come first; paused gets none', () => {
    const result = packShared({
      firstDay: 0,
      capacity: () => 2,
      strategy: 'priority',
      reserve,
      roadmaps: [
        roadmap([2, 2], { kind: 'share', weight: 0 }),
        roadmap([2], { kind: 'share', weight: 0 }),
        roadmap([1], { kind: 'fixed', hours: () => 0.5 }),
        roadmap([1], { kind: 'paused' }),
      ],
    });
    const [first, second, fixed] = result.roadmaps.map((entry) => entry.packing.finish);
    expect(fixed).toBe(1); // 0.5 h on days 0 and 1
    expect(first).toBe(2); // 1.5 h a day while the fixed one runs: 1.5 + 1.5 + 1 (+ 1 spare on day 2)
    expect(second).toBe(3);
  });

  it('keeps review and habits inside the day, at most half of it', () => {
    const result = packShared({
      firstDay: 0,
      capacity: () => 2,
      strategy: 'shares',
      reserve,
      roadmaps: [roadmap([4], { kind: 'share', weight: 1 }, { reviewHours: 0.5, habitHours: () => 5 })],
    });
    expect(result.budgets[0]).toMatchObject({
      capacity: 2,
      review: 0.5,
      habits: 0.5,
      habitsAsked: 5,
      work: 1,
    });
    expect(result.roadmaps[0]?.packing.finish).toBe(3);
  });

  it('never plans a day beyond its capacity, whatever the settings (property)', () => {
    const allotmentArb: fc.Arbitrary<Allotment> = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((weight) => ({ kind: 'share' as const, weight })),
      fc
        .integer({ min: 1, max: 12 })
        .map((quarters) => ({ kind: 'fixed' as const, hours: () => quarters / 4 })),
      fc.constant({ kind: 'paused' as const }),
    );
    const roadmapArb = fc.record({
      hours: fc.array(
        fc.integer({ min: 0, max: 40 }).map((tenths) => tenths / 10),
        { maxLength: 30 },
      ),
      firstDay: fc.integer({ min: 0, max: 20 }),
      allotment: allotmentArb,
      reviewHours: fc.integer({ min: 0, max: 8 }).map((quarters) => quarters / 4),
      habit: fc.integer({ min: 0, max: 16 }).map((quarters) => quarters / 4),
    });
    fc.assert(
      fc.property(
        fc.array(roadmapArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 0, max: 32 }), { minLength: 7, maxLength: 7 }),
        fc.constantFrom('shares' as const, 'priority' as const),
        fc.boolean(),
        // Time already studied on the first day (a plan made during it), work and review apart.
        fc.record({
          work: fc.integer({ min: 0, max: 40 }).map((quarters) => quarters / 4),
          review: fc.integer({ min: 0, max: 8 }).map((quarters) => quarters / 4),
        }),
        (entries, week, strategy, habitsExtra, studied) => {
          fc.pre(week.some((quarters) => quarters > 0));
          const capacity: DailyHours = (day) => (week[day % 7] ?? 0) / 4;
          const roadmaps = entries.map((entry) => ({ ...entry, habitHours: () => entry.habit }));
          const planned = new Map<number, number>();
          const byRoadmap = roadmaps.map(() => 0);
          const result = packShared(
            {
              firstDay: 0,
              capacity,
              strategy,
              reserve: { habitsExtra, reviewExplicit: false },
              roadmaps,
              studiedOnFirstDay: studied,
            },
            (which, _item, day, hours) => {
              expect(day).toBeGreaterThanOrEqual(roadmaps[which]?.firstDay ?? 0);
              expect(roadmaps[which]?.allotment.kind).not.toBe('paused');
              planned.set(day, (planned.get(day) ?? 0) + hours);
              byRoadmap[which] = (byRoadmap[which] ?? 0) + hours;
            },
          );
          result.budgets.forEach((budget, day) => {
            const work = planned.get(day) ?? 0;
            expect(budget.capacity).toBeCloseTo(capacity(day), 9);
            const already = day === 0 ? studied.work + studied.review : 0;
            expect(budget.studied).toBe(already);
            expect(work + budget.review + (habitsExtra ? 0 : budget.habits)).toBeLessThanOrEqual(
              Math.max(0, budget.capacity - already) + EPS,
            );
          });
          roadmaps.forEach((entry, which) => {
            const total = entry.hours.reduce((sum, hours) => sum + hours, 0);
            expect(byRoadmap[which]).toBeCloseTo(entry.allotment.kind === 'paused' ? 0 : total, 6);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
