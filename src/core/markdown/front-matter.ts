import { isMap, isScalar, parseDocument } from 'yaml';
import type { ImportWarning } from './import-warning.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Number of lines the front matter block takes (so the body keeps its real line numbers). */
  lineCount: number;
  /** 1-based file line of each top-level key ("weeklyHours" -> 4), for warnings that name the line. */
  keyLines: Record<string, number>;
  error?: string;
  /** What the YAML reader noticed but worked around (an unknown tag, a repeated key), with file lines. */
  warnings: ImportWarning[];
}

/**
 * Front matter holds a title, a date, a few numbers: a megabyte of it is already far more than any roadmap
 * needs, and the bound keeps a file that is mostly YAML from costing more than its Markdown would.
 */
export const MAX_FRONT_MATTER_CHARS = 1024 * 1024;

/** Repeated keys are reported up to this many times, then counted: one per key would flood the terminal. */
const MAX_DUPLICATE_WARNINGS = 10;

const TOP_LEVEL_KEY = /^["']?([^\s"':#][^"':]*?)["']?[ \t]*:(?:[ \t]|$)/;

function topLevelKeyLines(lines: readonly string[], end: number): Record<string, number> {
  const keyLines: Record<string, number> = {};
  for (let index = 1; index < end; index++) {
    const key = TOP_LEVEL_KEY.exec(lines[index] ?? '')?.[1];
    if (key !== undefined && !(key in keyLines)) keyLines[key] = index + 1;
  }
  return keyLines;
}

const FENCE = /^---[ \t]*\r?$/;

/** Splits a leading YAML front matter block ("---" ... "---") off the lines of a document. */
export function readFrontMatter(lines: readonly string[]): FrontMatter | undefined {
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*\r?$/.test(line));
  if (end < 0) return undefined;
  const block = { lineCount: end + 1, keyLines: {}, warnings: [] as ImportWarning[] };
  let size = 0;
  for (let index = 1; index < end; index++) size += (lines[index] as string).length + 1;
  if (size > MAX_FRONT_MATTER_CHARS) {
    const kb = Math.round(size / 1024);
    return {
      data: {},
      ...block,
      error: `the front matter (lines 1-${end + 1}) is ${kb} KB, over the ${MAX_FRONT_MATTER_CHARS / 1024} KB Waymark reads (move long notes below the closing ---)`,
    };
  }
  const yamlText = lines.slice(1, end).join('\n');
  block.keyLines = topLevelKeyLines(lines, end);
  try {
    // uniqueKeys: false — the library's own check compares every key with every earlier one (quadratic:
    // 300,000 keys took 11 minutes); repeated keys are found below in one pass instead. logLevel: 'silent'
    // keeps the library from printing warnings itself: they become import warnings with file lines.
    const doc = parseDocument(yamlText, { uniqueKeys: false, logLevel: 'silent', prettyErrors: false });
    const lineOf = lineFinder(yamlText);
    const firstError = doc.errors[0];
    if (firstError) {
      const line = lineOf(firstError.pos[0]);
      throw new Error(`${firstError.message.split('\n')[0]} (line ${line})`);
    }
    for (const warning of doc.warnings) {
      block.warnings.push({
        line: lineOf(warning.pos[0]),
        message: `front matter: ${warning.message.split('\n')[0]}`,
      });
    }
    block.warnings.push(...duplicateKeyWarnings(doc.contents, lineOf));
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (data === null || data === undefined) return { data: {}, ...block };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, ...block, error: 'the front matter is not a mapping of keys to values' };
    }
    return { data: data as Record<string, unknown>, ...block };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: {}, ...block, error: `the YAML front matter could not be read (${message})` };
  }
}

/** Top-level keys given twice, in one pass: the last value is the one used, so the first is worth a word. */
function duplicateKeyWarnings(contents: unknown, lineOf: (offset: number) => number): ImportWarning[] {
  if (!isMap(contents)) return [];
  const firstLine = new Map<string, number>();
  const warnings: ImportWarning[] = [];
  let more = 0;
  for (const pair of contents.items) {
    const key = pair.key;
    if (!isScalar(key)) continue;
    const name = String(key.value);
    const line = lineOf(key.range?.[0] ?? 0);
    const first = firstLine.get(name);
    if (first === undefined) {
      firstLine.set(name, line);
      continue;
    }
    if (warnings.length >= MAX_DUPLICATE_WARNINGS) {
      more++;
      continue;
    }
    warnings.push({
      line,
      message: `front matter: "${name}" is given again (first on line ${first}); the last value is used`,
    });
  }
  if (more > 0) warnings.push({ message: `front matter: ${more} more repeated keys` });
  return warnings;
}

/** File line (1-based, after the opening ---) of an offset in the YAML text, by binary search. */
function lineFinder(yamlText: string): (offset: number) => number {
  const starts = [0];
  for (let i = yamlText.indexOf('\n'); i >= 0; i = yamlText.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 2; // +1 for 1-based, +1 for the opening fence
  };
}
