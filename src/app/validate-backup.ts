/**
 * Checks a backup completely before anything of it is stored, with the rules every other input obeys:
 * roadmap models against the published schema (schema/roadmap.schema.json, the `inspect --json`
 * contract), events through validateEvent (the store's own check, with the CLI's and the API's limits),
 * and the references between them (events on known roadmaps and nodes, undos of earlier changes, sync
 * bases of restored roadmaps). The first problem is named, with where it is.
 */
import { z } from 'zod';
import roadmapJsonSchema from '../../schema/roadmap.schema.json' with { type: 'json' };
import { WaymarkError } from '../core/errors.js';
import { type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { validateEvent, type WaymarkEvent } from '../core/progress/events.js';
import type { RoadmapRecord, SyncBase } from '../store/port.js';

export const BACKUP_FORMAT = 'waymark-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  roadmaps: RoadmapRecord[];
  syncBases: Record<string, SyncBase>;
  events: WaymarkEvent[];
}

/** The roadmap id of settings that apply to every roadmap (see planning-settings.ts). */
const GLOBAL_ROADMAP = '*';
const SHA256 = /^[0-9a-f]{64}$/;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const TOP_KEYS = new Set(['format', 'version', 'exportedAt', 'roadmaps', 'syncBases', 'events']);
const RECORD_KEYS = new Set(['id', 'title', 'sourcePath', 'sha256', 'model', 'importedAt']);
const BASE_KEYS = new Set(['checked', 'sha256', 'syncedAt']);

let modelSchema: z.ZodType | undefined;
/** Built from the published JSON Schema itself, once: the contract and this check cannot drift apart. */
function roadmapModelSchema(): z.ZodType {
  modelSchema ??= z.fromJSONSchema(roadmapJsonSchema as unknown as Parameters<typeof z.fromJSONSchema>[0]);
  return modelSchema;
}

/**
 * The backup in `text`, checked. `latest` is the latest plausible time (now, with a margin for clocks
 * that differ between machines): an event recorded or dated after it is refused, as the CLI refuses the future.
 */
export function validateBackup(text: string, path: string, latest: Date): Backup {
  const fail = (problem: string): never => {
    throw new WaymarkError(
      'INPUT',
      `${path} is not a valid Waymark backup: ${problem}.`,
      'Nothing was restored. Restore a file made by `waymark export --format json --out FILE`, unedited.',
    );
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`invalid JSON (${(error as Error).message})`);
  }
  if (!isObject(value)) return fail('expected a JSON object');
  if (value.format !== BACKUP_FORMAT) return fail(`"format" must be "${BACKUP_FORMAT}"`);
  const version = value.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new WaymarkError(
      'INPUT',
      `${path} was written by a newer Waymark (backup version ${version}; this one reads ${BACKUP_VERSION}).`,
      'Upgrade Waymark, then restore.',
    );
  }
  if (version !== BACKUP_VERSION) {
    return fail(`"version" must be ${BACKUP_VERSION} (got ${JSON.stringify(version ?? null)})`);
  }
  for (const key of Object.keys(value)) if (!TOP_KEYS.has(key)) fail(`unknown field "${key}"`);
  const time = (v: unknown, what: string): string => {
    const ms = typeof v === 'string' && ISO_UTC.test(v) ? Date.parse(v) : Number.NaN;
    if (Number.isNaN(ms)) fail(`${what} must be an ISO-8601 UTC time like 2026-11-20T09:00:00.000Z`);
    if (ms > latest.getTime()) fail(`${what} is in the future (${v})`);
    return v as string;
  };
  time(value.exportedAt, '"exportedAt"');
  if (!Array.isArray(value.roadmaps)) return fail('"roadmaps" must be a list');
  if (!Array.isArray(value.events)) return fail('"events" must be a list');
  const syncBases = value.syncBases ?? {};
  if (!isObject(syncBases)) return fail('"syncBases" must be an object');

  const nodesOf = new Map<string, Set<string>>();
  value.roadmaps.forEach((record, i) => {
    const where = `roadmap ${i + 1} of ${(value.roadmaps as unknown[]).length}`;
    const id = checkRoadmapRecord(record, (problem) => fail(`${where}: ${problem}`), time);
    if (nodesOf.has(id))
      fail(`${where}: the id "${id}" is already taken by an earlier roadmap of the backup`);
    nodesOf.set(
      id,
      nodeIds((record as { model: Roadmap }).model, (problem) => fail(`${where} ("${id}"): ${problem}`)),
    );
  });
  for (const [id, base] of Object.entries(syncBases)) {
    const where = `the sync base of "${id}"`;
    if (!nodesOf.has(id)) fail(`${where}: no roadmap "${id}" in the backup`);
    checkSyncBase(base, (problem) => fail(`${where}: ${problem}`), time);
  }
  checkEvents(value.events, nodesOf, fail, time);
  return value as unknown as Backup;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type TimeCheck = (v: unknown, what: string) => string;

