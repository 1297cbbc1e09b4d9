import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Status, StatusNode } from '../api/types';
import {
  boxState,
  changeMessage,
  confirmationOf,
  findNode,
  isLeafNode,
  itemsChanged,
  toggledStatus,
  withPending,
} from './status-change-model';

const STATUSES: Status[] = ['todo', 'doing', 'done', 'skipped'];
const finished = (status: Status) => status === 'done' || status === 'skipped';

const leaf = (id: string, status: Status): StatusNode => ({
  id,
  title: `Item ${id}`,
  kind: 'topic',
  trackable: true,
  status,
  done: finished(status) ? 1 : 0,
  total: 1,
  effortDone: 0,
  effortTotal: 0,
  minutes: 0,
  children: [],
});

/** A parent derived from its children as the server derives it (ARCHITECTURE.md, "Parents are derived"). */
function parent(id: string, children: StatusNode[]): StatusNode {
  const leaves = children.flatMap(leavesOf);
  const done = leaves.filter((entry) => finished(entry.status)).length;
  const status: Status =
    leaves.length > 0 && done === leaves.length
      ? leaves.every((entry) => entry.status === 'skipped')
        ? 'skipped'
        : 'done'
      : leaves.some((entry) => entry.status !== 'todo')
        ? 'doing'
        : 'todo';
  return {
    ...leaf(id, status),
    title: `Section ${id}`,
    kind: 'section',
    done,
    total: leaves.length,
    children,
  };
}

const leavesOf = (node: StatusNode): StatusNode[] =>
  node.children.length === 0 ? [node] : node.children.flatMap(leavesOf);

/** Random sections of leaves, up to three levels deep. */
const treeArb: fc.Arbitrary<StatusNode> = fc
  .array(fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((sections) =>
    parent(
      'p',
      sections.map((statuses, s) =>
        parent(
          `p.${s}`,
          statuses.map((status, i) => leaf(`p.${s}.${i}`, status)),
        ),
      ),
    ),
  );

/** What the server does to the leaves for a change of `node` (status-targets.ts), re-derived. */
function applied(node: StatusNode, status: Status): StatusNode {
  const acts: Record<Status, (current: Status) => boolean> = {
    done: (current) => !finished(current),
    skipped: (current) => !finished(current),
    doing: (current) => current === 'todo',
    todo: (current) => current !== 'todo',
  };
  const visit = (entry: StatusNode): StatusNode =>
    entry.children.length === 0
      ? leaf(entry.id, acts[status](entry.status) ? status : entry.status)
      : parent(entry.id, entry.children.map(visit));
  return visit(node);
}

describe('status changes on the tree', () => {
  it('counts what a parent change acts on: done = unfinished items, todo = items not at to do', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        expect(itemsChanged(tree, 'done')).toBe(tree.total - tree.done);
        expect(itemsChanged(tree, 'todo')).toBe(leavesOf(tree).filter((l) => l.status !== 'todo').length);
        expect(itemsChanged(tree, 'doing')).toBe(leavesOf(tree).filter((l) => l.status === 'todo').length);
      }),
    );
  });

  it('moves the box the way it shows: ticked unticks, unticked or mixed ticks (Space never surprises)', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        const before = boxState(tree);
        const after = boxState(applied(tree, toggledStatus(before)));
        expect(after).toBe(before === 'true' ? 'false' : 'true');
        for (const section of tree.children) {
          const sectionBefore = boxState(section);
          expect(boxState(applied(section, toggledStatus(sectionBefore)))).toBe(
            sectionBefore === 'true' ? 'false' : 'true',
          );
        }
      }),
    );
  });

  it('shows a mixed box only on a parent with some but not all items finished', () => {
    fc.assert(
      fc.property(treeArb, (tree) => {
        expect(boxState(tree) === 'mixed').toBe(tree.done > 0 && tree.done < tree.total);
        for (const entry of leavesOf(tree)) expect(boxState(entry)).not.toBe('mixed');
      }),
    );
  });

  it('counts a second press against the change still on its way, not the tree before it', () => {
    fc.assert(
      fc.property(treeArb, fc.constantFrom(...STATUSES), (tree, status) => {
        const expected = applied(tree, status);
        const optimistic = withPending(tree, new Map([[tree.id, status]]));
        expect(leavesOf(optimistic).map((l) => l.status)).toEqual(leavesOf(expected).map((l) => l.status));
        for (const next of STATUSES)
          expect(itemsChanged(optimistic, next)).toBe(itemsChanged(expected, next));
      }),
    );
    const tree = parent('1', [leaf('1.1', 'todo')]);
    expect(withPending(tree, new Map())).toBe(tree);
  });

  it('a leaf changes alone (no question) whenever its status differs', () => {
    const done = leaf('1.1', 'done');
    expect(isLeafNode(done)).toBe(true);
    expect(itemsChanged(done, 'todo')).toBe(1);
    expect(itemsChanged(done, 'done')).toBe(0);
    expect(changeMessage(done, 'todo', 1)).toBe('Marked 1.1 Item 1.1 to do');
    expect(changeMessage(done, 'done', 0)).toBe('1.1 Item 1.1 is already done');
  });

  it('words the question and the toast of a bulk change with the count', () => {
    const section = parent('2', [leaf('2.1', 'todo'), leaf('2.2', 'done'), leaf('2.3', 'doing')]);
    expect(confirmationOf(section, 'done', itemsChanged(section, 'done'))).toMatchObject({
      question: 'Mark 2 items in “Section 2” done?',
      confirm: 'Mark 2 items done',
    });
    expect(changeMessage(section, 'done', 2)).toBe('Marked 2 items in “Section 2” done');
    expect(changeMessage(section, 'done', 0)).toMatch(/^Nothing to change/);
  });

  it('does not count leaves that are not items (checkpoints, options not chosen)', () => {
    const checkpoint = { ...leaf('3.2', 'todo'), total: 0, done: 0 };
    const section = { ...parent('3', [leaf('3.1', 'todo')]), children: [leaf('3.1', 'todo'), checkpoint] };
    expect(itemsChanged(section, 'done')).toBe(1);
  });

  it('finds a node anywhere in the tree', () => {
    const tree = [parent('1', [parent('1.1', [leaf('1.1.1', 'todo')])])];
    expect(findNode(tree, '1.1.1')?.title).toBe('Item 1.1.1');
    expect(findNode(tree, 'nope')).toBeUndefined();
    expect(findNode(tree, undefined)).toBeUndefined();
  });
});
