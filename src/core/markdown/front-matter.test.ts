import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from './front-matter.js';
import { importRoadmap } from './import-roadmap.js';

const linesOf = (text: string) => text.split('\n');
const manyKeys = (count: number) => [
  '---',
  ...Array.from({ length: count }, (_, i) => `key${i}: value ${i}`),
  '---',
  '# T',
  '- [ ] a',
];

describe('readFrontMatter', () => {
  it('refuses a block over the limit with a message naming its lines, before YAML reads it', () => {
    const huge = readFrontMatter(manyKeys(300_000)); // 4.5 MB: the quadratic check once took 11 minutes
    expect(huge?.error).toMatch(/front matter \(lines 1-300002\) is \d+ KB, over the 1024 KB Waymark reads/);
    expect(huge?.data).toEqual({});
    const { roadmap, warnings } = importRoadmap(manyKeys(300_000).join('\n'), { sha256: '0' });
    expect(roadmap.title).toBe('T');
    expect(warnings[0]).toMatchObject({ line: 1, message: expect.stringMatching(/it was ignored/) });
  });

  it('reads many keys below the limit, repeated ones included (timing: npm run bench, front matter)', () => {
    const lines = manyKeys(20_000);
    lines.splice(5, 0, 'key0: again');
    const fm = readFrontMatter(lines);
    expect(fm?.error).toBeUndefined();
    expect(Object.keys(fm?.data ?? {})).toHaveLength(20_000);
    expect(fm?.data.key0).toBe('again');
    expect(fm?.warnings).toEqual([
      { line: 6, message: expect.stringMatching(/"key0" is given again \(first on line 2\)/) },
    ]);
  });

  it('reports a repeated key once, with both lines, and uses the last value', () => {
    const fm = readFrontMatter(linesOf('---\ntitle: First\nweeklyHours: 5\ntitle: Second\n---\n'));
    expect(fm?.data).toEqual({ title: 'Second', weeklyHours: 5 });
    expect(fm?.warnings).toEqual([
      { line: 4, message: 'front matter: "title" is given again (first on line 2); the last value is used' },
    ]);
  });

  it('property: every repeated top-level key is found, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'title'), { maxLength: 12 }), (keys) => {
        const fm = readFrontMatter(['---', ...keys.map((key, i) => `${key}: ${i}`), '---']);
        const repeats = keys.length - new Set(keys).size;
        expect(fm?.warnings).toHaveLength(repeats);
        for (const key of new Set(keys)) expect(fm?.data[key]).toBe(keys.lastIndexOf(key));
      }),
    );
  });

  it('turns the YAML library’s warnings into import warnings instead of printing them', () => {
    const emitted: unknown[] = [];
    const listener = (warning: unknown) => emitted.push(warning);
    process.on('warning', listener);
    try {
      const { warnings } = importRoadmap('---\ntitle: !custom My Plan\n? [a, b]\n: 1\n---\n# T\n- [ ] a\n', {
        sha256: '0',
      });
      expect(warnings).toContainEqual({
        line: 2,
        message: expect.stringMatching(/front matter: Unresolved tag/),
      });
    } finally {
      process.off('warning', listener);
    }
    expect(emitted).toEqual([]);
  });

  it('names the line of a YAML error', () => {
    const fm = readFrontMatter(linesOf('---\ntitle: ok\nbad: [unclosed\n---\n'));
    expect(fm?.error).toMatch(/could not be read .*line \d/);
  });
});
