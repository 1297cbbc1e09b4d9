import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRoadmapFile } from '../src/app/import-service.js';
import { buildRetro } from '../src/app/retro.js';
import { setStatus } from '../src/app/tracking-service.js';
import type { Workspace } from '../src/app/workspace.js';
import { fixedWorkspace, ROADMAP_FILE, writeRetroLog } from './fixtures/retro-log.js';

const EXPECTED = join(import.meta.dirname, 'fixtures', 'retro-week.md');

let dir: string;
let db: string;
let ws: Workspace;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark-retro-'));
  db = join(dir, 'store.db');
  writeRetroLog(db).store.close();
  ws = fixedWorkspace(db);
});

afterAll(() => {
  ws?.store.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('retro for a fixed log', () => {
  it('the weekly review matches the reviewed file', () => {
    const retro = buildRetro(ws, { kind: 'week', timeZone: 'UTC' });
    // WRITE_RETRO_FIXTURE=1 rewrites the expected file: review its diff by eye before keeping it.
    if (process.env.WRITE_RETRO_FIXTURE) writeFileSync(EXPECTED, retro.markdown);
    expect(retro.markdown).toBe(readFileSync(EXPECTED, 'utf8'));
  });
});

describe('retro: what counts as finished', () => {
  it('a phase done with --all is told by its items, not listed itself', () => {
    const other = fixedWorkspace(join(dir, 'all.db'));
    try {
      importRoadmapFile(other, ROADMAP_FILE);
      setStatus(other, ['phase-1-foundations'], 'done', { all: true, at: '2026-11-17T10:00:00Z' });
      const { markdown, facts } = buildRetro(other, { kind: 'week', timeZone: 'UTC' });
      expect(facts.finished).toEqual([
        {
          roadmapId: 'retro-roadmap',
          phase: 'Phase 1: Foundations',
          items: ['Linear algebra', 'Calculus', 'Probability'].map((title, i) => ({
            id: `phase-1-foundations/${['linear-algebra', 'calculus', 'probability'][i]}`,
            title,
            date: '2026-11-17',
          })),
        },
      ]);
      expect(markdown).toContain('3 items finished.');
      expect(markdown).not.toContain('Top level');
      // Done last week: not in this week's retro, but in the month's.
      expect(buildRetro(other, { kind: 'week', date: '2026-11-10', timeZone: 'UTC' }).facts.finished).toEqual(
        [],
      );
      expect(buildRetro(other, { kind: 'month', timeZone: 'UTC' }).facts.finished).toHaveLength(1);
    } finally {
      other.store.close();
    }
  });
});
