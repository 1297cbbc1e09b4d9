import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Number of lines the front matter block takes (so the body keeps its real line numbers). */
  lineCount: number;
  /** 1-based file line of each top-level key ("weeklyHours" -> 4), for warnings that name the line. */
  keyLines: Record<string, number>;
  error?: string;
}

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
  const yamlText = lines.slice(1, end).join('\n');
  const block = { lineCount: end + 1, keyLines: topLevelKeyLines(lines, end) };
  try {
    const data = parseYaml(yamlText, { maxAliasCount: 100 });
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
