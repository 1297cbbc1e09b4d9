import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnFixture } from '../src/store/sqlite/test-fixtures/spawn-fixture.js';
import { binFor, type CliSandbox, cliSandbox, NOBODY, removeSharedCopy } from './cli-harness.js';

const asRoot = process.getuid?.() === 0;

/*
 * The tracking commands end to end: the real binary against a real SQLite file, clock frozen.
 */

interface JsonNode {
  id: string;
  title: string;
  kind: string;
  status: string;
  done: number;
  total: number;
  minutes: number;
  children: JsonNode[];
}

let cli: CliSandbox;
beforeEach(() => {
  cli = cliSandbox();
});
afterEach(() => cli.cleanup());
afterAll(() => removeSharedCopy());

function tree(roadmap: string): Map<string, JsonNode> {
  const status = cli.ok(['status', roadmap, '--json']).json as { nodes: JsonNode[] };
  const byId = new Map<string, JsonNode>();
  const visit = (node: JsonNode) => {
    byId.set(node.id, node);
    node.children.forEach(visit);
  };
  status.nodes.forEach(visit);
  return byId;
}

const eventCount = () => (cli.ok(['export', '--format', 'json']).stdout.match(/"changeId"/g) ?? []).length;

describe('import, list and status', () => {
  it('imports a bundled roadmap by name and lists it with its progress', () => {
    const imported = cli.ok(['import', 'ai-engineer']);
    expect(imported.stdout).toContain('ai-engineer');
    const list = cli.ok(['list', '--json']).json as { id: string; title: string; progress: unknown }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'ai-engineer', title: 'Complete AI Engineer Roadmap' });
    expect(list[0]?.progress).toBeDefined();
    const nodes = tree('ai-engineer');
    expect(nodes.get('3.1.4.2')).toMatchObject({ kind: 'topic', status: 'todo' });
    for (const node of nodes.values()) expect(['todo', 'doing', 'done', 'skipped']).toContain(node.status);
  });
});

describe('status changes', () => {
  beforeEach(() => {
    cli.ok(['import', 'ai-engineer']);
  });

  it('marks a section and everything beneath with --all, as one change that one undo reverts', () => {
    cli.ok(['done', '2.3', '--all']);
    let nodes = tree('ai-engineer');
    const section = nodes.get('2.3') as JsonNode;
    expect(section.status).toBe('done');
    for (const child of section.children) expect(child.status).toBe('done');
    expect(section.done).toBe(section.total);
    expect((nodes.get('2') as JsonNode).done).toBeGreaterThanOrEqual(section.total);

    const undo = cli.ok(['undo', '--json']).json as { undone: unknown[] };
    expect(undo.undone.length).toBe(section.total); // one status event per item beneath, none on 2.3 itself
    nodes = tree('ai-engineer');
    expect(nodes.get('2.3')?.status).toBe('todo');
    expect(nodes.get('2.3.1')?.status).toBe('todo');
  });

  it('counts a parent as done when all its trackable children are done or skipped', () => {
    const children = (tree('ai-engineer').get('2.3') as JsonNode).children.map((child) => child.id);
    const [first, ...rest] = children;
    cli.ok(['skip', first as string]);
    cli.ok(['done', ...rest]);
    expect(tree('ai-engineer').get('2.3')?.status).toBe('done');
  });

  it('records start, reset and backfilled times, and shows an item with its history', () => {
    cli.ok(['start', '1.1.1.1']);
    cli.ok(['done', '1.1.1.1', '--at', 'yesterday']);
    // The backfilled "done" happened before the "start" recorded today: the later event wins.
    expect(tree('ai-engineer').get('1.1.1.1')?.status).toBe('doing');
    cli.ok(['done', '1.1.1.1', '--at', '2026-11-20T13:30'], { WAYMARK_NOW: '2026-11-20T18:00:00Z' });
    const shown = cli.ok(['show', 'ai-engineer:1.1.1.1', '--json']).json as {
      progress: { status: string };
      history: { type: string; at: string }[];
    };
    expect(shown.progress.status).toBe('done');
    expect(shown.history.length).toBe(3);
    cli.ok(['reset', '1.1.1.1'], { WAYMARK_NOW: '2026-11-20T18:05:00Z' });
    expect(tree('ai-engineer').get('1.1.1.1')?.status).toBe('todo');
  });

  it('refuses --at with a year before 1970 (0026 for 2026), suggesting the likely date', () => {
    for (const at of ['0026-11-20', '0099-01-01T10:00', '1969-12-31']) {
      const result = cli.run(['done', '1.1.1', '--at', at]);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain(`"${at}" is before 1970`);
    }
    expect(cli.run(['log', '1h', '--at', '0026-11-20']).stderr).toContain('Did you mean 2026-11-20?');
    expect(eventCount()).toBe(0);
  });

  it('says which items match when a reference is ambiguous or unknown', () => {
    const ambiguous = cli.run(['done', 'Linear']);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/Linear/);
    expect(ambiguous.stderr.split('\n').length).toBeGreaterThan(2);
    const unknown = cli.run(['done', '99.99.99']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('99.99.99');
    expect(eventCount()).toBe(0);
  });
});

