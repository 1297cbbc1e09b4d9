import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateCorpus, readBaseline } from '../src/testing/corpus.js';
import { LICENCES } from '../src/testing/corpus-expectation.js';

/*
 * The corpus of real roadmaps (test/corpus): each file's import, summarized, against its reviewed
 * expectation. A ratchet: a file recorded in baseline.json as matching must keep matching; a file that
 * newly matches is reported (run with WAYMARK_UPDATE_CORPUS_BASELINE=1 to record it).
 */

const report = evaluateCorpus();
const baseline = readBaseline(report.dir);

describe('the corpus', () => {
  it('holds at least 30 redistributable files in at least four languages, under 3 MB', () => {
    expect(report.files.length).toBeGreaterThanOrEqual(30);
    expect(new Set(report.files.map((file) => file.entry.language)).size).toBeGreaterThanOrEqual(4);
    const bytes = report.files.reduce((sum, file) => sum + file.entry.bytes, 0);
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    for (const file of report.files) expect(LICENCES).toContain(file.entry.licence);
  });

  it('records in its baseline only files that exist', () => {
    const ids = new Set(report.files.map((file) => file.id));
    expect(baseline.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('corpus summaries against their reviewed expectations', () => {
  for (const file of report.files) {
    const recorded = baseline.includes(file.id);
    it(`${file.id} (${file.entry.language}, ${file.entry.shape})${recorded ? '' : ' [not yet matching]'}`, () => {
      if (recorded) {
        // A regression: this file matched when the baseline was recorded.
        expect(file.mismatches, `${file.id} no longer matches its expected summary`).toEqual([]);
      } else if (file.mismatches.length === 0) {
        console.log(`corpus: ${file.id} now matches; record it in test/corpus/baseline.json`);
      }
    });
  }
});

afterAll(() => {
  const lines = report.files.map(
    (file) =>
      `${file.mismatches.length === 0 ? 'match   ' : 'mismatch'} ${file.id}${file.mismatches.map((m) => `\n           - ${m}`).join('')}`,
  );
  console.log(
    `corpus score: ${report.matching.length}/${report.files.length} files match (${Math.round(report.score * 100)}%)\n${lines.join('\n')}`,
  );
  if (process.env.WAYMARK_UPDATE_CORPUS_BASELINE === '1') {
    const matching = [...new Set([...baseline, ...report.matching])].sort();
    writeFileSync(join(report.dir, 'baseline.json'), `${JSON.stringify({ matching }, null, 2)}\n`);
  }
});
