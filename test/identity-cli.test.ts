import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliSandbox, cliSandbox, ROOT } from './cli-harness.js';

/*
 * Identity that survives edits, archived items, `sync --prefer` and the sync/import messages (issue 9),
 * end to end: the real binary against a real SQLite file, clock frozen.
 */

interface JsonNode {
  id: string;
  title: string;
  status: string;
  minutes: number;
  children: JsonNode[];
}

let cli: CliSandbox;
beforeEach(() => {
  cli = cliSandbox('waymark identity ');
});
afterEach(() => cli.cleanup());

function statusOf(roadmap: string): { nodes: Map<string, JsonNode>; done: number; minutes: number } {
  const status = cli.ok(['status', roadmap, '--json']).json as {
    nodes: JsonNode[];
    progress: { done: number };
    minutes: number;
  };
  const nodes = new Map<string, JsonNode>();
  const visit = (node: JsonNode) => {
    nodes.set(node.id, node);
    node.children.forEach(visit);
  };
  status.nodes.forEach(visit);
  return { nodes, done: status.progress.done, minutes: status.minutes };
}

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe('a renamed item keeps its history (seed 003, no own numbering)', () => {
  const MATH = 'core-ai-ml-foundations/math-foundations';
  let file: string;
  beforeEach(() => {
    file = cli.path('my path.md');
    copyFileSync(join(ROOT, 'roadmaps', 'dev-to-ai-engineer.md'), file);
    cli.ok(['import', file]);
    cli.ok(['done', `${MATH}/calculus-essentials`]);
    cli.ok(['log', '1h30', `${MATH}/calculus-essentials`]);
  });

  it('sync follows "Calculus essentials" -> "... and multivariable calculus" and says so', () => {
    const before = statusOf('my-path');
    edit(file, '- Calculus essentials', '- Calculus essentials and multivariable calculus');
    const sync = cli.ok(['sync']);
    expect(sync.stdout).not.toContain('in sync');
    expect(sync.stdout).toMatch(
      /followed\s+.*calculus-essentials -> .*calculus-essentials-and-multivariable-calculus/,
    );
    const after = statusOf('my-path');
    const renamed = after.nodes.get(`${MATH}/calculus-essentials-and-multivariable-calculus`);
    expect(renamed).toMatchObject({ status: 'done', minutes: 90 });
    expect({ done: after.done, minutes: after.minutes }).toEqual({
      done: before.done,
      minutes: before.minutes,
    });
    const json = cli.ok(['sync', '--json']).json as { followed: unknown[]; archived: unknown[] }[];
    expect(json[0]).toMatchObject({ followed: [], archived: [] });
  });

  it('re-import follows a typical rename and a move to another section', () => {
    edit(file, '- Calculus essentials\n', '');
    edit(file, '    - Neural networks', '    - Neural networks\n    - Calculus essentials for deep learning');
    const result = cli.ok(['import', file, '--json']).json as { moved: { from: string; to: string }[] };
    expect(result.moved).toContainEqual(
      expect.objectContaining({
        from: `${MATH}/calculus-essentials`,
        to: 'core-ai-ml-foundations/deep-learning-foundations/calculus-essentials-for-deep-learning',
      }),
    );
    const moved = statusOf('my-path').nodes.get(
      'core-ai-ml-foundations/deep-learning-foundations/calculus-essentials-for-deep-learning',
    );
    expect(moved).toMatchObject({ status: 'done', minutes: 90 });
  });
});

