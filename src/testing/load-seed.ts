import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ImportResult, importRoadmap } from '../core/markdown/import-roadmap.js';
import type { Node } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';

export const ROADMAPS_DIR = join(import.meta.dirname, '..', '..', 'roadmaps');

/** Imports a bundled roadmap by name (test helper). */
export function importBundled(name: string): ImportResult & { text: string } {
  const path = join(ROADMAPS_DIR, `${name}.md`);
  const bytes = readFileSync(path);
  const text = bytes.toString('utf8');
  return {
    ...importRoadmap(text, {
      path: `roadmaps/${name}.md`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    }),
    text,
  };
}

/** Imports Markdown given inline (test helper). */
export function importText(text: string): ImportResult {
  return importRoadmap(text, { path: 'test.md', sha256: '0'.repeat(64) });
}

export function allNodes(nodes: Node[]): Node[] {
  return [...walkNodes(nodes)].map((entry) => entry.node);
}

export function findByTitle(nodes: Node[], title: string | RegExp): Node {
  const found = allNodes(nodes).find((node) =>
    typeof title === 'string' ? node.title === title : title.test(node.title),
  );
  if (!found) throw new Error(`no node titled ${String(title)}`);
  return found;
}
