import { describe, expect, it } from 'vitest';
import { parseHours } from './hours-input.js';

describe('parseHours', () => {
  it.each([
    ['2h', 2],
    ['1.5h', 1.5],
    ['90m', 1.5],
    ['1h30', 1.5],
    ['1h 30m', 1.5],
    ['2', 2],
    ['0', 0],
    [' 3 hours ', 3],
  ])('%s is %d h', (text, hours) => {
    expect(parseHours(text, '--weekdays')).toBe(hours);
  });

  it.each(['-1h', 'lots', '1,5h', '1h75', ''])('refuses "%s", naming the option', (text) => {
    expect(() => parseHours(text, '--weekdays')).toThrow(/--weekdays/);
  });
});
