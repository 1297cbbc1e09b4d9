import { resolveRoadmapPath } from '../../app/bundled-roadmaps.js';
import { readRoadmapFile } from '../../app/read-roadmap-file.js';
import { importRoadmap } from '../../core/markdown/import-roadmap.js';
import { formatOutline } from '../format/outline-text.js';
import type { Io } from '../io.js';

export interface InspectOptions {
  json?: boolean;
}

/** `waymark inspect FILE [--json]`: parse a roadmap and print its model; stores nothing. */
export async function inspect(file: string, options: InspectOptions, io: Io): Promise<void> {
  const roadmapFile = readRoadmapFile(resolveRoadmapPath(file));
  const { roadmap, warnings } = importRoadmap(roadmapFile.text, { path: file, sha256: roadmapFile.sha256 });
  for (const warning of warnings)
    io.warn(`${file}${warning.line ? `:${warning.line}` : ''}: warning: ${warning.message}`);
  io.out(options.json ? JSON.stringify(roadmap, null, 2) : formatOutline(roadmap, io.style));
}
