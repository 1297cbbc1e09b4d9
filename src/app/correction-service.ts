/**
 * `waymark exclude|include|kind ITEM`: the learner corrects how the importer read an item. One `setting`
 * event on the item's node (see core/progress/corrections.ts); `undo` reverts it, re-imports keep it.
 */
import { WaymarkError } from '../core/errors.js';
import { NODE_KINDS, type Node, type NodeKind, walkNodes } from '../core/model/roadmap.js';
import { CORRECTION_KEY, isNodeKind } from '../core/progress/corrections.js';
import type { WaymarkEvent } from '../core/progress/events.js';
import { findItem } from './tracking-service.js';
import { stampChange, type Workspace } from './workspace.js';

export type Correction = { type: 'exclude' } | { type: 'include' } | { type: 'kind'; kind: string };

export interface CorrectionResult {
  roadmapId: string;
  nodeId: string;
  title: string;
  before: { kind: NodeKind; trackable: boolean };
  after: { kind: NodeKind; trackable: boolean };
  /** Trackable items beneath it (itself included) whose planning this changes. */
  affected: number;
  /** Empty when the item already was as asked (nothing recorded). */
  events: WaymarkEvent[];
}

function countTrackable(node: Node): number {
  let count = 0;
  for (const { node: inner } of walkNodes([node])) if (inner.trackable) count++;
  return count;
}

/** Checks a kind typed by the learner (USAGE: exit 2, with the kinds to choose from). */
export function parseKind(text: string): NodeKind {
  const kind = text.trim().toLowerCase();
  if (isNodeKind(kind)) return kind;
  throw new WaymarkError(
    'USAGE',
    `"${text}" is not a kind of item.`,
    `Use one of: ${NODE_KINDS.join(', ')} (e.g. \`waymark kind ITEM course\`).`,
  );
}

export function correctItem(workspace: Workspace, ref: string, correction: Correction): CorrectionResult {
  const kind = correction.type === 'kind' ? parseKind(correction.kind) : undefined;
  const { roadmapId, node } = findItem(workspace, ref);
  const before = { kind: node.kind, trackable: node.trackable };
  const already =
    correction.type === 'exclude'
      ? !node.trackable && node.meta?.excluded === 'true'
      : correction.type === 'include'
        ? node.trackable && node.meta?.optional !== 'true'
        : node.kind === kind;
  const events = already
    ? []
    : workspace.store.appendEvents(
        stampChange(workspace, workspace.now.toISOString(), [
          {
            type: 'setting',
            roadmapId,
            nodeId: node.id,
            key: correction.type === 'kind' ? CORRECTION_KEY.kind : CORRECTION_KEY.exclude,
            value: correction.type === 'kind' ? (kind as NodeKind) : correction.type === 'exclude',
          },
        ]),
      );
  const after = findItem(workspace, `${roadmapId}:${node.id}`).node;
  return {
    roadmapId,
    nodeId: node.id,
    title: node.title,
    before,
    after: { kind: after.kind, trackable: after.trackable },
    affected: Math.max(countTrackable(after), countTrackable(node)),
    events,
  };
}
