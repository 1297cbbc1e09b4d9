/** Small roadmaps and event logs for the view tests. */
import type { Node, NodeKind, Roadmap } from '../core/model/roadmap.js';
import { validateEvent, type WaymarkEvent } from '../core/progress/events.js';

let line = 1;
export function node(id: string, kind: NodeKind, children: Node[] = [], extra: Partial<Node> = {}): Node {
  return {
    id,
    title: `Title ${id}`,
    kind,
    trackable: kind !== 'info',
    source: { line: line++, endLine: line },
    children,
    ...extra,
  };
}

export function roadmap(id: string, nodes: Node[]): Roadmap {
  return {
    schemaVersion: 1,
    id,
    title: `Roadmap ${id}`,
    source: { sha256: 'a'.repeat(64), format: 'markdown' },
    nodes,
  };
}

/** A stored log: seq 1.., one change per event unless `changeId` is given. */
export function events(...fields: Record<string, unknown>[]): WaymarkEvent[] {
  return fields.map((f, i) =>
    validateEvent({
      id: `e${i + 1}`,
      roadmapId: 'r',
      nodeId: 'a',
      recordedAt: '2026-11-20T12:00:00.000Z',
      changeId: `c${i + 1}`,
      seq: i + 1,
      ...f,
    }),
  );
}
