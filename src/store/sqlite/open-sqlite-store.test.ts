import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaymarkError } from '../../core/errors.js';
import { APPLICATION_ID, MIGRATIONS } from './migrations.js';
import { openDatabase, openSqliteStore } from './open-sqlite-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark-open-'));
});
afterEach(async () => {
  chmodSync(dir, 0o755);
  await rm(dir, { recursive: true, force: true });
});

function refusal(path: string): WaymarkError {
  try {
    openSqliteStore(path).close();
  } catch (error) {
    if (error instanceof WaymarkError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
}

const isRoot = process.getuid?.() === 0; // root ignores file modes

describe('openSqliteStore', () => {
  it('creates the parent directory and the schema', () => {
    const path = join(dir, 'deep', 'er', 'waymark.db');
    openSqliteStore(path).close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT id FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.id));
    db.close();
  });

  it('sets WAL, synchronous=FULL and the busy timeout on its connection', () => {
    const db = openDatabase(join(dir, 'w.db'), { busyTimeoutMs: 1234, busyRetries: 0 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('keeps data and does not re-run migrations when reopened', () => {
    const path = join(dir, 'w.db');
    const first = openSqliteStore(path);
    first.appendEvents([
      {
        id: 'e1',
        roadmapId: 'r',
        nodeId: 'n',
        at: '2025-01-01T00:00:00.000Z',
        changeId: 'c',
        type: 'archive',
      },
    ]);
    first.close();
    const second = openSqliteStore(path);
    expect(second.listEvents().map((e) => e.id)).toEqual(['e1']);
    second.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a file that is not a database', () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, '# My roadmap\n\n- [ ] learn SQL\n'.repeat(50));
    const error = refusal(path);
    expect(error.code).toBe('STORE');
    expect(error.message).toBe(
      `${path} is not a Waymark database (file is not a database). Move it away or pass --db with another path.`,
    );
  });

  it('refuses the SQLite database of another program and leaves it untouched', () => {
    const path = join(dir, 'other.db');
    const db = new Database(path);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expect(refusal(path).message).toContain(
      `${path} is not a Waymark database (it is a SQLite database of another`,
    );
    const after = new Database(path, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual([
      'contacts',
    ]);
    after.close();
  });

  it('refuses a store written by a newer Waymark', () => {
    const path = join(dir, 'w.db');
    openSqliteStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(
      99,
      new Date().toISOString(),
    );
    db.close();
    const error = refusal(path);
    expect(error.code).toBe('STORE');
    expect(error.message).toBe(
      `The database ${path} was written by a newer Waymark (schema 99 > ${MIGRATIONS.length}). Upgrade Waymark.`,
    );
  });

  it('refuses a directory', () => {
    expect(refusal(dir).message).toBe(
      `${dir} is a directory, not a database file. Pass --db with a file path.`,
    );
  });

  // /sys is never writable by a program; (recursive mkdir under /proc loops forever in Node 20, so not /proc).
  it.runIf(process.platform === 'linux' && existsSync('/sys/kernel'))(
    'refuses a location where the directory cannot be created',
    () => {
      const path = '/sys/waymark-test/waymark.db';
      const error = refusal(path);
      expect(error.code).toBe('STORE');
      expect(error.message).toContain(
        `Cannot write the Waymark database at ${path}: the location is read-only`,
      );
    },
  );

  it.skipIf(isRoot || process.platform === 'win32')(
    'refuses a read-only file and a read-only directory',
    () => {
      const file = join(dir, 'ro.db');
      openSqliteStore(file).close();
      chmodSync(file, 0o444);
      expect(refusal(file).message).toContain(
        `Cannot write the Waymark database at ${file}: the location is read-only`,
      );
      const locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      const inside = join(locked, 'w.db');
      expect(refusal(inside).message).toContain(`Cannot write the Waymark database at ${inside}`);
    },
  );

  it('rejects an async function given to transaction, rolling back', async () => {
    const store = openSqliteStore(join(dir, 'w.db'));
    expect(() =>
      store.transaction(async () => {
        store.saveRoadmap({
          id: 'r',
          title: 'R',
          sha256: 'x',
          model: {},
          importedAt: '2025-01-01T00:00:00.000Z',
        });
      }),
    ).toThrow('Store.transaction needs a synchronous function.');
    expect(store.listRoadmaps()).toEqual([]);
    store.close();
  });
});
