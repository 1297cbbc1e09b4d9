import { describe, expect, it } from 'vitest';
import { durationText } from './duration-text.js';

describe('durationText', () => {
  it.each([
    [0, '0m'],
    [45, '45m'],
    [60, '1h'],
    [120, '2h'],
    [119, '1h 59m'],
    [119.4, '1h 59m'],
    [119.6, '2h'],
    [59.5, '1h'],
    [1440, '24h'],
    [3000, '50h'],
  ])('writes %d minutes as %j', (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });

  it('keeps the sign of a negative duration and says an unknown one is unknown', () => {
    expect(durationText(-90)).toBe('-1h 30m');
    expect(durationText(-0.2)).toBe('0m');
    expect(durationText(Number.NaN)).toBe('?');
    expect(durationText(Number.POSITIVE_INFINITY)).toBe('?');
  });
});
