import { describe, expect, it } from 'vitest';
import { importText } from '../../testing/load-seed.js';
import { WaymarkError } from '../errors.js';
import { resolveItem } from './resolve-item.js';

const roadmaps = [
  {
    id: 'a',
    nodes: importText('# A\n## 1. P\n- [ ] 1.1 Linear Algebra\n- [ ] 1.2 Calculus\n').roadmap.nodes,
  },
  {
    id: 'b',
    nodes: importText('# B\n## 1. Q\n- [ ] 1.1 Python\n- [ ] 2.5 Linear Regression\n').roadmap.nodes,
  },
];

describe('resolveItem', () => {
  it('finds items by roadmap:id, unique bare id, exact title and title fragment', () => {
    expect(resolveItem('b:1.1', roadmaps).node.title).toBe('Python');
    expect(resolveItem('1.2', roadmaps)).toMatchObject({ roadmapId: 'a', node: { title: 'Calculus' } });
    expect(resolveItem('calculus', roadmaps).node.id).toBe('1.2');
    expect(resolveItem('regress', roadmaps).node.id).toBe('2.5');
  });

  it('lists the candidates of an ambiguous reference', () => {
    try {
      resolveItem('1.1', roadmaps);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WaymarkError);
      expect((error as WaymarkError).hint).toContain('a:1.1  Linear Algebra');
      expect((error as WaymarkError).hint).toContain('b:1.1  Python');
    }
    expect(() => resolveItem('linear', roadmaps)).toThrow(/matches 2 items/);
  });

  it('suggests the closest matches for an unknown reference', () => {
    try {
      resolveItem('calculas', roadmaps);
      expect.unreachable();
    } catch (error) {
      expect((error as WaymarkError).code).toBe('NOT_FOUND');
      expect((error as WaymarkError).hint).toContain('a:1.2  Calculus');
    }
  });
});

describe('resolveItem: archived items (issue 9: an archived item could no longer be reached at all)', () => {
  const withArchive = [
    {
      ...(roadmaps[0] as (typeof roadmaps)[number]),
      archived: () => [
        { id: 'p/docker', title: 'Docker basics' },
        { id: 'p/git', title: 'Git workflow' },
      ],
    },
    roadmaps[1] as (typeof roadmaps)[number],
  ];

  it('finds an archived item by roadmap:id, id or title when asked to', () => {
    expect(resolveItem('a:p/docker', withArchive, { archived: true })).toMatchObject({
      roadmapId: 'a',
      archived: true,
      node: { id: 'p/docker', title: 'Docker basics' },
    });
    expect(resolveItem('git workflow', withArchive, { archived: true }).node.id).toBe('p/git');
    expect(resolveItem('docker', withArchive, { archived: true }).node.id).toBe('p/docker');
  });

  it('prefers a live item, and otherwise names the archived one with how to reach it', () => {
    expect(resolveItem('calculus', withArchive, { archived: true }).archived).toBeUndefined();
    expect(() => resolveItem('Docker basics', withArchive)).toThrowError(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message: expect.stringContaining('a:p/docker "Docker basics" left the roadmap'),
        hint: expect.stringContaining('waymark reattach a:p/docker NEW_ITEM'),
      }),
    );
  });

  it('reads the archived list only when nothing live matches', () => {
    let reads = 0;
    const archived = () => {
      reads++;
      return [];
    };
    const lazy = [{ ...(roadmaps[0] as (typeof roadmaps)[number]), archived }];
    resolveItem('calculus', lazy);
    expect(reads).toBe(0);
  });
});
