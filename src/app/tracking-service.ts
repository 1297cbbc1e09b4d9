import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { WaymarkError } from '../core/errors.js';
import { durationText } from '../core/format/duration-text.js';
import { type Node, type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { archivedItems } from '../core/progress/archived-items.js';
import type { EventOfType, EvidenceKind, NewEvent, Status, WaymarkEvent } from '../core/progress/events.js';
import { hasTrackableBelow, isLeaf } from '../core/progress/items.js';
import { parseStudyDuration } from '../core/progress/parse-study-duration.js';
import { type ResolvedItem, type ResolveOptions, resolveItem } from '../core/progress/resolve-item.js';
import { statusTargets } from '../core/progress/status-targets.js';
import { parseWhen } from '../core/time/parse-when.js';
import { checkBackfill, checkDailyTotal } from './backfill-guard.js';
import { utcOffsetMinutes } from './clock.js';
import { foldedState } from './folded-state.js';
import { learnerTimeZone } from './learner-clock.js';
import { leafStatuses, roadmapProgress } from './roadmap-progress.js';
import { loadRoadmaps, selectRoadmaps, stampChange, type Workspace } from './workspace.js';

/**
 * Finds an item among the stored roadmaps (see resolveItem for the reference forms). Archived items are looked
 * up only when nothing live matches; with `{ archived: true }` one is returned, else named in the error.
 */
export function findItem(workspace: Workspace, ref: string, options: ResolveOptions = {}): ResolvedItem {
  return findItems(workspace, [ref], options)[0] as ResolvedItem;
}

/** Finds several items against one listing of the roadmaps (each listing re-reads the store). */
export function findItems(
  workspace: Workspace,
  refs: readonly string[],
  options: ResolveOptions = {},
): ResolvedItem[] {
  const { store } = workspace;
  const roadmaps = loadRoadmaps(store).map(({ model }) => ({
    id: model.id,
    nodes: model.nodes,
    archived: () =>
      archivedItems(store.listEvents({ roadmapId: model.id }), foldedState(store, model.id), model.id),
  }));
  if (roadmaps.length === 0) {
    throw new WaymarkError(
      'NOT_FOUND',
      'no roadmap imported yet.',
      'Run `waymark import FILE` (or `waymark import ai-engineer`).',
    );
  }
  return refs.map((ref) => resolveItem(ref, roadmaps, options));
}

/**
 * When the event happened: `--at` if given, else now. A date far before anything Waymark knows of the
 * learner is refused unless `force` (see backfill-guard.ts).
 */
export function eventTime(workspace: Workspace, at: string | undefined, force = false): string {
  if (at === undefined) return workspace.now.toISOString();
  const when = parseWhen(at, workspace.now, utcOffsetMinutes(workspace.now));
  checkBackfill(workspace, when, at, force);
  return when;
}

function assertHoldsWork(item: ResolvedItem): void {
  if (!item.node.trackable && !hasTrackableBelow(item.node)) {
    throw new WaymarkError(
      'INPUT',
      `${item.roadmapId}:${item.node.id} "${item.node.title}" is ${item.node.kind === 'habit' ? 'a routine habit' : 'information'}, not an item to finish.`,
      `Mark a topic, course, project, certificate or milestone instead, or, if it is work after all, say so: \`waymark include ${item.roadmapId}:${item.node.id}\`.`,
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
  options: { all?: boolean; at?: string; force?: boolean } = {},
): StatusChange {
  if (refs.length === 0)
    throw new WaymarkError('USAGE', 'name at least one item.', 'e.g. `waymark done 2.3.1`');
  const at = eventTime(workspace, options.at, options.force);
  const items = findItems(workspace, refs);
  items.forEach(assertHoldsWork);
  const models = new Map(loadRoadmaps(workspace.store).map(({ model }) => [model.id, model]));
  const targets = new Map<string, ResolvedItem>();
  const named: NamedTarget[] = [];
  // Derived once per roadmap, not per named item: a request may name thousands.
  const derivations = new Map<string, ReturnType<typeof derivationOf>>();
  const derivationOf = (roadmapId: string) => {
    const roadmap = models.get(roadmapId) as Roadmap;
    const state = foldedState(workspace.store, roadmapId);
    const progress = roadmapProgress(roadmap, state);
    const insideExcluded = new Set<Node>();
    for (const option of progress.excluded)
      for (const { node } of walkNodes([option])) insideExcluded.add(node);
    return { progress, leaves: leafStatuses(roadmap, state), insideExcluded };
  };
  for (const item of items) {
    let derived = derivations.get(item.roadmapId);
    if (!derived) {
      derived = derivationOf(item.roadmapId);
      derivations.set(item.roadmapId, derived);
    }
    const { progress, leaves, insideExcluded } = derived;
    const current = (nodeId: string) => {
      const key = `${item.roadmapId}\u0000${nodeId}`;
      return targets.has(key) ? status : (leaves.get(nodeId) ?? 'todo');
    };
    const namedExcluded = insideExcluded.has(item.node);
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

/**
 * The change `waymark undo` reverts: the newest one that still counts (an undo counts too, so a second
 * undo redoes). Called inside the store transaction that records the undo (see undoLastChange).
 */
function undoTarget(workspace: Workspace, expected?: string): string {
  const changeId = workspace.store.lastChange();
  if (!changeId) throw new WaymarkError('INPUT', 'there is nothing to undo.');
  // An Undo button names the change it was shown for: if anything came after (another tab, the CLI),
  // undoing "the last change" would revert something the learner did not mean.
  if (expected !== undefined && changeId !== expected) {
    throw new WaymarkError(
      'CONFLICT',
      'that change is no longer the last one: another change was recorded after it, so it was not undone.',
      'Change the item back directly, or undo the later change first.',
    );
  }
  return changeId;
}

/**
 * `waymark undo`: reverts the last change by recording an undo event (nothing is deleted). The change is
 * chosen and its undo recorded in one write transaction, so two undos at once never revert the same change.
 */
export function undoLastChange(workspace: Workspace, expectedChange?: string): { undone: WaymarkEvent[] } {
  const { store } = workspace;
  return store.transaction(() => {
    const changeId = undoTarget(workspace, expectedChange);
    const undone = store.listEvents().filter((event) => event.changeId === changeId);
    // One undo event per roadmap the change touched, so each roadmap's own event log sees its undo.
    const roadmapIds = [...new Set(undone.map((event) => event.roadmapId))];
    const events = stampChange(
      workspace,
      workspace.now.toISOString(),
      roadmapIds.map((roadmapId) => ({ type: 'undo' as const, roadmapId, nodeId: null, undoes: changeId })),
    );
    store.appendEvents(events);
    return { undone };
  });
}

/**
 * What an undone change was, in words, with the state its items are in now: "done on 1.1 Vectors (now
 * todo)". Status events of one change share a status, so they are told together.
 */
export function describeUndone(workspace: Workspace, undone: readonly WaymarkEvent[]): string[] {
  const models = new Map(loadRoadmaps(workspace.store).map(({ model }) => [model.id, model]));
  const titles = new Map<string, string>();
  const titleOf = (roadmapId: string, nodeId: string) => {
    const key = `${roadmapId}\u0000${nodeId}`;
    if (!titles.has(key)) {
      const model = models.get(roadmapId);
      let title = '';
      for (const { node } of walkNodes(model?.nodes ?? [])) if (node.id === nodeId) title = node.title;
      titles.set(key, title);
    }
    return `${nodeId}${titles.get(key) ? ` ${titles.get(key)}` : ''}`;
  };
  const nowStatus = (roadmapId: string, nodeId: string) => {
    const model = models.get(roadmapId);
    if (!model) return 'todo';
    return roadmapProgress(model, foldedState(workspace.store, roadmapId)).status.get(nodeId) ?? 'todo';
  };
  const lines: string[] = [];
  const statuses = undone.filter((event) => event.type === 'status');
  if (statuses.length > 0) {
    const verb = statuses[0]?.type === 'status' ? STATUS_VERB[statuses[0].status] : '';
    const shown = statuses
      .slice(0, 10)
      .map(
        (event) =>
          `${titleOf(event.roadmapId, event.nodeId as string)} (now ${nowStatus(event.roadmapId, event.nodeId as string)})`,
      );
    const more = statuses.length > 10 ? `; … and ${statuses.length - 10} more` : '';
    lines.push(
      `${verb} on ${statuses.length === 1 ? '' : `${statuses.length} items: `}${shown.join('; ')}${more}`,
    );
  }
  for (const event of undone) {
    const on = event.nodeId
      ? ` on ${titleOf(event.roadmapId, event.nodeId)}`
      : ` on roadmap ${event.roadmapId}`;
    if (event.type === 'log') lines.push(`log of ${durationText(event.minutes)}${on}`);
    else if (event.type === 'note') lines.push(`note${on}`);
    else if (event.type === 'evidence') lines.push(`evidence ${event.ref}${on}`);
    else if (event.type === 'estimate') lines.push(`estimate of ${event.hours} h${on}`);
    else if (event.type === 'setting')
      lines.push(`setting ${event.key}${event.nodeId ? on : ` of ${event.roadmapId}`}`);
    else if (event.type === 'review') lines.push(`review rated ${event.rating}${on}`);
    else if (event.type === 'undo')
      lines.push(
        `undo of an earlier change${event.nodeId ? on : ` in ${event.roadmapId}`} (it counts again)`,
      );
  }
  const renames = undone.filter((event) => event.type === 'rename' || event.type === 'archive').length;
  if (renames > 0) lines.push(`${renames} re-import match${renames === 1 ? '' : 'es'} (moves and archives)`);
  return lines;
}

const STATUS_VERB: Record<Status, string> = { todo: 'reset', doing: 'start', done: 'done', skipped: 'skip' };

export interface LogOptions {
  note?: string;
  at?: string;
  /** The roadmap of time not tied to an item. */
  roadmap?: string;
  force?: boolean;
  /** The learner's time zone, for the 24-hours-a-day limit (default: learnerTimeZone()). */
  timeZone?: string;
}

export interface LoggedTime {
  minutes: number;
  item?: ResolvedItem;
  event: EventOfType<'log'>;
  /** Set when the roadmap was inferred from the one item in progress (the CLI says so). */
  inferredFrom?: ResolvedItem;
}

/** `waymark log DURATION [ITEM] [--roadmap ID] [-m NOTE]`: study time, on an item or on a roadmap. */
export function logTime(
  workspace: Workspace,
  duration: string,
  ref: string | undefined,
  options: LogOptions = {},
): LoggedTime {
  const minutes = parseStudyDuration(duration);
  const at = eventTime(workspace, options.at, options.force);
  const item = ref === undefined ? undefined : findItem(workspace, ref);
  if (item && options.roadmap !== undefined && options.roadmap !== item.roadmapId) {
    throw new WaymarkError(
      'USAGE',
      `${item.roadmapId}:${item.node.id} is in roadmap "${item.roadmapId}", not "${options.roadmap}".`,
      'Give the item or --roadmap, not both.',
    );
  }
  const target = item ? { roadmapId: item.roadmapId } : logRoadmap(workspace, options.roadmap);
  checkDailyTotal(workspace, at, minutes, options.timeZone ?? learnerTimeZone());
  const body: NewEvent extends infer E ? E : never = {
    id: workspace.newId(),
    changeId: workspace.newId(),
    at,
    type: 'log',
    roadmapId: target.roadmapId,
    nodeId: item?.node.id ?? null,
    minutes,
    ...(options.note ? { note: options.note } : {}),
  };
  const [event] = workspace.store.appendEvents([body]);
  return {
    minutes,
    ...(item ? { item } : {}),
    event: event as EventOfType<'log'>,
    ...(target.inferredFrom ? { inferredFrom: target.inferredFrom } : {}),
  };
}

/**
 * The roadmap that time without an item goes to: `--roadmap`, else the only roadmap, else the roadmap of
 * the one item in progress; with several roadmaps and no such item it is refused, naming them.
 */
function logRoadmap(
  workspace: Workspace,
  wanted: string | undefined,
): { roadmapId: string; inferredFrom?: ResolvedItem } {
  if (wanted !== undefined) return { roadmapId: selectRoadmaps(workspace, wanted)[0]?.id as string };
  const roadmaps = loadRoadmaps(workspace.store).map(({ model }) => model);
  if (roadmaps.length === 0) {
    throw new WaymarkError('NOT_FOUND', 'no roadmap imported yet.', 'Run `waymark import FILE` first.');
  }
  if (roadmaps.length === 1) return { roadmapId: (roadmaps[0] as Roadmap).id };
  const doing: ResolvedItem[] = [];
  for (const roadmap of roadmaps) {
    const { status } = roadmapProgress(roadmap, foldedState(workspace.store, roadmap.id));
    for (const { node } of walkNodes(roadmap.nodes))
      if (isLeaf(node) && status.get(node.id) === 'doing') doing.push({ roadmapId: roadmap.id, node });
  }
  const only = doing.length === 1 ? doing[0] : undefined;
  if (only) return { roadmapId: only.roadmapId, inferredFrom: only };
  const ids = roadmaps.map((roadmap) => roadmap.id);
  throw new WaymarkError(
    'USAGE',
    `which roadmap is this time for? You follow ${ids.length}: ${ids.join(', ')}${doing.length > 1 ? `, with ${doing.length} items in progress` : ''}.`,
    `Name the item (\`waymark log 40m ITEM\`) or the roadmap (\`waymark log 40m --roadmap ${ids[0]}\`).`,
  );
}

/** `waymark note ITEM TEXT`. */
export function addNote(
  workspace: Workspace,
  ref: string,
  text: string,
  options: { at?: string; force?: boolean } = {},
) {
  if (text.trim() === '')
    throw new WaymarkError('USAGE', 'the note is empty.', 'e.g. `waymark note 2.3.1 "Sigmoid saturates"`');
  const item = findItem(workspace, ref);
  const at = eventTime(workspace, options.at, options.force);
  const events = stampChange(workspace, at, [
    { type: 'note', roadmapId: item.roadmapId, nodeId: item.node.id, text },
  ]);
  return { item, event: workspace.store.appendEvents(events)[0] as EventOfType<'note'> };
}

const EVIDENCE_KINDS: readonly EvidenceKind[] = ['certificate', 'project', 'commit', 'link', 'file'];

/**
 * `waymark evidence ITEM URL|PATH [--kind K]`: the kind is guessed from the reference when not given. A URL
 * must be http(s); a file must exist and is stored by its absolute path (relative to `cwd`, which the CLI
 * passes; without it, as over the API, only absolute paths are taken). A certificate may be an ID.
 */
export function addEvidence(
  workspace: Workspace,
  ref: string,
  evidence: string,
  options: { kind?: string; at?: string; force?: boolean; cwd?: string } = {},
) {
  const kind = (options.kind ?? guessEvidenceKind(evidence.trim())) as EvidenceKind;
  if (!EVIDENCE_KINDS.includes(kind)) {
    throw new WaymarkError(
      'USAGE',
      `unknown evidence kind "${options.kind}".`,
      `Use one of: ${EVIDENCE_KINDS.join(', ')}.`,
    );
  }
  if (evidence.trim() === '')
    throw new WaymarkError('USAGE', 'the evidence is empty.', 'Give a URL or a file path.');
  const stored = evidenceRef(evidence.trim(), kind, options.cwd);
  const item = findItem(workspace, ref);
  const at = eventTime(workspace, options.at, options.force);
  const events = stampChange(workspace, at, [
    { type: 'evidence', roadmapId: item.roadmapId, nodeId: item.node.id, kind, ref: stored },
  ]);
  return { item, kind, event: workspace.store.appendEvents(events)[0] as EventOfType<'evidence'> };
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const COMMIT = /\/commit\/[0-9a-f]{7,40}\b|^[0-9a-f]{7,40}$/i;

function guessEvidenceKind(ref: string): EvidenceKind {
  if (COMMIT.test(ref)) return 'commit';
  if (URL_LIKE.test(ref)) return /certificat|credential|badge|verify/i.test(ref) ? 'certificate' : 'link';
  return 'file';
}

/** What is stored for a reference of a kind, or a refusal that says what would be taken. */
function evidenceRef(ref: string, kind: EvidenceKind, cwd: string | undefined): string {
  const forms = 'Give an http(s) URL, a commit hash, or the path of a file that exists.';
  if (URL_LIKE.test(ref)) {
    let url: URL | undefined;
    try {
      url = new URL(ref);
    } catch {}
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
      throw new WaymarkError('INPUT', `"${ref}" is not an http(s) URL.`, forms);
    return ref;
  }
  if (kind === 'commit' && COMMIT.test(ref)) return ref;
  if (kind === 'certificate' && !/[\\/]/.test(ref)) return ref; // a credential ID
  if (kind === 'link') throw new WaymarkError('INPUT', `"${ref}" is not a URL.`, forms);
  if (!isAbsolute(ref) && cwd === undefined) {
    throw new WaymarkError('INPUT', `"${ref}" is not an absolute path.`, 'Give the full path of the file.');
  }
  const path = resolve(cwd ?? '/', ref);
  if (!existsSync(path)) {
    throw new WaymarkError(
      'INPUT',
      `"${ref}" is neither a URL nor a file that exists (looked for ${path}).`,
      forms,
    );
  }
  return path;
}
