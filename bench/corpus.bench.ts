import { importRoadmap, markdownParser } from '../src/core/markdown/import-roadmap.js';
import { evaluateCorpus, loadManifest, readBaseline, readCorpusFile } from '../src/testing/corpus.js';
import { median } from './median.js';
import type { BenchRow, BenchSuite } from './run.js';

/*
 * The corpus score: the share of the real roadmaps in test/corpus whose imported summary matches its
 * reviewed expectation, per shape and overall, and whether every file recorded as matching
 * (baseline.json) still does. Also the import time of the whole corpus against its bare parse.
 */

const MAX_RATIO = 2;

/**
 * Times two functions in alternation (a, b, b, a, ...) so that a busy machine slows both alike and the
 * ratio stays meaningful; medians of at least 9 runs each, within about two seconds.
 */
function alternate(
  a: () => void,
  b: () => void,
): { parse: { medianMs: number }; imported: { medianMs: number } } {
  const time = (fn: () => void) => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) {
    a();
    b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 200 && (i < 9 || performance.now() - started < 2_000); i++) {
    if (i % 2 === 0) {
      as.push(time(a));
      bs.push(time(b));
    } else {
      bs.push(time(b));
      as.push(time(a));
    }
  }
  return { parse: { medianMs: median(as) }, imported: { medianMs: median(bs) } };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${Math.round((part / whole) * 100)}%`;
}

export const corpusBench: BenchSuite = {
  name: 'corpus',
  description: 'real roadmaps (test/corpus): files whose summary matches the reviewed expectation',
  run() {
    const report = evaluateCorpus();
    const baseline = readBaseline(report.dir);
    const lost = baseline.filter((id) => !report.matching.includes(id));
    const rows: BenchRow[] = [];
    const shapes = [...new Set(report.files.map((file) => file.entry.shape))].sort();
    for (const shape of shapes) {
      const files = report.files.filter((file) => file.entry.shape === shape);
      const matching = files.filter((file) => file.mismatches.length === 0).length;
      rows.push({
        name: `shape: ${shape}`,
        cells: { files: files.length, match: matching, score: percent(matching, files.length) },
      });
    }
    rows.push({
      name: 'corpus score',
      cells: {
        files: report.files.length,
        match: report.matching.length,
        score: percent(report.matching.length, report.files.length),
      },
      checks: [
        {
          target: `every baseline match kept (${baseline.length} recorded)`,
          pass: lost.length === 0,
          actual: lost.length === 0 ? `${report.matching.length} match` : `lost ${lost.join(', ')}`,
        },
      ],
    });
    const texts = loadManifest(report.dir).map((entry) => ({
      entry,
      text: readCorpusFile(report.dir, entry).text,
    }));
    const parser = markdownParser();
    const { parse, imported } = alternate(
      () => {
        for (const { text } of texts) parser.parse(text, {});
      },
      () => {
        for (const { entry, text } of texts) importRoadmap(text, { path: entry.file, sha256: entry.sha256 });
      },
    );
    const ratio = imported.medianMs / parse.medianMs;
    rows.push({
      name: 'import the whole corpus',
      cells: {
        files: texts.length,
        'parse ms': parse.medianMs.toFixed(2),
        'import ms': imported.medianMs.toFixed(2),
        ratio: `${ratio.toFixed(2)}x`,
      },
      checks: [
        { target: `import/parse <= ${MAX_RATIO}x`, pass: ratio <= MAX_RATIO, actual: `${ratio.toFixed(2)}x` },
      ],
    });
    return rows;
  },
};
