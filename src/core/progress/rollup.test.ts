import { describe, expect, it } from 'vitest';
import { importBundled, importText } from '../../testing/load-seed.js';
import type { Status } from './events.js';
import { itemsOf } from './items.js';
import { rollUp, totalOf } from './rollup.js';

const { nodes } = importText(
  '# T\n## 1. P\n- [ ] 1.1 A\n  - [ ] 1.1.1 a1\n  - [ ] 1.1.2 a2\n- [ ] 1.2 B\n## Tips\n- tip\n',
).roadmap;

const statuses = (entries: Record<string, Status>) => (id: string) => entries[id];

describe('rollUp', () => {
  it('derives a parent from its trackable children, ignoring info nodes', () => {
    const tree = rollUp(nodes, statuses({ '1.1.1': 'done', '1.1.2': 'skipped' }));
    expect(tree.get('1.1')).toMatchObject({ status: 'done', total: 2, finished: 2 });
    expect(tree.get('1')).toMatchObject({ status: 'doing', total: 3, finished: 2 });
    expect(tree.get('tips')?.total).toBe(0);
    expect(totalOf(nodes, tree)).toMatchObject({ total: 3, finished: 2 });
  });

  it('derives a parent from its leaves only: a status recorded on a parent decides nothing', () => {
    const tree = rollUp(nodes, statuses({ '1.1': 'done', '1.1.1': 'done' }));
    expect(tree.get('1.1.2')?.status).toBe('todo');
    expect(tree.get('1.1')).toMatchObject({ status: 'doing', finished: 1, total: 2 });
  });

  it('counts items under a heading that is not trackable (seed 000: 8 phases under "Roadmap Overview")', () => {
    const seed = importBundled('ai-infra-journey-2026').roadmap.nodes;
    const tree = rollUp(seed, statuses({}));
    expect(totalOf(seed, tree).total).toBe(itemsOf(seed).length);
    expect(tree.get('roadmap-overview')?.total).toBe(8);
  });

  it('leaves checkpoints out of the counts but derives their parents from them', () => {
    const seed = importBundled('ai-engineer').roadmap.nodes;
    const goals = ['12.1.1', '12.1.2', '12.1.3', '12.1.4'];
    const tree = rollUp(seed, (id) => (goals.includes(id) ? 'done' : undefined));
    expect(tree.get('12.1')).toMatchObject({ status: 'done', total: 0 });
    expect(totalOf(seed, tree)).toMatchObject({ finished: 0, total: 445 });
  });

  it('weights progress by effort', () => {
    const tree = rollUp(nodes, statuses({ '1.2': 'done' }), (node) => (node.id === '1.2' ? 6 : 1));
    expect(tree.get('1')).toMatchObject({ finished: 1, total: 3, weightFinished: 6, weightTotal: 8 });
  });
});
