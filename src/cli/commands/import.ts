import { listBundledRoadmaps } from '../../app/bundled-roadmaps.js';
import { EFFORT_MODEL, effortWeights } from '../../app/effort.js';
import { importRoadmapFile } from '../../app/import-service.js';
import { buildStatus } from '../../app/progress-view.js';
import { importVerdict, verdictText } from '../../core/markdown/import-verdict.js';
import { walkNodes } from '../../core/model/roadmap.js';
import { progressBar } from '../format/progress-bar.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface ImportOptions extends StoreOptions {
  json?: boolean;
  list?: boolean;
}

/** `waymark import FILE|NAME`: adds a roadmap, or re-imports an edited one keeping its progress. */
export async function importCommand(file: string | undefined, options: ImportOptions, io: Io): Promise<void> {
  if (options.list || file === undefined) {
    const bundled = listBundledRoadmaps();
    if (options.json) io.out(JSON.stringify(bundled.map((roadmap) => roadmap.name)));
    else
      io.out(
        `Bundled roadmaps (waymark import NAME):\n${bundled.map((roadmap) => `  ${roadmap.name}`).join('\n')}`,
      );
    return;
  }
  await withWorkspace(options, io, (workspace) => {
    const summary = importRoadmapFile(workspace, file);
    for (const warning of summary.warnings)
      io.warn(`${file}${warning.line ? `:${warning.line}` : ''}: warning: ${warning.message}`);
    const nodes = [...walkNodes(summary.roadmap.nodes)].map((entry) => entry.node);
    const verdict = importVerdict(summary.roadmap);
    const counts = {
      nodes: nodes.length,
      trackable: nodes.filter((node) => node.trackable).length,
      phases: nodes.filter((node) => node.kind === 'phase').length,
      checked: nodes.filter((node) => node.checked).length,
    };
    if (options.json) {
      io.out(
        JSON.stringify({
          id: summary.roadmap.id,
          title: summary.roadmap.title,
          created: summary.created,
          unchanged: summary.unchanged,
          counts,
          verdict: { ...verdict, text: verdictText(verdict) },
          ...(summary.match
            ? {
                moved: summary.match.moved,
                archived: summary.match.archived,
                added: summary.match.added,
                kept: summary.match.kept.length,
              }
            : {}),
        }),
      );
      return;
    }
    const verb = summary.created ? 'Imported' : summary.unchanged ? 'Unchanged' : 'Re-imported';
    io.out(`${verb} ${io.style('bold', summary.roadmap.title)} as ${io.style('cyan', summary.roadmap.id)}`);
    io.out(
      `  ${counts.nodes} nodes, ${counts.trackable} trackable, ${counts.phases} phases${counts.checked ? `, ${counts.checked} already ticked (run \`waymark sync\` to record them)` : ''}`,
    );
    io.out(`  found ${verdictText(verdict)}`);
    const match = summary.match;
    if (match && !summary.unchanged) {
      io.out(
        `  matched ${match.kept.length} items, moved ${match.moved.length}, archived ${match.archived.length}, added ${match.added.length}`,
      );
      for (const move of match.moved.slice(0, 20)) io.out(`    moved    ${move.from} -> ${move.to}`);
      for (const id of match.archived.slice(0, 20)) io.out(`    archived ${id} (progress kept)`);
    }
  });
}

export interface ListOptions extends StoreOptions {
  json?: boolean;
}

/** `waymark list`: the stored roadmaps with their progress. */
export async function listCommand(options: ListOptions, io: Io): Promise<void> {
  await withWorkspace(options, io, ({ store }) => {
    const roadmaps = buildStatus(store, effortWeights, undefined, EFFORT_MODEL);
    if (options.json) {
      io.out(
        JSON.stringify(
          roadmaps.map((roadmap) => ({
            id: roadmap.id,
            title: roadmap.title,
            progress: Math.round(roadmap.progress.ratio * 1000) / 1000,
            effortProgress: Math.round(roadmap.progress.effortRatio * 1000) / 1000,
            done: roadmap.progress.done,
            total: roadmap.progress.total,
            minutes: roadmap.minutes,
            ...(roadmap.sourcePath ? { sourcePath: roadmap.sourcePath } : {}),
          })),
        ),
      );
      return;
    }
    if (roadmaps.length === 0) {
      io.out(
        'No roadmaps yet. Import one: waymark import ai-engineer (or a path to your own Markdown roadmap).',
      );
      return;
    }
    const width = Math.max(...roadmaps.map((roadmap) => roadmap.id.length));
    for (const roadmap of roadmaps) {
      io.out(
        `${roadmap.id.padEnd(width)}  ${progressBar(roadmap.progress.ratio)}  ${roadmap.progress.done}/${roadmap.progress.total}  ${roadmap.title}`,
      );
    }
  });
}
