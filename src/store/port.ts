/**
 * The storage port: what the application needs from a store, nothing more.
 *
 * Synchronous on purpose: better-sqlite3 (the default, embedded adapter) is synchronous, and a
 * synchronous store makes a use case's transaction a plain function call in which nothing can interleave.
 * The hosted PostgreSQL adapter cannot be synchronous; it will implement an async twin of this interface
 * (the same methods returning promises, `transaction` taking an async function) behind which the server's
 * use cases run. Keeping this port small keeps that twin, and the shared contract suite, small.
 */
import type { NewEvent, WaymarkEvent } from '../core/progress/events.js';

export interface RoadmapRecord {
  id: string;
  title: string;
  sourcePath?: string;
  /**
   * True when `sourcePath` came with a restored backup and the learner has not yet confirmed, on this
   * machine, that it is their roadmap's file: `sync` neither reads nor writes it until then.
   */
  sourceUnconfirmed?: boolean;
  sha256: string;
  /** The imported roadmap model (see core/model/roadmap.ts), stored as JSON. */
  model: unknown;
  importedAt: string;
}

/** What the Markdown file said at the last sync: the three-way merge base for write-back. */
export interface SyncBase {
  /** nodeId -> checkbox state. */
  checked: Record<string, boolean>;
  sha256: string;
  syncedAt: string;
}

export interface EventFilter {
  roadmapId?: string;
  /** Only events with a `seq` greater than this. */
  sinceSeq?: number;
}

/** What `Store.changeMark` returns: equal marks mean nothing was written in between, by any process. */
export interface ChangeMark {
  /** The highest event `seq` stored, 0 when there is none. */
  seq: number;
  /** A fingerprint of the stored roadmaps: changes on import, re-import and removal. */
  roadmaps: string;
}

export interface Store {
  /**
   * Validates and appends the events in one transaction, all or none; durable when it returns. Assigns
   * `seq` (strictly increasing) and `recordedAt`. Throws INPUT for an invalid event, CONFLICT for an id
   * already stored or when the store stays busy.
   */
  appendEvents(events: readonly NewEvent[]): WaymarkEvent[];
  /**
   * Restores backed-up events exactly as they were (`seq` and `recordedAt` kept), all or none. Only into a
   * store that holds no events yet, so restored seqs can never collide with or reorder existing ones.
   * Throws CONFLICT if the store has events, INPUT for an invalid event or a seq out of order.
   */
  restoreEvents(events: readonly WaymarkEvent[]): void;
  /**
   * A fingerprint of the events matching the filter that changes whenever one is added: the log is
   * append-only and a new event's seq is above every stored one, so the highest seq names the set.
   */
  eventStamp(filter?: Pick<EventFilter, 'roadmapId'>): string;
  /**
   * A cache of values derived from the log (e.g. the folded state), tagged with the stamp they were derived
   * from. Purely an optimization: an adapter may drop entries at any time; writes never fail loudly.
   */
  readCache(key: string): { stamp: string; value: string } | undefined;
  writeCache(key: string, stamp: string, value: string): void;
  /** Events in `seq` order. */
  listEvents(filter?: EventFilter): WaymarkEvent[];
  /**
   * The change to revert on `waymark undo`: the latest change that is not undone and is not itself
   * only undo events (so repeated undos walk back through history instead of redoing).
   */
  lastChange(roadmapId?: string): string | undefined;
  /** Cheap change detection (one indexed read) for live views and caches: see ChangeMark. */
  changeMark(): ChangeMark;
  /** Inserts or replaces the roadmap with this id. */
  saveRoadmap(record: RoadmapRecord): void;
  getRoadmap(id: string): RoadmapRecord | undefined;
  /** By import time, then id. */
  listRoadmaps(): RoadmapRecord[];
  /** Forgets the roadmap and its sync base; its events stay (the log is append-only). True if it existed. */
  removeRoadmap(id: string): boolean;
  getSyncBase(roadmapId: string): SyncBase | undefined;
  setSyncBase(roadmapId: string, base: SyncBase): void;
  /**
   * Runs `fn` (synchronous) in one write transaction: commits on return, rolls back if it throws. Nests.
   * It starts by taking the write lock (BEGIN IMMEDIATE), so what `fn` reads is the latest state and
   * no other process can write between those reads and `fn`'s writes: a choice made from the log (the
   * change `undo` reverts, a free roadmap id) cannot be made twice by two processes at once.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Runs `fn` (synchronous, reads only) against one consistent snapshot, without the write lock: a change
   * another process makes meanwhile is either wholly visible or not at all. Works on a read-only store.
   */
  readTransaction<T>(fn: () => T): T;
  close(): void;
}
