import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeProgress } from '../core/progress/fold.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { foldedState } from './folded-state.js';
import { importRoadmapFile } from './import-service.js';
import type { Workspace } from './workspace.js';

let dir: string;
let workspace: Workspace;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark import '));
  let n = 0;
  workspace = {
    store: openSqliteStore(join(dir, 'store.db')),
    now: new Date('2026-11-20T12:00:00Z'),
    newId: () => `id-${++n}`,
  };
});
afterEach(() => {
  workspace.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const path = () => join(dir, 'plan.md');
function importText(text: string) {
  writeFileSync(path(), text);
  return importRoadmapFile(workspace, path());
}
function markDone(roadmapId: string, nodeId: string) {
  workspace.store.appendEvents([
    {
      id: `done-${nodeId}`,
      changeId: `c-${nodeId}`,
      at: '2026-11-19T09:00:00.000Z',
      type: 'status',
      roadmapId,
      nodeId,
      status: 'done',
    },
  ]);
}
const status = (roadmapId: string, nodeId: string) =>
  nodeProgress(foldedState(workspace.store, roadmapId), roadmapId, nodeId);

describe('importRoadmapFile: re-import of an edited file', () => {
  it('archives a removed item with its title and ancestors, and restores it when it comes back elsewhere under the same heading', () => {
    const { roadmap } = importText('# Plan\n\n## Tools\n\n- [ ] Docker\n- [ ] Git\n');
    markDone(roadmap.id, 'tools/docker');
    const removed = importText('# Plan\n\n## Tools\n\n- [ ] Git\n');
    expect(removed.archived).toEqual([{ id: 'tools/docker', title: 'Docker', hadProgress: true }]);
    expect(status(roadmap.id, 'tools/docker')).toMatchObject({ status: 'done', archived: true });
    const back = importText('# Plan\n\n## Phase 1\n\n### Tools\n\n- [ ] Docker\n- [ ] Git\n');
    expect(back.restored).toEqual([{ from: 'tools/docker', to: 'phase-1/tools/docker', title: 'Docker' }]);
    expect(back.match?.added).not.toContain('phase-1/tools/docker');
    expect(status(roadmap.id, 'phase-1/tools/docker')).toMatchObject({ status: 'done', archived: false });
  });

  it('does not give an archived generic title ("Resources") to one under another heading', () => {
    const { roadmap } = importText('# Plan\n\n## Git\n\n- [ ] Resources\n\n## Linux\n\n- [ ] Shell\n');
    markDone(roadmap.id, 'git/resources');
    importText('# Plan\n\n## Git\n\n## Linux\n\n- [ ] Shell\n');
    const added = importText('# Plan\n\n## Git\n\n## Linux\n\n- [ ] Shell\n- [ ] Resources\n');
    expect(added.restored).toEqual([]);
    expect(status(roadmap.id, 'linux/resources').status).toBe('todo');
  });

  it('re-keys the sync base along moves, so a renamed item is not taken for a first sync', () => {
    const { roadmap } = importText('# Plan\n\n## S\n\n- [x] Learn Git basics\n- [ ] Docker\n');
    importText('# Plan\n\n## S\n\n- [x] Learn Git basics and branching\n- [ ] Docker\n');
    expect(workspace.store.getSyncBase(roadmap.id)?.checked).toEqual({
      's/learn-git-basics-and-branching': true,
      's/docker': false,
    });
  });

  it('stores nothing when neither the file nor its structure changed', () => {
    const first = importText('# Plan\n\n- [ ] A\n');
    const before = workspace.store.getRoadmap(first.roadmap.id);
    const stamp = workspace.store.eventStamp({ roadmapId: first.roadmap.id });
    const again = importRoadmapFile(workspace, path());
    expect(again.unchanged).toBe(true);
    expect(workspace.store.getRoadmap(first.roadmap.id)).toEqual(before);
    expect(workspace.store.eventStamp({ roadmapId: first.roadmap.id })).toBe(stamp);
  });
});
