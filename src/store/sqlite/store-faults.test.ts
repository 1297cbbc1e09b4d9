import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaymarkError } from '../../core/errors.js';
import type { NewEvent } from '../../core/progress/events.js';
import { canMountTmpfs, fillDisk, mountTmpfs, remountReadOnly } from '../../testing/tmpfs.js';
import { damageMarkPath } from './damage-mark.js';
import { appliedVersion, MIGRATIONS, migrate } from './migrations.js';
import { openSqliteStore, type SqliteStoreOptions } from './open-sqlite-store.js';
import { type FixtureProcess, spawnFixture } from './test-fixtures/spawn-fixture.js';
import { DEFAULT_RETRY } from './write-transaction.js';

let dir: string;
const children: FixtureProcess[] = [];
const mounts: { unmount(): void }[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'waymark faults '));
});
afterEach(async () => {
  for (const child of children.splice(0)) child.child.kill('SIGKILL');
  for (const mount of mounts.splice(0)) mount.unmount();
  await rm(dir, { recursive: true, force: true });
});

const event = (i: number, extra: Partial<NewEvent> = {}): NewEvent =>
  ({
    id: `e${i}`,
    roadmapId: 'r',
    nodeId: `n${i % 50}`,
    at: '2026-01-01T10:00:00.000Z',
    changeId: `c${i}`,
    type: 'note',
    text: `note ${i} `.repeat(20),
    ...extra,
  }) as NewEvent;

function refusal(fn: () => unknown): WaymarkError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WaymarkError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function storeWith(path: string, events: number): void {
  const store = openSqliteStore(path);
  store.appendEvents(Array.from({ length: events }, (_, i) => event(i)));
  store.close();
}

const open = (path: string, options: SqliteStoreOptions = {}) => openSqliteStore(path, options);

function tmpfs(size: string): string {
  const mount = mountTmpfs(dir, `mnt-${mounts.length}`, size);
  mounts.push(mount);
  return mount.path;
}

describe('a zero-byte store file', () => {
  it('is refused, in both modes, and left as it is', () => {
    const path = join(dir, 'waymark.db');
    writeFileSync(path, '');
    for (const readOnly of [false, true]) {
      const error = refusal(() => open(path, { readOnly }));
      expect(error.code).toBe('STORE');
      expect(error.message).toBe(
        `${path} is empty (0 bytes): it is not a Waymark database, and Waymark does not start a new store over it.`,
      );
      expect(error.hint).toMatch(/restore your last backup .*delete the empty file/);
    }
    expect(statSync(path).size).toBe(0);
    expect(readdirSync(dir)).toEqual(['waymark.db']);
  });

  it('is never left by Waymark itself: a new store appears complete, with no temporary file left', () => {
    const path = join(dir, 'new', 'waymark.db');
    mkdirSync(join(dir, 'new'));
    // What a process killed while creating the store leaves (pid 2^22 + 1 is above Linux's pid_max).
    writeFileSync(join(dir, 'new', '.waymark.db.4194305-0badc0de.new'), 'half a store');
    writeFileSync(join(dir, 'new', '.waymark.db.4194305-0badc0de.new-wal'), 'its log');
    open(path).close();
    expect(statSync(path).size).toBeGreaterThan(0);
    expect(readdirSync(join(dir, 'new'))).toEqual(['waymark.db']);
  });
});

