/**
 * Nothing a learner recorded is lost when they edit their roadmap (issue 9): on the four seeds, random
 * ordinary edits (a title extended, reworded or prefixed, an item moved within or across sections, one
 * inserted or deleted), then a re-import or a sync; every item's status, time, notes, evidence and review
 * card must be where that item now is, and a deleted item's progress must be archived, still reachable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Node } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import { archivedItems } from '../core/progress/archived-items.js';
import type { NewEvent } from '../core/progress/events.js';
import { foldEvents, type NodeProgress, nodeProgress } from '../core/progress/fold.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { importBundled } from '../testing/load-seed.js';
import { applyEdits, EDIT_KINDS, type Edit, expectedIds } from '../testing/roadmap-edits.js';
import { importRoadmapFile } from './import-service.js';
import { syncRoadmap } from './sync-service.js';
import type { Workspace } from './workspace.js';

const SEEDS = ['ai-infra-journey-2026', 'ai-engineer', 'ai-ml-career', 'dev-to-ai-engineer'];
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function workspaceIn(dir: string): Workspace {
  let n = 0;
  return {
    store: openSqliteStore(join(dir, 'store.db')),
    now: new Date('2026-11-20T12:00:00Z'),
    newId: () => `id-${++n}`,
  };
}

/** Some of everything on every node: status on items, time and a note on all, evidence and a review on items. */
function progressEvents(roadmapId: string, nodes: Node[]): NewEvent[] {
  const events: NewEvent[] = [];
  let i = 0;
  const at = '2026-11-19T10:00:00.000Z';
  for (const { node } of walkNodes(nodes)) {
    const base = { roadmapId, nodeId: node.id, at, changeId: `seed-${i}` };
    events.push({ ...base, id: `log-${i}`, type: 'log', minutes: 10 + (i % 7) * 5 });
    events.push({ ...base, id: `note-${i}`, type: 'note', text: `note on ${node.id}` });
    if (node.trackable) {
      events.push({
        ...base,
        id: `status-${i}`,
        type: 'status',
        status: (['done', 'doing', 'skipped'] as const)[i % 3] as 'done',
      });
      events.push({
        ...base,
        id: `evidence-${i}`,
        type: 'evidence',
        kind: 'link',
        ref: `https://example.com/${i}`,
      });
      events.push({ ...base, id: `review-${i}`, type: 'review', rating: 3 });
    }
    i++;
  }
  return events;
}

/** What the learner would miss, comparable across ids. */
const essence = (progress: NodeProgress) => ({
  status: progress.status,
  minutes: progress.minutes,
  notes: progress.notes.map((note) => note.text),
  evidence: progress.evidence.map((evidence) => evidence.ref),
  reviews: progress.reviews.length,
});

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...EDIT_KINDS),
  pick: fc.nat(10_000),
  target: fc.nat(10_000),
});

describe('progress survives ordinary edits of the seeds (property)', () => {
  for (const seed of SEEDS) {
    it(`keeps every item's progress in ${seed} through re-import and sync`, () => {
      const { text } = importBundled(seed);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), fc.boolean(), (edits, viaSync) => {
          const edited = applyEdits(text, edits);
          if (!edited) return;
          const dir = mkdtempSync(join(tmpdir(), 'waymark identity '));
          dirs.push(dir);
          const path = join(dir, 'my roadmap.md');
          writeFileSync(path, text);
          const workspace = workspaceIn(dir);
          try {
            const first = importRoadmapFile(workspace, path);
            const roadmapId = first.roadmap.id;
            workspace.store.appendEvents(progressEvents(roadmapId, first.roadmap.nodes));
            const before = foldEvents(workspace.store.listEvents({ roadmapId }));
            writeFileSync(path, edited.text);
            if (viaSync) syncRoadmap(workspace, roadmapId);
            else importRoadmapFile(workspace, path);
            const after =
              (workspace.store.getRoadmap(roadmapId)?.model as { nodes: Node[] } | undefined)?.nodes ?? [];
            const expected = expectedIds(first.roadmap.nodes, after, edited.lineMap);
            if (!expected) return;
            const events = workspace.store.listEvents({ roadmapId });
            const state = foldEvents(events);
            const archived = new Map(archivedItems(events, state, roadmapId).map((item) => [item.id, item]));
            const where = `${viaSync ? 'sync' : 're-import'} after ${edited.describe}`;
            for (const [from, to] of expected) {
              const had = essence(nodeProgress(before, roadmapId, from));
              if (to === undefined) {
                expect(archived.get(from)?.progress, `${from} archived, ${where}`).toBeDefined();
                expect(essence(archived.get(from)?.progress as NodeProgress), `${from}, ${where}`).toEqual(
                  had,
                );
              } else {
                expect(essence(nodeProgress(state, roadmapId, to)), `${from} -> ${to}, ${where}`).toEqual(
                  had,
                );
              }
            }
          } finally {
            workspace.store.close();
          }
        }),
        { numRuns: 12, seed: 9 },
      );
    }, 120_000);
  }
});
