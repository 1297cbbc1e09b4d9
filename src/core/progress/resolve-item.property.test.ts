import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../testing/generate-roadmap.js';
import { importText } from '../../testing/load-seed.js';
import { WaymarkError } from '../errors.js';
import { type Node, walkNodes } from '../model/roadmap.js';
import { normalizeTitle, similarity } from '../text/similarity.js';
import { type ResolvedItem, type RoadmapNodes, resolveItem } from './resolve-item.js';

/**
 * The indexed resolveItem must answer exactly as the plain walk it replaced (kept here as the reference):
 * the same item, or the same error with the same message and hint, for every kind of reference.
 */
function referenceResolve(ref: string, roadmaps: readonly RoadmapNodes[]): ResolvedItem {
  const text = ref.trim();
  if (text === '')
    throw new WaymarkError('USAGE', 'no item given.', 'Name an item by id (3.1.4), roadmap:id, or title.');
  const colon = text.indexOf(':');
  const scoped = colon > 0 ? roadmaps.filter((roadmap) => roadmap.id === text.slice(0, colon)) : [];
  const pool = scoped.length > 0 ? scoped : roadmaps;
  const query = scoped.length > 0 ? text.slice(colon + 1) : text;
  const candidates = pool.flatMap((roadmap) =>
    [...walkNodes(roadmap.nodes)].map(({ node }) => ({
      roadmapId: roadmap.id,
      node,
      title: normalizeTitle(node.title),
    })),
  );
  const label = (c: ResolvedItem) => `${c.roadmapId}:${c.node.id}  ${c.node.title}`;
  const ambiguous = (matches: typeof candidates) => {
    const shown = matches.slice(0, 8).map((match) => `    ${label(match)}`);
    const more = matches.length > 8 ? `\n    … and ${matches.length - 8} more` : '';
    return new WaymarkError(
      'CONFLICT',
      `"${text}" matches ${matches.length} items.`,
      `Say which one, e.g. by roadmap:id:\n${shown.join('\n')}${more}`,
    );
  };
  const byId = candidates.filter((c) => c.node.id === query);
  if (byId.length === 1) return byId[0] as ResolvedItem;
  if (byId.length > 1) throw ambiguous(byId);
  const wanted = normalizeTitle(query);
  if (wanted !== '') {
    const exact = candidates.filter((c) => c.title === wanted);
    if (exact.length === 1) return exact[0] as ResolvedItem;
    if (exact.length > 1) throw ambiguous(exact);
    const containing = candidates.filter((c) => c.title.includes(wanted));
    if (containing.length === 1) return containing[0] as ResolvedItem;
    if (containing.length > 1) throw ambiguous(containing);
  }
  const closest = candidates
    .map((c) => ({ c, score: Math.max(similarity(wanted, c.title), similarity(query, c.node.id)) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .filter((entry) => entry.score > 0.3)
    .map((entry) => `    ${label(entry.c)}`);
  throw new WaymarkError(
    'NOT_FOUND',
    `no item matches "${text}".`,
    closest.length > 0 ? `Closest matches:\n${closest.join('\n')}` : 'Run `waymark status` to see the ids.',
  );
}

type Outcome =
  | { roadmapId: string; node: Node }
  | { code: string; message: string; hint: string | undefined };

function outcome(resolve: () => ResolvedItem): Outcome {
  try {
    const { roadmapId, node } = resolve();
    return { roadmapId, node };
  } catch (error) {
    if (!(error instanceof WaymarkError)) throw error;
    return { code: error.code, message: error.message, hint: error.hint };
  }
}

const generated = (seed: number) =>
  importText(
    generateRoadmap({ phases: 2, sectionsPerPhase: 2, itemsPerSection: 3, subItemsPerItem: 1, seed }),
  ).roadmap.nodes;
// Shared ids across roadmaps (1.1 in all), repeated titles, a roadmap listed twice under one id.
const hand = importText(
  '# C\n## 1. P\n- [ ] 1.1 Linear Algebra\n- [ ] 1.2 Linear Algebra\n- [ ] 1.3 Python\n',
).roadmap.nodes;
const ROADMAPS: RoadmapNodes[] = [
  { id: 'a', nodes: generated(1) },
  { id: 'b', nodes: generated(2) },
  { id: 'c', nodes: hand },
  { id: 'c', nodes: generated(3) },
];

const nodesOf = (roadmap: RoadmapNodes) => [...walkNodes(roadmap.nodes)].map(({ node }) => node);
const ids = [...new Set(ROADMAPS.flatMap((r) => nodesOf(r).map((n) => n.id)))];
const titles = [...new Set(ROADMAPS.flatMap((r) => nodesOf(r).map((n) => n.title)))];

const reference = fc.oneof(
  fc.constantFrom(...ids),
  fc.constantFrom(...titles),
  fc
    .tuple(fc.constantFrom(...titles), fc.nat(), fc.nat())
    .map(([title, a, b]) =>
      title.slice(Math.min(a, b) % (title.length + 1), Math.max(a, b) % (title.length + 1)),
    ),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '  ', '1.1', 'linear', 'LINEAR ALGEBRA', 'x:1.1', ':1.1', 'a:', 'c: 1.1', 'zzz'),
);
const scope = fc.constantFrom('', 'a:', 'b:', 'c:', 'd:', ' a:', 'A:');

describe('resolveItem through its index', () => {
  it('answers every reference exactly as the plain walk does', () => {
    fc.assert(
      fc.property(scope, reference, fc.constantFrom(0, 1, 2, 3), (prefix, ref, drop) => {
        const roadmaps = ROADMAPS.filter((_, i) => i !== drop || drop === 0);
        const text = `${prefix}${ref}`;
        expect(outcome(() => resolveItem(text, roadmaps))).toEqual(
          outcome(() => referenceResolve(text, roadmaps)),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('answers the same again after the index is built, and for a fresh copy of the same roadmaps', () => {
    const copy = ROADMAPS.map((roadmap) => ({ id: roadmap.id, nodes: structuredClone(roadmap.nodes) }));
    for (const ref of ['a:1.1', '1.1', 'linear algebra', 'python', 'nothing like it']) {
      const first = outcome(() => resolveItem(ref, ROADMAPS));
      expect(outcome(() => resolveItem(ref, ROADMAPS))).toEqual(first);
      expect(outcome(() => resolveItem(ref, copy))).toEqual(first);
    }
  });
});
