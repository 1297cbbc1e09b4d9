/**
 * `waymark reattach OLD NEW`: moves the progress of an archived item (its status, time, notes, evidence and
 * review card) onto an item of the same roadmap, as one `rename` event: the fold, history, journal and
 * every later re-import treat it like a move the matcher found, and one `undo` reverts it.
 */
import { WaymarkError } from '../core/errors.js';
import { hasProgress } from '../core/progress/archived-items.js';
import type { RenameEvent } from '../core/progress/events.js';
import { type NodeProgress, nodeProgress } from '../core/progress/fold.js';
import type { ResolvedItem } from '../core/progress/resolve-item.js';
import { foldedState } from './folded-state.js';
import { findItem } from './tracking-service.js';
import { stampChange, type Workspace } from './workspace.js';

export interface Reattached {
  from: ResolvedItem;
  to: ResolvedItem;
  event: RenameEvent;
  /** The item's progress after the move (merged with what it had of its own). */
  progress: NodeProgress;
  /** Whether the target already had progress of its own, now merged (the latest status wins). */
  merged: boolean;
}

export function reattachItem(workspace: Workspace, oldRef: string, newRef: string): Reattached {
  const from = findItem(workspace, oldRef, { archived: true });
  const label = (item: ResolvedItem) => `${item.roadmapId}:${item.node.id} "${item.node.title}"`;
  if (!from.archived) {
    throw new WaymarkError(
      'INPUT',
      `${label(from)} is not archived: it is still in the roadmap, so its progress is where it belongs.`,
      'Name an archived item first (`waymark list --archived` lists them), then the item to give its progress to.',
    );
  }
  const to = findItem(workspace, newRef);
  if (to.roadmapId !== from.roadmapId) {
    throw new WaymarkError(
      'INPUT',
      `${label(from)} belongs to roadmap "${from.roadmapId}", but ${label(to)} is in "${to.roadmapId}": progress moves only within its roadmap.`,
      `Name an item of "${from.roadmapId}", e.g. ${from.roadmapId}:ID.`,
    );
  }
  if (!to.node.trackable) {
    throw new WaymarkError(
      'INPUT',
      `${label(to)} is information, not an item to finish, so it cannot carry progress.`,
      'Name a topic, course, project, certificate or milestone instead.',
    );
  }
  const before = nodeProgress(foldedState(workspace.store, to.roadmapId), to.roadmapId, to.node.id);
  const merged = hasProgress(before);
  const [event] = workspace.store.appendEvents(
    stampChange(workspace, workspace.now.toISOString(), [
      { type: 'rename', roadmapId: from.roadmapId, nodeId: null, from: from.node.id, to: to.node.id },
    ]),
  );
  const progress = nodeProgress(foldedState(workspace.store, to.roadmapId), to.roadmapId, to.node.id);
  return { from, to, event: event as RenameEvent, progress, merged };
}
