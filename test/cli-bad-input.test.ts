import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Bad input through the real CLI binary (`node bin/waymark inspect ...`): every case ends with exit
 * code 0 or 1, a short stderr that names the file, never a stack trace, and never hangs.
 * `npm test` builds dist/ before vitest runs; run `npm run build` first when running vitest alone.
 */

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'waymark');
const COMPILED = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const TIMEOUT_MS = 20_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function waymark(...args: string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.WAYMARK_DEBUG;
  const started = performance.now();
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.error) throw new Error(`waymark ${args.join(' ')} did not finish: ${result.error.message}`);
  expect(result.signal, `waymark ${args.join(' ')} was killed (hang?)`).toBeNull();
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms };
}

const stderrLines = (run: Run) => run.stderr.split('\n').filter((line) => line.trim() !== '');

/** The promises every bad-input run keeps: exit code, short stderr naming the file, no stack trace. */
function expectClean(run: Run, file: string, exitCodes: number[]): void {
  const context = `stderr was:\n${run.stderr.slice(0, 2000)}`;
  expect(exitCodes, `exit code ${run.status}; ${context}`).toContain(run.status);
  expect(run.stderr, context).not.toContain('    at ');
  expect(run.stderr, context).not.toMatch(/unexpected error|This is a bug/);
  expect(stderrLines(run).length, context).toBeLessThanOrEqual(3);
  if (run.stderr.trim() !== '') expect(run.stderr, context).toContain(file);
  if (run.status !== 0) expect(run.stderr.trim(), `a failure must say why; ${context}`).not.toBe('');
}

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  if (!existsSync(COMPILED)) {
    throw new Error(
      `${COMPILED} is missing: the CLI is not built. Run \`npm run build\` (npm test does it) before vitest.`,
    );
  }
  dir = mkdtempSync(join(tmpdir(), 'waymark-cli-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('waymark inspect: bad files', () => {
  it('a missing file: exit 1, names it', () => {
    const run = waymark('inspect', at('missing.md'));
    expectClean(run, at('missing.md'), [1]);
    expect(run.stderr).toMatch(/no such file/);
  });

  it('a directory: exit 1, says it is a directory', () => {
    mkdirSync(at('a-folder'));
    const run = waymark('inspect', at('a-folder'));
    expectClean(run, at('a-folder'), [1]);
    expect(run.stderr).toMatch(/directory/);
  });

  it('a binary file (PNG bytes): exit 1, says it is binary', () => {
    writeFileSync(
      at('logo.png'),
      Uint8Array.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
    );
    const run = waymark('inspect', at('logo.png'));
    expectClean(run, at('logo.png'), [1]);
    expect(run.stderr).toMatch(/binary/);
  });

  it('invalid UTF-8 (0xC3 0x28 on line 3): exit 1, names file and line', () => {
    writeFileSync(
      at('latin1.md'),
      Buffer.concat([
        Buffer.from('# Plan\n- [ ] one\n- [ ] '),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('two\n'),
      ]),
    );
    const run = waymark('inspect', at('latin1.md'));
    expectClean(run, at('latin1.md'), [1]);
    expect(run.stderr).toContain(`${at('latin1.md')}:3:`);
    expect(run.stderr).toMatch(/UTF-8/);
  });

  it('an empty file: imports with 0 nodes, exit 0', () => {
    writeFileSync(at('empty.md'), '');
    const run = waymark('inspect', at('empty.md'), '--json');
    expectClean(run, at('empty.md'), [0]);
    expect(JSON.parse(run.stdout).nodes).toEqual([]);
    expect(run.stderr).toMatch(/empty\.md: warning: the file is empty.*waymark import --list/);
  });

  it('a 50 MB file: exit 1 with a clear error, quickly', () => {
    writeFileSync(at('huge.md'), Buffer.alloc(50 * 1024 * 1024, '- [ ] item\n'));
    const run = waymark('inspect', at('huge.md'));
    rmSync(at('huge.md'));
    expectClean(run, at('huge.md'), [1]);
    expect(run.stderr).toMatch(/MB/);
    expect(run.ms).toBeLessThan(5_000);
  });

  it('10,000 nested list items: imports or a clear error, no stack trace', () => {
    writeFileSync(at('deep-list.md'), `# Deep\n\n${'- '.repeat(10_000)}[ ] the bottom\n`);
    const run = waymark('inspect', at('deep-list.md'));
    expectClean(run, at('deep-list.md'), [0, 1]);
  });

  it('1,000 nested list items, one per line, indented: imports or a clear error', () => {
    const lines = Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i + 1}`);
    writeFileSync(at('deep-indent.md'), `# Deep\n\n${lines.join('\n')}\n`);
    const run = waymark('inspect', at('deep-indent.md'));
    expectClean(run, at('deep-indent.md'), [0, 1]);
  });

  it('10,000 nested blockquotes: imports or a clear error, no stack trace', () => {
    writeFileSync(at('deep-quote.md'), `# Deep\n\n${'>'.repeat(10_000)} - [ ] the bottom\n`);
    const run = waymark('inspect', at('deep-quote.md'));
    expectClean(run, at('deep-quote.md'), [0, 1]);
    // What markdown-it cannot follow is reported with its line, not dropped silently.
    if (run.status === 0) expect(run.stderr).toContain(`${at('deep-quote.md')}:3: warning:`);
  });

  it('10,000 nested brackets and emphasis markers: imports or a clear error', () => {
    writeFileSync(
      at('deep-inline.md'),
      `- [ ] ${'['.repeat(10_000)}${'*'.repeat(10_000)}x${'*'.repeat(10_000)}\n`,
    );
    const run = waymark('inspect', at('deep-inline.md'));
    expectClean(run, at('deep-inline.md'), [0, 1]);
  });

  it('a 1 MB single line of prose: imports, exit 0', () => {
    writeFileSync(at('one-line.md'), 'All work and no play. '.repeat(48_000));
    const run = waymark('inspect', at('one-line.md'), '--json');
    expectClean(run, at('one-line.md'), [0]);
    expect(JSON.parse(run.stdout).nodes.length).toBeGreaterThan(0);
  });

  it('a 1 MB single task item: imports, exit 0', () => {
    writeFileSync(at('one-item.md'), `- [x] ${'long title '.repeat(96_000)}`);
    const run = waymark('inspect', at('one-item.md'), '--json');
    expectClean(run, at('one-item.md'), [0]);
    expect(JSON.parse(run.stdout).nodes[0]?.checked).toBe(true);
  });

  it('a file with no structure (plain prose): imports with a warning on stderr, exit 0', () => {
    writeFileSync(
      at('prose.md'),
      'I want to learn machine learning this year.\n\nFirst statistics, then Python, then some projects.\n',
    );
    const run = waymark('inspect', at('prose.md'));
    expectClean(run, at('prose.md'), [0]);
    expect(run.stderr).toMatch(/warning/);
    expect(run.stdout.trim()).not.toBe('');
  });

  it('CRLF, a BOM and front matter: imports, exit 0', () => {
    writeFileSync(
      at('windows.md'),
      '\uFEFF---\r\ntitle: Win\r\n---\r\n# Win\r\n\r\n- [x] done\r\n- [ ] todo\r\n',
    );
    const run = waymark('inspect', at('windows.md'), '--json');
    expectClean(run, at('windows.md'), [0]);
    const roadmap = JSON.parse(run.stdout);
    expect(roadmap.title).toBe('Win');
    expect(roadmap.nodes.map((node: { checked?: boolean }) => node.checked)).toEqual([true, false]);
  });
});

describe('waymark: usage', () => {
  it('`waymark inspect` without a file: exit 2', () => {
    const run = waymark('inspect');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/file/);
    expect(run.stderr).not.toContain('    at ');
  });

  it('`waymark nosuchcommand`: exit 2', () => {
    const run = waymark('nosuchcommand');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/nosuchcommand/);
    expect(run.stderr).not.toContain('    at ');
  });

  it('`waymark inspect --help`: exit 0 with usage on stdout', () => {
    const run = waymark('inspect', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: waymark inspect/);
    expect(run.stderr).toBe('');
  });

  it('a bundled roadmap by name: exit 0, JSON on stdout, nothing on stderr', () => {
    const run = waymark('inspect', 'ai-engineer', '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).title).toBe('Complete AI Engineer Roadmap');
  });
});
