/**
 * One item with everything known about it: `waymark show ITEM --json` and the dashboard's item panel.
 */
import type { Node } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import { archivedItems } from '../core/progress/archived-items.js';
import type { WaymarkEvent } from '../core/progress/events.js';
import {
  foldEvents,
  historyOf,
  type LogSession,
  type NodeProgress,
  nodeProgress,
} from '../core/progress/fold.js';
import { findItem } from './tracking-service.js';
import type { Workspace } from './workspace.js';

export interface ItemView {
  roadmapId: string;
  /** The node as imported (source line in `source.line`), its children as ids. */
  node: Omit<Node, 'children'> & { children: string[] };
  /** The ancestors, outermost first. */
  path: { id: string; title: string }[];
  progress: NodeProgress;
  /** Study sessions logged on the item itself, oldest first. */
  sessions: LogSession[];
  /** Every event about it, oldest first; undone ones flagged. */
  history: (WaymarkEvent & { undone: boolean })[];
  /** Set when the item left the roadmap's file on a re-import: when, and under which titles it sat. */
  archived?: { at: string; path: string[] };
}

export function itemView(workspace: Workspace, ref: string): ItemView {
  const item = findItem(workspace, ref, { archived: true });
  const roadmap = workspace.store.getRoadmap(item.roadmapId);
  const events = workspace.store.listEvents({ roadmapId: item.roadmapId });
  const state = foldEvents(events);
  const archived = item.archived
    ? archivedItems(events, state, item.roadmapId).find((entry) => entry.id === item.node.id)
    : undefined;
  let path: { id: string; title: string }[] = [];
  for (const { node, parents } of walkNodes((roadmap?.model as { nodes: Node[] } | undefined)?.nodes ?? [])) {
    if (node.id === item.node.id) {
      path = parents.map((parent) => ({ id: parent.id, title: parent.title }));
      break;
    }
  }
  const { children, ...node } = item.node;
  return {
    roadmapId: item.roadmapId,
    node: { ...node, children: children.map((child) => child.id) },
    path,
    progress: nodeProgress(state, item.roadmapId, item.node.id),
    sessions: state.sessions.filter(
      (session) => session.roadmapId === item.roadmapId && session.nodeId === item.node.id,
    ),
    history: historyOf(events, item.roadmapId, item.node.id).map((entry) => ({
      ...entry.event,
      undone: entry.undone,
    })),
    ...(archived ? { archived: { at: archived.archivedAt, path: archived.path } } : {}),
  };
}
