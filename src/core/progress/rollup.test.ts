import { describe, expect, it } from 'vitest';
import { importText } from '../../testing/load-seed.js';
import type { Status } from './events.js';
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

  it('counts everything beneath a parent the learner marked done', () => {
    const tree = rollUp(nodes, statuses({ '1.1': 'done' }));
    expect(tree.get('1.1.1')?.status).toBe('done');
    expect(tree.get('1')).toMatchObject({ finished: 2, total: 3 });
  });

  it('weights progress by effort', () => {
    const tree = rollUp(nodes, statuses({ '1.2': 'done' }), (node) => (node.id === '1.2' ? 6 : 1));
    expect(tree.get('1')).toMatchObject({ finished: 1, total: 3, weightFinished: 6, weightTotal: 8 });
  });
});
