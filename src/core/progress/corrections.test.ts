import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../testing/generate-roadmap.js';
import { allNodes, importBundled, importText } from '../../testing/load-seed.js';
import type { Node } from '../model/roadmap.js';
import { applyCorrections, correctionsOf, type ItemCorrection } from './corrections.js';
import type { WaymarkEvent } from './events.js';
import { foldEvents } from './fold.js';

const { roadmap } = importBundled('ai-engineer');
const ids = allNodes(roadmap.nodes).map((node) => node.id);

describe('applyCorrections', () => {
  it('returns the roadmap itself when there is nothing to correct', () => {
    expect(applyCorrections(roadmap, new Map())).toBe(roadmap);
  });

  it('excluding a node leaves nothing beneath it trackable, and nothing else changes (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ids), (id) => {
        const corrected = applyCorrections(roadmap, new Map([[id, { exclude: true }]]));
        const before = allNodes(roadmap.nodes);
        const after = allNodes(corrected.nodes);
        const inside = new Set(allNodes([before.find((node) => node.id === id) as Node]).map((n) => n.id));
        after.forEach((node, i) => {
          const original = before[i] as Node;
          expect(node.id).toBe(original.id);
          if (inside.has(node.id)) expect(node.trackable).toBe(false);
          else expect({ ...node, children: [] }).toEqual({ ...original, children: [] });
        });
      }),
      { numRuns: 50 },
    );
  });

  it('the nearest exclude or include wins; include makes information a topic and drops "optional"', () => {
    const tree: Node = {
      id: 'a',
      title: 'A',
      kind: 'section',
      trackable: true,
      source: { line: 1, endLine: 3 },
      children: [
        {
          id: 'b',
          title: 'B',
          kind: 'info',
          trackable: false,
          source: { line: 2, endLine: 2 },
          children: [],
        },
        {
          id: 'c',
          title: 'C',
          kind: 'topic',
          trackable: true,
          meta: { optional: 'true' },
          source: { line: 3, endLine: 3 },
          children: [],
        },
      ],
    };
    const corrections = new Map<string, ItemCorrection>([
      ['a', { exclude: true }],
      ['b', { exclude: false }],
    ]);
    const [a] = applyCorrections({ ...roadmap, nodes: [tree] }, corrections).nodes;
    expect([
      a?.trackable,
      a?.children[0]?.kind,
      a?.children[0]?.trackable,
      a?.children[1]?.trackable,
    ]).toEqual([false, 'topic', true, false]);
    const [included] = applyCorrections(
      { ...roadmap, nodes: [tree] },
      new Map([['c', { exclude: false }]]),
    ).nodes;
    expect(included?.children[1]?.meta).toEqual({ included: 'true' });
  });

  it('a kind correction records the imported kind; a kind one can finish is work', () => {
    const corrected = applyCorrections(roadmap, new Map([['11.2.1', { kind: 'course' }]]));
    const book = allNodes(corrected.nodes).find((node) => node.id === '11.2.1');
    expect(book).toMatchObject({ kind: 'course', trackable: true, meta: { importedKind: 'resource' } });
  });

  it('handles thousands of corrections on a large roadmap in one walk, sharing what no correction touches', () => {
    const big = importText(
      generateRoadmap({ phases: 10, sectionsPerPhase: 5, itemsPerSection: 20, subItemsPerItem: 4 }),
    ).roadmap;
    const at = big.nodes.findIndex((node) => node.kind === 'phase');
    const phase = big.nodes[at] as Node;
    const corrections = new Map(
      allNodes(phase.children).map((node) => [node.id, { exclude: true }] as const),
    );
    expect(corrections.size).toBeGreaterThan(400);
    const corrected = applyCorrections(big, corrections);
    expect(allNodes(corrected.nodes[at]?.children ?? []).some((node) => node.trackable)).toBe(false);
    big.nodes.forEach((node, i) => {
      if (i !== at) expect(corrected.nodes[i]).toBe(node); // untouched subtrees are shared
    });
  });
});

describe('correctionsOf', () => {
  const base = { roadmapId: 'r', at: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z' };
  it('reads exclude and kind settings, follows renames and ignores archived nodes and bad values', () => {
    const events: WaymarkEvent[] = [
      { ...base, id: '1', changeId: 'c1', seq: 1, type: 'setting', nodeId: 'x', key: 'exclude', value: true },
      {
        ...base,
        id: '2',
        changeId: 'c2',
        seq: 2,
        type: 'setting',
        nodeId: 'y',
        key: 'kind',
        value: 'course',
      },
      {
        ...base,
        id: '3',
        changeId: 'c3',
        seq: 3,
        type: 'setting',
        nodeId: 'z',
        key: 'kind',
        value: 'banana',
      },
      { ...base, id: '4', changeId: 'c4', seq: 4, type: 'rename', nodeId: null, from: 'x', to: 'x2' },
      { ...base, id: '5', changeId: 'c5', seq: 5, type: 'setting', nodeId: 'w', key: 'exclude', value: true },
      { ...base, id: '6', changeId: 'c6', seq: 6, type: 'archive', nodeId: 'w' },
    ];
    expect([...correctionsOf(foldEvents(events), 'r')]).toEqual([
      ['y', { kind: 'course' }],
      ['x2', { exclude: true }],
    ]);
  });
});
