import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { WaymarkError } from '../core/errors.js';
import type { Roadmap } from '../core/model/roadmap.js';
import type { NewEvent } from '../core/progress/events.js';
import { defaultStorePath } from '../store/default-store-path.js';
import type { RoadmapRecord, Store } from '../store/port.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { clockNow } from './clock.js';
import { correctedModel } from './corrected-model.js';

/** What every use case works with: the store, the clock, and fresh ids. */
export interface Workspace {
  store: Store;
  now: Date;
  newId(): string;
}

export interface WorkspaceOptions {
  db?: string;
  env?: NodeJS.ProcessEnv;
  /** For use cases that only read: the store is opened read-only (see openSqliteStore). */
  readOnly?: boolean;
}

export function storePath(options: WorkspaceOptions): string {
  return options.db ?? defaultStorePath(options.env ?? process.env, process.platform, homedir());
}

/** Opens the local store (creating it on first write) with the real or frozen clock. */
export function openWorkspace(options: WorkspaceOptions = {}): Workspace {
  const env = options.env ?? process.env;
  const now = clockNow(env);
  const store = openSqliteStore(storePath(options), { readOnly: options.readOnly === true });
  return { store, now, newId: randomUUID };
}

export interface LoadedRoadmap {
  record: RoadmapRecord;
  model: Roadmap;
}

/** Every stored roadmap with its model as the learner corrected it (corrected-model.ts). */
export function loadRoadmaps(store: Store): LoadedRoadmap[] {
  return store.listRoadmaps().map((record) => ({ record, model: correctedModel(store, record) }));
}

type EventBody = NewEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'id' | 'changeId' | 'at'>
    : never
  : never;

/** Stamps events of one user action with ids, one shared change id, and the time they happened. */
export function stampChange(workspace: Workspace, at: string, bodies: readonly EventBody[]): NewEvent[] {
  const changeId = workspace.newId();
  return bodies.map((body) => ({ ...body, id: workspace.newId(), changeId, at }) as NewEvent);
}

/** Every stored roadmap model, or just the one asked for (NOT_FOUND, naming the known ids, if absent). */
export function selectRoadmaps(workspace: Workspace, roadmapId: string | undefined): Roadmap[] {
  const all = loadRoadmaps(workspace.store).map(({ model }) => model);
  if (roadmapId === undefined) return all;
  const one = all.find((roadmap) => roadmap.id === roadmapId);
  if (!one) {
    throw new WaymarkError(
      'NOT_FOUND',
      `no roadmap "${roadmapId}".`,
      all.length
        ? `Known: ${all.map((roadmap) => roadmap.id).join(', ')}`
        : 'Import one with `waymark import FILE`.',
    );
  }
  return [one];
}
