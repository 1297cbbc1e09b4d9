import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaymarkError } from '../core/errors.js';
import { walkNodes } from '../core/model/roadmap.js';
import { foldEvents } from '../core/progress/fold.js';
import { importRoadmapFile } from './import-service.js';
import { syncEach, syncRoadmap } from './sync-service.js';
import { openWorkspace, stampChange, type Workspace } from './workspace.js';

const PLAN = '# Plan\n\n## Phase 1 (2 weeks)\n\n- [ ] One\n- [ ] Two\n';
let dir: string;
let workspace: Workspace;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark sync service '));
  workspace = openWorkspace({ db: join(dir, 'store.db'), env: { WAYMARK_NOW: '2026-11-20T12:00:00Z' } });
});
afterEach(() => {
  workspace.store.close();
  rmSync(dir, { recursive: true, force: true });
});

function imported(name: string, text = PLAN) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const { roadmap } = importRoadmapFile(workspace, path);
  const idOf = (title: string) =>
    [...walkNodes(roadmap.nodes)].find(({ node }) => node.title === title)?.node.id as string;
  const mark = (title: string, status: 'done' | 'todo') =>
    workspace.store.appendEvents(
      stampChange(workspace, workspace.now.toISOString(), [
        { type: 'status', roadmapId: roadmap.id, nodeId: idOf(title), status },
      ]),
    );
  const statusOf = (title: string) =>
    foldEvents(workspace.store.listEvents({ roadmapId: roadmap.id }))
      .nodes.get(roadmap.id)
      ?.get(idOf(title))?.status;
  return { path, id: roadmap.id, roadmap, mark, statusOf };
}

describe('syncRoadmap', () => {
  it('a refused write records nothing: the file’s own tick waits for the next run', () => {
    const plan = imported('plan.md');
    syncRoadmap(workspace, plan.id);
    // The sync base is stamped to the millisecond: a change must come after it to count as one since.
    const synced = Date.now();
    while (Date.now() <= synced) {}
    writeFileSync(plan.path, PLAN.replace('- [ ] Two', '- [x] Two')); // ticked in the editor
    plan.mark('One', 'done'); // done in Waymark: sync must write the file
    chmodSync(plan.path, 0o444);
    const seqBefore = workspace.store.listEvents({ roadmapId: plan.id }).length;
    expect(() => syncRoadmap(workspace, plan.id)).toThrow(WaymarkError);
    expect(plan.statusOf('Two')).toBeUndefined();
    const statusEvents = workspace.store
      .listEvents({ roadmapId: plan.id })
      .slice(seqBefore)
      .filter((event) => event.type === 'status');
    expect(statusEvents).toEqual([]);
    chmodSync(plan.path, 0o644);
    const result = syncRoadmap(workspace, plan.id);
    expect(result.recorded.map((item) => item.title)).toEqual(['Two']);
    expect(readFileSync(plan.path, 'utf8')).toBe(PLAN.replace(/- \[ \]/g, '- [x]'));
  });
});

describe('syncEach', () => {
  it('one roadmap’s problem (its file is gone, or read-only) never stops the others', () => {
    const gone = imported('gone.md');
    const locked = imported('locked.md', PLAN.replace('# Plan', '# Locked'));
    const fine = imported('fine.md', PLAN.replace('# Plan', '# Fine'));
    // The sync base is stamped to the millisecond (see above): the changes below must come after it.
    const synced = Date.now();
    while (Date.now() <= synced) {}
    rmSync(gone.path);
    locked.mark('One', 'done');
    chmodSync(locked.path, 0o444);
    fine.mark('Two', 'done');
    const { results, failures } = syncEach(workspace, [gone.id, locked.id, fine.id]);
    expect(results.map((result) => result.roadmapId)).toEqual([fine.id]);
    expect(failures.map((failure) => [failure.roadmapId, failure.error.code])).toEqual([
      [gone.id, 'NOT_FOUND'],
      [locked.id, 'INPUT'],
    ]);
    expect(readFileSync(fine.path, 'utf8')).toContain('- [x] Two');
  });
});

describe('syncRoadmap, property', () => {
  const line = fc.oneof(
    fc.constantFrom('- [ ] Task', '- [x] Task', '* [X] Task', '1. [ ] Task'),
    fc.constantFrom('-\n  [ ] Bare', '-\n  [x] Bare'),
    fc.constantFrom('| Row | [ ] |', '| Row | [x] |', '| Row | ✅ |', '| Row | done |', '| Row | todo |'),
    fc.constantFrom('- [x] Parent\n  - [ ] Child', 'Plain text.'),
  );

  it('changes only bytes inside boxes, never fails on a box it cannot write, and settles in one run', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 10 }),
        fc.array(fc.constantFrom('done', 'todo', undefined), { maxLength: 20 }),
        (lines, changes) => {
          const body = lines
            .map((text, i) =>
              text.startsWith('|') ? `| Topic | Done |\n| --- | --- |\n${text} ${i}` : `${text} ${i}`,
            )
            .join('\n\n');
          const text = `# Plan\n\n## Phase 1 (2 weeks)\n\n${body}\n`;
          const name = `plan-${Math.random().toString(36).slice(2)}.md`;
          const { path, id, roadmap } = imported(name, text);
          const boxed = [...walkNodes(roadmap.nodes)]
            .map(({ node }) => node)
            .filter((node) => node.checked !== undefined);
          const events = boxed.flatMap((node, i) => {
            const status = changes[i];
            return status ? [{ type: 'status' as const, roadmapId: id, nodeId: node.id, status }] : [];
          });
          if (events.length > 0) {
            workspace.store.appendEvents(stampChange(workspace, workspace.now.toISOString(), events));
          }
          syncRoadmap(workspace, id);
          const after = readFileSync(path, 'utf8');
          const strip = (s: string) => s.replace(/\[[^\]\n]{1,8}\]/g, '[]');
          expect(strip(after)).toBe(strip(text));
          const again = syncRoadmap(workspace, id);
          expect(again.written).toEqual([]);
          expect(again.recorded).toEqual([]);
          expect(readFileSync(path, 'utf8')).toBe(after);
        },
      ),
      { numRuns: 40 },
    );
  });
});
