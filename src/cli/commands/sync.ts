import { type Prefer, type SyncResult, syncableRoadmaps, syncRoadmap } from '../../app/sync-service.js';
import { WaymarkError } from '../../core/errors.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface SyncOptions extends StoreOptions {
  json?: boolean;
  prefer?: string;
}

/** `waymark sync [ROADMAP] [--prefer file|store]`: two-way sync of checkboxes with the Markdown files. */
export async function syncCommand(
  roadmapId: string | undefined,
  options: SyncOptions,
  io: Io,
): Promise<void> {
  if (options.prefer !== undefined && options.prefer !== 'file' && options.prefer !== 'store') {
    throw new WaymarkError('USAGE', `--prefer must be "file" or "store" (got "${options.prefer}").`);
  }
  const prefer = options.prefer as Prefer | undefined;
  const results = await withWorkspace(options, io, (workspace) => {
    const ids = roadmapId === undefined ? syncableRoadmaps(workspace) : [roadmapId];
    return ids.map((id) => syncRoadmap(workspace, id, prefer));
  });
  if (results.length === 0 && !options.json) {
    io.out(
      'Nothing to sync: no roadmap was imported from a Markdown file of yours (bundled ones are not synced).',
    );
  }
  if (options.json) io.out(JSON.stringify(results));
  else for (const result of results) printResult(result, io);
  const conflicts = results.flatMap((result) =>
    result.conflicts.map((conflict) => ({ ...conflict, roadmapId: result.roadmapId })),
  );
  if (conflicts.length > 0) {
    throw new WaymarkError(
      'CONFLICT',
      `${conflicts.length} item(s) changed both in the file and in Waymark since the last sync; they were left as they are.`,
      'Decide with `waymark sync --prefer file` (the file wins) or `waymark sync --prefer store` (Waymark wins).',
    );
  }
}

function printResult(result: SyncResult, io: Io): void {
  const changed =
    result.written.length +
    result.recorded.length +
    result.conflicts.length +
    result.followed.length +
    result.restored.length +
    result.archived.length;
  const quiet = changed === 0 && result.unwritable.length === 0;
  io.out(
    `${io.style('bold', result.roadmapId)}  ${io.style('dim', result.path)}${quiet ? `  ${result.boxes === 0 ? 'nothing to sync: the file has no checkboxes' : 'in sync'}` : ''}`,
  );
  for (const item of result.followed) {
    const ids = item.from === item.to ? item.to : `${item.from} -> ${item.to}`;
    io.out(`  followed   ${ids}  "${item.before}" -> "${item.after}" (progress kept)`);
  }
  for (const item of result.restored)
    io.out(`  restored   ${item.to} ${item.title} (archived progress is back)`);
  for (const item of result.archived) {
    io.out(
      `  archived   ${item.id} ${item.title}${item.hadProgress ? io.style('yellow', ' (had progress: kept; see `waymark list --archived`)') : ''}`,
    );
  }
  for (const item of result.recorded)
    io.out(`  from file  ${item.done ? 'done ' : 'todo '} ${item.id} ${item.title}`);
  for (const item of result.written)
    io.out(`  to file    ${item.checked ? '[x]' : '[ ]'}  ${item.id} ${item.title}`);
  for (const item of result.conflicts) {
    io.out(
      io.style(
        'yellow',
        `  conflict   ${item.id} ${item.title}: file says ${item.file ? 'ticked' : 'not ticked'}, Waymark says ${item.store ? 'done' : 'not done'}`,
      ),
    );
  }
  printUnwritable(result, io);
}

/** Finished items the file has no box for: say so, rather than "in sync". */
function printUnwritable(result: SyncResult, io: Io): void {
  const count = result.unwritable.length;
  if (count === 0) return;
  const where =
    result.boxes === 0 ? 'the file has no checkboxes, so' : 'these have no checkbox in the file, so';
  io.out(
    io.style(
      'yellow',
      `  not written: ${count} finished item${count === 1 ? '' : 's'}: ${where} their state stays in Waymark only`,
    ),
  );
  const shown = 10;
  for (const item of result.unwritable.slice(0, shown)) io.out(`    ${item.id} ${item.title}`);
  if (count > shown) io.out(`    … and ${count - shown} more (--json lists them all)`);
  io.out(io.style('dim', '  To sync them, make their lines task-list items: "- [ ] Title".'));
}
