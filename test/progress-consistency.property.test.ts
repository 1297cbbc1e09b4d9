/**
 * The consistency property of issue 9: for random sequences of status changes (on items and on parents),
 * logs, undos, re-imports and syncs over the four seeds and a generated roadmap, every view — the CLI's
 * `--json` outputs (status, list, plan, show) and the API's responses (roadmaps, tree, plan, items) —
 * reports the same done/total/minutes per roadmap and per phase, no finished parent sits over an
 * unfinished child, and every unfinished item is in the plan exactly once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommand } from '../src/cli/commands/import.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import { logCommand, statusChangeCommand, undoCommand } from '../src/cli/commands/track.js';
import type { Status } from '../src/core/progress/events.js';
import { generateRoadmap } from '../src/testing/generate-roadmap.js';
import {
  flatten,
  importCopy,
  importText,
  type Json,
  type Sandbox,
  sandbox,
  showJson,
  views,
} from './progress-harness.js';

const SEEDS = ['ai-infra-journey-2026', 'ai-engineer', 'ai-ml-career', 'dev-to-ai-engineer'];
const GENERATED =
  generateRoadmap({ phases: 3, sectionsPerPhase: 2, itemsPerSection: 3, subItemsPerItem: 2, seed: 7 }) +
  '\n## Electives (Choose 1)\n\n- [ ] Option one\n  - [ ] One a\n  - [ ] One b\n- [ ] Option two\n  - [ ] Two a\n';

/** A leaf of a status tree: trackable, nothing trackable beneath. */
const isLeaf = (node: Json): boolean =>
  node.trackable && flatten(node.children).every((c: Json) => !c.trackable);
const finished = (status: string) => status === 'done' || status === 'skipped';

/** Checks every rule of the progress semantics across the views of one roadmap. */
async function checkConsistent(box: Sandbox, roadmapId: string): Promise<void> {
  const v = await views(box, roadmapId);
  const { status } = v;
  const where = (what: string) => `${roadmapId}: ${what}`;

  // The roadmap's numbers, the same everywhere.
  const numbers = { done: status.progress.done, total: status.progress.total, minutes: status.minutes };
  expect({ done: v.list.done, total: v.list.total, minutes: v.list.minutes }, where('list')).toEqual(numbers);
  expect(
    { done: v.apiSummary.progress.done, total: v.apiSummary.progress.total, minutes: v.apiSummary.minutes },
    where('GET /api/roadmaps'),
  ).toEqual(numbers);
  expect(
    { done: v.apiTree.progress.done, total: v.apiTree.progress.total, minutes: v.apiTree.minutes },
    where('GET /api/roadmaps/:id/tree'),
  ).toEqual(numbers);

  // The dashboard's phase list holds every item exactly once.
  const groups = v.apiSummary.phases as Json[];
  expect(
    groups.reduce((sum, g) => sum + g.total, 0),
    where('phase list total'),
  ).toBe(numbers.total);
  expect(
    groups.reduce((sum, g) => sum + g.done, 0),
    where('phase list done'),
  ).toBe(numbers.done);

  const nodes = flatten(status.nodes);
  const apiNodes = new Map(flatten(v.apiTree.nodes).map((node: Json) => [node.id, node]));
  for (const node of nodes) {
    const api = apiNodes.get(node.id);
    expect(
      { status: api.status, done: api.done, total: api.total, minutes: api.minutes },
      where(`tree node ${node.id}`),
    ).toEqual({ status: node.status, done: node.done, total: node.total, minutes: node.minutes });
    // No finished parent over an unfinished leaf (leaves of unchosen electives are out of scope).
    if (finished(node.status) && node.total > 0) {
      for (const leaf of flatten(node.children).filter(isLeaf))
        if (leaf.total > 0) expect(finished(leaf.status), where(`${leaf.id} under ${node.id}`)).toBe(true);
    }
    if (!finished(node.status) && node.total > 0 && !isLeaf(node))
      expect(node.done, where(`unfinished ${node.id} counts`)).toBeLessThan(node.total);
  }

  // Every unfinished item is in the plan exactly once, and nothing else is.
  const unfinished = nodes.filter((node) => isLeaf(node) && node.total === 1 && node.done === 0);
  if (unfinished.length === 0) {
    expect(v.plan.error, where('plan with nothing left')).toBeDefined();
    expect(v.apiPlan.status).toBe(400);
    return;
  }
  const planned = (v.plan.items as Json[]).map((item) => item.nodeId);
  expect([...planned].sort(), where('plan items')).toEqual(unfinished.map((node) => node.id).sort());
  expect(v.plan.remaining.items, where('plan remaining')).toBe(numbers.total - numbers.done);
  expect(v.apiPlan.json.remaining.items, where('API plan remaining')).toBe(numbers.total - numbers.done);
  // Per phase: the plan's remaining items are the phase's unfinished ones.
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const phase of v.plan.phases as Json[]) {
    const node = byId.get(phase.id);
    expect(phase.remainingItems, where(`plan phase ${phase.id}`)).toBe(node.total - node.done);
  }
  // `show` on a phase (CLI and API) reports the phase's numbers.
  const firstPhase = nodes.find((node) => node.kind === 'phase' && node.total > 0);
  if (firstPhase) {
    const shown = await showJson(box, `${roadmapId}:${firstPhase.id}`);
    const api = await box.api(`/api/items/${roadmapId}/${encodeURIComponent(firstPhase.id)}`);
    const expected = { done: firstPhase.done, total: firstPhase.total, minutes: firstPhase.minutes };
    expect(shown.counts, where(`show ${firstPhase.id}`)).toEqual(expected);
    expect(api.json.counts, where(`GET /api/items ${firstPhase.id}`)).toEqual(expected);
    expect(shown.progress.status).toBe(firstPhase.status);
  }
}

