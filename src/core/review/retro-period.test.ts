import { describe, expect, it } from 'vitest';
import { WaymarkError } from '../errors.js';
import { retroPeriod } from './retro-period.js';

describe('retroPeriod', () => {
  it('a week runs Monday to Sunday', () => {
    expect(retroPeriod('week', '2026-11-20', '2026-11-20')).toEqual({
      kind: 'week',
      from: '2026-11-16',
      to: '2026-11-22',
      label: 'Week of 2026-11-16',
    });
    expect(retroPeriod('week', '2026-11-22', '2026-11-30').from).toBe('2026-11-16');
  });

  it('a month runs from the 1st to its last day (leap years too)', () => {
    expect(retroPeriod('month', '2028-02-10', '2028-03-01')).toMatchObject({
      from: '2028-02-01',
      to: '2028-02-29',
      label: 'February 2028',
    });
    expect(retroPeriod('month', '2026-12-31', '2027-01-01').to).toBe('2026-12-31');
  });

  it('refuses a period that has not started', () => {
    expect(() => retroPeriod('week', '2026-11-23', '2026-11-20')).toThrow(WaymarkError);
    expect(() => retroPeriod('month', '2026-12-01', '2026-11-30')).toThrow(/has not started yet/);
    // The current period is fine, even though it is not over.
    expect(retroPeriod('month', '2026-11-30', '2026-11-01').from).toBe('2026-11-01');
  });
});
