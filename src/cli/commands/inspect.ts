import { existsSync } from 'node:fs';
import { resolveRoadmapPath } from '../../app/bundled-roadmaps.js';
import { correctedModel, storedCorrections } from '../../app/corrected-model.js';
import { readRoadmapFile } from '../../app/read-roadmap-file.js';
import { storePath } from '../../app/workspace.js';
import { importRoadmap } from '../../core/markdown/import-roadmap.js';
import type { Roadmap } from '../../core/model/roadmap.js';
import { formatOutline } from '../format/outline-text.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface InspectOptions extends StoreOptions {
  json?: boolean;
}

/**
 * `waymark inspect FILE|ROADMAP [--json]`: a file is parsed and printed (nothing is stored); a roadmap id that
 * is not a file shows the stored roadmap as you corrected it (`waymark exclude/include/kind`).
 */
export async function inspect(file: string, options: InspectOptions, io: Io): Promise<void> {
  const stored = existsSync(file) ? undefined : await storedRoadmap(file, options, io);
  if (stored) {
    io.out(options.json ? JSON.stringify(stored.roadmap, null, 2) : stored.text);
    return;
  }
  const roadmapFile = readRoadmapFile(resolveRoadmapPath(file));
  const { roadmap, warnings } = importRoadmap(roadmapFile.text, { path: file, sha256: roadmapFile.sha256 });
  for (const warning of warnings)
    io.warn(`${file}${warning.line ? `:${warning.line}` : ''}: warning: ${warning.message}`);
  io.out(options.json ? JSON.stringify(roadmap, null, 2) : formatOutline(roadmap, io.style));
}

/** The stored roadmap with this id, when a store exists (inspect never creates one). */
async function storedRoadmap(
  id: string,
  options: InspectOptions,
  io: Io,
): Promise<{ roadmap: Roadmap; text: string } | undefined> {
  if (!existsSync(storePath({ ...(options.db ? { db: options.db } : {}), env: io.env }))) return undefined;
  return withWorkspace(options, io, ({ store }) => {
    const record = store.getRoadmap(id);
    if (!record) return undefined;
    const roadmap = correctedModel(store, record);
    const corrections = storedCorrections(store, id).size;
    const origin = `stored roadmap ${id}${record.sourcePath ? `, imported from ${record.sourcePath}` : ''}; ${corrections === 0 ? 'no corrections' : `${corrections} correction${corrections === 1 ? '' : 's'} of yours (undo with \`waymark undo\`)`}`;
    return { roadmap, text: `${formatOutline(roadmap, io.style)}\n\n${io.style('dim', origin)}` };
  });
}
