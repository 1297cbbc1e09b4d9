import { describe, expect, it } from 'vitest';
import { importText } from '../../testing/load-seed.js';
import { formatOutline } from './outline-text.js';

describe('formatOutline (waymark inspect without --json)', () => {
  it('shows kinds, durations, checkbox state and item counts per phase', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Phase 1: Basics (2-3 weeks)\n- [x] 1.1 Read\n- [ ] 1.2 Write\n\n## Phase 2: More (4 weeks)\n### Projects\n- Build a thing\n',
    );
    const lines = formatOutline(roadmap).split('\n');
    expect(lines[0]).toBe('Plan');
    expect(lines[1]).toBe('2 phases · 6 nodes · 6 trackable · 2 checkboxes (1 ticked)');
    expect(lines).toContain('phase phase-1-basics  Phase 1: Basics · 2-3 weeks · 2 items · 1/2 ticked');
    expect(lines).toContain('  [x] 1.1  Read');
    expect(lines).toContain('  [ ] 1.2  Write');
    expect(lines).toContain('phase phase-2-more  Phase 2: More · 4 weeks · 1 item');
    expect(lines).toContain('  section phase-2-more/projects  Projects · 1 item');
    expect(lines).toContain('    project phase-2-more/projects/build-a-thing  Build a thing');
  });
});
