import type { Node, Roadmap } from '../core/model/roadmap.js';
import type { RoadmapStatus, StatusNode } from './progress-view.js';

/** A StatusNode with what the dashboard's tree also shows: the source line and whether it has a checkbox. */
export interface TreeNode extends Omit<StatusNode, 'children'> {
  line?: number;
  checkbox: boolean;
  children: TreeNode[];
}

export interface RoadmapTree extends Omit<RoadmapStatus, 'nodes'> {
  nodes: TreeNode[];
}

/** `waymark status ID --json` plus source lines and checkboxes, for the API's tree. */
export function treeView(status: RoadmapStatus, roadmap: Roadmap): RoadmapTree {
  const withSource = (view: StatusNode, node: Node | undefined): TreeNode => ({
    ...view,
    ...(node ? { line: node.source.line } : {}),
    checkbox: node?.checked !== undefined,
    children: view.children.map((child, i) => {
      const candidate = node?.children[i];
      return withSource(
        child,
        candidate?.id === child.id ? candidate : node?.children.find((c) => c.id === child.id),
      );
    }),
  });
  return {
    ...status,
    nodes: status.nodes.map((view, i) => {
      const candidate = roadmap.nodes[i];
      return withSource(
        view,
        candidate?.id === view.id ? candidate : roadmap.nodes.find((n) => n.id === view.id),
      );
    }),
  };
}
