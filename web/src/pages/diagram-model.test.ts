import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatusNode } from '../api/types';
import { diagramColumns, progressClass } from './diagram-model';

const KINDS = ['phase', 'section', 'topic', 'info'] as const;

const item = (id: string, done = false): StatusNode => ({
  id,
  title: `Item ${id}`,
  kind: 'topic',
  trackable: true,
  status: done ? 'done' : 'todo',
  done: done ? 1 : 0,
  total: 1,
  effortDone: done ? 1 : 0,
  effortTotal: 1,
  minutes: 0,
  children: [],
});

const group = (id: string, kind: string, children: StatusNode[]): StatusNode => ({
  ...item(id),
  kind,
  trackable: false,
  title: `${kind} ${id}`,
  status: 'todo',
  done: children.reduce((sum, child) => sum + child.done, 0),
  total: children.reduce((sum, child) => sum + child.total, 0),
  effortDone: children.reduce((sum, child) => sum + child.effortDone, 0),
  effortTotal: children.reduce((sum, child) => sum + child.effortTotal, 0),
  children,
});

/** Random roadmaps: groups of any kind (phases anywhere, even under an info heading) over items. */
const roadmapArb = fc
  .letrec<{ node: StatusNode; forest: StatusNode[] }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.boolean().map((done) => item('x', done)),
      fc
        .tuple(fc.constantFrom(...KINDS), fc.array(tie('node'), { minLength: 0, maxLength: 4 }))
        .map(([kind, children]) => group('x', kind, children)),
    ),
    forest: fc.array(tie('node'), { minLength: 0, maxLength: 5 }),
  }))
  .forest.map((forest) => {
    // Unique ids in document order.
    let next = 0;
    const renumber = (node: StatusNode): StatusNode => ({
      ...node,
      id: `n${next++}`,
      children: node.children.map(renumber),
    });
    return forest.map(renumber);
  });

const descendantIds = (node: StatusNode): string[] =>
  node.children.flatMap((child) => [child.id, ...descendantIds(child)]);

describe('diagramColumns', () => {
  it('holds every item exactly once, in document order, no column inside another', () => {
    fc.assert(
      fc.property(roadmapArb, (nodes) => {
        const columns = diagramColumns(nodes);
        const total = nodes.reduce((sum, node) => sum + node.total, 0);
        expect(columns.reduce((sum, column) => sum + column.node.total, 0)).toBe(total);
        const ids = columns.map((column) => column.node.id);
        expect(ids).toEqual([...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
        for (const column of columns) {
          const inside = new Set(descendantIds(column.node));
          expect(ids.some((id) => inside.has(id))).toBe(false);
          for (const section of column.sections) {
            expect(column.node.children).toContain(section.node);
            expect(section.node.total).toBeGreaterThan(0);
          }
        }
      }),
    );
  });

  it('takes phases wherever they sit and the groups outside them, with sections below', () => {
    const nodes = [
      group('toc', 'info', []),
      group('road', 'info', [
        group('p1', 'phase', [
          group('p1.1', 'section', [item('p1.1.1'), item('p1.1.2', true)]),
          group('p1.2', 'section', [group('p1.2.1', 'section', [item('p1.2.1.1')]), item('p1.2.2')]),
          item('p1.3'),
        ]),
        group('p2', 'phase', [group('p2.1', 'topic', [item('p2.1.1')])]),
      ]),
      group('projects', 'section', [item('pr1', true)]),
    ];
    const columns = diagramColumns(nodes);
    expect(columns.map((column) => column.node.id)).toEqual(['p1', 'p2', 'projects']);
    expect(columns[0]?.sections.map((section) => section.node.id)).toEqual(['p1.1', 'p1.2']);
    expect(columns[0]?.sections[1]?.sections.map((sub) => sub.id)).toEqual(['p1.2.1']);
    expect(columns[1]?.sections[0]?.sections).toEqual([]);
    expect(progressClass(columns[2]?.node as StatusNode)).toBe('done');
    expect(progressClass(columns[0]?.node as StatusNode)).toBe('doing');
    expect(progressClass(columns[1]?.node as StatusNode)).toBe('todo');
  });
});
