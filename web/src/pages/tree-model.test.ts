import { describe, expect, it } from 'vitest';
import type { StatusNode } from '../api/types';
import { allParentIds, ancestorsOf, visibleRows } from './tree-model';

const node = (
  id: string,
  title: string,
  children: StatusNode[] = [],
  status: StatusNode['status'] = 'todo',
) => ({
  id,
  title,
  kind: children.length > 0 ? ('section' as const) : ('topic' as const),
  trackable: children.length === 0,
  status,
  done: 0,
  total: 0,
  effortDone: 0,
  effortTotal: 0,
  minutes: 0,
  checkbox: false,
  children,
});

const tree: StatusNode[] = [
  node('1', 'Phase one', [node('1.1', 'Linear algebra', [], 'done'), node('1.2', 'Calculus')]),
  node('2', 'Phase two', [node('2.1', 'Regression', [node('2.1.1', 'Least squares', [], 'doing')])]),
];
const ids = (rows: { node: StatusNode }[]) => rows.map((row) => row.node.id);
const all = { text: '', status: 'all' as const };

describe('visibleRows', () => {
  it('shows only the children of expanded nodes, with levels and positions', () => {
    expect(ids(visibleRows(tree, new Set(), all))).toEqual(['1', '2']);
    const rows = visibleRows(tree, new Set(['2', '2.1']), all);
    expect(ids(rows)).toEqual(['1', '2', '2.1', '2.1.1']);
    expect(rows.map((row) => row.level)).toEqual([1, 1, 2, 3]);
    expect(rows[1]).toMatchObject({ posInSet: 2, setSize: 2, hasChildren: true });
    expect(rows[3]?.parentId).toBe('2.1');
  });

  it('filters by text (case-insensitive) and keeps the ancestors of matches, expanded', () => {
    expect(ids(visibleRows(tree, new Set(), { text: '  LEAST ', status: 'all' }))).toEqual([
      '2',
      '2.1',
      '2.1.1',
    ]);
    expect(ids(visibleRows(tree, new Set(), { text: '1.2', status: 'all' }))).toEqual(['1', '1.2']);
    expect(visibleRows(tree, new Set(), { text: 'nothing like it', status: 'all' })).toEqual([]);
  });

  it('filters by the status of trackable items', () => {
    expect(ids(visibleRows(tree, new Set(), { text: '', status: 'done' }))).toEqual(['1', '1.1']);
    expect(ids(visibleRows(tree, new Set(), { text: '', status: 'doing' }))).toEqual(['2', '2.1', '2.1.1']);
    expect(ids(visibleRows(tree, new Set(), { text: 'calc', status: 'done' }))).toEqual([]);
  });

  it('flattens a very deep tree without overflowing', () => {
    let deep = node('leaf', 'Leaf');
    for (let i = 0; i < 5_000; i++) deep = node(`n${i}`, `Level ${i}`, [deep]);
    expect(ancestorsOf([deep], 'leaf')).toHaveLength(5_000);
    expect(allParentIds([deep])).toHaveLength(5_000);
    expect(visibleRows([deep], new Set(), { text: 'leaf', status: 'all' })).toHaveLength(5_001);
  });
});

describe('ancestorsOf', () => {
  it('returns the path outermost first, or undefined for an unknown id', () => {
    expect(ancestorsOf(tree, '2.1.1')).toEqual(['2', '2.1']);
    expect(ancestorsOf(tree, '1')).toEqual([]);
    expect(ancestorsOf(tree, 'nope')).toBeUndefined();
  });
});
