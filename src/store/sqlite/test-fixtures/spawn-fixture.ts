/** Runs a fixture script in its own node process and collects the lines it prints (tests only). */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface FixtureProcess {
  child: ChildProcess;
  /** Complete lines printed so far: a line cut short by a kill is not counted. */
  lines: string[];
  stderr(): string;
  /** Resolves with the first line, or undefined if the process ended first. */
  firstLine: Promise<string | undefined>;
  /** Resolves once the process ended and all its output was read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnFixture(script: string, args: string[]): FixtureProcess {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, [path, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  let onFirst: (line: string | undefined) => void = () => {};
  const firstLine = new Promise<string | undefined>((resolve) => {
    onFirst = resolve;
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > 0) onFirst(lines[0]);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      onFirst(undefined);
      resolve({ code, signal });
    });
  });
  return { child, lines, stderr: () => stderr, firstLine, closed };
}
