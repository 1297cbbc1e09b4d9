import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, binFor, type CliSandbox, cliSandbox, NOBODY, ROOT, removeSharedCopy } from './cli-harness.js';

/*
 * `sync` and the reading commands against the learner's real files: table-cell and second-line boxes,
 * symlinks, read-only files, leftovers of a killed sync, several roadmaps with one bad, special files.
 */

let cli: CliSandbox;
afterAll(() => removeSharedCopy());

beforeEach(() => {
  cli = cliSandbox('waymark sync files ');
});
afterEach(() => {
  // Folders a test made read-only must be opened again to be removed; links are never followed (one points
  // at a bundled roadmap).
  for (const name of readdirSync(cli.dir)) {
    if (lstatSync(cli.path(name)).isDirectory()) chmodSync(cli.path(name), 0o700);
  }
  cli.cleanup();
});

interface SyncJson {
  roadmapId: string;
  written: { id: string }[];
  recorded: { id: string }[];
  unwritable: { id: string; line: number; checked: boolean }[];
  archived: { id: string; title: string }[];
  error?: { message: string };
}

const idOf = (path: string) =>
  (cli.ok(['list', '--json']).json as { id: string; sourcePath: string }[]).find(
    (roadmap) => roadmap.sourcePath === path,
  )?.id as string;

describe('sync with boxes that are not task-list boxes', () => {
  const TABLE = [
    '# Course',
    '',
    '## Phase 1 (2 weeks)',
    '',
    '| Topic | Done |',
    '| --- | --- |',
    '| Intro | [ ] |',
    '| Next | ✅ |',
    '| Third | done |',
    '',
    '-',
    '  [ ] Second line',
    '- [ ] Normal',
    '',
  ].join('\n');

  it('writes a [ ] cell and a box on the second line byte-exactly; asks for the others by hand', () => {
    const path = cli.path('course.md');
    writeFileSync(path, TABLE);
    cli.ok(['import', path]);
    cli.ok(['done', 'Intro']);
    cli.ok(['done', 'Second line']);
    cli.ok(['reset', 'Next']);
    const run = cli.run(['sync', '--json']);
    expect(run.stderr).not.toMatch(/bug/);
    expect(run.status).toBe(0);
    const [result] = JSON.parse(run.stdout) as SyncJson[];
    expect(result?.written).toHaveLength(2);
    expect(result?.unwritable).toEqual([expect.objectContaining({ line: 8, checked: false })]);
    expect(readFileSync(path, 'utf8')).toBe(
      TABLE.replace('| Intro | [ ] |', '| Intro | [x] |').replace('  [ ] Second line', '  [x] Second line'),
    );
    const again = cli.ok(['sync']);
    expect(again.stdout).toMatch(/by hand\s+clear line 8/);
  });
});

