import { describe, expect, it } from 'vitest';
import { WaymarkError } from '../errors.js';
import { parseStudyDuration } from './parse-study-duration.js';

describe('parseStudyDuration', () => {
  it.each([
    ['90m', 90],
    ['1h30', 90],
    ['1h 30m', 90],
    ['2h', 120],
    ['1.5h', 90],
    ['45m', 45],
    ['24h', 1440],
  ])('%s -> %i minutes', (text, minutes) => expect(parseStudyDuration(text)).toBe(minutes));

  it.each(['-5m', '99999h', 'abc', '0m', '', '25h', '1h99'])('rejects %j with a clear message', (text) => {
    expect(() => parseStudyDuration(text)).toThrow(WaymarkError);
  });
});
