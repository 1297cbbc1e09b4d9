import { WaymarkError } from '../core/errors.js';
import { type Roadmap, walkNodes } from '../core/model/roadmap.js';
import type { EvidenceKind, NewEvent, Status, WaymarkEvent } from '../core/progress/events.js';
import { hasTrackableBelow } from '../core/progress/items.js';
import { parseStudyDuration } from '../core/progress/parse-study-duration.js';
import { type ResolvedItem, resolveItem } from '../core/progress/resolve-item.js';
import { statusTargets } from '../core/progress/status-targets.js';
import { parseWhen } from '../core/time/parse-when.js';
import { utcOffsetMinutes } from './clock.js';
import { foldedState } from './folded-state.js';
import { leafStatuses, roadmapProgress } from './roadmap-progress.js';
import { loadRoadmaps, stampChange, type Workspace } from './workspace.js';

/** Finds items among the stored roadmaps (see resolveItem for the reference forms). */
export function findItem(workspace: Workspace, ref: string): ResolvedItem {
  const roadmaps = loadRoadmaps(workspace.store).map(({ model }) => ({ id: model.id, nodes: model.nodes }));
  if (roadmaps.length === 0) {
    throw new WaymarkError(
      'NOT_FOUND',
      'no roadmap imported yet.',
      'Run `waymark import FILE` (or `waymark import ai-engineer`).',
    );
  }
  return resolveItem(ref, roadmaps);
}

/** When the event happened: `--at` if given, else now. */
export function eventTime(workspace: Workspace, at: string | undefined): string {
  return at === undefined
    ? workspace.now.toISOString()
    : parseWhen(at, workspace.now, utcOffsetMinutes(workspace.now));
}

function assertHoldsWork(item: ResolvedItem): void {
  if (!item.node.trackable && !hasTrackableBelow(item.node)) {
    throw new WaymarkError(
      'INPUT',
      `${item.roadmapId}:${item.node.id} "${item.node.title}" is ${item.node.kind === 'habit' ? 'a routine habit' : 'information'}, not an item to finish.`,
      'Mark a topic, course, project, certificate or milestone instead.',
    );
  }
}

export interface NamedTarget {
  /** What the learner named. */
  item: ResolvedItem;
  /** The leaves beneath it (or itself) whose status changed. */
  changed: number;
  /** The leaves beneath it that kept their status (already there). */
  unchanged: number;
}

export interface StatusChange {
  /** The leaves whose status changed (one event each). */
  items: ResolvedItem[];
  events: WaymarkEvent[];
  /** Per item named: how many leaves it changed, and how many were already there. */
  named: NamedTarget[];
}

/**
 * `waymark start|done|skip|reset ITEM...`: one change, so one `undo` reverts it all. Status is recorded on
 * leaves (ARCHITECTURE.md, "Progress semantics"): naming a parent acts on the leaves beneath it
 * (statusTargets), and a leaf already at the status records nothing. `all` is kept for older scripts:
 * a parent always acts on everything beneath it.
 */
export function setStatus(
  workspace: Workspace,
  refs: readonly string[],
  status: Status,
  options: { all?: boolean; at?: string } = {},
): StatusChange {
  if (refs.length === 0)
    throw new WaymarkError('USAGE', 'name at least one item.', 'e.g. `waymark done 2.3.1`');
  const at = eventTime(workspace, options.at);
  const items = refs.map((ref) => findItem(workspace, ref));
  items.forEach(assertHoldsWork);
  const models = new Map(loadRoadmaps(workspace.store).map(({ model }) => [model.id, model]));
  const targets = new Map<string, ResolvedItem>();
  const named: NamedTarget[] = [];
  for (const item of items) {
    const roadmap = models.get(item.roadmapId) as Roadmap;
    const state = foldedState(workspace.store, item.roadmapId);
    const progress = roadmapProgress(roadmap, state);
    const leaves = leafStatuses(roadmap, state);
    const current = (nodeId: string) => {
      const key = `${item.roadmapId}\u0000${nodeId}`;
      return targets.has(key) ? status : (leaves.get(nodeId) ?? 'todo');
    };
    const namedExcluded = [...progress.excluded].some((option) =>
      [...walkNodes([option])].some((entry) => entry.node === item.node),
    );
    const { change, unchanged } = statusTargets(item.node, status, current, progress.excluded, namedExcluded);
    for (const node of change)
      targets.set(`${item.roadmapId}\u0000${node.id}`, { roadmapId: item.roadmapId, node });
    named.push({ item, changed: change.length, unchanged: unchanged.length });
  }
  if (targets.size === 0) return { items: [], events: [], named };
  const events = stampChange(
    workspace,
    at,
    [...targets.values()].map((target) => ({
      type: 'status' as const,
      roadmapId: target.roadmapId,
      nodeId: target.node.id,
      status,
    })),
  );
  return { items: [...targets.values()], events: workspace.store.appendEvents(events), named };
}

