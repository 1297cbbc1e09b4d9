import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStudyDuration } from '../core/progress/parse-study-duration.js';
import { parseHours } from './hours-input.js';

describe('parseHours', () => {
  it.each([
    ['2h', 2],
    ['1.5h', 1.5],
    ['90m', 1.5],
    ['1h30', 1.5],
    ['1h 30m', 1.5],
    ['0', 0],
    [' 3 hours ', 3],
  ])('%s is %d h', (text, hours) => {
    expect(parseHours(text, '--weekdays')).toBe(hours);
  });

  it('refuses any bare number but 0, as `log` does: hours here, minutes there would be a trap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.boolean(), (n, decimal) => {
        const text = decimal ? `${n / 10}` : `${n}`;
        expect(() => parseHours(text, '--weekdays')).toThrow(/has no unit/);
        expect(() => parseStudyDuration(text)).toThrow(/has no unit/);
      }),
    );
  });

  it.each(['-1h', 'lots', '1,5h', '1h75', ''])('refuses "%s", naming the option', (text) => {
    expect(() => parseHours(text, '--weekdays')).toThrow(/--weekdays/);
  });
});