describe('read mode', () => {
  it('reads without creating a store, and refuses to write', () => {
    const path = join(dir, 'none.db');
    const store = open(path, { readOnly: true });
    expect(store.listRoadmaps()).toEqual([]);
    expect(store.listEvents()).toEqual([]);
    expect(refusal(() => store.appendEvents([event(1)])).message).toContain('for reading only');
    store.close();
    expect(existsSync(path)).toBe(false);
  });

  it('never waits for the write lock: reads while another process holds it', async () => {
    const path = join(dir, 'w.db');
    storeWith(path, 10);
    const holder = spawnFixture('./hold-write-lock.mjs', [path, '5000']);
    children.push(holder);
    expect(await holder.firstLine).toBe('locked');
    const start = performance.now();
    const store = open(path, { readOnly: true });
    expect(store.listEvents()).toHaveLength(10);
    store.writeCache('k', '1', 'v'); // best effort: gives up at once while the lock is held
    store.close();
    expect(performance.now() - start).toBeLessThan(1000); // a writer would wait 5 s
  });

  it('reads a store of an older schema: upgraded once when writable, read as upgraded when not', () => {
    const path = join(dir, 'old.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    migrate(db, path, DEFAULT_RETRY, MIGRATIONS.slice(0, 1));
    db.prepare(
      `INSERT INTO roadmaps (id, title, source_path, sha256, model, imported_at) VALUES ('r', 'R', '/x/r.md', ?, '{}', ?)`,
    ).run('a'.repeat(64), '2026-01-01T00:00:00.000Z');
    db.close();
    const copy = join(dir, 'old-copy.db');
    writeFileSync(copy, readFileSync(path));
    const reader = open(path, { readOnly: true });
    expect(reader.listRoadmaps().map((r) => [r.id, r.sourceUnconfirmed])).toEqual([['r', undefined]]);
    reader.close();
    const upgraded = new Database(path, { readonly: true });
    expect(appliedVersion(upgraded)).toBe(MIGRATIONS.at(-1)?.id);
    upgraded.close();
    chmodSync(copy, 0o444);
    if (process.getuid?.() !== 0) {
      const snapshot = open(copy, { readOnly: true }); // cannot be upgraded in place: read as upgraded
      expect(snapshot.listRoadmaps().map((r) => r.id)).toEqual(['r']);
      snapshot.close();
    }
  });

  it.runIf(canMountTmpfs)('reads a store on read-only media (no -shm file can be made there)', () => {
    const mount = tmpfs('4m');
    const path = join(mount, 'waymark.db');
    storeWith(path, 30);
    remountReadOnly(mount);
    const store = open(path, { readOnly: true });
    expect(store.listEvents()).toHaveLength(30);
    store.close();
    expect(refusal(() => open(path)).message).toContain('read-only');
  });
});

describe('a damaged store', () => {
  /** Overwrites pages in the middle of the file (the event table's), leaving the schema readable. */
  function damage(path: string): void {
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, Math.floor(size / 4096 / 2) * 4096);
    closeSync(fd);
  }

  it('names the damage, writes nothing more (this process or the next), and still exports', () => {
    const path = join(dir, 'w.db');
    storeWith(path, 600);
    damage(path);
    const store = open(path);
    const error = refusal(() => store.listEvents());
    expect(error.code).toBe('STORE');
    expect(error.message).toMatch(
      new RegExp(`^The database ${path} is damaged \\(.*\\); Waymark will not write`),
    );
    expect(error.hint).toMatch(/restore BACKUP\.json.*waymark export --out rescue\.json/);
    expect(refusal(() => store.appendEvents([event(9999)])).message).toContain('is damaged');
    store.close();
    expect(existsSync(damageMarkPath(path))).toBe(true);
    // The next process: refused for writing even though its own write would miss the damaged pages.
    expect(refusal(() => open(path)).message).toContain('is damaged');
    // Reading still works where the pages are sound: what `export` needs to save the rest.
    const reader = open(path, { readOnly: true });
    expect(reader.listRoadmaps()).toEqual([]);
    reader.close();
  });

  it("refuses the first write of a process even when the write's own reads miss the damage", () => {
    const path = join(dir, 'w.db');
    storeWith(path, 600);
    damage(path);
    const store = open(path);
    const error = refusal(() => store.appendEvents([event(9999)]));
    expect(error.message).toContain('is damaged');
    store.close();
    const reader = open(path, { readOnly: true });
    expect(() => reader.listEvents()).toThrow(/is damaged/);
    expect(reader.eventStamp()).toBe('600'); // the log's end is intact: the new event was never added
    reader.close();
  });

  it('forgets the mark once the file is replaced (a restored store moved into place)', () => {
    const path = join(dir, 'w.db');
    storeWith(path, 600);
    damage(path);
    const store = open(path);
    refusal(() => store.listEvents());
    store.close();
    storeWith(join(dir, 'fresh.db'), 3);
    renameSync(join(dir, 'fresh.db'), path);
    const replaced = open(path);
    expect(replaced.listEvents()).toHaveLength(3);
    replaced.close();
    expect(existsSync(damageMarkPath(path))).toBe(false);
  });
});

describe.runIf(canMountTmpfs)('a full disk', () => {
  it('refuses a write with "full", keeps what was stored, and still reads', () => {
    const mount = tmpfs('2m');
    const path = join(mount, 'waymark.db');
    storeWith(path, 50);
    const store = open(path);
    fillDisk(mount);
    const error = refusal(() => store.appendEvents(Array.from({ length: 500 }, (_, i) => event(1000 + i))));
    expect(error.code).toBe('STORE');
    expect(error.message).toBe(
      `The disk holding the database ${path} is full: nothing of this change was saved.`,
    );
    expect(error.hint).toMatch(/Free some disk space/);
    expect(store.listEvents()).toHaveLength(50);
    store.close();
    // A new reader, with no room left even for SQLite's shared-memory file.
    const reader = open(path, { readOnly: true });
    expect(reader.listEvents()).toHaveLength(50);
    reader.close();
    rmSync(join(mount, 'filler'));
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('a symlink loop', () => {
  it.each([false, true])('is named as such (read mode: %s)', (readOnly) => {
    const path = join(dir, 'loop.db');
    symlinkSync(path, path);
    const error = refusal(() => open(path, { readOnly }));
    expect(error.code).toBe('STORE');
    expect(error.message).toBe(`Cannot open the database ${path}: its path is a loop of symbolic links.`);
  });
});
