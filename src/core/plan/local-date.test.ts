import { describe, expect, it } from 'vitest';
import { WaymarkError } from '../errors.js';
import { addDays, diffDays } from './calendar-date.js';
import { localDate } from './local-date.js';

describe('localDate', () => {
  it('gives the learner calendar date, not the UTC one', () => {
    expect(localDate('2026-06-30T23:30:00Z', 'UTC')).toBe('2026-06-30');
    expect(localDate('2026-06-30T23:30:00Z', 'Europe/Berlin')).toBe('2026-07-01');
    expect(localDate('2026-07-01T02:00:00Z', 'America/Los_Angeles')).toBe('2026-06-30');
    expect(localDate('2026-07-01T02:00:00+05:00', 'UTC')).toBe('2026-06-30');
  });

  it('follows Europe/Berlin across the spring-forward night (2026-03-29)', () => {
    expect(localDate('2026-03-28T22:59:00Z', 'Europe/Berlin')).toBe('2026-03-28'); // 23:59 CET
    expect(localDate('2026-03-28T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-29'); // 00:30 CET
    expect(localDate('2026-03-29T21:59:00Z', 'Europe/Berlin')).toBe('2026-03-29'); // 23:59 CEST
    expect(localDate('2026-03-29T22:30:00Z', 'Europe/Berlin')).toBe('2026-03-30'); // 00:30 CEST
  });

  it('follows America/New_York across the fall-back day (2026-11-01, 25 hours long)', () => {
    expect(localDate('2026-11-01T03:59:00Z', 'America/New_York')).toBe('2026-10-31'); // 23:59 EDT
    expect(localDate('2026-11-01T04:00:00Z', 'America/New_York')).toBe('2026-11-01'); // 00:00 EDT
    expect(localDate('2026-11-02T04:30:00Z', 'America/New_York')).toBe('2026-11-01'); // 23:30 EST
    expect(localDate('2026-11-02T05:00:00Z', 'America/New_York')).toBe('2026-11-02'); // 00:00 EST
  });

  it('keeps date arithmetic exact on either side of a DST change', () => {
    const before = localDate('2026-03-28T12:00:00Z', 'Europe/Berlin');
    const after = localDate('2026-04-04T12:00:00Z', 'Europe/Berlin');
    expect(diffDays(before, after)).toBe(7);
    expect(addDays(localDate('2026-10-31T12:00:00Z', 'America/New_York'), 1)).toBe('2026-11-01');
  });

  it('rejects unknown zones and non-instants with INPUT', () => {
    expect(() => localDate('2026-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(WaymarkError);
    expect(() => localDate('yesterday', 'UTC')).toThrow(/not an instant/);
  });
});
