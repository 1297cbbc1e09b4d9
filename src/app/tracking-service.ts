import { WaymarkError } from '../core/errors.js';
import type { Node } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import type { EvidenceKind, NewEvent, Status, WaymarkEvent } from '../core/progress/events.js';
import { parseStudyDuration } from '../core/progress/parse-study-duration.js';
import { type ResolvedItem, resolveItem } from '../core/progress/resolve-item.js';
import { parseWhen } from '../core/time/parse-when.js';
import { utcOffsetMinutes } from './clock.js';
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

function assertTrackable(item: ResolvedItem): void {
  if (!item.node.trackable) {
    throw new WaymarkError(
      'INPUT',
      `${item.roadmapId}:${item.node.id} "${item.node.title}" is ${item.node.kind === 'habit' ? 'a routine habit' : 'information'}, not an item to finish.`,
      `Mark a topic, course, project, certificate or milestone instead, or, if it is work after all, say so: \`waymark include ${item.roadmapId}:${item.node.id}\`.`,
    );
  }
}

export interface StatusChange {
  items: ResolvedItem[];
  events: WaymarkEvent[];
}

/** `waymark start|done|skip|reset ITEM... [--all]`: one change, so one `undo` reverts it all. */
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
  items.forEach(assertTrackable);
  const targets = new Map<string, ResolvedItem>();
  for (const item of items) {
    const nodes: Node[] = options.all ? [...walkNodes([item.node])].map((entry) => entry.node) : [item.node];
    for (const node of nodes) {
      if (node.trackable)
        targets.set(`${item.roadmapId}\u0000${node.id}`, { roadmapId: item.roadmapId, node });
    }
  }
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
  return { items: [...targets.values()], events: workspace.store.appendEvents(events) };
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
