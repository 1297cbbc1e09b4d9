import { resolve } from 'node:path';
import { type ImportWarning, importRoadmap } from '../core/markdown/import-roadmap.js';
import { type Roadmap, walkNodes } from '../core/model/roadmap.js';
import { matchReimport, type ReimportMatch } from '../core/progress/match-reimport.js';
import { resolveRoadmapPath } from './bundled-roadmaps.js';
import { correctedModel } from './corrected-model.js';
import { readRoadmapFile } from './read-roadmap-file.js';
import { stampChange, type Workspace } from './workspace.js';

export interface ImportSummary {
  roadmap: Roadmap;
  created: boolean;
  unchanged: boolean;
  match?: ReimportMatch;
  warnings: ImportWarning[];
}

/**
 * Adds a roadmap to the store, or re-imports an edited one: progress follows moved and renamed items
 * (rename events) and the progress of removed items is archived (archive events), all as one change.
 */
export function importRoadmapFile(
  workspace: Workspace,
  pathOrName: string,
  options: { id?: string } = {},
): ImportSummary {
  const path = resolve(resolveRoadmapPath(pathOrName));
  const file = readRoadmapFile(path);
  const { roadmap: parsed, warnings } = importRoadmap(file.text, { path, sha256: file.sha256 });
  const { store } = workspace;
  const existing = store.listRoadmaps().find((record) => record.sourcePath === path);
  const roadmap: Roadmap = { ...parsed, id: options.id ?? existing?.id ?? freeId(workspace, parsed.id) };
  const record = {
    id: roadmap.id,
    title: roadmap.title,
    sourcePath: path,
    sha256: file.sha256,
    model: roadmap,
    importedAt: workspace.now.toISOString(),
  };
  if (!existing) {
    importCheckedBoxes(workspace, roadmap, file.sha256, () => store.saveRoadmap(record));
    return { roadmap, created: true, unchanged: false, warnings };
  }
  const previous = existing.model as Roadmap;
  const match = matchReimport(previous.nodes, roadmap.nodes);
  const at = workspace.now.toISOString();
  const events = stampChange(workspace, at, [
    ...match.moved.map((move) => ({
      type: 'rename' as const,
      roadmapId: roadmap.id,
      nodeId: null,
      from: move.from,
      to: move.to,
    })),
    ...match.archived.map((nodeId) => ({ type: 'archive' as const, roadmapId: roadmap.id, nodeId })),
  ]);
  store.transaction(() => {
    if (events.length > 0) store.appendEvents(events);
    store.saveRoadmap(record);
  });
  // The learner's corrections followed the renames: report the roadmap as they corrected it.
  return {
    roadmap: correctedModel(store, record),
    created: false,
    unchanged: existing.sha256 === file.sha256,
    match,
    warnings,
  };
}

/** Two different files with the same name ("README.md") get "readme", "readme-2", ... */
function freeId(workspace: Workspace, wanted: string): string {
  const taken = new Set(workspace.store.listRoadmaps().map((record) => record.id));
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  return id;
}

/**
 * A first import takes the roadmap as it is: boxes already ticked become `done` (one change, undoable),
 * and the file's boxes become the sync base, so the first `waymark sync` does not see them as new edits.
 */
function importCheckedBoxes(workspace: Workspace, roadmap: Roadmap, sha256: string, save: () => void): void {
  const { store } = workspace;
  const boxed = [...walkNodes(roadmap.nodes)]
    .map(({ node }) => node)
    .filter((node) => node.checked !== undefined);
  const at = workspace.now.toISOString();
  const done = stampChange(
    workspace,
    at,
    boxed
      .filter((node) => node.checked === true)
      .map((node) => ({
        type: 'status' as const,
        roadmapId: roadmap.id,
        nodeId: node.id,
        status: 'done' as const,
      })),
  );
  store.transaction(() => {
    save();
    if (done.length > 0) store.appendEvents(done);
    store.setSyncBase(roadmap.id, {
      checked: Object.fromEntries(boxed.map((node) => [node.id, node.checked === true])),
      sha256,
      syncedAt: new Date().toISOString(),
    });
  });
}
