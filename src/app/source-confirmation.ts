/**
 * A roadmap's source path that arrived with a restored backup is another machine's word (or a crafted
 * file's): it may name any file here. `sync` neither reads nor writes such a path until the learner
 * confirms it on this machine (`waymark sync --relink`); importing the file again confirms it too.
 */
import { WaymarkError } from '../core/errors.js';
import type { RoadmapRecord } from '../store/port.js';
import type { Workspace } from './workspace.js';

export function assertSourceConfirmed(record: RoadmapRecord): void {
  if (!record.sourceUnconfirmed) return;
  throw new WaymarkError(
    'INPUT',
    `"${record.id}" came from a restored backup, which says its file is ${record.sourcePath}; sync does not touch that file until you confirm it is your roadmap's file on this machine.`,
    `If it is, run \`waymark sync ${record.id} --relink\`. If the file is elsewhere, \`waymark import PATH\` it from there (progress follows the items).`,
  );
}

/** The roadmaps whose source path still awaits confirmation. */
export function unconfirmedSources(workspace: Workspace): { id: string; path: string }[] {
  return workspace.store
    .listRoadmaps()
    .filter((record) => record.sourceUnconfirmed && record.sourcePath)
    .map((record) => ({ id: record.id, path: record.sourcePath as string }));
}

/** Confirms the roadmap's source path (NOT_FOUND for an unknown roadmap). True if it was unconfirmed. */
export function confirmSource(workspace: Workspace, roadmapId: string): boolean {
  const { store } = workspace;
  return store.transaction(() => {
    const record = store.getRoadmap(roadmapId);
    if (!record) {
      throw new WaymarkError('NOT_FOUND', `no roadmap "${roadmapId}".`, 'Run `waymark list` to see the ids.');
    }
    if (!record.sourceUnconfirmed) return false;
    const { sourceUnconfirmed: _pending, ...confirmed } = record;
    store.saveRoadmap(confirmed);
    return true;
  });
}
