import { describe, expect, it } from 'vitest';
import { importText } from '../../testing/load-seed.js';
import { matchReimport } from './match-reimport.js';

const nodes = (markdown: string) => importText(markdown).roadmap.nodes;

describe('matchReimport', () => {
  it('keeps unchanged items, follows renumbered ones, and archives removed ones', () => {
    const before = nodes(
      '# T\n## 1. A\n- [ ] 1.1 Linear algebra\n- [ ] 1.2 Calculus\n- [ ] 1.3 Statistics\n',
    );
    const after = nodes('# T\n## 1. A\n- [ ] 1.1 Python\n- [ ] 1.2 Linear algebra\n- [ ] 1.3 Calculus\n');
    const match = matchReimport(before, after);
    expect(match.kept).toEqual(['1']);
    expect(match.moved.map(({ from, to }) => [from, to])).toEqual([
      ['1.1', '1.2'],
      ['1.2', '1.3'],
    ]);
    expect(match.archived).toEqual(['1.3']);
    expect(match.added).toEqual(['1.1']);
  });

  it('follows a near-identical rename and a rename in place', () => {
    const before = nodes('# T\n## S\n- [ ] 2.1 Adam optimiser\n- [ ] 2.2 Old name\n');
    const after = nodes('# T\n## S\n- [ ] 2.3 Adam optimizer\n- [ ] 2.2 Something new\n');
    const match = matchReimport(before, after);
    expect(match.moved.map(({ from, to }) => [from, to])).toEqual([['2.1', '2.3']]);
    expect(match.kept).toEqual(['s', '2.2']);
    expect(match.archived).toEqual([]);
  });

  it('follows a slug-id item moved to another section', () => {
    const before = nodes('# T\n## A\n- Docker basics\n## B\n- Kubernetes\n');
    const after = nodes('# T\n## A\n## B\n- Kubernetes\n- Docker basics\n');
    expect(matchReimport(before, after).moved.map(({ from, to }) => [from, to])).toEqual([
      ['a/docker-basics', 'b/docker-basics'],
    ]);
  });
});
