import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBundled, importText } from '../../testing/load-seed.js';
import { normalizeTitle } from '../text/similarity.js';
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

describe('matchReimport: ordinary edits of a roadmap without its own numbering', () => {
  const seed003 = importBundled('dev-to-ai-engineer');
  const edited = (from: string, to: string) => {
    expect(seed003.text).toContain(from);
    return importText(seed003.text.replace(from, to)).roadmap.nodes;
  };

  it('follows a title extended in place (issue 9: "Calculus essentials" lost its history on sync)', () => {
    const after = edited('- Calculus essentials', '- Calculus essentials and multivariable calculus');
    const match = matchReimport(seed003.roadmap.nodes, after);
    expect(match.moved).toContainEqual({
      from: 'core-ai-ml-foundations/math-foundations/calculus-essentials',
      to: 'core-ai-ml-foundations/math-foundations/calculus-essentials-and-multivariable-calculus',
      title: 'Calculus essentials and multivariable calculus',
    });
    expect(match.archived).toEqual([]);
    expect(match.retitled).toEqual([
      {
        id: 'core-ai-ml-foundations/math-foundations/calculus-essentials-and-multivariable-calculus',
        before: 'Calculus essentials',
        after: 'Calculus essentials and multivariable calculus',
      },
    ]);
  });

  it('follows a typical rename anywhere ("Learn Git basics" -> "Learn Git basics and branching")', () => {
    const before = nodes('# T\n## Tools\n- [ ] Learn Git basics\n- [ ] Docker\n## Later\n- [ ] Kubernetes\n');
    const after = nodes(
      '# T\n## Tools\n- [ ] Docker\n## Later\n- [ ] Kubernetes\n- [ ] Learn Git basics and branching\n',
    );
    const match = matchReimport(before, after);
    expect(match.moved).toEqual([
      {
        from: 'tools/learn-git-basics',
        to: 'later/learn-git-basics-and-branching',
        title: 'Learn Git basics and branching',
      },
    ]);
    expect(match.archived).toEqual([]);
  });

  it('follows a renamed section and all its children, duplicate titles by their parent', () => {
    const before = nodes(
      '# T\n## Basics\n### Git\n- Resources\n### Linux\n- Resources\n## Other\n- Resources\n',
    );
    const after = nodes(
      '# T\n## Basics and tooling\n### Git\n- Resources\n### Linux\n- Resources\n## Other\n- Resources\n',
    );
    const match = matchReimport(before, after);
    expect(match.moved.map(({ from, to }) => [from, to])).toEqual([
      ['basics', 'basics-and-tooling'],
      ['basics/git', 'basics-and-tooling/git'],
      ['basics/git/resources', 'basics-and-tooling/git/resources'],
      ['basics/linux', 'basics-and-tooling/linux'],
      ['basics/linux/resources', 'basics-and-tooling/linux/resources'],
    ]);
    expect(match.kept).toEqual(['other', 'other/resources']);
  });

  it('gives an inserted item nothing and archives a deleted one instead of shifting progress', () => {
    const before = nodes('# T\n## S\n- [ ] Linear algebra\n- [ ] Calculus\n- [ ] Statistics\n');
    const inserted = nodes(
      '# T\n## S\n- [ ] Linear algebra\n- [ ] Python tooling\n- [ ] Calculus\n- [ ] Statistics\n',
    );
    const withInsert = matchReimport(before, inserted);
    expect(withInsert.added).toEqual(['s/python-tooling']);
    expect(withInsert.moved).toEqual([]);
    const deleted = nodes('# T\n## S\n- [ ] Linear algebra\n- [ ] Statistics\n');
    const withDelete = matchReimport(before, deleted);
    expect(withDelete.archived).toEqual(['s/calculus']);
    expect(withDelete.moved).toEqual([]);
  });

  it('does not pass progress to an unrelated item that replaced a deleted one', () => {
    const before = nodes('# T\n## S\n- [ ] Linear algebra\n- [ ] Calculus\n- [ ] Statistics\n');
    const after = nodes('# T\n## S\n- [ ] Linear algebra\n- [ ] Kubernetes operators\n- [ ] Statistics\n');
    const match = matchReimport(before, after);
    expect(match.archived).toEqual(['s/calculus']);
    expect(match.added).toEqual(['s/kubernetes-operators']);
  });

  it('follows a reworded item between unchanged neighbours', () => {
    const before = nodes('# T\n## S\n- [ ] Linear algebra\n- [ ] Learn Git basics\n- [ ] Statistics\n');
    const after = nodes(
      '# T\n## S\n- [ ] Linear algebra\n- [ ] Version control with Git\n- [ ] Statistics\n',
    );
    expect(matchReimport(before, after).moved.map(({ from, to }) => [from, to])).toEqual([
      ['s/learn-git-basics', 's/version-control-with-git'],
    ]);
  });
});

describe('normalizeTitle', () => {
  it('gives ASCII titles the same form on its fast path as the Unicode one', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)) }),
        (title) => {
          const unicode = title
            .normalize('NFKD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase()
            .replace(/[^\p{L}\p{N}]+/gu, ' ')
            .trim();
          expect(normalizeTitle(title)).toBe(unicode);
        },
      ),
    );
    expect(normalizeTitle('Aurélien’s C++ & Go')).toBe('aurelien s c go');
  });
});

describe('matchReimport on long lists of one title', () => {
  it('pairs 5,000 "Review" items in order (their cost is in bench/match.bench.ts)', () => {
    const before = nodes(`# T\n## S\n${'- [ ] Review\n'.repeat(5_000)}`);
    const after = nodes(`# T\n## S\n- [ ] New first\n${'- [ ] Review\n'.repeat(4_999)}`);
    const match = matchReimport(before, after);
    expect(match.added).toEqual(['s/new-first']);
    expect(match.archived).toEqual(['s/review-5000']);
  });
});
