import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBundled } from '../../testing/load-seed.js';
import { estimateEffort } from './estimate-effort.js';
import { learnerPace, PACE_BOUNDS, PACE_PRIOR_HOURS } from './learner-pace.js';
import { analyseWork } from './work-structure.js';

const mid = (range: { min: number; max: number } | undefined) => (range ? (range.min + range.max) / 2 : 0);

describe('learnerPace', () => {
  it('is 1 without evidence and follows the formula 1 + (A/E - 1) * A/(A + K)', () => {
    expect(learnerPace([]).factor).toBe(1);
    expect(learnerPace([{ actual: 30, estimate: 20 }]).factor).toBeCloseTo(
      1 + (30 / 20 - 1) * (30 / (30 + PACE_PRIOR_HOURS)),
    );
  });

  it('stays within its bounds and moves towards the true ratio as evidence grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        (ratio, items) => {
          const samples = Array.from({ length: items }, () => ({ actual: ratio * 3, estimate: 3 }));
          const fewer = learnerPace(samples.slice(0, Math.ceil(items / 2))).factor;
          const { factor } = learnerPace(samples);
          expect(factor).toBeGreaterThanOrEqual(PACE_BOUNDS.min);
          expect(factor).toBeLessThanOrEqual(PACE_BOUNDS.max);
          // more evidence: never further from the true ratio (bounded) than less evidence
          const target = Math.min(PACE_BOUNDS.max, Math.max(PACE_BOUNDS.min, ratio));
          expect(Math.abs(factor - target)).toBeLessThanOrEqual(Math.abs(fewer - target) + 1e-9);
        },
      ),
    );
  });
});

describe('the pace on seed 001 (ai-engineer)', () => {
  const { roadmap } = importBundled('ai-engineer');
  const base = estimateEffort(roadmap);
  const phaseIds = roadmap.nodes.filter((node) => node.kind === 'phase').map((node) => node.id);
  const units = analyseWork(roadmap.nodes).units;

  /** Remaining estimate of each phase, counting only units not finished. */
  const remainingByPhase = (effort: ReturnType<typeof estimateEffort>, finished: ReadonlySet<string>) =>
    new Map(
      phaseIds.map((phaseId) => [
        phaseId,
        units
          .filter(
            (unit) => (unit.id === phaseId || unit.id.startsWith(`${phaseId}.`)) && !finished.has(unit.id),
          )
          .reduce((sum, unit) => sum + mid(effort.items.get(unit.id)), 0),
      ]),
    );

  it('one week of logs on phase 1 (13 items, 8 h) moves no remaining phase by more than 25%', () => {
    const first = units.filter((unit) => unit.id.startsWith('1.')).slice(0, 13);
    const actuals = first.map((unit) => ({ nodeId: unit.id, hours: 8 / 13 }));
    const finished = new Set(first.map((unit) => unit.id));
    const before = remainingByPhase(base, finished);
    const after = remainingByPhase(estimateEffort(roadmap, { actuals }), finished);
    for (const [phaseId, hours] of before) {
      if (hours === 0) continue;
      const moved = Math.abs((after.get(phaseId) ?? 0) / hours - 1);
      expect(moved, `phase ${phaseId}`).toBeLessThanOrEqual(0.25);
    }
  });

  it('after ten consistent weeks at 1.5x the remaining estimate is within 10% of 1.5x the original', () => {
    // Each week the learner logs 18 h and finishes the next units worth 12 h of the roadmap's estimate.
    const actuals: { nodeId: string; hours: number }[] = [];
    const finished = new Set<string>();
    let index = 0;
    for (let week = 0; week < 10; week++) {
      let estimated = 0;
      while (estimated < 12 && index < units.length) {
        const unit = units[index++];
        if (!unit) break;
        const hours = mid(base.items.get(unit.id));
        estimated += hours;
        actuals.push({ nodeId: unit.id, hours: hours * 1.5 });
        finished.add(unit.id);
      }
    }
    const total = (effort: ReturnType<typeof estimateEffort>) =>
      [...remainingByPhase(effort, finished).values()].reduce((sum, hours) => sum + hours, 0);
    const ratio = total(estimateEffort(roadmap, { actuals })) / total(base);
    expect(ratio).toBeGreaterThanOrEqual(1.5 * 0.9);
    expect(ratio).toBeLessThanOrEqual(1.5 * 1.1);
  });
});
