import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node, Roadmap } from '../model/roadmap.js';
import type { Status } from '../progress/events.js';
import { addDays } from './calendar-date.js';
import { type Capacity, hoursOn, isDayOff } from './capacity.js';
import { estimateEffort } from './estimate-effort.js';
import { planRoadmap } from './plan-roadmap.js';

const leaf = (id: string): Node => ({
  id,
  title: id,
  kind: 'topic',
  trackable: true,
  source: { line: 1, endLine: 1 },
  children: [],
});

/** Phases of 1-12 leaves with a duration of a few weeks (or none: default hours). */
const roadmapArb = fc
  .array(
    fc.record({
      leaves: fc.integer({ min: 1, max: 12 }),
      weeks: fc.option(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 })), {
        nil: undefined,
      }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map(
    (phases): Roadmap => ({
      schemaVersion: 1,
      id: 'p',
      title: 'P',
      source: { sha256: '', format: 'markdown' },
      nodes: phases.map(
        (phase, p): Node => ({
          ...leaf(`${p + 1}`),
          kind: 'phase',
          ...(phase.weeks
            ? { duration: { min: phase.weeks[0], max: phase.weeks[0] + phase.weeks[1], unit: 'weeks' } }
            : {}),
          children: Array.from({ length: phase.leaves }, (_, i) => leaf(`${p + 1}.${i + 1}`)),
        }),
      ),
    }),
  );

const hoursArb = fc.integer({ min: 0, max: 16 }).map((quarter) => quarter / 4); // 0-4 h in quarters
const weekArb = fc
  .tuple(hoursArb, hoursArb, hoursArb, hoursArb, hoursArb, hoursArb, hoursArb)
  .filter((week) => week.some((hours) => hours > 0));
const daysOffArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 10 })).map(([from, length]) => ({
    from: addDays('2026-01-01', from),
    to: addDays('2026-01-01', from + length),
  })),
  { maxLength: 4 },
);
const capacityArb = fc.record({ hoursByWeekday: weekArb, daysOff: daysOffArb }) as fc.Arbitrary<Capacity>;
const today = '2026-01-01';

describe('planRoadmap properties', () => {
  it('more capacity never makes the finish later', () => {
    fc.assert(
      fc.property(
        roadmapArb,
        capacityArb,
        fc.tuple(hoursArb, hoursArb, hoursArb, hoursArb, hoursArb, hoursArb, hoursArb),
        (roadmap, capacity, extra) => {
          const effort = estimateEffort(roadmap);
          const more: Capacity = {
            ...capacity,
            hoursByWeekday: capacity.hoursByWeekday.map((hours, day) =>
              Math.min(24, hours + (extra[day] ?? 0)),
            ) as never,
          };
          const base = planRoadmap({ roadmap, effort, capacity, status: new Map(), today });
          const bigger = planRoadmap({ roadmap, effort, capacity: more, status: new Map(), today });
          expect(bigger.finish.max <= base.finish.max).toBe(true);
          expect(bigger.finish.min <= base.finish.min).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finishing items never makes the finish later', () => {
    fc.assert(
      fc.property(roadmapArb, capacityArb, fc.integer({ min: 0, max: 100 }), (roadmap, capacity, seed) => {
        const effort = estimateEffort(roadmap);
        const leaves = roadmap.nodes.flatMap((phase) => phase.children);
        const status = new Map<string, Status>(
          leaves.filter((_, i) => (i * 7 + seed) % 3 === 0).map((node) => [node.id, 'done']),
        );
        const before = planRoadmap({ roadmap, effort, capacity, status: new Map(), today });
        const after = planRoadmap({ roadmap, effort, capacity, status, today });
        expect(after.finish.max <= before.finish.max).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('puts no work on a day off, never overfills a day, and plans every remaining hour', () => {
    fc.assert(
      fc.property(
        roadmapArb,
        capacityArb,
        fc.integer({ min: 0, max: 60 }),
        (roadmap, capacity, reviewMinutes) => {
          const effort = estimateEffort(roadmap);
          const review = reviewMinutes / 60;
          fc.pre(capacity.hoursByWeekday.some((hours) => hours > review));
          let plan: ReturnType<typeof planRoadmap>;
          try {
            plan = planRoadmap({
              roadmap,
              effort,
              capacity,
              status: new Map(),
              today,
              reviewMinutesPerDay: reviewMinutes,
            });
          } catch (error) {
            // Months of work at half an hour a week is refused as over a century, by name: not a plan to check.
            expect((error as Error).message).toMatch(/more than 100 years/);
            return;
          }
          let total = 0;
          for (const day of plan.days) {
            expect(isDayOff(capacity, day.date)).toBe(false);
            const hours = day.items.reduce((sum, item) => sum + item.hours, 0);
            expect(hours).toBeLessThanOrEqual(hoursOn(capacity, day.date) - review + 1e-6);
            total += hours;
          }
          expect(total).toBeCloseTo(plan.remaining.hours.max, 6);
          for (const item of plan.items) {
            expect(isDayOff(capacity, item.startMax) || isDayOff(capacity, item.endMin)).toBe(false);
            expect(item.startMax <= item.endMax && item.endMin <= item.endMax).toBe(true);
          }
          const ends = plan.items.map((item) => item.endMax);
          expect([...ends].sort()).toEqual(ends);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the hours per week it asks for do make the target', () => {
    fc.assert(
      fc.property(roadmapArb, capacityArb, fc.integer({ min: 7, max: 200 }), (roadmap, capacity, days) => {
        const effort = estimateEffort(roadmap);
        const target = addDays(today, days);
        const plan = planRoadmap({ roadmap, effort, capacity, status: new Map(), today, target });
        const check = plan.target;
        expect(check?.onTrack).toBe(plan.finish.max <= target);
        if (!check || check.hoursPerWeekNeeded === null || !check.feasible) return;
        const scale = check.hoursPerWeekNeeded / check.weeklyHours;
        const scaled = capacity.hoursByWeekday.map((hours) => Math.min(24, hours * scale)) as never;
        const enough = planRoadmap({
          roadmap,
          effort,
          capacity: { ...capacity, hoursByWeekday: scaled },
          status: new Map(),
          today,
          target,
        });
        expect(enough.finish.max <= target).toBe(true);
        if (check.onTrack) expect(check.hoursPerWeekNeeded).toBeLessThanOrEqual(check.weeklyHours + 0.1);
      }),
      { numRuns: 150 },
    );
  });
});
