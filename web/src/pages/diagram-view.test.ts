import { describe, expect, it } from 'vitest';
import { wrapTitle } from './diagram-view';

describe('wrapTitle', () => {
  it('keeps short titles on one line and wraps longer ones at word boundaries', () => {
    expect(wrapTitle('Python Programming', 1)).toEqual(['Python Programming']);
    expect(wrapTitle('Phase 1: Foundation (Mathematics & Programming)', 0)).toEqual([
      'Phase 1: Foundation',
      '(Mathematics & Programming)',
    ]);
  });

  it('cuts only what does not fit in two lines, with an ellipsis', () => {
    const lines = wrapTitle(
      'Phase 7: Advanced Generative AI - Stable Diffusion & Video Generation at scale',
      0,
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    expect(lines.every((line) => line.length <= 29)).toBe(true);
  });
});