/** `waymark undo`: reverts the last change by recording an undo event (nothing is deleted). */
export function undoLastChange(workspace: Workspace): { undone: WaymarkEvent[] } {
  const changeId = workspace.store.lastChange();
  if (!changeId) throw new WaymarkError('INPUT', 'there is nothing to undo.');
  const undone = workspace.store.listEvents().filter((event) => event.changeId === changeId);
  // One undo event per roadmap the change touched, so each roadmap's own event log sees its undo.
  const roadmapIds = [...new Set(undone.map((event) => event.roadmapId))];
  const events = stampChange(
    workspace,
    workspace.now.toISOString(),
    roadmapIds.map((roadmapId) => ({ type: 'undo' as const, roadmapId, nodeId: null, undoes: changeId })),
  );
  workspace.store.appendEvents(events);
  return { undone };
}

/** `waymark log DURATION [ITEM] [-m NOTE]`. */
export function logTime(
  workspace: Workspace,
  duration: string,
  ref: string | undefined,
  options: { note?: string; at?: string } = {},
): { minutes: number; item?: ResolvedItem; event: WaymarkEvent } {
  const minutes = parseStudyDuration(duration);
  const at = eventTime(workspace, options.at);
  const item = ref === undefined ? undefined : findItem(workspace, ref);
  const roadmapId = item?.roadmapId ?? loadRoadmaps(workspace.store)[0]?.model.id;
  if (!roadmapId) {
    throw new WaymarkError('NOT_FOUND', 'no roadmap imported yet.', 'Run `waymark import FILE` first.');
  }
  const body: NewEvent extends infer E ? E : never = {
    id: workspace.newId(),
    changeId: workspace.newId(),
    at,
    type: 'log',
    roadmapId,
    nodeId: item?.node.id ?? null,
    minutes,
    ...(options.note ? { note: options.note } : {}),
  };
  const [event] = workspace.store.appendEvents([body]);
  return { minutes, ...(item ? { item } : {}), event: event as WaymarkEvent };
}

/** `waymark note ITEM TEXT`. */
export function addNote(workspace: Workspace, ref: string, text: string, options: { at?: string } = {}) {
  if (text.trim() === '')
    throw new WaymarkError('USAGE', 'the note is empty.', 'e.g. `waymark note 2.3.1 "Sigmoid saturates"`');
  const item = findItem(workspace, ref);
  const at = eventTime(workspace, options.at);
  const events = stampChange(workspace, at, [
    { type: 'note', roadmapId: item.roadmapId, nodeId: item.node.id, text },
  ]);
  return { item, event: workspace.store.appendEvents(events)[0] as WaymarkEvent };
}

const EVIDENCE_KINDS: readonly EvidenceKind[] = ['certificate', 'project', 'commit', 'link', 'file'];

/** `waymark evidence ITEM URL|PATH [--kind K]`: the kind is guessed from the reference when not given. */
export function addEvidence(
  workspace: Workspace,
  ref: string,
  evidence: string,
  options: { kind?: string; at?: string } = {},
) {
  const kind = (options.kind ?? guessEvidenceKind(evidence)) as EvidenceKind;
  if (!EVIDENCE_KINDS.includes(kind)) {
    throw new WaymarkError(
      'USAGE',
      `unknown evidence kind "${options.kind}".`,
      `Use one of: ${EVIDENCE_KINDS.join(', ')}.`,
    );
  }
  if (evidence.trim() === '')
    throw new WaymarkError('USAGE', 'the evidence is empty.', 'Give a URL or a file path.');
  const item = findItem(workspace, ref);
  const at = eventTime(workspace, options.at);
  const events = stampChange(workspace, at, [
    { type: 'evidence', roadmapId: item.roadmapId, nodeId: item.node.id, kind, ref: evidence.trim() },
  ]);
  return { item, kind, event: workspace.store.appendEvents(events)[0] as WaymarkEvent };
}

function guessEvidenceKind(ref: string): EvidenceKind {
  if (/\/commit\/[0-9a-f]{7,40}\b|^[0-9a-f]{7,40}$/i.test(ref)) return 'commit';
  if (/^https?:\/\//i.test(ref))
    return /certificat|credential|badge|verify/i.test(ref) ? 'certificate' : 'link';
  return 'file';
}
