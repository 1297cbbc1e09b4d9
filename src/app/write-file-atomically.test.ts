import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WaymarkError } from '../core/errors.js';
import { writeFileAtomically } from './write-file-atomically.js';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

function fixture(content: string, mode = 0o640) {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-write-'));
  const path = join(dir, 'roadmap.md');
  writeFileSync(path, content);
  chmodSync(path, mode);
  return { dir, path };
}

describe('writeFileAtomically', () => {
  it('replaces the content, keeps the permissions and leaves no temp file', () => {
    const { dir, path } = fixture('- [ ] a\n');
    writeFileAtomically(path, new TextEncoder().encode('- [x] a\n'), hash('- [ ] a\n'));
    expect(readFileSync(path, 'utf8')).toBe('- [x] a\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['roadmap.md']);
  });

  it('refuses to clobber a file edited since it was read', () => {
    const { dir, path } = fixture('- [ ] a\n');
    writeFileSync(path, '- [ ] a\n- [ ] b (typed in the editor)\n');
    expect(() => writeFileAtomically(path, new TextEncoder().encode('- [x] a\n'), hash('- [ ] a\n'))).toThrow(
      WaymarkError,
    );
    expect(readFileSync(path, 'utf8')).toBe('- [ ] a\n- [ ] b (typed in the editor)\n');
    expect(readdirSync(dir)).toEqual(['roadmap.md']);
  });
});
