import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../src/app/planning-service.js';
import type { Roadmap } from '../src/core/model/roadmap.js';
import { allNodes } from '../src/testing/load-seed.js';
import { type CliSandbox, cliSandbox } from './cli-harness.js';

/*
 * Issue 12: what the importer leaves out of a course page as context (the prose and concept bullets beside
 * a module's lessons, the second copy of a roadmap written in two languages) can be put back with one
 * `include`, and the correction sticks through an edit of the file, `sync` and a re-import. Runs the real
 * binary (`npm run build` first when running this file alone).
 */

const NOW = { WAYMARK_NOW: '2026-01-05T12:00:00Z' };
const MODULE = `# Reinforcement learning

## Regional topic: Peter and the Wolf

We will train algorithms that help Peter:

- **Explore**: explore the surrounding area and build an optimal navigation map.
- **Learn**: learn how to use a skateboard and balance on it, to move faster.

## Lessons

1. [Introduction to Q-Learning](1-QLearning/README.md)
2. [Using a gym simulation](2-Gym/README.md)

## Credits

Written with love by [Dmitry Soshnikov](http://soshnikov.com)
`;

const TWICE = `# Программа

## Основы

1. Линейная регрессия
2. Логистическая регрессия
3. Деревья решений
4. Бустинг
5. Нейронные сети

## Program

1. Linear regression
2. Logistic regression
3. Decision trees
4. Boosting
5. Neural networks
`;

let cli: CliSandbox;
const plannedTitles = (id: string) =>
  (cli.ok(['plan', id, '--json'], NOW).json as PlanView).items.map((item) => item.title);
const stored = (id: string) => cli.ok(['inspect', id, '--json'], NOW).json as Roadmap;
const titled = (roadmap: Roadmap, title: string) =>
  allNodes(roadmap.nodes).find((node) => node.title.startsWith(title));
const edit = (file: string, from: string, to: string) =>
  writeFileSync(cli.path(file), readFileSync(cli.path(file), 'utf8').replace(from, to));

beforeAll(() => {
  cli = cliSandbox('waymark-course-page-');
  writeFileSync(cli.path('module.md'), MODULE);
  writeFileSync(cli.path('twice.md'), TWICE);
  cli.ok(['import', 'module.md'], NOW);
  cli.ok(['import', 'twice.md'], NOW);
});
afterAll(() => cli?.cleanup());

describe('putting back what a course page left out', () => {
  it('the module plans its two lessons; the concept bullets wait as information', () => {
    expect(plannedTitles('module')).toEqual(['Introduction to Q-Learning', 'Using a gym simulation']);
    const explore = titled(stored('module'), 'Explore');
    expect([explore?.kind, explore?.trackable]).toEqual(['info', false]);
  });

  it('include makes a concept bullet work, and it stays work after an edit and a sync', () => {
    const id = titled(stored('module'), 'Explore')?.id ?? '';
    cli.ok(['include', `module:${id}`], NOW);
    expect(plannedTitles('module')).toContain(
      'Explore: explore the surrounding area and build an optimal navigation map.',
    );
    edit('module.md', '2. [Using a gym simulation]', '2. [Using a gym simulation environment]');
    cli.ok(['sync'], NOW);
    const after = stored('module');
    expect(titled(after, 'Explore')?.meta?.included).toBe('true');
    expect(titled(after, 'Using a gym simulation environment')?.trackable).toBe(true);
    expect(plannedTitles('module')).toContain(
      'Explore: explore the surrounding area and build an optimal navigation map.',
    );
  });

  it('the second language is left out with a warning; its items can be included and survive a re-import', () => {
    expect(plannedTitles('twice')).toEqual([
      'Линейная регрессия',
      'Логистическая регрессия',
      'Деревья решений',
      'Бустинг',
      'Нейронные сети',
    ]);
    const inspect = cli.ok(['inspect', 'twice.md'], NOW);
    expect(inspect.stdout + inspect.stderr).toMatch(/repeated here in another language/);
    const id = titled(stored('twice'), 'Boosting')?.id ?? '';
    cli.ok(['include', `twice:${id}`], NOW);
    edit('twice.md', '1. Linear regression', '1. Linear regression and least squares');
    cli.ok(['import', 'twice.md'], NOW);
    expect(titled(stored('twice'), 'Boosting')?.meta?.included).toBe('true');
    expect(plannedTitles('twice')).toContain('Boosting');
  });
});
