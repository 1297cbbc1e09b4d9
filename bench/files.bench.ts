import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRoadmapFile } from '../src/app/read-roadmap-file.js';
import { importRoadmap } from '../src/core/markdown/import-roadmap.js';
import { runSyncRace } from '../src/testing/sync-race.js';
import type { BenchContext, BenchRow, BenchSuite } from './run.js';

/*
 * Reading the learner's files: `inspect` of a roadmap whose front matter is 256 KB and 1 MB of keys (the
 * limit), read from disk and imported in-process. The YAML library's own duplicate-key check made this
 * quadratic (40,000 keys: 12.8 s); targets: 1 MB under 2 s (about 0.5 s on an idle machine), and 4x the YAML costs at most 8x the time
 * (quadratic would be 16x).
 */

const ONE_MB_TARGET_MS = 2_000;
const MAX_GROWTH = 8;

function roadmapWithFrontMatter(bytes: number): string {
  const lines = ['---'];
  let size = 0;
  for (let i = 0; size < bytes - 40; i++) {
    const line = `key${i}: value number ${i}`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push('---', '# Plan', '', '- [ ] First', '');
  return lines.join('\n');
}

export const filesBench: BenchSuite = {
  name: 'files',
  description: 'inspect of 256 KB and 1 MB of front matter (read + import); the sync race, 1,000 syncs',
  async run(context) {
    return [...frontMatterRows(context), ...(await raceRows())];
  },
};

/** The race harness of test/sync-race.test.ts, longer and on a bigger file; the target is 0 saves lost. */
async function raceRows(): Promise<BenchRow[]> {
  const figures = await runSyncRace({
    syncRuns: 1_000,
    noteBytes: 200_000,
    maxMs: 60_000,
    editorPauseMs: 100,
  });
  return [
    {
      name: 'sync race (200 KB file)',
      cells: {
        median: `${figures.syncRuns} syncs, ${figures.written} wrote, ${figures.conflicts} conflicts`,
        runs: `${figures.saves} saves`,
      },
      checks: [
        {
          target: 'editor saves lost = 0',
          pass: figures.lost.length === 0,
          actual: String(figures.lost.length),
        },
      ],
    },
  ];
}

function frontMatterRows(context: BenchContext): BenchRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-files-'));
  try {
    const timings = [256 * 1024, 1024 * 1024].map((bytes) => {
      const path = join(dir, `front-${bytes}.md`);
      writeFileSync(path, roadmapWithFrontMatter(bytes));
      const inspect = () => {
        const file = readRoadmapFile(path);
        const { roadmap, warnings } = importRoadmap(file.text, { path, sha256: file.sha256 });
        if (warnings.length > 0) throw new Error(`unexpected warning: ${warnings[0]?.message}`);
        return roadmap;
      };
      return { bytes, timing: context.measure(inspect, { budgetMs: 3_000, minRuns: 3, maxRuns: 20 }) };
    });
    const [quarter, full] = timings as [(typeof timings)[0], (typeof timings)[0]];
    const growth = full.timing.medianMs / quarter.timing.medianMs;
    const rows: BenchRow[] = [
      {
        name: 'front matter 256 KB',
        cells: { median: `${quarter.timing.medianMs.toFixed(0)} ms`, runs: quarter.timing.runs },
      },
      {
        name: 'front matter 1 MB',
        cells: { median: `${full.timing.medianMs.toFixed(0)} ms`, runs: full.timing.runs },
        checks: [
          {
            target: `1 MB inspect < ${ONE_MB_TARGET_MS} ms`,
            pass: full.timing.medianMs < ONE_MB_TARGET_MS,
            actual: `${full.timing.medianMs.toFixed(0)} ms`,
          },
          {
            target: `1 MB / 256 KB <= ${MAX_GROWTH}x (linear)`,
            pass: growth <= MAX_GROWTH,
            actual: `${growth.toFixed(1)}x`,
          },
        ],
      },
    ];
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
