/**
 * The sync race harness (test and bench): an editor process (`editor-saves.mjs`) saves a roadmap in a
 * tight loop, alternately in place and by rename, while this process changes a status and runs `sync`
 * again and again, so that sync keeps writing ticks into the file the editor is saving.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRoadmapFile } from '../app/import-service.js';
import { syncRoadmap } from '../app/sync-service.js';
import { openWorkspace, stampChange } from '../app/workspace.js';
import { WaymarkError } from '../core/errors.js';
import { walkNodes } from '../core/model/roadmap.js';

export interface RaceOptions {
  syncRuns: number;
  /** Bytes of notes in the roadmap: bigger files make every read and hash, the window of a lost save, longer. */
  noteBytes: number;
  /** Stop syncing after this long, whatever the count (keeps the test bounded on a slow machine). */
  maxMs: number;
  /** The editor waits up to this long (at random) between saves; default 100 ms. */
  editorPauseMs?: number;
}

export interface RaceFigures {
  syncRuns: number;
  /** Syncs that wrote ticks into the file. */
  written: number;
  /** Syncs refused because the file changed under them (the learner's bytes kept). */
  conflicts: number;
  /** Syncs refused otherwise (e.g. a read caught an in-place save half done). */
  refused: number;
  saves: number;
  inPlace: number;
  byRename: number;
  /** Times the editor found no file for a moment (the two system calls in which the name is free). */
  missing: number;
  /** Editor saves that were gone when the editor next reloaded: must be empty. */
  lost: { expected: number; found: number }[];
}

const EDITOR = join(import.meta.dirname, 'editor-saves.mjs');

export async function runSyncRace(options: RaceOptions): Promise<RaceFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark race '));
  const path = join(dir, 'roadmap.md');
  const stop = join(dir, 'stop');
  const topics = 40;
  const items = Array.from({ length: topics }, (_, i) => `- [ ] Topic ${i + 1}`).join('\n');
  const notes = 'Notes about the plan, kept in the same file. '.repeat(Math.ceil(options.noteBytes / 46));
  writeFileSync(path, `# Race\n\n<!-- save 1 -->\n\n${notes}\n\n## Phase 1 (4 weeks)\n\n${items}\n`);
  const workspace = openWorkspace({
    db: join(dir, 'store.db'),
    env: { WAYMARK_NOW: '2026-11-20T12:00:00Z' },
  });
  const editorPath = existsSync(EDITOR)
    ? EDITOR
    : join(import.meta.dirname, '..', '..', '..', 'src', 'testing', 'editor-saves.mjs');
  const editor = spawn(
    process.execPath,
    [editorPath, path, stop, String(options.maxMs + 10_000), String(options.editorPauseMs ?? 100)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  editor.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  editor.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => editor.on('close', resolve));
  const figures = { syncRuns: 0, written: 0, conflicts: 0, refused: 0 };
  try {
    const { roadmap } = importRoadmapFile(workspace, path);
    const ids = [...walkNodes(roadmap.nodes)]
      .map(({ node }) => node)
      .filter((node) => node.title.startsWith('Topic '))
      .map((node) => node.id);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the editor is saving by now
    const started = Date.now();
    for (let run = 0; run < options.syncRuns && Date.now() - started < options.maxMs; run++) {
      const status = Math.floor(run / topics) % 2 === 0 ? ('done' as const) : ('todo' as const);
      const nodeId = ids[run % ids.length] as string;
      workspace.store.appendEvents(
        stampChange(workspace, workspace.now.toISOString(), [
          { type: 'status', roadmapId: roadmap.id, nodeId, status },
        ]),
      );
      figures.syncRuns++;
      try {
        if (syncRoadmap(workspace, roadmap.id).written.length > 0) figures.written++;
      } catch (error) {
        if (!(error instanceof WaymarkError)) throw error;
        if (error.code === 'CONFLICT') figures.conflicts++;
        else figures.refused++;
      }
      if (run % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    writeFileSync(stop, '');
    await exited;
    workspace.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!stdout.trim()) throw new Error(`the editor process failed: ${stderr}`);
  return { ...figures, ...(JSON.parse(stdout) as Omit<RaceFigures, keyof typeof figures>) };
}
