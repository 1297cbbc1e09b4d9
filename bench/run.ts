import { pathToFileURL } from 'node:url';
import { apiBench } from './api.bench.js';
import { cliBench } from './cli.bench.js';
import { corpusBench } from './corpus.bench.js';
import { filesBench } from './files.bench.js';
import { benchForecast } from './forecast.bench.js';
import { importBench } from './import.bench.js';
import { matchBench } from './match.bench.js';
import { benchPlan } from './plan.bench.js';
import { webBench } from './web.bench.js';

/*
 * `npm run bench` (node dist/bench/run.js [--strict] [suite names...]): runs each benchmark suite,
 * prints its table and its PASS/WARN checks. To add a benchmark, write a module exporting a
 * `BenchSuite` and add it to SUITES. With --strict, any WARN makes the exit code 1.
 */

export interface BenchCheck {
  /** The target, e.g. "import/parse <= 2x". */
  target: string;
  pass: boolean;
  /** The measured value, e.g. "1.4x". */
  actual: string;
}

export interface BenchRow {
  name: string;
  /** Columns in display order (insertion order of the keys). */
  cells: Record<string, string | number>;
  checks?: BenchCheck[];
}

export interface Timing {
  medianMs: number;
  minMs: number;
  runs: number;
}

export interface MeasureOptions {
  /** Time to spend sampling after warm-up; the number of runs adapts to it. Default 1,000 ms. */
  budgetMs?: number;
  minRuns?: number;
  maxRuns?: number;
  warmupRuns?: number;
}

export interface BenchContext {
  /** Warms `fn` up, then runs it N times (N adapted to its duration) and returns the median. */
  measure(fn: () => unknown, options?: MeasureOptions): Timing;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(context: BenchContext): BenchRow[] | Promise<BenchRow[]>;
}

/** The simpler row a bench function may return: one value, with an optional target and verdict. */
export interface SimpleBenchRow {
  name: string;
  value: string;
  target?: string;
  pass?: boolean;
}

/** Wraps a bench function that returns simple rows (e.g. `benchPlan`) as a suite. */
export function simpleSuite(
  name: string,
  description: string,
  bench: () => SimpleBenchRow[] | Promise<SimpleBenchRow[]>,
): BenchSuite {
  return {
    name,
    description,
    async run() {
      return (await bench()).map((row) => ({
        name: row.name,
        cells: { value: row.value, target: row.target ?? '' },
        ...(row.pass === undefined
          ? {}
          : { checks: [{ target: row.target ?? 'target', pass: row.pass, actual: row.value }] }),
      }));
    },
  };
}

const SUITES: BenchSuite[] = [
  importBench,
  corpusBench,
  matchBench,
  cliBench,
  simpleSuite('plan', 'planning 10,000 items and a 10,000-trial forecast', benchPlan),
  simpleSuite('forecast', 'seed 001 with 20,000 events, and the calibration backtest', benchForecast),
  webBench,
  apiBench,
  filesBench,
];

/** Keeps results alive so that the measured work cannot be optimized away. */
export let sink: unknown;

export function measure(fn: () => unknown, options: MeasureOptions = {}): Timing {
  const { budgetMs = 1_000, minRuns = 5, maxRuns = 500, warmupRuns = 3 } = options;
  const warmupStart = performance.now();
  for (let i = 0; i < warmupRuns || (performance.now() - warmupStart < 100 && i < 50); i++) sink = fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || (samples.length < maxRuns && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    sink = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mid = Math.floor(samples.length / 2);
  const median =
    samples.length % 2 === 1
      ? (samples[mid] as number)
      : ((samples[mid - 1] as number) + (samples[mid] as number)) / 2;
  return { medianMs: median, minMs: samples[0] as number, runs: samples.length };
}

function formatTable(rows: BenchRow[]): string {
  const columns = ['name', ...new Set(rows.flatMap((row) => Object.keys(row.cells)))];
  const cell = (row: BenchRow, column: string) =>
    column === 'name' ? row.name : String(row.cells[column] ?? '');
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row, column).length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => (i === 0 ? value.padEnd(widths[i] ?? 0) : value.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(columns),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(columns.map((column) => cell(row, column)))),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const strict = argv.includes('--strict');
  const only = argv.filter((arg) => !arg.startsWith('--'));
  const suites = only.length > 0 ? SUITES.filter((suite) => only.includes(suite.name)) : SUITES;
  if (suites.length === 0) {
    process.stderr.write(
      `bench: no suite named ${only.join(', ')} (have: ${SUITES.map((s) => s.name).join(', ')})\n`,
    );
    return 2;
  }
  let warnings = 0;
  let passes = 0;
  process.stdout.write(`node ${process.version}, ${process.platform}/${process.arch}\n`);
  for (const suite of suites) {
    process.stdout.write(`\n== ${suite.name}: ${suite.description}\n\n`);
    const rows = await suite.run({ measure });
    process.stdout.write(`${formatTable(rows)}\n\n`);
    for (const row of rows) {
      for (const check of row.checks ?? []) {
        if (check.pass) passes++;
        else warnings++;
        process.stdout.write(
          `${check.pass ? 'PASS' : 'WARN'}  ${row.name}: ${check.target} (${check.actual})\n`,
        );
      }
    }
  }
  process.stdout.write(`\n${passes} PASS, ${warnings} WARN\n`);
  return strict && warnings > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
