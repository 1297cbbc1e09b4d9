import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { listBundledRoadmaps } from '../src/app/bundled-roadmaps.js';
import { importRoadmap, markdownParser } from '../src/core/markdown/import-roadmap.js';
import { walkNodes } from '../src/core/model/roadmap.js';
import { generateRoadmapOfSize } from '../src/testing/generate-roadmap.js';
import { median } from './median.js';
import type { BenchRow, BenchSuite } from './run.js';

/*
 * The importer against the bare markdown-it parse it is built on: for each bundled roadmap and a
 * generated 1 MB one, the median time of `markdownParser().parse(text, {})` and of `importRoadmap`.
 * Targets: import <= 2x the bare parse; a 1 MB roadmap imports well under 1 s (< 500 ms).
 */

const MAX_RATIO = 2;
const ONE_MB_TARGET_MS = 500;

interface Input {
  name: string;
  text: string;
  /** Sampling budget: more runs for small inputs, a handful for big ones. */
  budgetMs: number;
  absoluteTarget?: number;
}

function inputs(): Input[] {
  const list: Input[] = listBundledRoadmaps().map(({ name, path }) => ({
    name,
    text: readFileSync(path, 'utf8'),
    budgetMs: 1_000,
  }));
  list.push({
    name: 'generated 1 MB',
    text: generateRoadmapOfSize(1024 * 1024),
    budgetMs: 4_000,
    absoluteTarget: ONE_MB_TARGET_MS,
  });
  // Id collisions: 5,000 items with one title (once quadratic; see the "bug 4" test in import-roadmap.property.test.ts).
  list.push({ name: 'repeated titles x5000', text: '- [ ] Review\n'.repeat(5_000), budgetMs: 2_000 });
  return list;
}

interface PairTiming {
  parse: { medianMs: number; runs: number };
  imported: { medianMs: number; runs: number };
}

/**
 * Times the bare parse and the import in alternation (parse, import, import, parse, ...), so that a
 * busy machine slows both alike and the ratio stays meaningful even when the absolute times drift.
 */
function measurePair(
  parse: () => unknown,
  run: () => unknown,
  budgetMs: number,
  minRuns: number,
): PairTiming {
  const time = (fn: () => unknown) => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  };
  // Warm up both until the JIT has settled (a few runs are not enough for the importer's many paths).
  const warmup = performance.now();
  for (let i = 0; i < 3 || (i < 200 && performance.now() - warmup < budgetMs / 4); i++) {
    parse();
    run();
  }
  const parseMs: number[] = [];
  const importMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 2_000 && (i < minRuns || performance.now() - started < budgetMs); i++) {
    if (i % 2 === 0) {
      parseMs.push(time(parse));
      importMs.push(time(run));
    } else {
      importMs.push(time(run));
      parseMs.push(time(parse));
    }
  }
  return {
    parse: { medianMs: median(parseMs), runs: parseMs.length },
    imported: { medianMs: median(importMs), runs: importMs.length },
  };
}

function benchOne(input: Input): BenchRow {
  const { text } = input;
  const sha256 = createHash('sha256').update(text).digest('hex');
  const options = { path: `${input.name}.md`, sha256 };
  const { roadmap } = importRoadmap(text, options);
  const nodes = [...walkNodes(roadmap.nodes)].map((entry) => entry.node);
  const parser = markdownParser();
  const { parse, imported } = measurePair(
    () => parser.parse(text, {}),
    () => importRoadmap(text, options),
    input.budgetMs,
    5,
  );
  const ratio = imported.medianMs / parse.medianMs;

  const checks = [
    { target: `import/parse <= ${MAX_RATIO}x`, pass: ratio <= MAX_RATIO, actual: `${ratio.toFixed(2)}x` },
  ];
  if (input.absoluteTarget !== undefined) {
    checks.push({
      target: `import < ${input.absoluteTarget} ms`,
      pass: imported.medianMs < input.absoluteTarget,
      actual: `${imported.medianMs.toFixed(1)} ms`,
    });
  }
  return {
    name: input.name,
    cells: {
      KB: (Buffer.byteLength(text, 'utf8') / 1024).toFixed(1),
      items: nodes.length,
      boxes: nodes.filter((node) => node.checked !== undefined).length,
      'parse ms': parse.medianMs.toFixed(2),
      'import ms': imported.medianMs.toFixed(2),
      ratio: `${ratio.toFixed(2)}x`,
      runs: `${parse.runs}/${imported.runs}`,
    },
    checks,
  };
}

export const importBench: BenchSuite = {
  name: 'import',
  description:
    'importRoadmap vs the bare markdown-it parse, timed in alternation (median ms; runs = parse/import samples)',
  run() {
    return inputs().map((input) => benchOne(input));
  },
};
