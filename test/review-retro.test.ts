import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRetro } from '../src/app/retro.js';
import type { Workspace } from '../src/app/workspace.js';
import { fixedWorkspace, writeRetroLog } from './fixtures/retro-log.js';

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
