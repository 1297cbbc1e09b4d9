/**
 * One source of truth for the API's shapes: a change on the server that breaks a dashboard page fails the
 * dashboard's type check. The dashboard's program (web/tsconfig.json) is compiled with one server file
 * edited in memory, and the pages that read what changed must now have errors (and had none before).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/server/routes/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function webOptions(): ts.CompilerOptions {
  const file = join(repo, 'web/tsconfig.json');
  const config = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(file)).options;
}

/** Dashboard source files (not tests) whose text contains `needle`. */
function pagesReading(needle: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        if (readFileSync(path, 'utf8').includes(needle)) found.push(path);
      }
    }
  };
  walk(join(repo, 'web/src'));
  return found;
}

interface Edit {
  file: string;
  from: RegExp;
  to: string;
}

/** The type errors of `roots` when the web program is compiled with `edit` applied to a server file. */
function errorsWith(roots: string[], edit: Edit | undefined, old?: ts.Program) {
  const options = webOptions();
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  const edited = edit && join(repo, edit.file);
  host.getSourceFile = (fileName, language, onError, fresh) => {
    if (fileName !== edited || !edit) return read(fileName, language, onError, fresh);
    const text = readFileSync(fileName, 'utf8');
    expect(text).toMatch(edit.from);
    return ts.createSourceFile(fileName, text.replace(edit.from, edit.to), language);
  };
  const program = ts.createProgram(roots, options, host, old);
  const messages = roots.flatMap((root) =>
    program
      .getSemanticDiagnostics(program.getSourceFile(root))
      .map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`),
  );
  const serverErrors = edited
    ? program
        .getSemanticDiagnostics(program.getSourceFile(edited))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    : [];
  return { program, messages, serverErrors };
}

const FIELD_READERS = pagesReading('.effortRatio');
const ROUTE = '/api/showcase';
const ROUTE_READERS = pagesReading(`'${ROUTE}'`);

describe('a server change that breaks the dashboard fails its type check', () => {
  // One compile as the code is, reused (unchanged files are not parsed again) for each edit.
  let baseline: ReturnType<typeof errorsWith>;
  beforeAll(() => {
    baseline = errorsWith([...new Set([...FIELD_READERS, ...ROUTE_READERS])], undefined);
  }, 120_000);

  it('compiles as it is', () => {
    expect(FIELD_READERS.length).toBeGreaterThan(0);
    expect(ROUTE_READERS.length).toBeGreaterThan(0);
    expect(baseline.messages).toEqual([]);
  });

  it('renaming a field a view returns breaks every page that reads it', () => {
    const after = errorsWith(
      FIELD_READERS,
      { file: 'src/app/overview-view.ts', from: /effortRatio/g, to: 'effortShare' },
      baseline.program,
    );
    // The server still compiles (the rename is consistent there); only the dashboard is now wrong.
    expect(after.serverErrors).toEqual([]);
    expect(after.messages.join('\n')).toMatch(/effortRatio/);
  }, 120_000);

  it('renaming a route breaks the page that requests it', () => {
    expect(apiRoutes().some((route) => route.path === ROUTE)).toBe(true);
    const after = errorsWith(
      ROUTE_READERS,
      { file: 'src/server/routes/read-routes.ts', from: /'\/api\/showcase'/, to: "'/api/showcases'" },
      baseline.program,
    );
    expect(after.serverErrors).toEqual([]);
    expect(after.messages.join('\n')).toMatch(/\/api\/showcase/);
  }, 120_000);
});
