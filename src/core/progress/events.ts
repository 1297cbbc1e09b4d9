/**
 * The progress event log: every change a learner makes is one immutable event. Current state is a fold
 * over the log (see fold.ts); nothing is updated in place.
 */
import { WaymarkError } from '../errors.js';
import { EARLIEST_EVENT_YEAR } from '../time/parse-when.js';
import { MAX_LOG_MINUTES } from './parse-study-duration.js';

export const EVENT_TYPES = [
  'status',
  'log',
  'note',
  'evidence',
  'estimate',
  'undo',
  'rename',
  'archive',
  'setting',
  'review',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const STATUSES = ['todo', 'doing', 'done', 'skipped'] as const;
export type Status = (typeof STATUSES)[number];

export const EVIDENCE_KINDS = ['certificate', 'project', 'commit', 'link', 'file'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export type ReviewRating = 1 | 2 | 3 | 4;

interface EventBase<N extends string | null> {
  id: string;
  roadmapId: string;
  nodeId: N;
  /** ISO-8601 UTC: when it happened (may be backfilled, so it can be earlier than older events). */
  at: string;
  /** ISO-8601 UTC: when the store recorded it. */
  recordedAt: string;
  /** Groups the events of one user action; undo reverts a whole change. */
  changeId: string;
  /** Assigned by the store, strictly increasing. */
  seq?: number;
}

type NodeEvent = EventBase<string>;
type AnyEvent = EventBase<string | null>;

export type StatusEvent = NodeEvent & { type: 'status'; status: Status };
/**
 * Time logged; `nodeId` is null for time not tied to an item. `kind: 'review'` is spaced-review time (a
 * review session): study time of the day, but not work on the roadmap (ARCHITECTURE.md, "Progress semantics").
 */
export type LogEvent = AnyEvent & { type: 'log'; minutes: number; note?: string; kind?: LogKind };
export const LOG_KINDS = ['study', 'review'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

/** Review-session logs written before logs had a kind carry only their note ("Review session: 3 cards"). */
const LEGACY_REVIEW_NOTE = /^Review session: \d+ cards?\b/;

/** Whether a log is review time rather than work on its roadmap. */
export function isReviewLog(event: { nodeId: string | null; kind?: LogKind; note?: string }): boolean {
  if (event.kind !== undefined) return event.kind === 'review';
  return event.nodeId === null && LEGACY_REVIEW_NOTE.test(event.note ?? '');
}
export type NoteEvent = NodeEvent & { type: 'note'; text: string };
export type EvidenceEvent = NodeEvent & { type: 'evidence'; kind: EvidenceKind; ref: string };
export type EstimateEvent = NodeEvent & { type: 'estimate'; hours: number };
/**
 * Cancels every event of change `undoes` (an earlier change). A change that spans several roadmaps is
 * undone by one undo event per roadmap (all in one change), so a fold of one roadmap's events sees it.
 */
export type UndoEvent = AnyEvent & { type: 'undo'; undoes: string };
/**
 * Re-import followed a moved item, or the learner re-attached an archived one (`waymark reattach`): the
 * progress of node `from` now belongs to `to`, and is live again. `from === to` brings an archived node back
 * in place (its line returned to the file).
 */
export type RenameEvent = AnyEvent & { type: 'rename'; from: string; to: string };
/**
 * The node left the roadmap on re-import: its progress is kept but hidden. `title` and `path` (the titles of
 * its ancestors) say what it was, so `show` and `list --archived` can still name it.
 */
export type ArchiveEvent = NodeEvent & { type: 'archive'; title?: string; path?: string[] };
/** Planner input (capacity, goal, elective choice…): roadmap-wide when `nodeId` is null. */
export type SettingEvent = AnyEvent & { type: 'setting'; key: string; value: unknown };
export type ReviewEvent = NodeEvent & { type: 'review'; rating: ReviewRating };

export type WaymarkEvent =
  | StatusEvent
  | LogEvent
  | NoteEvent
  | EvidenceEvent
  | EstimateEvent
  | UndoEvent
  | RenameEvent
  | ArchiveEvent
  | SettingEvent
  | ReviewEvent;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The event of one type: what a use case that records that type returns (the API's answer is typed by it). */
export type EventOfType<T extends WaymarkEvent['type']> = Extract<WaymarkEvent, { type: T }>;

/** An event as the application hands it to the store, which assigns `seq` and `recordedAt`. */
export type NewEvent = DistributiveOmit<WaymarkEvent, 'seq' | 'recordedAt'>;

const BASE_KEYS = ['id', 'roadmapId', 'nodeId', 'type', 'at', 'recordedAt', 'changeId', 'seq'];
const NODE_SCOPED = new Set<EventType>(['status', 'note', 'evidence', 'estimate', 'archive', 'review']);
const TYPE_KEYS: Record<EventType, { required: string[]; optional?: string[] }> = {
  status: { required: ['status'] },
  log: { required: ['minutes'], optional: ['note', 'kind'] },
  note: { required: ['text'] },
  evidence: { required: ['kind', 'ref'] },
  estimate: { required: ['hours'] },
  undo: { required: ['undoes'] },
  rename: { required: ['from', 'to'] },
  archive: { required: [], optional: ['title', 'path'] },
  setting: { required: ['key', 'value'] },
  review: { required: ['rating'] },
};
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/** Limits every event obeys, whoever sends it (CLI, API, a restored backup): the same as their inputs'. */
export const EVENT_LIMITS = {
  /** A log event's minutes: one study session. */
  logMinutes: MAX_LOG_MINUTES,
  /** An estimate's hours. */
  estimateHours: 10_000,
  /** A note's text and a log's note. */
  noteChars: 20_000,
  /** An evidence reference (URL, path, commit). */
  refChars: 2_000,
} as const;

/**
 * Checks an untrusted value (a backup line, an API body) and returns a well-formed event. Times are
 * normalized to `Date#toISOString()` form so that they sort as plain strings. Unknown fields are
 * refused rather than dropped, so a restore never loses data silently.
 */
export function validateEvent(value: unknown, where = 'event'): WaymarkEvent {
  const fail = (problem: string): never => {
    throw new WaymarkError('INPUT', `Invalid ${where}: ${problem}.`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('expected a JSON object');
  const o = value as Record<string, unknown>;
  const type = o.type;
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    fail(`"type" must be one of ${EVENT_TYPES.join(', ')} (got ${JSON.stringify(type)})`);
  }
  const t = type as EventType;
  const where2 = typeof o.id === 'string' ? `${t} event "${o.id}"` : `${t} event`;
  const bad = (problem: string): never => fail(`${where2}: ${problem}`);

  const spec = TYPE_KEYS[t];
  const allowed = new Set([...BASE_KEYS, ...spec.required, ...(spec.optional ?? [])]);
  // A key holding `undefined` counts as absent, as it would after a JSON round trip.
  for (const key of Object.keys(o))
    if (o[key] !== undefined && !allowed.has(key)) bad(`unknown field "${key}"`);
  for (const key of spec.required) if (o[key] === undefined) bad(`missing field "${key}"`);

  const text = (key: string): string => {
    const v = o[key];
    if (typeof v !== 'string' || v.length === 0) bad(`"${key}" must be a non-empty string`);
    return v as string;
  };
  const time = (key: string): string => {
    const v = o[key];
    const ms = typeof v === 'string' && ISO_UTC.test(v) ? Date.parse(v) : Number.NaN;
    // Date.parse rolls 2025-02-30 over to March: compare the fields to catch it.
    const iso = Number.isNaN(ms) ? '' : new Date(ms).toISOString();
    if (typeof v !== 'string' || iso.slice(0, 19) !== v.slice(0, 19))
      bad(`"${key}" must be an ISO-8601 UTC time like 2025-01-31T09:00:00.000Z`);
    if (Number(iso.slice(0, 4)) < EARLIEST_EVENT_YEAR)
      bad(`"${key}" must be from ${EARLIEST_EVENT_YEAR} on (got ${JSON.stringify(v)})`);
    return iso;
  };
  const positive = (key: string, allowZero: boolean, max: number): number => {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
      bad(`"${key}" must be a ${allowZero ? 'non-negative' : 'positive'} number`);
    }
    if ((v as number) > max) bad(`"${key}" must be at most ${max} (got ${v})`);
    return v as number;
  };
  const bounded = (key: string, max: number): string => {
    const v = text(key);
    if (v.length > max) bad(`"${key}" must be at most ${max} characters (got ${v.length})`);
    return v;
  };
  const oneOf = <T extends string>(key: string, options: readonly T[]): T => {
    const v = o[key];
    if (!options.includes(v as T)) bad(`"${key}" must be one of ${options.join(', ')}`);
    return v as T;
  };

  const nodeId = o.nodeId;
  if (nodeId !== null && (typeof nodeId !== 'string' || nodeId.length === 0)) {
    bad('"nodeId" must be a non-empty string or null');
  }
  if (nodeId === null && NODE_SCOPED.has(t)) bad('"nodeId" is required for this type');
  const seq = o.seq;
  if (seq !== undefined && !(Number.isSafeInteger(seq) && (seq as number) > 0)) {
    bad('"seq" must be a positive integer');
  }

  // Built key by key in one fixed order so every event of a type shares a shape: folds stay fast.
  const event: Record<string, unknown> = {
    id: text('id'),
    roadmapId: text('roadmapId'),
    nodeId,
    type: t,
    at: time('at'),
    recordedAt: time('recordedAt'),
    changeId: text('changeId'),
  };
  if (seq !== undefined) event.seq = seq;
  switch (t) {
    case 'status':
      event.status = oneOf('status', STATUSES);
      break;
    case 'log':
      event.minutes = positive('minutes', false, EVENT_LIMITS.logMinutes);
      if (o.note !== undefined && typeof o.note !== 'string') bad('"note" must be a string');
      if (typeof o.note === 'string' && o.note.length > EVENT_LIMITS.noteChars)
        bad(`"note" must be at most ${EVENT_LIMITS.noteChars} characters (got ${o.note.length})`);
      if (o.note !== undefined) event.note = o.note;
      if (o.kind !== undefined) event.kind = oneOf('kind', LOG_KINDS);
      break;
    case 'note':
      event.text = bounded('text', EVENT_LIMITS.noteChars);
      break;
    case 'evidence':
      event.kind = oneOf('kind', EVIDENCE_KINDS);
      event.ref = bounded('ref', EVENT_LIMITS.refChars);
      break;
    case 'estimate':
      event.hours = positive('hours', true, EVENT_LIMITS.estimateHours);
      break;
    case 'undo':
      event.undoes = text('undoes');
      break;
    case 'rename':
      event.from = text('from');
      event.to = text('to');
      break;
    case 'archive':
      if (o.title !== undefined) event.title = text('title');
      if (o.path !== undefined) {
        if (!Array.isArray(o.path) || o.path.some((title) => typeof title !== 'string'))
          bad('"path" must be a list of titles');
        event.path = o.path;
      }
      break;
    case 'setting':
      event.key = text('key');
      if (!isJson(o.value)) bad('"value" must be a JSON value');
      event.value = o.value;
      break;
    case 'review':
      if (![1, 2, 3, 4].includes(o.rating as number)) bad('"rating" must be 1, 2, 3 or 4');
      event.rating = o.rating;
      break;
  }
  return event as unknown as WaymarkEvent;
}

function isJson(value: unknown): boolean {
  try {
    return value !== undefined && JSON.stringify(value) !== undefined;
  } catch {
    return false; // cycles, BigInt
  }
}