describe('archived items stay reachable', () => {
  const PLAN = '# Plan\n\n## Basics\n\n- [ ] Docker\n- [ ] Linux shell\n';
  beforeEach(() => {
    writeFileSync(cli.path('plan.md'), PLAN);
    cli.ok(['import', cli.path('plan.md')]);
    cli.ok(['done', 'Docker']);
    cli.ok(['log', '45m', 'Docker']);
    cli.ok(['note', 'Docker', 'compose files']);
  });

  it('show finds an archived item, list --archived lists it, reattach moves it in one command', () => {
    writeFileSync(
      cli.path('plan.md'),
      '# Plan\n\n## Basics\n\n- [ ] Linux shell\n\n## Later\n\n- [ ] Container internals\n',
    );
    const sync = cli.ok(['sync']);
    expect(sync.stdout).toMatch(/archived\s+basics\/docker Docker \(had progress/);

    const show = cli.ok(['show', 'Docker']);
    expect(show.stdout).toContain('Archived 2026-11-20');
    expect(show.stdout).toContain('waymark reattach plan:basics/docker');
    const shown = cli.ok(['show', 'plan:basics/docker', '--json']).json as Record<string, unknown>;
    expect(shown).toMatchObject({
      progress: { status: 'done', minutes: 45 },
      archived: { path: ['Basics'] },
    });

    const listed = cli.ok(['list', '--archived', '--json']).json as { id: string; hasProgress: boolean }[];
    expect(listed).toEqual([
      expect.objectContaining({ id: 'basics/docker', status: 'done', minutes: 45, notes: 1 }),
    ]);
    expect(cli.ok(['list', '--archived']).stdout).toMatch(/plan:basics\/docker\s+Docker/);

    const tracked = cli.run(['log', '10m', 'Docker']);
    expect(tracked.status).toBe(1);
    expect(tracked.stderr).toMatch(/archived item.*reattach/s);

    cli.ok(['reattach', 'plan:basics/docker', 'Container internals']);
    expect(statusOf('plan').nodes.get('later/container-internals')).toMatchObject({
      status: 'done',
      minutes: 45,
    });
    expect(cli.ok(['list', '--archived', '--json']).json).toEqual([]);
    // The re-attachment is an event like any other: it follows later edits and one undo reverts it.
    writeFileSync(
      cli.path('plan.md'),
      '# Plan\n\n## Basics\n\n- [ ] Linux shell\n\n## Later\n\n- [ ] Container internals and runtimes\n',
    );
    cli.ok(['sync']);
    expect(statusOf('plan').nodes.get('later/container-internals-and-runtimes')).toMatchObject({
      minutes: 45,
    });
  });

  it('reattach refuses a live item or an item of another roadmap, changing nothing', () => {
    writeFileSync(cli.path('plan.md'), '# Plan\n\n## Basics\n\n- [ ] Linux shell\n');
    cli.ok(['sync']);
    const live = cli.run(['reattach', 'Linux shell', 'Docker']);
    expect(live.status).toBe(1);
    const notArchived = cli.run(['reattach', 'Linux shell', 'Linux shell']);
    expect(notArchived.stderr).toMatch(/is not archived/);
    writeFileSync(cli.path('other.md'), '# Other\n\n- [ ] Kubernetes\n');
    cli.ok(['import', cli.path('other.md')]);
    const elsewhere = cli.run(['reattach', 'plan:basics/docker', 'Kubernetes']);
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toMatch(/progress moves only within its roadmap/);
    expect(cli.ok(['list', '--archived', '--json']).json).toHaveLength(1);
  });

  it('merges into an item with progress of its own, and one undo reverts the re-attachment', () => {
    writeFileSync(cli.path('plan.md'), '# Plan\n\n## Basics\n\n- [ ] Linux shell\n- [ ] Containers\n');
    cli.ok(['sync']);
    cli.ok(['log', '15m', 'Containers']);
    const result = cli.ok(['reattach', 'Docker', 'Containers', '--json']).json as Record<string, unknown>;
    expect(result).toMatchObject({ merged: true, progress: { status: 'done', minutes: 60 } });
    cli.ok(['undo']);
    expect(statusOf('plan').nodes.get('basics/containers')).toMatchObject({ status: 'todo', minutes: 15 });
    expect(cli.ok(['list', '--archived', '--json']).json).toEqual([
      expect.objectContaining({ id: 'basics/docker', minutes: 45 }),
    ]);
  });

  it('brings the progress back when the line returns to the file', () => {
    writeFileSync(cli.path('plan.md'), '# Plan\n\n## Basics\n\n- [ ] Linux shell\n');
    cli.ok(['sync']);
    writeFileSync(cli.path('plan.md'), PLAN);
    expect(cli.ok(['sync']).stdout).toMatch(/restored\s+basics\/docker Docker/);
    expect(statusOf('plan').nodes.get('basics/docker')).toMatchObject({ status: 'done', minutes: 45 });
    expect(readFileSync(cli.path('plan.md'), 'utf8')).toContain('- [x] Docker');
  });
});

describe('sync --prefer (issue 9: --prefer store made the file win)', () => {
  const PLAN = '# Plan\n\n## Basics\n\n- [ ] Alpha\n- [x] Beta\n- [ ] Gamma\n';
  const box = (title: string) =>
    new RegExp(`- \\[(.)\\] ${title}`).exec(readFileSync(cli.path('plan.md'), 'utf8'))?.[1];
  beforeEach(() => {
    writeFileSync(cli.path('plan.md'), PLAN);
    cli.ok(['import', cli.path('plan.md')]);
    cli.ok(['sync']);
  });

  it('file changed (a skipped item unticked in the file): store keeps "skipped" and rewrites the box', () => {
    cli.ok(['skip', 'Beta']); // before the file edit below; the box stays ticked
    cli.ok(['sync']);
    edit(cli.path('plan.md'), '- [x] Beta', '- [ ] Beta');
    const result = cli.ok(['sync', '--prefer', 'store']);
    expect(result.stdout).not.toMatch(/from file/);
    expect(statusOf('plan').nodes.get('basics/beta')?.status).toBe('skipped');
    expect(box('Beta')).toBe('x');
  });

  it('store changed: store writes it to the file, file takes the box back into Waymark', () => {
    cli.ok(['done', 'Alpha']);
    cli.ok(['sync', '--prefer', 'store']);
    expect(box('Alpha')).toBe('x');
    cli.ok(['reset', 'Alpha']);
    cli.ok(['sync', '--prefer', 'file']);
    expect(statusOf('plan').nodes.get('basics/alpha')?.status).toBe('done');
    expect(box('Alpha')).toBe('x');
  });

  it('both changed (a conflict): each side wins when preferred', () => {
    cli.ok(['done', 'Gamma']);
    cli.ok(['reset', 'Beta']);
    edit(cli.path('plan.md'), '- [ ] Gamma', '- [x] Gamma');
    edit(cli.path('plan.md'), '- [x] Beta', '- [ ] Beta');
    cli.ok(['reset', 'Gamma']);
    cli.ok(['done', 'Beta']);
    expect(cli.run(['sync']).status).toBe(1); // reported, never guessed
    cli.ok(['sync', '--prefer', 'store']);
    expect([box('Gamma'), box('Beta')]).toEqual([' ', 'x']);
    expect(statusOf('plan').nodes.get('basics/gamma')?.status).toBe('todo');
  });

  it('a box edited together with its title: the preferred side still wins on the renamed item', () => {
    cli.ok(['done', 'Alpha']);
    cli.ok(['sync']);
    edit(cli.path('plan.md'), '- [x] Alpha', '- [ ] Alpha and omega');
    cli.ok(['sync', '--prefer', 'store']);
    expect(box('Alpha and omega')).toBe('x');
    expect(statusOf('plan').nodes.get('basics/alpha-and-omega')?.status).toBe('done');
  });
});

describe('sync and import say what they did', () => {
  it('a file without checkboxes: sync names the finished items it cannot write instead of "in sync"', () => {
    writeFileSync(cli.path('plain.md'), '# Plain\n\n## Basics\n\n- Docker\n- Linux shell\n');
    cli.ok(['import', cli.path('plain.md')]);
    expect(cli.ok(['sync']).stdout).toContain('nothing to sync: the file has no checkboxes');
    cli.ok(['done', 'Docker']);
    const sync = cli.ok(['sync']);
    expect(sync.stdout).not.toContain('in sync');
    expect(sync.stdout).toMatch(/not written: 1 finished item: the file has no checkboxes/);
    expect(sync.stdout).toContain('basics/docker Docker');
    const json = cli.ok(['sync', '--json']).json as { boxless: { id: string }[]; boxes: number }[];
    expect(json[0]).toMatchObject({ boxless: [{ id: 'basics/docker' }], boxes: 0 });
  });

  it('import says ticked boxes were recorded; a re-import says which boxes need a sync', () => {
    writeFileSync(cli.path('plan.md'), '# Plan\n\n- [x] Alpha\n- [ ] Beta\n');
    const first = cli.ok(['import', cli.path('plan.md')]).stdout;
    expect(first).toContain('1 already ticked (recorded as done)');
    expect(first).not.toMatch(/sync/);
    writeFileSync(cli.path('plan.md'), '# Plan\n\n- [x] Alpha\n- [x] Beta\n- [ ] Gamma\n');
    expect(cli.ok(['import', cli.path('plan.md')]).stdout).toContain(
      '1 box differs from Waymark (run `waymark sync`',
    );
    cli.ok(['sync']);
    writeFileSync(cli.path('plan.md'), `${readFileSync(cli.path('plan.md'), 'utf8')}- [ ] Delta\n`);
    expect(cli.ok(['import', cli.path('plan.md')]).stdout).not.toMatch(/sync/);
  });
});
