import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliRun, type CliSandbox, cliSandbox } from './cli-harness.js';

/*
 * Eight CLI processes at once on one store. A choice made from what is stored (the change `undo` reverts,
 * the id a new roadmap gets) must be made inside the write transaction that records it, or two processes
 * make the same choice.
 */

const PROCESSES = 8;

let cli: CliSandbox;
beforeEach(() => {
  cli = cliSandbox('waymark concurrency ');
});
afterEach(() => cli.cleanup());

interface JsonNode {
  id: string;
  kind: string;
  children: JsonNode[];
}

/** Topics without children, in roadmap order. */
function leafItems(): string[] {
  const status = cli.ok(['status', 'ai-engineer', '--json']).json as { nodes: JsonNode[] };
  const leaves: string[] = [];
  const visit = (node: JsonNode) => {
    if (node.children.length === 0 && node.kind === 'topic') leaves.push(`ai-engineer:${node.id}`);
    node.children.forEach(visit);
  };
  status.nodes.forEach(visit);
  return leaves;
}

function expectAllOk(runs: CliRun[]): void {
  for (const run of runs) expect(run.status, run.stderr).toBe(0);
}

describe(`${PROCESSES} processes at once`, () => {
  it('undo: each reverts a different change, and together exactly the last eight', async () => {
    cli.ok(['import', 'ai-engineer']);
    const items = leafItems().slice(0, PROCESSES);
    expect(items).toHaveLength(PROCESSES);
    for (let round = 0; round < 2; round++) {
      const changes = items.map(
        (item) =>
          (cli.ok(['done', item, '--json']).json as { events: { changeId: string }[] }).events[0]?.changeId,
      );
      const runs = await Promise.all(items.map(() => cli.start(['undo', '--json'])));
      expectAllOk(runs);
      const undone = runs.map(
        (run) => (JSON.parse(run.stdout) as { undone: { changeId: string }[] }).undone[0]?.changeId,
      );
      expect(new Set(undone).size, `round ${round}: some change was undone twice`).toBe(PROCESSES);
      expect(new Set(undone)).toEqual(new Set(changes));
      const status = cli.ok(['status', 'ai-engineer', '--json']).json as { progress: { done: number } };
      expect(status.progress.done).toBe(0);
    }
  });

  it('first imports of same-named files into a new store: eight roadmaps, eight ids', async () => {
    const files = Array.from({ length: PROCESSES }, (_, i) => {
      const folder = cli.path(`course ${i}`);
      mkdirSync(folder);
      const file = join(folder, 'README.md');
      writeFileSync(file, `# Course ${i}\n\n- [ ] lesson ${i}.1\n- [x] lesson ${i}.2\n`);
      return file;
    });
    const runs = await Promise.all(files.map((file) => cli.start(['import', file, '--json'])));
    expectAllOk(runs);
    const listed = cli.ok(['list', '--json']).json as { id: string; title: string }[];
    expect(listed).toHaveLength(PROCESSES);
    expect(new Set(listed.map((roadmap) => roadmap.id)).size).toBe(PROCESSES);
    expect(new Set(listed.map((roadmap) => roadmap.title))).toEqual(
      new Set(files.map((_, i) => `Course ${i}`)),
    );
    // Each import's ticked box became its own done event, on its own roadmap.
    const backup = JSON.parse(cli.ok(['export']).stdout) as { events: { roadmapId: string }[] };
    expect(new Set(backup.events.map((event) => event.roadmapId)).size).toBe(PROCESSES);
  });
});
