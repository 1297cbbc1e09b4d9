/**
 * The race harness: an editor process saves the roadmap in a tight loop (in place and by rename) while
 * sync writes ticks into the same file hundreds of times. Every editor save must survive: either it is in
 * the file when the editor next reloads, or sync reported a conflict and left the learner's bytes alone.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importRoadmapFile } from '../src/app/import-service.js';
import { syncRoadmap } from '../src/app/sync-service.js';
import { openWorkspace, stampChange } from '../src/app/workspace.js';
import { WaymarkError } from '../src/core/errors.js';

const SYNC_RUNS = 300;
const EDITOR = join(import.meta.dirname, 'fixtures', 'editor-saves.mjs');

it('sync never loses an editor’s save, whether the editor saves in place or by rename', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark race '));
  try {
    const path = join(dir, 'roadmap.md');
    const items = Array.from({ length: 40 }, (_, i) => `- [ ] Topic ${i + 1}`).join('\n');
    // 50 KB of notes, so that every read and hash takes a moment: the window a lost save needs.
    const notes = `${'Notes about the plan, kept in the same file. '.repeat(1_000)}\n`;
    writeFileSync(path, `# Race\n\n<!-- save 1 -->\n\n${notes}\n## Phase 1 (4 weeks)\n\n${items}\n`);
    const workspace = openWorkspace({
      db: join(dir, 'store.db'),
      env: { WAYMARK_NOW: '2026-11-20T12:00:00Z' },
    });
    const { roadmap } = importRoadmapFile(workspace, path);
    const stop = join(dir, 'stop');
    const editor = spawn(process.execPath, [EDITOR, path, stop, '20000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    editor.stdout.on('data', (chunk) => {
      output += chunk;
    });
    let stderr = '';
    editor.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const finished = new Promise<number | null>((resolve) => editor.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the editor start saving

    let written = 0;
    let conflicts = 0;
    const started = Date.now();
    for (let run = 0; run < SYNC_RUNS && Date.now() - started < 15_000; run++) {
      const target = [...walk(roadmap.nodes)].find((node) => node.title === `Topic ${(run % 40) + 1}`);
      workspace.store.appendEvents(
        stampChange(workspace, workspace.now.toISOString(), [
          {
            type: 'status',
            roadmapId: roadmap.id,
            nodeId: target?.id as string,
            status: Math.floor(run / 40) % 2 === 0 ? 'done' : 'todo',
          },
        ]),
      );
      try {
        const result = syncRoadmap(workspace, roadmap.id);
        written += result.written.length > 0 ? 1 : 0;
      } catch (error) {
        if (!(error instanceof WaymarkError)) {
          writeFileSync(stop, '');
          await finished;
          throw error;
        }
        conflicts++;
      }
      if (run % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    writeFileSync(stop, '');
    expect(await finished, stderr).toBe(0);
    workspace.store.close();
    const report = JSON.parse(output) as {
      saves: number;
      lost: unknown[];
      inPlace: number;
      byRename: number;
    };
    const figures = JSON.stringify({ ...report, lost: report.lost.length, written, conflicts });
    expect(report.lost, figures).toEqual([]);
    expect(report.inPlace).toBeGreaterThan(50);
    expect(report.byRename).toBeGreaterThan(50);
    expect(written, figures).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 40_000);

function* walk(nodes: readonly { id: string; title: string; children: readonly unknown[] }[]): Generator<{
  id: string;
  title: string;
}> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children as typeof nodes);
  }
}
