/**
 * What the Diagram draws (pure): the roadmap's phases as columns, each with the sections below it. The columns
 * are the Overview's phase groups (`phasesOf` in src/app/overview-view.ts): each phase wherever it sits, and
 * each top-level node outside the phases that holds items, so together they hold every item exactly once.
 */
import type { StatusNode } from '../api/types';

export interface DiagramColumn {
  node: StatusNode;
  /** The groups below the phase (its children that hold items beneath them), each with its own sub-sections. */
  sections: { node: StatusNode; sections: StatusNode[] }[];
}

const holdsItems = (node: StatusNode) => node.total > 0;
const isGroup = (node: StatusNode) => node.children.length > 0 && holdsItems(node);

function hasPhase(node: StatusNode): boolean {
  const stack = [...node.children];
  while (stack.length > 0) {
    const next = stack.pop() as StatusNode;
    if (next.kind === 'phase' && holdsItems(next)) return true;
    stack.push(...next.children);
  }
  return false;
}

export function diagramColumns(nodes: readonly StatusNode[]): DiagramColumn[] {
  const groups: StatusNode[] = [];
  // Document order, iteratively: a node holding phases is looked through, its children visited in turn.
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as StatusNode;
    if (!holdsItems(node)) continue;
    if (node.kind === 'phase' || !hasPhase(node)) groups.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as StatusNode);
  }
  return groups.map((node) => ({
    node,
    sections: node.children.filter(isGroup).map((section) => ({
      node: section,
      // A second level only for real sub-sections: topics with sub-points stay inside their section's count.
      sections: section.children.filter(
        (child) => isGroup(child) && (child.kind === 'section' || child.kind === 'phase'),
      ),
    })),
  }));
}

/** done / doing / todo, for the box's colour (the count beside it says the same in words). */
export function progressClass(node: StatusNode): 'done' | 'doing' | 'todo' {
  if (node.total > 0 && node.done >= node.total) return 'done';
  if (node.status === 'doing' || node.done > 0) return 'doing';
  return 'todo';
}
