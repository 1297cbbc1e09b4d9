import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Number of lines the front matter block takes (so the body keeps its real line numbers). */
  lineCount: number;
  error?: string;
}

const FENCE = /^---[ \t]*\r?$/;

/** Splits a leading YAML front matter block ("---" ... "---") off the lines of a document. */
export function readFrontMatter(lines: readonly string[]): FrontMatter | undefined {
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*\r?$/.test(line));
  if (end < 0) return undefined;
  const yamlText = lines.slice(1, end).join('\n');
  try {
    const data = parseYaml(yamlText, { maxAliasCount: 100 });
    if (data === null || data === undefined) return { data: {}, lineCount: end + 1 };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, lineCount: end + 1, error: 'the front matter is not a mapping of keys to values' };
    }
    return { data: data as Record<string, unknown>, lineCount: end + 1 };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { data: {}, lineCount: end + 1, error: `the YAML front matter could not be read (${message})` };
  }
}
