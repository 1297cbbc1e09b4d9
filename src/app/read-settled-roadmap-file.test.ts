import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSettledRoadmapFile } from './read-settled-roadmap-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark settled '));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readSettledRoadmapFile', () => {
  it('waits until a file saved a moment ago has been still for a while, then reads it', () => {
    const path = join(dir, 'plan.md');
    writeFileSync(path, '- [ ] a\n');
    const started = Date.now();
    expect(readSettledRoadmapFile(path).text).toBe('- [ ] a\n');
    expect(Date.now() - started).toBeGreaterThanOrEqual(30);
  });

  it('reads an old file at once, and never waits long for a clock it cannot trust (mtime in the future)', () => {
    const path = join(dir, 'plan.md');
    writeFileSync(path, '- [ ] a\n');
    utimesSync(path, new Date(0), new Date(0));
    expect(readSettledRoadmapFile(path).text).toBe('- [ ] a\n');
    const future = new Date(Date.now() + 3_600_000);
    utimesSync(path, future, future);
    const started = Date.now();
    expect(readSettledRoadmapFile(path).text).toBe('- [ ] a\n');
    expect(Date.now() - started).toBeLessThan(10_000); // bounded at about a second, not an hour
  });

  it('says what is wrong with a missing file, like any read', () => {
    expect(() => readSettledRoadmapFile(join(dir, 'gone.md'))).toThrow(/no such file/);
  });
});
