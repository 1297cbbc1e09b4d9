import { describe, expect, it } from 'vitest';
import { WaymarkError } from '../errors.js';
import { parseWhen } from './parse-when.js';

const now = new Date('2026-11-20T12:00:00Z');

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
});
