import { type ArchivedEntry, archivedView } from '../../app/archived-view.js';
import { listBundledRoadmaps } from '../../app/bundled-roadmaps.js';
import { EFFORT_MODEL, effortWeights } from '../../app/effort.js';
import { importCounts, importReport } from '../../app/import-report.js';
import { type ImportSummary, importRoadmapFile, removeRoadmap } from '../../app/import-service.js';
import { buildStatus } from '../../app/progress-view.js';
import { importVerdict, verdictText } from '../../core/markdown/import-verdict.js';
import type { ReimportMatch } from '../../core/progress/match-reimport.js';
import { formatMinutes, progressBar } from '../format/progress-bar.js';
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
    if (options.json) {
      io.out(JSON.stringify(importReport(workspace, summary)));
      return;
    }
    const counts = importCounts(workspace, summary);
    const verdict = importVerdict(summary.roadmap);
    const verb = summary.created ? 'Imported' : summary.unchanged ? 'Unchanged' : 'Re-imported';
    io.out(`${verb} ${io.style('bold', summary.roadmap.title)} as ${io.style('cyan', summary.roadmap.id)}`);
    io.out(
      `  ${counts.nodes} nodes, ${counts.items} items${counts.notChosen ? ` (and ${counts.notChosen} in elective options not chosen)` : ''}, ${counts.phases} phases${ticksNote(summary)}`,
    );
    io.out(`  found ${verdictText(verdict)}`);
    const match = summary.match;
    if (match && !summary.unchanged) printMatch(summary, match, io);
  });
}

/** What the file's ticked boxes mean for Waymark: recorded already, or waiting for a sync. */
function ticksNote(summary: ImportSummary): string {
  if (summary.recordedTicks > 0) return `, ${summary.recordedTicks} already ticked (recorded as done)`;
  if (summary.pendingSync > 0) {
    const boxes = summary.pendingSync === 1 ? '1 box differs' : `${summary.pendingSync} boxes differ`;
    return `, ${boxes} from Waymark (run \`waymark sync\` to reconcile)`;
  }
  return '';
}

function printMatch(summary: ImportSummary, match: ReimportMatch, io: Io): void {
  io.out(
    `  matched ${match.kept.length + match.moved.length} items (${match.moved.length} under a new id), archived ${summary.archived.length}, restored ${summary.restored.length}, added ${match.added.length}`,
  );
  const shown = 20;
  const titles = new Map(match.retitled.map((change) => [change.id, change]));
  for (const move of match.moved.slice(0, shown)) {
    const retitled = titles.get(move.to);
    io.out(
      `    followed ${move.from} -> ${move.to}${retitled ? `  "${retitled.before}" -> "${retitled.after}"` : ''}`,
    );
  }
  for (const gone of summary.archived.slice(0, shown))
    io.out(
      `    archived ${gone.id} ${gone.title}${gone.hadProgress ? ' (progress kept: `waymark list --archived`)' : ''}`,
    );
  for (const back of summary.restored.slice(0, shown)) io.out(`    restored ${back.to} ${back.title}`);
  const hidden = Math.max(0, match.moved.length - shown) + Math.max(0, summary.archived.length - shown);
  if (hidden > 0) io.out(`    … and ${hidden} more (--json lists them all)`);
}

export interface ListOptions extends StoreOptions {
  json?: boolean;
  archived?: boolean;
}

/** `waymark list`: the stored roadmaps with their progress; `--archived`: the items re-imports archived. */
export async function listCommand(options: ListOptions, io: Io): Promise<void> {
  await withWorkspace(
    options,
    io,
    ({ store }) => {
      if (options.archived) {
        printArchived(archivedView(store), options, io);
        return;
      }
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
    },
    'read',
  );
}

/** `waymark remove ROADMAP`: drops the roadmap from every view; its events stay, so re-importing restores it. */
export async function removeCommand(roadmapId: string, options: ListOptions, io: Io): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const removed = removeRoadmap(workspace, roadmapId);
    if (options.json) {
      io.out(JSON.stringify({ removed: removed.id, eventsKept: removed.events }));
      return;
    }
    io.out(
      `Removed ${removed.title} (${removed.id}). Its ${removed.events} event${removed.events === 1 ? ' stays' : 's stay'} in the log: \`waymark import\` of the same file brings it back with its progress.`,
    );
  });
}

/** Archived items with progress, one a line; those without any are counted, and all are in --json. */
function printArchived(entries: ArchivedEntry[], options: ListOptions, io: Io): void {
  if (options.json) {
    io.out(JSON.stringify(entries));
    return;
  }
  const kept = entries.filter((entry) => entry.hasProgress);
  if (kept.length === 0) io.out('No archived item carries progress.');
  for (const entry of kept) {
    const facts = [
      entry.status,
      entry.minutes > 0 ? `${formatMinutes(entry.minutes)} logged` : '',
      entry.notes > 0 ? `${entry.notes} note${entry.notes === 1 ? '' : 's'}` : '',
      entry.evidence > 0 ? `${entry.evidence} evidence` : '',
      entry.reviews > 0 ? `${entry.reviews} review${entry.reviews === 1 ? '' : 's'}` : '',
    ].filter((fact) => fact !== '');
    const under = entry.path.length > 0 ? io.style('dim', ` (under ${entry.path.join(' > ')})`) : '';
    io.out(`${entry.roadmapId}:${entry.id}  ${entry.title}${under}`);
    io.out(`    ${facts.join(' · ')} · archived ${entry.archivedAt.slice(0, 10)}`);
  }
  const empty = entries.length - kept.length;
  if (empty > 0)
    io.out(
      io.style(
        'dim',
        `(${empty} more archived item${empty === 1 ? '' : 's'} without progress: --json lists them)`,
      ),
    );
  if (kept.length > 0)
    io.out('Move one onto an item of its roadmap: waymark reattach ROADMAP:OLD_ID NEW_ITEM');
}