describe('sync and the file itself', () => {
  const PLAN = '# Plan\n\n## Phase 1 (2 weeks)\n\n- [ ] One\n- [ ] Two\n- [ ] Three\n';

  it('writes through a symlink (a roadmap kept in a dotfiles repo) and keeps the link', () => {
    mkdirSync(cli.path('notes'));
    const real = cli.path('notes/plan.md');
    writeFileSync(real, PLAN);
    symlinkSync(real, cli.path('plan.md'));
    cli.ok(['import', cli.path('plan.md')]);
    cli.ok(['done', 'One']);
    cli.ok(['sync']);
    expect(lstatSync(cli.path('plan.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(PLAN.replace('- [ ] One', '- [x] One'));
  });

  it('never writes a bundled roadmap, even through a link of the learner’s that points at it', () => {
    const bundled = join(ROOT, 'roadmaps', 'ai-engineer.md');
    const before = readFileSync(bundled);
    symlinkSync(bundled, cli.path('mine.md'));
    cli.ok(['import', cli.path('mine.md')]);
    const id = idOf(cli.path('mine.md'));
    const nodes = (cli.ok(['status', id, '--json']).json as { nodes: { id: string; total: number }[] }).nodes;
    const first = nodes.find((node) => node.total > 0)?.id;
    cli.ok(['done', `${id}:${first}`, '--all']);
    const run = cli.run(['sync', id]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bundled roadmap/);
    expect(readFileSync(bundled).equals(before)).toBe(true);
  });

  it('refuses a read-only file with a message, records nothing, and goes on with the other roadmaps', () => {
    const locked = cli.path('locked.md');
    const open = cli.path('open.md');
    writeFileSync(locked, PLAN);
    writeFileSync(open, PLAN.replace('# Plan', '# Other'));
    cli.ok(['import', locked]);
    cli.ok(['import', open]);
    cli.ok(['done', `${idOf(locked)}:${'One'}`]);
    cli.ok(['done', `${idOf(open)}:${'Two'}`]);
    chmodSync(locked, 0o444);
    const run = cli.run(['sync']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${idOf(locked)}: ${locked} is read-only (mode 0444)`);
    expect(run.stderr).toMatch(/chmod u\+w/);
    expect(run.stderr).toMatch(/1 of 2 roadmaps could not be synced/);
    const json = JSON.parse(cli.run(['sync', '--json']).stdout) as SyncJson[];
    expect(json.find((entry) => entry.roadmapId === idOf(locked))?.error?.message).toMatch(/read-only/);
    expect(readFileSync(locked, 'utf8')).toBe(PLAN);
    expect(readFileSync(open, 'utf8')).toBe(
      PLAN.replace('# Plan', '# Other').replace('- [ ] Two', '- [x] Two'),
    );
  });

  it('the first sync after an import writes nothing the learner did not change (a ticked parent)', () => {
    const path = cli.path('parent.md');
    const text = '# Plan\n\n## Phase 1 (2 weeks)\n\n- [x] Parent\n  - [ ] Child\n  - [ ] Other child\n';
    writeFileSync(path, text);
    cli.ok(['import', path]);
    const result = cli.ok(['sync']);
    expect(result.stdout).toMatch(/in sync/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('reports every archived item instead of "in sync"', () => {
    const path = cli.path('plan.md');
    writeFileSync(path, PLAN);
    cli.ok(['import', path]);
    cli.ok(['sync']);
    writeFileSync(path, PLAN.replace('- [ ] Three\n', ''));
    const json = cli.ok(['sync', '--json']).json as SyncJson[];
    expect(json[0]?.archived).toEqual([expect.objectContaining({ title: 'Three' })]);
    writeFileSync(path, PLAN.replace('- [ ] Two\n', '').replace('- [ ] Three\n', ''));
    const text = cli.ok(['sync']).stdout;
    expect(text).toMatch(/archived\s+\S+ Two/);
    expect(text).not.toMatch(/in sync/);
  });

  it('removes a temp file a killed sync left behind', () => {
    const path = cli.path('plan.md');
    writeFileSync(path, PLAN);
    cli.ok(['import', path]);
    const leftover = cli.path('.plan.md.waymark-0123456789ab.tmp');
    writeFileSync(leftover, 'x'.repeat(100_000));
    const run = cli.ok(['sync']);
    expect(existsSync(leftover)).toBe(false);
    expect(run.stdout).toMatch(/cleaned\s+1 temp file/);
  });

  it('a folder it cannot write: the error names the roadmap and its folder, not a temp file', (context) => {
    // Root writes anywhere, so as root the CLI runs as `nobody`, owning everything but the roadmap's folder.
    const asRoot = process.getuid?.() === 0;
    const runnable = asRoot ? binFor(NOBODY) : undefined;
    // A checkout in a private folder keeps node_modules out of nobody's reach: nothing to prove it with then.
    if (runnable && 'skip' in runnable) return context.skip(runnable.skip);
    mkdirSync(cli.path('ro'));
    const path = cli.path('ro/plan.md');
    writeFileSync(path, PLAN);
    cli.ok(['import', path]);
    cli.ok(['done', 'One']);
    if (asRoot) {
      for (const name of readdirSync(cli.dir)) chownSync(cli.path(name), 65534, 65534);
      chownSync(cli.dir, 65534, 65534);
      chownSync(cli.path('ro'), 0, 0);
      chownSync(path, 65534, 65534);
    }
    chmodSync(cli.path('ro'), asRoot ? 0o755 : 0o500);
    const run = cli.run(['sync'], {}, asRoot ? NOBODY : undefined);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${path}: its folder ${cli.path('ro')} is not writable`);
    expect(run.stderr).not.toMatch(/\.tmp/);
    expect(readFileSync(path, 'utf8')).toBe(PLAN);
  });
});

describe('files that are not what they seem', () => {
  it.each(['/dev/zero', '/dev/urandom'])(
    'inspect and import of %s: refused at once, by what it is',
    (device) => {
      if (!existsSync(device)) return;
      for (const command of ['inspect', 'import']) {
        const run = cli.run([command, device]);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain(`${device} is a character device, not a roadmap file`);
      }
    },
  );

  it('a FIFO: refused, never waited on', () => {
    const fifo = cli.path('pipe.md');
    execFileSync('mkfifo', [fifo]);
    const run = cli.run(['inspect', fifo]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/named pipe \(FIFO\)/);
  });

  it('no raw YAMLWarning reaches the terminal: the front matter’s problems are warnings with a line', () => {
    const path = cli.path('tagged.md');
    writeFileSync(path, '---\ntitle: !custom My Plan\ntitle: Again\n---\n# T\n\n- [ ] a\n');
    const run = cli.run(['inspect', path]);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/YAMLWarning|trace-warnings/);
    expect(run.stderr).toMatch(/tagged\.md:2: warning: front matter: Unresolved tag/);
    expect(run.stderr).toMatch(/tagged\.md:3: warning: front matter: "title" is given again/);
  });
});

describe('a sync killed at any moment', () => {
  it('leaves the file whole (old or new), and the next sync cleans up and finishes', async () => {
    const path = cli.path('big.md');
    const notes = `${'A long paragraph of notes kept with the plan. '.repeat(15_000)}\n\n`;
    const original = `# Big\n\n${notes}## Phase 1 (2 weeks)\n\n- [ ] One\n- [ ] Two\n`;
    writeFileSync(path, original);
    cli.ok(['import', path]);
    let caughtMidWrite = 0;
    for (let round = 0; round < 4; round++) {
      cli.ok([round % 2 === 0 ? 'done' : 'reset', 'One']);
      const before = readFileSync(path, 'utf8');
      const child = spawn(process.execPath, [BIN, '--db', cli.db, 'sync'], { stdio: 'ignore' });
      const closed = new Promise((resolve) => child.on('close', resolve));
      // Killed the moment its temp file appears (while it writes), or whenever the poll gives up.
      const giveUp = Date.now() + 10_000;
      while (Date.now() < giveUp && child.exitCode === null) {
        if (readdirSync(cli.dir).some((name) => name.includes('.waymark-'))) {
          caughtMidWrite++;
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      child.kill('SIGKILL');
      await closed;
      const after = readFileSync(path, 'utf8');
      const synced = before.replace(/- \[[ x]\] One/, round % 2 === 0 ? '- [x] One' : '- [ ] One');
      expect([before, synced]).toContain(after);
      cli.ok(['sync']);
      expect(readdirSync(cli.dir).filter((name) => name.includes('.waymark-'))).toEqual([]);
      expect(readFileSync(path, 'utf8')).toBe(synced);
    }
    expect(caughtMidWrite).toBeGreaterThan(0);
  }, 120_000);
});
