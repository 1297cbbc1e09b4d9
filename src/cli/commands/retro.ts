/**
 * `waymark retro [--week|--month] [--date D] [--out PATH] [--json]`: a Markdown review of the period.
 * In a terminal it opens $EDITOR on it and stores what the learner wrote as a note; with --out it writes
 * the file; otherwise it prints the Markdown.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeFileError } from '../../app/file-errors.js';
import { learnerTimeZone } from '../../app/learner-clock.js';
import { buildRetro, retroRoadmapId, storeRetroNote } from '../../app/retro.js';
import { writeOutputFile } from '../../app/write-file-atomically.js';
import { WaymarkError } from '../../core/errors.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface RetroOptions extends StoreOptions {
  week?: boolean;
  month?: boolean;
  date?: string;
  out?: string;
  json?: boolean;
  edit?: boolean;
}

const isInteractive = () => process.stdin.isTTY === true && process.stdout.isTTY === true;

export async function retroCommand(
  roadmapId: string | undefined,
  options: RetroOptions,
  io: Io,
  interactive: boolean = isInteractive(),
): Promise<void> {
  if (options.week && options.month) {
    throw new WaymarkError('USAGE', 'choose --week or --month, not both.');
  }
  await withWorkspace(options, io, (workspace) => {
    const retro = buildRetro(workspace, {
      kind: options.month ? 'month' : 'week',
      ...(options.date ? { date: options.date } : {}),
      ...(roadmapId ? { roadmapId } : {}),
      timeZone: learnerTimeZone(io.env),
    });
    if (options.json) {
      io.out(JSON.stringify({ ...retro.facts, markdown: retro.markdown }));
      return;
    }
    if (options.out) {
      const path = resolve(options.out);
      try {
        writeOutputFile(path, Buffer.from(retro.markdown, 'utf8'));
      } catch (error) {
        throw describeFileError(error) ?? error;
      }
      io.out(`Wrote the ${retro.facts.period.kind}ly review to ${path}.`);
      return;
    }
    if (!interactive || options.edit === false) {
      io.out(retro.markdown.trimEnd());
      return;
    }
    const written = editInEditor(retro.markdown, io.env);
    if (written.trim() === retro.markdown.trim()) {
      io.out('The review was left unchanged: nothing stored.');
      return;
    }
    const roadmap = retroRoadmapId(retro, workspace);
    storeRetroNote(workspace, roadmap, written.trimEnd());
    io.out(
      `Stored your ${retro.facts.period.kind}ly review as a note on ${roadmap} (it shows in the journal).`,
    );
  });
}

/** Opens $VISUAL or $EDITOR on a temp copy of `text` and returns what the learner saved. */
export function editInEditor(text: string, env: NodeJS.ProcessEnv): string {
  const editor = (env.VISUAL || env.EDITOR || '').trim();
  if (!editor) {
    throw new WaymarkError(
      'INPUT',
      'no editor: $EDITOR is not set, so the review cannot be opened for writing. Nothing was stored.',
      'Set it (e.g. `export EDITOR=nano`), or write the review to a file with `--out retro.md`.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'waymark-retro-'));
  const file = join(dir, 'retro.md');
  try {
    writeFileSync(file, text);
    // Through the shell, so EDITOR may carry arguments ("code --wait").
    const run = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'waymark-editor', file], {
      stdio: 'inherit',
      env,
    });
    if (run.error || run.status !== 0) {
      const why = run.error
        ? run.error.message
        : run.signal
          ? `was stopped by ${run.signal}`
          : `exited with code ${run.status}`;
      throw new WaymarkError(
        'INPUT',
        `the editor "${editor}" ${why}. Nothing was stored.`,
        run.status === 127
          ? 'Check that $EDITOR names an installed program.'
          : 'Save and quit the editor normally to store the review.',
      );
    }
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
