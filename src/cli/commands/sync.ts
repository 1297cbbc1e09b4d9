import { confirmSource, unconfirmedSources } from '../../app/source-confirmation.js';
import {
  type Prefer,
  type SyncResult,
  syncableRoadmaps,
  syncEach,
  syncRoadmap,
} from '../../app/sync-service.js';
import { WaymarkError } from '../../core/errors.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface SyncOptions extends StoreOptions {
  json?: boolean;
  prefer?: string;
  /** Confirm the source path(s) a restored backup brought, then sync them. */
  relink?: boolean;
}

/**
 * `waymark sync [ROADMAP] [--prefer file|store] [--relink]`: two-way sync of checkboxes with the Markdown
 * files. A source path that came with a restored backup is synced only after `--relink` confirms it.
 * With no ROADMAP every roadmap is synced on its own: each one's problem is printed and the rest go on;
 * the exit code is 1 if any failed.
 */
export async function syncCommand(
  roadmapId: string | undefined,
  options: SyncOptions,
  io: Io,
): Promise<void> {
  if (options.prefer !== undefined && options.prefer !== 'file' && options.prefer !== 'store') {
    throw new WaymarkError('USAGE', `--prefer must be "file" or "store" (got "${options.prefer}").`);
  }
  const prefer = options.prefer as Prefer | undefined;
  const { results, failures } = await withWorkspace(options, io, (workspace) => {
    if (options.relink) {
      const pending = roadmapId === undefined ? unconfirmedSources(workspace) : [];
      for (const id of roadmapId === undefined ? pending.map((source) => source.id) : [roadmapId]) {
        if (confirmSource(workspace, id))
          io.warn(`Confirmed ${workspace.store.getRoadmap(id)?.sourcePath} as the file of "${id}".`);
      }
    } else if (roadmapId === undefined) {
      for (const source of unconfirmedSources(workspace)) {
        io.warn(
          `Skipped "${source.id}": its file ${source.path} came with a restored backup; confirm it with \`waymark sync ${source.id} --relink\`.`,
        );
      }
    }
    return roadmapId === undefined
      ? syncEach(workspace, syncableRoadmaps(workspace), prefer)
      : { results: [syncRoadmap(workspace, roadmapId, prefer)], failures: [] };
  });
  if (results.length + failures.length === 0 && !options.json) {
    io.out(
      'Nothing to sync: no roadmap was imported from a Markdown file of yours (bundled ones are not synced).',
    );
  }
  if (options.json) io.out(JSON.stringify([...results, ...failures]));
  else for (const result of results) printResult(result, io);
  for (const failure of failures) {
    io.warn(`waymark: ${failure.roadmapId}: ${failure.error.message}`);
    if (failure.error.hint) io.warn(`  ${failure.error.hint}`);
  }
  const conflicts = results.flatMap((result) =>
    result.conflicts.map((conflict) => ({ ...conflict, roadmapId: result.roadmapId })),
  );
  if (failures.length > 0) {
    throw new WaymarkError(
      'INPUT',
      results.length === 0
        ? failures.length === 1
          ? 'the roadmap could not be synced (see above).'
          : `none of the ${failures.length} roadmaps could be synced (see above).`
        : `${failures.length} of ${failures.length + results.length} roadmaps could not be synced (see above); the others were.`,
      conflicts.length > 0 ? 'Some items also conflict: see `conflict` lines above.' : undefined,
    );
  }
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
  const quiet = changed === 0 && result.unwritable.length === 0 && result.boxless.length === 0;
  io.out(
    `${io.style('bold', result.roadmapId)}  ${io.style('dim', result.path)}${quiet ? `  ${result.boxes === 0 ? 'nothing to sync: the file has no checkboxes' : 'in sync'}` : ''}`,
  );
  if (result.recovered?.restored) {
    io.out(`  recovered  the file, from the copy an interrupted sync had set aside`);
  } else if (result.recovered) {
    io.out(`  cleaned    ${result.recovered.removed} temp file(s) left by an interrupted sync`);
  }
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
  for (const item of result.unwritable) {
    io.out(
      io.style(
        'yellow',
        `  by hand    ${item.checked ? 'tick' : 'clear'} line ${item.line}: ${item.id} ${item.title} (Waymark writes only [ ] boxes, not this one)`,
      ),
    );
  }
  for (const item of result.conflicts) {
    io.out(
      io.style(
        'yellow',
        `  conflict   ${item.id} ${item.title}: file says ${item.file ? 'ticked' : 'not ticked'}, Waymark says ${item.store ? 'done' : 'not done'}`,
      ),
    );
  }
  printBoxless(result, io);
}

/** Finished items the file has no box for: say so, rather than "in sync". */
function printBoxless(result: SyncResult, io: Io): void {
  const count = result.boxless.length;
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
  for (const item of result.boxless.slice(0, shown)) io.out(`    ${item.id} ${item.title}`);
  if (count > shown) io.out(`    … and ${count - shown} more (--json lists them all)`);
  io.out(io.style('dim', '  To sync them, make their lines task-list items: "- [ ] Title".'));
}
