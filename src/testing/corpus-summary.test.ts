import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseWork } from '../core/plan/work-structure.js';
import { findCorpusDir, loadManifest, readCorpusFile } from './corpus.js';
import { parseExpected } from './corpus-expectation.js';
import {
  type CorpusSummary,
  compareSummary,
  type ExpectedSummary,
  summarizeImport,
} from './corpus-summary.js';
import { generateRoadmap } from './generate-roadmap.js';
import { importText } from './load-seed.js';

const title = fc.string({ minLength: 1, maxLength: 20 });
const summaryArb: fc.Arbitrary<CorpusSummary> = fc
  .record({
    title,
    itemTitles: fc.array(title, { maxLength: 8 }),
    phases: fc.array(title, { maxLength: 5 }),
    horizonDays: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
    weeklyHours: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
    itemsWithDuration: fc.nat(10),
    phasesWithDuration: fc.nat(5),
    electiveGroups: fc.nat(4),
    electiveOptions: fc.nat(20),
    notARoadmap: fc.boolean(),
  })
  .map(({ horizonDays, weeklyHours, ...rest }) => ({
    ...rest,
    itemsToTrack: rest.itemTitles.length,
    trackableTitles: [...rest.phases, ...rest.itemTitles],
    warnings: rest.notARoadmap ? ['this looks like a link collection: nothing to track here'] : [],
    ...(horizonDays === undefined ? {} : { horizonDays }),
    ...(weeklyHours === undefined ? {} : { weeklyHours }),
  }));

/** The expectation a reviewer would write if the summary were exactly right. */
function exactly(summary: CorpusSummary): ExpectedSummary {
  const point = (value: number) => ({ min: value, max: value });
  const expected: ExpectedSummary = {
    title: summary.title,
    itemsToTrack: point(summary.itemsToTrack),
    phases: { count: point(summary.phases.length), include: summary.phases },
    durations: { items: point(summary.itemsWithDuration), phases: point(summary.phasesWithDuration) },
    electives: { groups: point(summary.electiveGroups), options: point(summary.electiveOptions) },
    mustTrack: summary.itemTitles,
    notARoadmap: summary.notARoadmap,
    review: 'built from the summary itself',
  };
  if (summary.itemTitles[0] !== undefined) expected.firstItem = summary.itemTitles[0];
  if (summary.horizonDays !== undefined) expected.horizonDays = point(summary.horizonDays);
  if (summary.weeklyHours !== undefined) expected.weeklyHours = point(summary.weeklyHours);
  return expected;
}

describe('compareSummary', () => {
  it('finds no mismatch between a summary and the exact expectation of it', () => {
    fc.assert(fc.property(summaryArb, (summary) => compareSummary(exactly(summary), summary).length === 0));
  });

  it('reports a count outside its range, naming the field, the value and the range', () => {
    fc.assert(
      fc.property(summaryArb, fc.integer({ min: 1, max: 5 }), (summary, by) => {
        const expected = { ...exactly(summary), itemsToTrack: { min: summary.itemsToTrack + by } };
        expect(compareSummary(expected, summary)).toEqual([
          `items to track: ${summary.itemsToTrack}, expected >= ${summary.itemsToTrack + by}`,
        ]);
      }),
    );
  });

  it('reports each unwanted title that is planned, and each missing phase in order', () => {
    fc.assert(
      fc.property(summaryArb, (summary) => {
        fc.pre(summary.itemTitles.length > 0 && summary.phases.length > 1);
        const planned = summary.itemTitles[0] as string;
        const expected: ExpectedSummary = {
          ...exactly(summary),
          phases: { include: [...summary.phases].reverse() },
          leftOut: { kinds: ['meta'], titles: [planned] },
        };
        const mismatches = compareSummary(expected, summary);
        expect(mismatches.some((m) => m.startsWith(`"${planned}" is planned as work`))).toBe(true);
        // Reversed phases cannot all be found in order unless they repeat.
        if (new Set(summary.phases).size === summary.phases.length)
          expect(mismatches.some((m) => m.startsWith('phases: no phase'))).toBe(true);
      }),
    );
  });

  it('requires the not-a-roadmap warning when the expectation asks for it', () => {
    const summary = summarizeImport(importText('# Links\n\n- [A](https://a.example)\n'));
    const expected: ExpectedSummary = {
      title: 'Links',
      itemsToTrack: { min: 0 },
      notARoadmap: true,
      review: 'a one-link list with nothing to plan',
    };
    expect(compareSummary(expected, summary)).toEqual(
      summary.notARoadmap ? [] : ['no warning that the file is not a roadmap (a link collection or images)'],
    );
  });
});

describe('summarizeImport', () => {
  const markdown = [
    '# Course',
    '',
    '## Part 1',
    '',
    '- [ ] Lesson A (2 hours)',
    '- [ ] Lesson B',
    '',
    '## Part 2 (Choose one)',
    '',
    '- [ ] Option X',
    '- [ ] Option Y',
    '',
  ].join('\n');

  it('counts required items apart from elective options and looks through the title wrapper for phases', () => {
    const summary = summarizeImport(importText(markdown));
    expect(summary.title).toBe('Course');
    expect(summary.itemTitles).toEqual(['Lesson A', 'Lesson B']);
    expect(summary.electiveGroups).toBe(1);
    expect(summary.electiveOptions).toBe(2);
    expect(summary.phases).toEqual(['Part 1', 'Part 2']);
    expect(summary.itemsWithDuration).toBe(1);
  });
});

describe('summary invariants', () => {
  const unitsOf = (markdown: string) => analyseWork(importText(markdown).roadmap.nodes).units.length;

  it('counts every planner unit once, as a required item or an elective option (generated roadmaps)', () => {
    fc.assert(
      fc.property(
        fc.record({
          phases: fc.integer({ min: 1, max: 3 }),
          sectionsPerPhase: fc.integer({ min: 1, max: 3 }),
          itemsPerSection: fc.integer({ min: 1, max: 4 }),
          subItemsPerItem: fc.integer({ min: 0, max: 2 }),
          seed: fc.integer({ min: 1, max: 1000 }),
        }),
        (options) => {
          const markdown = generateRoadmap(options);
          const summary = summarizeImport(importText(markdown));
          expect(summary.itemsToTrack + summary.electiveOptions).toBe(unitsOf(markdown));
          expect(summary.itemTitles).toHaveLength(summary.itemsToTrack);
          expect(summary.itemsWithDuration).toBeLessThanOrEqual(summary.itemsToTrack);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('counts every planner unit once in each corpus file', () => {
    const dir = findCorpusDir();
    for (const entry of loadManifest(dir)) {
      const { text } = readCorpusFile(dir, entry);
      const summary = summarizeImport(importText(text));
      expect(summary.itemsToTrack + summary.electiveOptions, entry.file).toBe(unitsOf(text));
    }
  });
});

describe('corpus files and expectations', () => {
  it('rejects an expectation with a bad field, naming the file and the field', () => {
    expect(() =>
      parseExpected({ title: 'T', itemsToTrack: { min: 3, max: 1 }, review: 'short' }, 'x.json'),
    ).toThrow(/^x\.json: .*itemsToTrack: max is below min.*review/);
  });

  it('refuses a corpus file whose bytes differ from the manifest, saying how to restore it', () => {
    const dir = findCorpusDir();
    const [entry] = loadManifest(dir);
    if (!entry) throw new Error('the corpus manifest is empty');
    expect(() => readCorpusFile(dir, { ...entry, sha256: '0'.repeat(64) })).toThrow(
      /is not the recorded copy .* Restore it from git/,
    );
  });
});
