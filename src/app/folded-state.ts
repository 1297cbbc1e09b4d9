/**
 * The folded progress state, cached in the store by the stamp of the events it was folded from: a
 * command that only reads (`waymark status`) folds 20,000 events once, then reuses the result until an
 * event is added. Stale entries are never used, so the cache can never show old progress.
 */
import { foldEvents, type ProgressState } from '../core/progress/fold.js';
import type { Store } from '../store/port.js';

/** Bump when the fold's rules or ProgressState's shape change, so caches written before are ignored. */
const FOLD_VERSION = 2;

export function foldedState(store: Store, roadmapId?: string): ProgressState {
  const key = `fold:v${FOLD_VERSION}:${roadmapId ?? '*'}`;
  const stamp = store.eventStamp(roadmapId === undefined ? {} : { roadmapId });
  const cached = store.readCache(key);
  if (cached?.stamp === stamp) {
    const state = parseState(cached.value);
    if (state) return state;
  }
  const state = foldEvents(store.listEvents(roadmapId === undefined ? {} : { roadmapId }));
  store.writeCache(key, stamp, serializeState(state));
  return state;
}

interface SerializedState {
  nodes: [string, [string, unknown][]][];
  sessions: unknown[];
  settings: [string, unknown][];
}

export function serializeState(state: ProgressState): string {
  const serialized: SerializedState = {
    nodes: [...state.nodes].map(([roadmapId, nodes]) => [roadmapId, [...nodes]]),
    sessions: state.sessions,
    settings: [...state.settings],
  };
  return JSON.stringify(serialized);
}

export function parseState(text: string): ProgressState | undefined {
  try {
    const parsed = JSON.parse(text) as SerializedState;
    return {
      nodes: new Map(parsed.nodes.map(([roadmapId, nodes]) => [roadmapId, new Map(nodes)])),
      sessions: parsed.sessions,
      settings: new Map(parsed.settings),
    } as ProgressState;
  } catch {
    return undefined; // a damaged entry is just a miss
  }
}
