import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Migration, migrate } from './migrations.js';
import { DEFAULT_RETRY } from './write-transaction.js';

const v1: Migration = { id: 1, name: 'one', sql: 'CREATE TABLE a (x TEXT) STRICT;' };
const v2: Migration = {
  id: 2,
  name: 'two',
  sql: 'ALTER TABLE a ADD COLUMN y TEXT; CREATE TABLE b (z TEXT) STRICT;',
};
const broken: Migration = { id: 3, name: 'broken', sql: 'CREATE TABLE c (w TEXT); SELECT * FROM missing;' };

let dir: string;
let db: Database.Database;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark-migrate-'));
  db = new Database(join(dir, 'm.db'));
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

const tables = () =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

describe('migrate', () => {
  it('applies only what is missing, forward only', () => {
    expect(migrate(db, 'm.db', DEFAULT_RETRY, [v1])).toEqual([1]);
    expect(migrate(db, 'm.db', DEFAULT_RETRY, [v1])).toEqual([]);
    expect(migrate(db, 'm.db', DEFAULT_RETRY, [v1, v2])).toEqual([2]);
    expect(tables()).toEqual(['a', 'b', 'schema_migrations']);
    const applied = db.prepare('SELECT id, applied_at FROM schema_migrations ORDER BY id').all() as {
      id: number;
      applied_at: string;
    }[];
    expect(applied.map((m) => m.id)).toEqual([1, 2]);
    expect(Number.isNaN(Date.parse(applied[0]?.applied_at ?? ''))).toBe(false);
  });

  it('applies nothing of a run that fails', () => {
    migrate(db, 'm.db', DEFAULT_RETRY, [v1]);
    expect(() => migrate(db, 'm.db', DEFAULT_RETRY, [v1, v2, broken])).toThrow('no such table: missing');
    expect(tables()).toEqual(['a', 'schema_migrations']);
    expect(db.prepare('SELECT MAX(id) FROM schema_migrations').pluck().get()).toBe(1);
  });

  it('refuses a schema newer than the code', () => {
    migrate(db, 'm.db', DEFAULT_RETRY, [v1, v2]);
    expect(() => migrate(db, 'm.db', DEFAULT_RETRY, [v1])).toThrow(
      'The database m.db was written by a newer Waymark (schema 2 > 1). Upgrade Waymark.',
    );
  });
});
