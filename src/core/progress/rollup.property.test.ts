/**
 * The progress semantics as properties over the seeds: for any leaf statuses, no finished parent sits over
 * an unfinished leaf, counts are the finished items; marking any node through statusTargets leaves it in
 * the state asked for, and touches nothing outside it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBundled } from '../../testing/load-seed.js';
import { type Node, walkNodes } from '../model/roadmap.js';
import { STATUSES, type Status } from './events.js';
import { hasTrackableBelow, isLeaf, itemsOf, leavesOf } from './items.js';
import { rollUp, totalOf } from './rollup.js';
import { statusTargets } from './status-targets.js';

const SEEDS = ['ai-infra-journey-2026', 'ai-engineer', 'ai-ml-career', 'dev-to-ai-engineer'];
const finished = (status: Status | undefined) => status === 'done' || status === 'skipped';

describe.each(SEEDS)('progress semantics on %s', (seed) => {
  const { nodes } = importBundled(seed).roadmap;
  const all = [...walkNodes(nodes)].map((entry) => entry.node);
  const leaves = all.filter(isLeaf);
  const holders = all.filter((node) => node.trackable || hasTrackableBelow(node));
  const statuses = fc.array(fc.constantFrom<Status>(...STATUSES), {
    minLength: leaves.length,
    maxLength: leaves.length,
  });

  it('derives every parent from its leaves and counts finished items', () => {
    fc.assert(
      fc.property(statuses, (picked) => {
        const status = new Map(leaves.map((leaf, i) => [leaf.id, picked[i] as Status]));
        const tree = rollUp(nodes, (id) => status.get(id));
        for (const node of all) {
          const own = tree.get(node.id)?.status;
          const below = leavesOf(node).filter((leaf) => leaf.trackable);
          if (below.length === 0 || isLeaf(node)) continue;
          expect(finished(own)).toBe(below.every((leaf) => finished(status.get(leaf.id))));
          if (own === 'todo') expect(below.every((leaf) => status.get(leaf.id) === 'todo')).toBe(true);
        }
        const items = itemsOf(nodes);
        expect(totalOf(nodes, tree)).toMatchObject({
          total: items.length,
          finished: items.filter((item) => finished(status.get(item.id))).length,
        });
      }),
      { numRuns: 30 },
    );
  });

  it('marking any node leaves it in the state asked for and touches only its leaves', () => {
    fc.assert(
      fc.property(
        statuses,
        fc.nat(holders.length - 1),
        fc.constantFrom<Status>(...STATUSES),
        (picked, at, wanted) => {
          const status = new Map(leaves.map((leaf, i) => [leaf.id, picked[i] as Status]));
          const named = holders[at] as Node;
          const { change } = statusTargets(named, wanted, (id) => status.get(id) ?? 'todo');
          const inside = new Set(leavesOf(named));
          for (const leaf of change) {
            expect(inside.has(leaf)).toBe(true);
            status.set(leaf.id, wanted);
          }
          const now = rollUp(nodes, (id) => status.get(id)).get(named.id)?.status;
          if (wanted === 'done') expect(finished(now)).toBe(true);
          else if (wanted === 'skipped') expect(finished(now)).toBe(true);
          else if (wanted === 'todo') expect(now).toBe('todo');
          else expect(now === 'doing' || finished(now)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
