import { describe, expect, it } from 'vitest';
import { formatMinutes, safeUrl } from './format';

describe('safeUrl', () => {
  it('keeps http and https links', () => {
    expect(safeUrl('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(safeUrl('http://example.com')).toBe('http://example.com/');
  });

  it('refuses every other scheme and anything that is not an absolute URL', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.example/x',
      '',
      undefined,
    ]) {
      expect(safeUrl(url), String(url)).toBeUndefined();
    }
  });
});

describe('formatMinutes', () => {
  it('writes minutes as the CLI does', () => {
    expect(formatMinutes(0)).toBe('0m');
    expect(formatMinutes(45)).toBe('45m');
    expect(formatMinutes(60)).toBe('1h');
    expect(formatMinutes(95)).toBe('1h 35m');
    expect(formatMinutes(119.6)).toBe('2h');
  });
});
