import type { Status, StatusNode } from '../api/types';

/** A visible row of the flattened tree. */
export interface Row {
  node: StatusNode;
  level: number;
  parentId: string | undefined;
  hasChildren: boolean;
  posInSet: number;
  setSize: number;
}

export interface TreeFilter {
  text: string;
  status: Status | 'all';
}

const matches = (node: StatusNode, filter: TreeFilter) =>
  (filter.status === 'all' || (node.trackable && node.status === filter.status)) &&
  (filter.text === '' ||
    node.title.toLowerCase().includes(filter.text) ||
    node.id.toLowerCase().includes(filter.text));

export const isFiltering = (filter: TreeFilter) => filter.text !== '' || filter.status !== 'all';

/**
 * Flattens the tree to the rows on screen: children of expanded nodes only, or, while filtering,
 * every match with its ancestors (shown expanded). Iterative so a deep roadmap cannot overflow the stack.
 */
export function visibleRows(nodes: StatusNode[], expanded: ReadonlySet<string>, filter: TreeFilter): Row[] {
  const normalized = { ...filter, text: filter.text.trim().toLowerCase() };
  const filtering = isFiltering(normalized);
  const keep = filtering ? keptByFilter(nodes, normalized) : undefined;
  const shownOf = (list: StatusNode[]) => (keep ? list.filter((node) => keep.has(node.id)) : list);
  const rows: Row[] = [];
  const stack: Row[] = [];
  const pushChildren = (list: StatusNode[], level: number, parentId: string | undefined) => {
    const shown = shownOf(list);
    for (let index = shown.length - 1; index >= 0; index--) {
      const node = shown[index] as StatusNode;
      stack.push({
        node,
        level,
        parentId,
        hasChildren: node.children.length > 0,
        posInSet: index + 1,
        setSize: shown.length,
      });
    }
  };
  pushChildren(nodes, 1, undefined);
  while (stack.length > 0) {
    const row = stack.pop() as Row;
    rows.push(row);
    if (row.hasChildren && (filtering || expanded.has(row.node.id)))
      pushChildren(row.node.children, row.level + 1, row.node.id);
  }
  return rows;
}

/** The matches and their ancestors; children are settled before their parents (reverse document order). */
function keptByFilter(nodes: StatusNode[], filter: TreeFilter): Set<string> {
  const order: { node: StatusNode; parentId: string | undefined }[] = [];
  const stack = nodes.map((node) => ({ node, parentId: undefined as string | undefined })).reverse();
  while (stack.length > 0) {
    const entry = stack.pop() as (typeof stack)[number];
    order.push(entry);
    for (let i = entry.node.children.length - 1; i >= 0; i--)
      stack.push({ node: entry.node.children[i] as StatusNode, parentId: entry.node.id });
  }
  const keep = new Set<string>();
  for (let i = order.length - 1; i >= 0; i--) {
    const { node, parentId } = order[i] as (typeof order)[number];
    if (keep.has(node.id) || matches(node, filter)) {
      keep.add(node.id);
      if (parentId !== undefined) keep.add(parentId);
    }
  }
  return keep;
}

/** Ids of the ancestors of `id` (outermost first), or undefined if it is not in the tree. */
export function ancestorsOf(nodes: StatusNode[], id: string): string[] | undefined {
  const stack: { node: StatusNode; path: string[] }[] = nodes.map((node) => ({ node, path: [] }));
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: StatusNode; path: string[] };
    if (node.id === id) return path;
    for (const child of node.children) stack.push({ node: child, path: [...path, node.id] });
  }
  return undefined;
}

export function allParentIds(nodes: StatusNode[]): string[] {
  const ids: string[] = [];
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as StatusNode;
    if (node.children.length > 0) {
      ids.push(node.id);
      stack.push(...node.children);
    }
  }
  return ids;
}
