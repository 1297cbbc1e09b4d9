import { describe, expect, it } from 'vitest';
import { formatMinutes } from './progress-bar.js';

describe('formatMinutes', () => {
  it('rounds to whole minutes before splitting off the hours, so the rest is never 60', () => {
    expect(formatMinutes(119.6)).toBe('2h');
    expect(formatMinutes(59.7)).toBe('1h');
    expect(formatMinutes(119.4)).toBe('1h 59m');
  });
});
