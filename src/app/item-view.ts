/**
 * One item with everything known about it: `waymark show ITEM --json` and the dashboard's item panel.
 */
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import { archivedItems } from '../core/progress/archived-items.js';
import type { WaymarkEvent } from '../core/progress/events.js';
import { historyOf, type LogSession, type NodeProgress, nodeProgress } from '../core/progress/fold.js';
import { foldedState } from './folded-state.js';
import { roadmapProgress } from './roadmap-progress.js';
import { findItem } from './tracking-service.js';
import type { Workspace } from './workspace.js';

export interface ItemView {
  roadmapId: string;
  /** The node as imported (source line in `source.line`), its children as ids. */
  node: Omit<Node, 'children'> & { children: string[] };
  /** The ancestors, outermost first. */
  path: { id: string; title: string }[];
  /** What the log holds for the node; `status` is the derived one (a parent's from the leaves beneath it). */
  progress: NodeProgress;
  /** Items beneath it (or itself), finished, and minutes logged on it and beneath it: the numbers of `status`. */
  counts: { done: number; total: number; minutes: number };
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
  const state = foldedState(workspace.store, item.roadmapId);
  const model = roadmap?.model as Roadmap | undefined;
  const derived = model ? roadmapProgress(model, state) : undefined;
  const rolled = derived?.tree.get(item.node.id);
  let minutes = 0;
  for (const { node } of walkNodes([item.node]))
    minutes += nodeProgress(state, item.roadmapId, node.id).minutes;
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
  const own = nodeProgress(state, item.roadmapId, item.node.id);
  const { children, ...node } = item.node;
  return {
    roadmapId: item.roadmapId,
    node: { ...node, children: children.map((child) => child.id) },
    path,
    // An archived item is outside the tree: its own recorded status is all there is.
    progress: {
      ...own,
      status: rolled?.status ?? (archived ? own.status : 'todo'),
    },
    counts: { done: rolled?.finished ?? 0, total: rolled?.total ?? 0, minutes },
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
