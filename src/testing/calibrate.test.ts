import { describe, expect, it } from 'vitest';
import { COVERAGE_TARGET, calibrate } from './calibrate.js';

// A small seeded backtest (the full one is `npm run calibrate`): the forecast's bands must mean what they say.
describe('forecast calibration', () => {
  it('P85 covers 80-90% and P50 40-60% of real finishes at 10%, 30% and 60% done', () => {
    const result = calibrate({ learners: 100, seed: 2026 });
    for (const row of result.checkpoints) {
      expect(row.learners).toBeGreaterThan(80);
      expect(row.p85Coverage).toBeGreaterThanOrEqual(COVERAGE_TARGET.p85.min);
      expect(row.p85Coverage).toBeLessThanOrEqual(COVERAGE_TARGET.p85.max);
      expect(row.p50Coverage).toBeGreaterThanOrEqual(COVERAGE_TARGET.p50.min);
      expect(row.p50Coverage).toBeLessThanOrEqual(COVERAGE_TARGET.p50.max);
    }
  }, 120_000);
});
