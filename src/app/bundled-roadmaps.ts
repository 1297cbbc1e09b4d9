import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The roadmaps shipped with Waymark live in `roadmaps/` at the package root (found from this module). */
export function bundledRoadmapsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'roadmaps');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('The bundled roadmaps folder is missing from this Waymark installation.');
}

export function listBundledRoadmaps(): { name: string; path: string }[] {
  const dir = bundledRoadmapsDir();
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => ({ name: file.replace(/\.md$/, ''), path: join(dir, file) }));
}

/** A path as given, or a bundled roadmap's name ("ai-engineer") when no such file exists. */
export function resolveRoadmapPath(pathOrName: string): string {
  if (existsSync(pathOrName)) return pathOrName;
  const bundled = listBundledRoadmaps().find((roadmap) => roadmap.name === pathOrName);
  return bundled ? bundled.path : pathOrName;
}
