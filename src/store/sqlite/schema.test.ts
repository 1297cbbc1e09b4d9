import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from './open-sqlite-store.js';

// A migration that changes the schema shows up here: review the diff, then update with `vitest -u`.
it('matches the committed schema snapshot after all migrations', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-schema-'));
  const db = openDatabase(join(dir, 'waymark.db'));
  const sql = db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC, name",
    )
    .pluck()
    .all() as string[];
  db.close();
  await rm(dir, { recursive: true, force: true });
  await expect(`${sql.map((s) => `${s.trim()};`).join('\n\n')}\n`).toMatchFileSnapshot(
    './schema.snapshot.sql',
  );
});
