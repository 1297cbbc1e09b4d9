import { Graph, layout } from '@dagrejs/dagre';
import { useMemo } from 'react';
import type { StatusNode } from '../api/types';
import { percent } from '../format';
import { href } from '../router';

const WIDTH = 240;
const HEIGHT = 58;
const MAX_CHARS = 34;

interface Placed {
  node: StatusNode;
  x: number;
  y: number;
  depth: number;
}

/** The structural nodes: phases and sections, or the first two levels of parents when a roadmap has none. */
function structuralNodes(nodes: StatusNode[]): { node: StatusNode; parent?: string; depth: number }[] {
  const structural = (node: StatusNode) => node.kind === 'phase' || node.kind === 'section';
  const picked: { node: StatusNode; parent?: string; depth: number }[] = [];
  const hasKinds = containsPhase(nodes);
  const visit = (node: StatusNode, parent: string | undefined, depth: number) => {
    const keep = hasKinds ? structural(node) : node.children.length > 0 && depth < 2;
    if (keep) picked.push({ node, depth, ...(parent ? { parent } : {}) });
    if (depth < 3)
      for (const child of node.children) visit(child, keep ? node.id : parent, keep ? depth + 1 : depth);
  };
  for (const node of nodes) visit(node, undefined, 0);
  return picked;
}

function containsPhase(nodes: StatusNode[]): boolean {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as StatusNode;
    if (node.kind === 'phase') return true;
    stack.push(...node.children);
  }
  return false;
}

function layoutDiagram(nodes: StatusNode[]) {
  const picked = structuralNodes(nodes);
  const graph = new Graph();
  // Left to right: the phases in one column (document order), their sections fanning out to the right.
  graph.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 48, marginx: 8, marginy: 8 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const { node } of picked) graph.setNode(node.id, { width: WIDTH, height: HEIGHT });
  // dagre stacks a parent's children in reverse order of their edges: add them last-first to keep document order.
  const childrenOf = new Map<string, string[]>();
  for (const entry of picked)
    if (entry.parent) childrenOf.set(entry.parent, [...(childrenOf.get(entry.parent) ?? []), entry.node.id]);
  for (const [parent, children] of childrenOf)
    for (const child of [...children].reverse()) graph.setEdge(parent, child);
  layout(graph);
  const placed: Placed[] = picked.map(({ node, depth }) => {
    const position = graph.node(node.id) as { x: number; y: number };
    return { node, depth, x: position.x, y: position.y };
  });
  const edges = graph.edges().map((edge) => ({
    id: `${edge.v}->${edge.w}`,
    points: (graph.edge(edge) as { points: { x: number; y: number }[] }).points,
  }));
  const size = graph.graph() as { width?: number; height?: number };
  return { placed, edges, width: size.width ?? 0, height: size.height ?? 0 };
}

function statusClass(node: StatusNode): string {
  if (node.total > 0 && node.done >= node.total) return 'done';
  if (node.status === 'doing' || node.done > 0) return 'doing';
  return 'todo';
}

/**
 * The title in at most two lines of whole words (bold phase titles get fewer characters per line); only a
 * title longer than that is cut, with an ellipsis.
 */
export function wrapTitle(title: string, depth: number): string[] {
  const max = depth === 0 ? MAX_CHARS - 5 : MAX_CHARS;
  const lines: string[] = [''];
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const current = lines[lines.length - 1] as string;
    if (current === '' || current.length + 1 + word.length <= max)
      lines[lines.length - 1] = current ? `${current} ${word}` : word;
    else lines.push(word);
  }
  if (lines.length <= 2 && lines.every((line) => line.length <= max)) return lines;
  const second = lines.slice(1).join(' ');
  return [(lines[0] as string).slice(0, max), `${second.slice(0, max - 1)}…`];
}

/** Phases and sections as a graph laid out by dagre, coloured by progress; each box opens its items. */
export function DiagramView({ roadmapId, nodes }: { roadmapId: string; nodes: StatusNode[] }) {
  const diagram = useMemo(() => layoutDiagram(nodes), [nodes]);
  if (diagram.placed.length === 0) return <p>This roadmap has no phases or sections to draw.</p>;
  return (
    <div className="diagram-scroll">
      <svg
        className="diagram"
        width={diagram.width}
        height={diagram.height}
        viewBox={`0 0 ${diagram.width} ${diagram.height}`}
        aria-label="Diagram of phases and sections"
      >
        {diagram.edges.map((edge) => (
          <polyline
            key={edge.id}
            className="diagram-edge"
            points={edge.points.map((p) => `${p.x},${p.y}`).join(' ')}
            fill="none"
          />
        ))}
        {diagram.placed.map(({ node, x, y, depth }) => {
          const ratio = node.effortTotal > 0 ? node.effortDone / node.effortTotal : 0;
          const lines = wrapTitle(node.title, depth);
          return (
            <a
              key={node.id}
              href={href('roadmap', [roadmapId], { item: node.id })}
              aria-label={`${node.title} ${node.done}/${node.total}`}
              className={`diagram-node ${statusClass(node)} depth-${Math.min(depth, 2)}`}
            >
              <title>{`${node.title} — ${node.done}/${node.total} (${percent(ratio)} by effort)`}</title>
              <rect x={x - WIDTH / 2} y={y - HEIGHT / 2} width={WIDTH} height={HEIGHT} rx={6} />
              <rect
                className="diagram-fill"
                x={x - WIDTH / 2 + 6}
                y={y + HEIGHT / 2 - 9}
                width={(WIDTH - 12) * ratio}
                height={4}
                rx={2}
              />
              <text x={x} y={lines.length === 1 ? y - 2 : y - 9} textAnchor="middle">
                {lines.map((line, index) => (
                  <tspan key={index === 0 ? 'first' : 'second'} x={x} dy={index === 0 ? 0 : 14}>
                    {line}
                  </tspan>
                ))}
              </text>
              <text x={x} y={y + HEIGHT / 2 - 13} textAnchor="middle" className="diagram-count">
                {node.done}/{node.total}
              </text>
            </a>
          );
        })}
      </svg>
    </div>
  );
}
