import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WaymarkError } from '../errors.js';
import { EARLIEST_EVENT_YEAR, parseWhen } from './parse-when.js';

const now = new Date('2026-11-20T12:00:00Z');

function refusal(text: string): WaymarkError {
  try {
    parseWhen(text, now);
  } catch (error) {
    if (error instanceof WaymarkError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('parseWhen', () => {
  it('reads relative and absolute forms', () => {
    expect(parseWhen('now', now)).toBe('2026-11-20T12:00:00.000Z');
    expect(parseWhen('yesterday', now)).toBe('2026-11-19T12:00:00.000Z');
    expect(parseWhen('3 days ago', now)).toBe('2026-11-17T12:00:00.000Z');
    expect(parseWhen('2026-11-18', now)).toBe('2026-11-18T12:00:00.000Z');
    expect(parseWhen('2026-11-18T19:30', now, 60)).toBe('2026-11-18T18:30:00.000Z');
    expect(parseWhen('2026-11-18T19:30:00Z', now)).toBe('2026-11-18T19:30:00.000Z');
  });

  it.each(['tomorrow', '2026-11-21', '2026-02-30', '2026-11-18T25:00', 'soon'])('rejects %j', (text) => {
    expect(() => parseWhen(text, now)).toThrow(WaymarkError);
  });

  it('refuses a year before 1970 in every form, with a hint at the likely year', () => {
    const error = refusal('0026-11-20');
    expect(error.code).toBe('INPUT');
    expect(error.message).toBe('"0026-11-20" is before 1970; Waymark records study from 1970 on.');
    expect(error.hint).toBe('Did you mean 2026-11-20? Years have four digits, e.g. 2026-11-20.');
    expect(refusal('0026-11-20T19:30').hint).toContain('2026-11-20T19:30');
    expect(refusal('0026-11-20T19:30:00Z').message).toContain('before 1970');
    expect(refusal('1969-12-31').hint).toBe('Check the year: it has four digits, e.g. 2026-11-20.');
    expect(refusal('9999 weeks ago').message).toContain('before 1970');
  });

  it('never moves a typed year: every year is kept or refused (Date.UTC maps 0-99 to 1900-1999)', () => {
    const forms = fc.constantFrom(
      (y: string) => `${y}-03-04`,
      (y: string) => `${y}-03-04T10:30`,
      (y: string) => `${y}-03-04T10:30:00Z`,
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2026 }), forms, (year, form) => {
        const typed = pad(year, 4);
        const text = form(typed);
        if (year < EARLIEST_EVENT_YEAR) {
          expect(refusal(text).message).toContain('before 1970');
        } else {
          expect(parseWhen(text, now).slice(0, 4)).toBe(typed);
        }
      }),
    );
  });
});