type Action =
  | { kind: 'status'; roadmap: number; node: number; status: Status }
  | { kind: 'log'; roadmap: number; node: number; minutes: number }
  | { kind: 'undo' }
  | { kind: 'reimport'; roadmap: number; toggle: number }
  | { kind: 'sync'; roadmap: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      roadmap: fc.nat(4),
      node: fc.nat(),
      status: fc.constantFrom<Status>('done', 'doing', 'skipped', 'todo'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      roadmap: fc.nat(4),
      node: fc.nat(),
      minutes: fc.integer({ min: 1, max: 240 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reimport' as const), roadmap: fc.nat(4), toggle: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sync' as const), roadmap: fc.nat(4) }) },
);

describe('progress consistency across every view', () => {
  let box: Sandbox;
  const ids: string[] = [];
  const paths = new Map<string, string>();
  beforeAll(async () => {
    box = sandbox();
    for (const seed of SEEDS) {
      const id = await importCopy(box, seed);
      ids.push(id);
      paths.set(id, join(box.dir, `${seed}.md`));
    }
    const id = await importText(box, 'generated', GENERATED);
    ids.push(id);
    paths.set(id, join(box.dir, 'generated.md'));
  });
  afterAll(() => box.cleanup());

  it('holds on the freshly imported roadmaps', async () => {
    for (const id of ids) await checkConsistent(box, id);
    // The generated roadmap has an elective group: the option not chosen is not counted.
    const generated = (await views(box, ids[4] as string)).status;
    const electives = flatten(generated.nodes).find((node: Json) => node.title.startsWith('Electives'));
    expect(electives.total).toBe(2);
  });

  it('holds after random sequences of changes, undos, re-imports and syncs', async () => {
    const path = (id: string) => paths.get(id) as string;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 6 }), async (actions) => {
        const touched = new Set<string>();
        for (const a of actions) {
          if (a.kind === 'undo') {
            await box.cli((options, io) => undoCommand(options, io));
            for (const id of ids) touched.add(id);
            continue;
          }
          const id = ids[a.roadmap] as string;
          touched.add(id);
          const status = (await views(box, id)).status;
          const candidates = flatten(status.nodes).filter((node: Json) => node.trackable || node.total > 0);
          const pick = candidates['node' in a ? a.node % candidates.length : 0];
          if (a.kind === 'status') {
            const result = await box.cli((options, io) =>
              statusChangeCommand(a.status, [`${id}:${pick.id}`], options, io),
            );
            expect(result.error).toBeUndefined();
          } else if (a.kind === 'log') {
            await box.cli((options, io) => logCommand(`${a.minutes}m`, `${id}:${pick.id}`, options, io));
          } else if (a.kind === 'reimport') {
            // An editor ticks or clears one box, then the file is imported again.
            const text = readFileSync(path(id), 'utf8');
            const boxes = [...text.matchAll(/\[( |x)\]/g)];
            const hit = boxes[a.toggle % Math.max(1, boxes.length)];
            if (hit?.index !== undefined) {
              const flipped = hit[1] === ' ' ? '[x]' : '[ ]';
              writeFileSync(path(id), text.slice(0, hit.index) + flipped + text.slice(hit.index + 3));
            }
            await box.cli((options, io) => importCommand(path(id), options, io));
          } else {
            const result = await box.cli((options, io) =>
              syncCommand(id, { ...options, prefer: 'file' }, io),
            );
            expect(result?.error).toBeUndefined();
          }
        }
        for (const id of touched) await checkConsistent(box, id);
      }),
      { numRuns: 12, seed: 9, endOnFailure: true },
    );
    // Twelve sequences over five roadmaps, each checked through seven views: minutes on a loaded CI machine.
  }, 180_000);
});
