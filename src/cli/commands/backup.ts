import { exportBackup, restoreBackup } from '../../app/backup.js';
import { readRegularFile } from '../../app/read-regular-file.js';
import { writeOutputFile } from '../../app/write-file-atomically.js';
import { WaymarkError } from '../../core/errors.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface ExportOptions extends StoreOptions {
  format?: string;
  out?: string;
  roadmap?: string;
  dayStart?: string;
  days?: string;
}

const FORMATS = ['json', 'ics'];

/** `waymark export --format json|ics [--out FILE]`: a full backup, or the plan as a calendar. */
export async function exportCommand(options: ExportOptions, io: Io): Promise<void> {
  const format = options.format ?? 'json';
  if (!FORMATS.includes(format)) {
    throw new WaymarkError('USAGE', `--format must be one of ${FORMATS.join(', ')} (got "${format}").`);
  }
  if (format === 'json' && (options.roadmap ?? options.dayStart ?? options.days) !== undefined) {
    throw new WaymarkError(
      'USAGE',
      '--roadmap, --day-start and --days apply to --format ics only; a backup holds every roadmap.',
    );
  }
  const text = await withWorkspace(
    options,
    io,
    async (workspace) => {
      if (format === 'json') return `${JSON.stringify(exportBackup(workspace), null, 1)}\n`;
      const { exportPlanIcs } = await import('../../app/calendar-export.js');
      const days = options.days === undefined ? undefined : Number(options.days);
      if (days !== undefined && !(Number.isInteger(days) && days > 0)) {
        throw new WaymarkError(
          'USAGE',
          `--days must be a whole number of days, e.g. 30 (got "${options.days}").`,
        );
      }
      return exportPlanIcs(workspace, options.roadmap, {
        ...(options.dayStart === undefined ? {} : { dayStart: options.dayStart }),
        ...(days === undefined ? {} : { days }),
      });
    },
    'read',
  );
  if (options.out === undefined) {
    io.out(text.trimEnd());
    return;
  }
  writeOutputFile(options.out, Buffer.from(text, 'utf8'));
  io.warn(`Wrote ${options.out} (${Buffer.byteLength(text)} bytes).`);
}

/** Far above any real backup (a year of daily study is a few MB), far below what would exhaust memory. */
const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** `waymark restore FILE`: a backup into an empty store. */
export async function restoreCommand(path: string, options: StoreOptions & { json?: boolean }, io: Io) {
  const text = readRegularFile(path, MAX_BACKUP_BYTES, {
    kind: 'backup',
    hint: 'Pass the file written by `waymark export`.',
  }).toString('utf8');
  const summary = await withWorkspace(options, io, (workspace) => restoreBackup(workspace, text, path));
  if (options.json) {
    io.out(JSON.stringify(summary));
    return;
  }
  io.out(`Restored ${summary.roadmaps} roadmaps and ${summary.events} events from ${path}.`);
  if (summary.unconfirmedSources.length > 0) {
    io.out('Sync leaves these files alone until you confirm they are your roadmaps on this machine:');
    for (const source of summary.unconfirmedSources) io.out(`  ${source.id}  ${source.path}`);
    io.out('Confirm with `waymark sync --relink` (all) or `waymark sync ID --relink`.');
  }
}
