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
  const rows: Row[] = [];
  const walk = (list: StatusNode[], level: number, parentId: string | undefined) => {
    const shown = keep ? list.filter((node) => keep.has(node.id)) : list;
    shown.forEach((node, index) => {
      rows.push({
        node,
        level,
        parentId,
        hasChildren: node.children.length > 0,
        posInSet: index + 1,
        setSize: shown.length,
      });
      if (node.children.length > 0 && (filtering || expanded.has(node.id)))
        walk(node.children, level + 1, node.id);
    });
  };
  walk(nodes, 1, undefined);
  return rows;
}

function keptByFilter(nodes: StatusNode[], filter: TreeFilter): Set<string> {
  const keep = new Set<string>();
  const visit = (node: StatusNode): boolean => {
    let any = matches(node, filter);
    for (const child of node.children) if (visit(child)) any = true;
    if (any) keep.add(node.id);
    return any;
  };
  for (const node of nodes) visit(node);
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
