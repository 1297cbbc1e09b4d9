import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../src/app/planning-service.js';
import type { Roadmap } from '../src/core/model/roadmap.js';
import { allNodes } from '../src/testing/load-seed.js';
import { type CliSandbox, cliSandbox } from './cli-harness.js';

/*
 * Issue 12: the learner corrects the importer's reading in one command (exclude, include, kind), and it
 * sticks: the plan, inspect of the stored roadmap and status follow; undo reverts; a re-import that moves
 * the item keeps the correction. Runs the real binary (`npm run build` first when running this file alone).
 */

const NOW = { WAYMARK_NOW: '2026-01-05T12:00:00Z' };
const ROADMAP = `# Study plan

## Support My Work

- [Buy me a coffee](https://example.org/coffee)

## Week 1: Python

- [ ] Variables
- [ ] Loops

## Week 2: Data

- [ ] Pandas
- [ ] Kaggle notebooks (optional)

## Tips

- Sleep well
`;

let cli: CliSandbox;
const plannedIds = () =>
  (cli.ok(['plan', 'plan', '--json'], NOW).json as PlanView).items.map((item) => item.nodeId);
const stored = () => cli.ok(['inspect', 'plan', '--json'], NOW).json as Roadmap;
const node = (roadmap: Roadmap, id: string) => allNodes(roadmap.nodes).find((n) => n.id === id);

beforeAll(() => {
  cli = cliSandbox('waymark-correct-');
  writeFileSync(cli.path('plan.md'), ROADMAP);
  cli.ok(['import', 'plan.md'], NOW);
});
afterAll(() => cli?.cleanup());

describe('corrections of the importer', () => {
  it('the import says what it found and left out; the optional item waits', () => {
    const run = cli.ok(['import', 'plan.md', '--json'], NOW).json as { verdict: { text: string } };
    expect(run.verdict.text).toBe('4 topics in 2 phases, 1 optional; 4 notes left out of the plan');
    expect(plannedIds()).toEqual(['week-1-python/variables', 'week-1-python/loops', 'week-2-data/pandas']);
  });

  it('exclude leaves an item and what is beneath it out of the plan; undo brings it back', () => {
    const run = cli.ok(['exclude', 'plan:week-1-python'], NOW);
    expect(run.stdout).toMatch(/phase, work -> phase, not work \(3 items with what is beneath it\)/);
    expect(plannedIds()).toEqual(['week-2-data/pandas']);
    expect(node(stored(), 'week-1-python/loops')?.meta?.excluded).toBe('true');
    expect(cli.ok(['inspect', 'plan'], NOW).stdout).toMatch(/Loops · excluded by you/);
    expect(cli.ok(['exclude', 'plan:week-1-python'], NOW).stdout).toMatch(
      /already phase, not work; nothing changed/,
    );
    cli.ok(['undo'], NOW);
    expect(plannedIds()).toContain('week-1-python/loops');
  });

  it('include makes information or an optional item work; kind changes the kind', () => {
    cli.ok(['include', 'Kaggle notebooks'], NOW);
    expect(plannedIds()).toContain('week-2-data/kaggle-notebooks');
    cli.ok(['include', 'plan:tips/sleep-well'], NOW);
    expect(node(stored(), 'tips/sleep-well')).toMatchObject({ kind: 'topic', trackable: true });
    cli.ok(['kind', 'plan:week-2-data/pandas', 'course'], NOW);
    const pandas = node(stored(), 'week-2-data/pandas');
    expect(pandas).toMatchObject({ kind: 'course', meta: { importedKind: 'topic' } });
    const status = cli.ok(['status', 'plan', '--json'], NOW).json as { nodes: unknown[] };
    expect(JSON.stringify(status)).toMatch(/"id":"week-2-data\/pandas","title":"Pandas","kind":"course"/);
  });

  it('a correction survives a re-import that moves the item', () => {
    cli.ok(['exclude', 'plan:week-1-python/loops'], NOW);
    writeFileSync(cli.path('plan.md'), ROADMAP.replace('## Week 1: Python', '## Week 1: Python basics'));
    const run = cli.ok(['import', 'plan.md'], NOW);
    expect(run.stdout).toMatch(/followed\s+week-1-python\/loops -> week-1-python-basics\/loops/);
    expect(node(stored(), 'week-1-python-basics/loops')?.meta?.excluded).toBe('true');
    expect(plannedIds()).not.toContain('week-1-python-basics/loops');
    expect(plannedIds()).toContain('week-1-python-basics/variables');
  });

  it('bad input: an unknown kind is a usage error (exit 2), an unknown item a clear error (exit 1)', () => {
    const kind = cli.run(['kind', 'plan:tips', 'banana'], NOW);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toMatch(/"banana" is not a kind of item.*Use one of: phase, section, topic/s);
    const item = cli.run(['exclude', 'plan:no-such-item'], NOW);
    expect(item.status).toBe(1);
    expect(item.stderr).toMatch(/no-such-item/);
  });
});
