import { importRoadmap } from '../src/core/markdown/import-roadmap.js';
import { walkNodes } from '../src/core/model/roadmap.js';
import { matchReimport } from '../src/core/progress/match-reimport.js';
import { generateRoadmapOfSize } from '../src/testing/generate-roadmap.js';
import type { BenchContext, BenchRow, BenchSuite } from './run.js';

/*
 * Following an edited roadmap (re-import and every sync): matchReimport between a generated roadmap and an
 * edited copy (every 40th item extended, every 97th deleted, one inserted every 113 lines, the first phase
 * renamed so its whole subtree changes ids), with the source's numbering (ids stable) and without it (slug
 * ids, many near-duplicate titles: the hard case). Targets: matching costs less than importing the edited
 * text, and 4x the size costs at most 8x the time (no comparison of every node with every other).
 */

const MAX_MATCH_OVER_IMPORT = 1;
// Linear is 4x, quadratic 16x: 8x tells them apart on a busy machine.
const MAX_GROWTH_FOR_4X = 8;

const withoutNumbering = (text: string) =>
  text.replace(/^(\s*- \[[ x]\] )\d+(?:\.\d+)+ /gm, '$1').replace(/^(#{2,3} )\d+(?:\.\d+)*\.? /gm, '$1');

function edited(text: string): string {
  const out: string[] = [];
  let items = 0;
  let renamedPhase = false;
  text.split('\n').forEach((line, i) => {
    if (!renamedPhase && line.startsWith('## ') && /Phase/.test(line)) {
      renamedPhase = true;
      out.push(`${line} and more`);
      return;
    }
    if (/^\s*- \[/.test(line)) {
      items++;
      if (items % 97 === 0) return;
      out.push(items % 40 === 0 && /\w$/.test(line) ? `${line} and drills` : line);
      if (i % 113 === 0) out.push(`${/^\s*/.exec(line)?.[0]}- [ ] Quokka husbandry ${i}`);
      return;
    }
    out.push(line);
  });
  return out.join('\n');
}

function caseOf(bytes: number, numbered: boolean) {
  const generated = generateRoadmapOfSize(bytes);
  const text = numbered ? generated : withoutNumbering(generated);
  const options = { path: 'bench.md', sha256: '0'.repeat(64) };
  const before = importRoadmap(text, options).roadmap.nodes;
  const changed = edited(text);
  const after = importRoadmap(changed, options).roadmap.nodes;
  return { text: changed, options, before, after };
}

function row(context: BenchContext, numbered: boolean): BenchRow {
  const big = caseOf(1024 * 1024, numbered);
  const small = caseOf(256 * 1024, numbered);
  const budget = { budgetMs: 3_000, minRuns: 3, maxRuns: 30 };
  const match = context.measure(() => matchReimport(big.before, big.after), budget);
  const matchSmall = context.measure(() => matchReimport(small.before, small.after), budget);
  const imported = context.measure(() => importRoadmap(big.text, big.options), budget);
  const result = matchReimport(big.before, big.after);
  const ratio = match.medianMs / imported.medianMs;
  const growth = match.medianMs / matchSmall.medianMs;
  return {
    name: `1 MB, ${numbered ? 'numbered ids' : 'slug ids'}`,
    cells: {
      nodes: [...walkNodes(big.after)].length,
      moved: result.moved.length,
      archived: result.archived.length,
      added: result.added.length,
      'match ms': match.medianMs.toFixed(1),
      'import ms': imported.medianMs.toFixed(1),
      'match ms, 1/4 size': matchSmall.medianMs.toFixed(1),
    },
    checks: [
      {
        target: `match/import <= ${MAX_MATCH_OVER_IMPORT}x`,
        pass: ratio <= MAX_MATCH_OVER_IMPORT,
        actual: `${ratio.toFixed(2)}x`,
      },
      {
        target: `4x the size <= ${MAX_GROWTH_FOR_4X}x the time`,
        pass: growth <= MAX_GROWTH_FOR_4X,
        actual: `${growth.toFixed(2)}x`,
      },
    ],
  };
}

/** 20,000 items of one title with one inserted in front: every pass must stay linear on duplicates. */
function repeatedTitles(context: BenchContext): BenchRow {
  const options = { path: 'bench.md', sha256: '0'.repeat(64) };
  const list = (count: number, first = '') => `# T\n## S\n${first}${'- [ ] Review\n'.repeat(count)}`;
  const big = [
    importRoadmap(list(20_000), options).roadmap.nodes,
    importRoadmap(list(19_999, '- [ ] New\n'), options).roadmap.nodes,
  ] as const;
  const small = [
    importRoadmap(list(5_000), options).roadmap.nodes,
    importRoadmap(list(4_999, '- [ ] New\n'), options).roadmap.nodes,
  ] as const;
  const budget = { budgetMs: 2_000, minRuns: 3, maxRuns: 30 };
  const match = context.measure(() => matchReimport(big[0], big[1]), budget);
  const matchSmall = context.measure(() => matchReimport(small[0], small[1]), budget);
  const growth = match.medianMs / matchSmall.medianMs;
  return {
    name: 'repeated titles x20000',
    cells: {
      nodes: 20_002,
      'match ms': match.medianMs.toFixed(1),
      'match ms, 1/4 size': matchSmall.medianMs.toFixed(1),
    },
    checks: [
      {
        target: `4x the items <= ${MAX_GROWTH_FOR_4X}x the time`,
        pass: growth <= MAX_GROWTH_FOR_4X,
        actual: `${growth.toFixed(2)}x`,
      },
    ],
  };
}

export const matchBench: BenchSuite = {
  name: 'match',
  description: 'matchReimport (re-import and sync identity) on an edited 1 MB roadmap vs importing it',
  run(context) {
    return [row(context, true), row(context, false), repeatedTitles(context)];
  },
};