/** Returns the record's id. */
function checkRoadmapRecord(value: unknown, fail: (problem: string) => never, time: TimeCheck): string {
  if (!isObject(value)) return fail('expected an object');
  for (const key of Object.keys(value)) if (!RECORD_KEYS.has(key)) fail(`unknown field "${key}"`);
  const id = value.id;
  if (typeof id !== 'string' || id.trim() === '' || id.length > 200) {
    fail('"id" must be a non-empty string of at most 200 characters');
  }
  if (typeof value.title !== 'string') fail('"title" must be a string');
  if (typeof value.sha256 !== 'string' || !SHA256.test(value.sha256)) {
    fail('"sha256" must be 64 lowercase hex digits');
  }
  time(value.importedAt, '"importedAt"');
  const source = value.sourcePath;
  if (source !== undefined && (typeof source !== 'string' || !isAbsolutePath(source))) {
    fail('"sourcePath" must be an absolute file path');
  }
  const model = roadmapModelSchema().safeParse(value.model);
  if (!model.success) {
    const issue = model.error.issues[0];
    const at = ['model', ...(issue?.path ?? [])].join('.');
    fail(`${at}: ${issue?.message ?? 'does not match the roadmap schema'}`);
  }
  if ((value.model as Roadmap).id !== id) fail(`"model.id" must be the roadmap's id "${id}"`);
  return id as string;
}

/** POSIX (/home/...) or Windows (C:\..., \\server\...) absolute paths. */
function isAbsolutePath(path: string): boolean {
  return path.length < 4096 && !path.includes('\0') && /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path);
}

/** The model's node ids, refusing one used twice (progress is keyed by node id). */
function nodeIds(model: Roadmap, fail: (problem: string) => never): Set<string> {
  const ids = new Set<string>();
  for (const { node } of walkNodes(model.nodes)) {
    if (ids.has(node.id)) fail(`the node id "${node.id}" appears twice`);
    if (node.source.endLine < node.source.line) {
      fail(
        `node "${node.id}" ends (line ${node.source.endLine}) before it starts (line ${node.source.line})`,
      );
    }
    ids.add(node.id);
  }
  return ids;
}

function checkSyncBase(value: unknown, fail: (problem: string) => never, time: TimeCheck): void {
  if (!isObject(value)) fail('expected an object');
  const base = value as Record<string, unknown>;
  for (const key of Object.keys(base)) if (!BASE_KEYS.has(key)) fail(`unknown field "${key}"`);
  if (!isObject(base.checked) || !Object.values(base.checked).every((v) => typeof v === 'boolean')) {
    fail('"checked" must map node ids to true or false');
  }
  if (typeof base.sha256 !== 'string' || !SHA256.test(base.sha256)) {
    fail('"sha256" must be 64 lowercase hex digits');
  }
  time(base.syncedAt, '"syncedAt"');
}

/**
 * Every event valid on its own, in seq order, on a roadmap of the backup (or the global settings), about a
 * node that roadmap has or had (archived or renamed away; `@` ids are reserved for notes like `@retro`),
 * undoing only a change recorded before it.
 */
function checkEvents(
  events: unknown[],
  nodesOf: Map<string, Set<string>>,
  fail: (problem: string) => never,
  time: TimeCheck,
): void {
  const valid = events.map((event, i) => {
    const where = `event ${i + 1} of ${events.length}`;
    try {
      return validateEvent(event, where);
    } catch (error) {
      if (error instanceof WaymarkError)
        return fail(error.message.replace(/^Invalid /, '').replace(/\.$/, ''));
      throw error;
    }
  });
  // A node that was archived or renamed away is no longer in the model, yet its events are history.
  const formerNodes = new Map<string, Set<string>>();
  const former = (roadmapId: string) => {
    const known = formerNodes.get(roadmapId) ?? new Set<string>();
    formerNodes.set(roadmapId, known);
    return known;
  };
  for (const e of valid) {
    if (e.type === 'archive' && e.nodeId) former(e.roadmapId).add(e.nodeId);
    if (e.type === 'rename') former(e.roadmapId).add(e.from).add(e.to);
  }
  const changes = new Set<string>();
  let previousSeq = 0;
  valid.forEach((e, i) => {
    const where = `event ${i + 1} of ${valid.length} (${e.type} "${e.id}")`;
    if (e.seq === undefined || e.seq <= previousSeq) {
      fail(`${where}: "seq" must be present and increase through the backup (after ${previousSeq})`);
    }
    previousSeq = e.seq as number;
    time(e.at, `${where}: "at"`);
    time(e.recordedAt, `${where}: "recordedAt"`);
    const nodes = nodesOf.get(e.roadmapId);
    if (!nodes && e.roadmapId !== GLOBAL_ROADMAP) fail(`${where}: no roadmap "${e.roadmapId}" in the backup`);
    const node = e.nodeId;
    if (
      nodes &&
      node !== null &&
      !node.startsWith('@') &&
      !nodes.has(node) &&
      !former(e.roadmapId).has(node)
    ) {
      fail(`${where}: roadmap "${e.roadmapId}" has no node "${node}"`);
    }
    if (e.type === 'undo' && !changes.has(e.undoes)) {
      fail(`${where}: it undoes "${e.undoes}", which is not a change recorded before it`);
    }
    changes.add(e.changeId);
  });
}
