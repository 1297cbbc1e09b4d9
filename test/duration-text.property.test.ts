/**
 * One duration text in every view: the CLI's and the dashboard's formatters write the same text for any
 * minutes, and `waymark log` reads that text back as the rounded minutes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinutes as cliText } from '../src/cli/format/progress-bar.js';
import { MAX_LOG_MINUTES, parseStudyDuration } from '../src/core/progress/parse-study-duration.js';
import { formatMinutes as webText } from '../web/src/format.js';

describe('duration text', () => {
  it('is the same in the CLI and the dashboard for any minutes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -10_000, max: 100_000 })), (minutes) => {
        expect(cliText(minutes)).toBe(webText(minutes));
      }),
    );
  });

  it('parses back as the rounded minutes, never with a 60-minute part', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: MAX_LOG_MINUTES + 0.49, noNaN: true }), (minutes) => {
        const text = cliText(minutes);
        expect(text).not.toMatch(/\b60m/);
        expect(parseStudyDuration(text)).toBe(Math.round(minutes));
      }),
    );
  });
});