describe('time, notes and evidence', () => {
  beforeEach(() => {
    cli.ok(['import', 'ai-engineer']);
  });

  it('logs study time on an item and rolls it up to the phase', () => {
    cli.ok(['log', '1h30', '1.1.1', '-m', 'vectors and matrices']);
    cli.ok(['log', '45m']);
    const nodes = tree('ai-engineer');
    expect(nodes.get('1.1.1')?.minutes).toBe(90);
    expect(nodes.get('1')?.minutes).toBe(90);
    const shown = cli.ok(['show', '1.1.1', '--json']).json as { progress: { minutes: number } };
    expect(shown.progress.minutes).toBe(90);
  });

  it.each([
    ['abc', /not a duration/],
    ['99999h', /more than 24 hours/],
    ['0m', /zero/],
  ])('refuses the duration %s with a clear message and stores nothing', (duration, message) => {
    const result = cli.run(['log', duration, '1.1.1']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(eventCount()).toBe(0);
  });

  it('treats a negative duration as a usage error with a hint', () => {
    const result = cli.run(['log', '-5m']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/negative/);
    const viaDashes = cli.run(['log', '--', '-5m']);
    expect(viaDashes.status).toBe(1);
    expect(viaDashes.stderr).toMatch(/negative/);
    expect(eventCount()).toBe(0);
  });

  it('keeps notes and evidence on the item', () => {
    cli.ok(['note', '16.1', 'Booked the exam for January']);
    cli.ok(['evidence', '16.1', 'https://example.org/cert/123', '--kind', 'certificate']);
    const shown = cli.ok(['show', '16.1', '--json']).json as {
      progress: { notes: { text: string }[]; evidence: { kind: string; ref: string }[] };
    };
    expect(shown.progress.notes.map((note) => note.text)).toEqual(['Booked the exam for January']);
    expect(shown.progress.evidence).toMatchObject([
      { kind: 'certificate', ref: 'https://example.org/cert/123' },
    ]);
    const badKind = cli.run(['evidence', '16.1', 'x', '--kind', 'diploma']);
    expect(badKind.status).not.toBe(0);
    expect(badKind.stderr).toMatch(/certificate/);
  });
});

describe('backup and restore', () => {
  it('restores a full backup into an empty store with nothing lost', () => {
    cli.ok(['import', 'ai-engineer']);
    cli.ok(['import', 'dev-to-ai-engineer']);
    cli.ok(['done', '2.3', '--all']);
    cli.ok(['undo']);
    cli.ok(['log', '2h', '1.1.1', '-m', 'numpy']);
    cli.ok(['note', '1.1.1', 'ok']);
    cli.ok(['export', '--out', cli.path('backup.json')]);
    const original = JSON.parse(readFileSync(cli.path('backup.json'), 'utf8'));

    const fresh = cli.path('restored.db');
    cli.ok(['--db', fresh, 'restore', cli.path('backup.json')]);
    const again = JSON.parse(cli.ok(['--db', fresh, 'export']).stdout);
    expect(again).toEqual(original);
    const before = cli.ok(['status', '--json']).stdout;
    expect(cli.ok(['--db', fresh, 'status', '--json']).stdout).toBe(before);
  });

  it('refuses to restore into a store that is not empty, or a damaged backup, changing nothing', () => {
    cli.ok(['import', 'ai-engineer']);
    cli.ok(['done', '1.1.1.1']);
    cli.ok(['export', '--out', cli.path('backup.json')]);
    const refused = cli.run(['restore', cli.path('backup.json')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/not empty/);
    expect(eventCount()).toBe(1);

    writeFileSync(cli.path('damaged.json'), '{"format": "waymark-backup", "version": 1, "roadmaps": [');
    const fresh = cli.path('fresh.db');
    const damaged = cli.run(['--db', fresh, 'restore', cli.path('damaged.json')]);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toMatch(/damaged\.json is not a valid Waymark backup: invalid JSON/);
    expect(cli.ok(['--db', fresh, 'list', '--json']).json).toEqual([]);
  });
});

describe('restoring what is not a backup file', () => {
  it.each(['/dev/zero', '/dev/urandom'])('refuses %s at once', (device) => {
    const result = cli.run(['restore', device]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${device} is a character device, not a backup file.`);
  });

  it.runIf(process.platform !== 'win32')('refuses a FIFO without blocking', () => {
    const fifo = cli.path('backup.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = cli.run(['restore', fifo]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${fifo} is a named pipe (FIFO), not a backup file.`);
  });
});

describe('the store file', () => {
  it('explains a file that is not a database, without touching it', () => {
    writeFileSync(cli.db, 'my shopping list\n');
    const result = cli.run(['list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not a Waymark database/);
    expect(readFileSync(cli.db, 'utf8')).toBe('my shopping list\n');
  });

  it('refuses a store written by a newer Waymark', () => {
    cli.ok(['import', 'ai-engineer']);
    const db = new Database(cli.db);
    db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (999, ?)').run(
      '2030-01-01T00:00:00.000Z',
    );
    db.close();
    const result = cli.run(['list']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/newer/i);
  });

  it('explains a store in a folder it cannot write', (context) => {
    // Root writes anywhere, so as root the CLI runs as `nobody` against a folder only root may write.
    const as = asRoot ? NOBODY : undefined;
    const runnable = as ? binFor(as) : undefined;
    if (runnable && 'skip' in runnable) return context.skip(runnable.skip);
    chmodSync(cli.dir, asRoot ? 0o755 : 0o500);
    try {
      const result = cli.run(['import', 'ai-engineer'], {}, as);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/permission|read-only|cannot/i);
      expect(result.stderr).toContain(cli.db);
      // A command that only reads needs no store file: it shows an empty one and creates nothing.
      expect(cli.run(['list', '--json'], {}, as).stdout.trim()).toBe('[]');
      expect(existsSync(cli.db)).toBe(false);
    } finally {
      chmodSync(cli.dir, 0o700);
    }
  });

  it('lists, shows and exports a read-only store (0444 in a read-only folder), never changing it', (context) => {
    const as = asRoot ? NOBODY : undefined;
    const runnable = as ? binFor(as) : undefined;
    if (runnable && 'skip' in runnable) return context.skip(runnable.skip);
    cli.ok(['import', 'ai-engineer']);
    cli.ok(['done', '1.1.1']);
    const backup = cli.ok(['export', '--format', 'json']).stdout;
    const before = readFileSync(cli.db);
    chmodSync(cli.db, 0o444);
    chmodSync(cli.dir, 0o555);
    try {
      for (const args of [
        ['list', '--json'],
        ['status', 'ai-engineer', '--json'],
        ['show', '1.1.1'],
        ['plan', 'ai-engineer'],
        ['today'],
        ['capacity'],
        ['target', 'ai-engineer'],
        ['stats'],
        ['streak'],
      ]) {
        const result = cli.run(args, {}, as);
        expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      }
      const exported = cli.run(['export', '--format', 'json'], {}, as);
      expect(exported.status, exported.stderr).toBe(0);
      expect(exported.stdout).toBe(backup);
      const write = cli.run(['done', '1.1.2'], {}, as);
      expect(write.status).toBe(1);
      expect(write.stderr).toMatch(/read-only/);
    } finally {
      chmodSync(cli.dir, 0o700);
      chmodSync(cli.db, 0o644);
    }
    expect(readFileSync(cli.db).equals(before), 'the store file is unchanged').toBe(true);
  });

  it('lists and exports at once while another process holds the write lock', async () => {
    cli.ok(['import', 'ai-engineer']);
    const holder = spawnFixture('./hold-write-lock.mjs', [cli.db, '8000']);
    try {
      expect(await holder.firstLine).toBe('locked');
      for (const args of [['list'], ['export', '--format', 'json'], ['status', 'ai-engineer']]) {
        const start = performance.now();
        const result = cli.run(args);
        expect(result.status, result.stderr).toBe(0);
        expect(performance.now() - start, `${args[0]} waited for the lock`).toBeLessThan(4000);
      }
    } finally {
      holder.child.kill('SIGKILL');
      await holder.closed;
    }
  });

  it('names a symlink loop, as the store or as a roadmap file, instead of calling it a bug', () => {
    symlinkSync(cli.db, cli.db);
    for (const args of [['list'], ['import', 'ai-engineer']]) {
      const result = cli.run(args);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(
        `Cannot open the database ${cli.db}: its path is a loop of symbolic links.`,
      );
      expect(result.stderr).not.toMatch(/bug/);
    }
    const loop = cli.path('loop.md');
    symlinkSync(loop, loop);
    const imported = cli.run(['--db', cli.path('other.db'), 'import', loop]);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain(
      `${loop}: too many levels of symbolic links (a link that points to itself, or a loop)`,
    );
    expect(imported.stderr).not.toMatch(/bug/);
  });

  it('refuses a zero-byte store file instead of starting a new store over it', () => {
    writeFileSync(cli.db, '');
    for (const args of [['list'], ['import', 'ai-engineer']]) {
      const result = cli.run(args);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`${cli.db} is empty (0 bytes)`);
    }
    expect(readFileSync(cli.db).length).toBe(0);
  });
});

describe('sync with the Markdown file', () => {
  const ROADMAP = [
    '# My Plan',
    '',
    '## Phase 1: Basics (2 weeks)',
    '',
    '- [ ] 1.1 Python',
    '- [ ]  1.2 Git   <!-- spacing kept -->',
    '- [x] 1.3 Linux',
    '- Reading list (no box)',
    '',
  ].join('\r\n');

  beforeEach(() => {
    writeFileSync(cli.path('plan.md'), ROADMAP);
    cli.ok(['import', cli.path('plan.md')]);
  });

  const id = () => (cli.ok(['list', '--json']).json as { id: string }[])[0]?.id as string;

  it('merges both sides and writes only the bytes between the brackets', () => {
    cli.ok(['sync']);
    cli.ok(['done', '1.1']);
    writeFileSync(cli.path('plan.md'), ROADMAP.replace('- [ ]  1.2', '- [x]  1.2'));
    const result = cli.ok(['sync', '--json']).json as { written: unknown[]; recorded: unknown[] }[];
    expect(result[0]?.written).toHaveLength(1);
    expect(result[0]?.recorded).toHaveLength(1);
    const after = readFileSync(cli.path('plan.md'), 'utf8');
    expect(after).toBe(ROADMAP.replace('- [ ] 1.1', '- [x] 1.1').replace('- [ ]  1.2', '- [x]  1.2'));
    const nodes = tree(id());
    expect(nodes.get('1.2')?.status).toBe('done');
    expect(cli.ok(['sync']).stdout).toContain('in sync');
  });

  it('reports a true conflict instead of guessing, and resolves it on request', () => {
    cli.ok(['sync']);
    cli.ok(['done', '1.1']);
    cli.ok(['reset', '1.1']);
    writeFileSync(cli.path('plan.md'), ROADMAP.replace('- [ ] 1.1', '- [x] 1.1'));
    const conflict = cli.run(['sync']);
    expect(conflict.status).toBe(1);
    expect(conflict.stdout).toMatch(/conflict\s+1\.1/);
    expect(conflict.stderr).toMatch(/--prefer/);
    cli.ok(['sync', '--prefer', 'file']);
    expect(tree(id()).get('1.1')?.status).toBe('done');
  });

  it('does not sync a source path that came with a restored backup until --relink confirms it', () => {
    cli.ok(['sync']);
    cli.ok(['done', '1.1']);
    cli.ok(['export', '--out', cli.path('backup.json')]);
    const fresh = cli.path('fresh.db');
    const restored = cli.ok(['--db', fresh, 'restore', cli.path('backup.json')]);
    expect(restored.stdout).toContain('Confirm with `waymark sync --relink`');
    const before = readFileSync(cli.path('plan.md'));
    const skipped = cli.ok(['--db', fresh, 'sync']);
    expect(skipped.stderr).toContain(
      `Skipped "${id()}": its file ${cli.path('plan.md')} came with a restored backup`,
    );
    const named = cli.run(['--db', fresh, 'sync', id()]);
    expect(named.status).toBe(1);
    expect(named.stderr).toContain(`waymark sync ${id()} --relink`);
    expect(readFileSync(cli.path('plan.md')).equals(before), 'the file is untouched').toBe(true);
    const relinked = cli.ok(['--db', fresh, 'sync', '--relink']);
    expect(relinked.stderr).toContain(`Confirmed ${cli.path('plan.md')} as the file of "${id()}"`);
    expect(readFileSync(cli.path('plan.md'), 'utf8')).toBe(ROADMAP.replace('- [ ] 1.1', '- [x] 1.1'));
    expect(cli.ok(['--db', fresh, 'sync']).stdout).toContain('in sync');
  });

  it('explains a deleted source file and never syncs the bundled roadmaps', () => {
    const mine = id();
    cli.ok(['import', 'ai-engineer']);
    const bundled = cli.run(['sync', 'ai-engineer']);
    expect(bundled.status).toBe(1);
    expect(bundled.stderr).toMatch(/bundled/);
    unlinkSync(cli.path('plan.md'));
    const gone = cli.run(['sync', mine]);
    expect(gone.status).toBe(1);
    expect(gone.stderr).toMatch(/deleted or moved/);
  });
});
