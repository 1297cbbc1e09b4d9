import MarkdownIt from 'markdown-it';
import { type Roadmap, SCHEMA_VERSION } from '../model/roadmap.js';
import { classifyChildren, preambleContext, rootContext, type UnidentifiedNode } from './classify.js';
import { findDate } from './dates.js';
import { readFrontMatter } from './front-matter.js';
import { extractGoal } from './goal.js';
import { assignIds } from './ids.js';
import { buildOutline } from './outline.js';
import { slugify } from './slug.js';

export interface ImportOptions {
  /** The file's path as the user gave it; kept in `source.path` and used for the roadmap id. */
  path?: string;
  /** SHA-256 of the file's bytes (computed at the I/O edge). */
  sha256: string;
}

export interface ImportWarning {
  line?: number;
  message: string;
}

export interface ImportResult {
  roadmap: Roadmap;
  warnings: ImportWarning[];
}

/** Roadmap-level facts kept in `meta` when a paragraph states them: "*Last Updated: January 15, 2026*". */
const ROADMAP_META_KEYS: Record<string, string> = {
  'last updated': 'lastUpdated',
  updated: 'lastUpdated',
  'last modified': 'lastUpdated',
  version: 'version',
  author: 'author',
  'created by': 'author',
  created: 'created',
  'start date': 'startDate',
  started: 'startDate',
  audience: 'audience',
  level: 'level',
};

type MarkdownParser = InstanceType<typeof MarkdownIt>;

let parser: MarkdownParser | undefined;
/** The bare Markdown parser the importer uses (shared with the benchmark, which compares against it). */
export function markdownParser(): MarkdownParser {
  parser ??= new MarkdownIt({ html: true, linkify: false, typographer: false });
  return parser;
}

export function importRoadmap(text: string, options: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = source.split(/\r\n|\r|\n/);
  const frontMatter = readFrontMatter(lines);
  if (frontMatter?.error) warnings.push({ line: 1, message: `${frontMatter.error}; it was ignored` });
  // Front matter lines become blank lines so that every line number stays the file's own.
  const body = frontMatter
    ? `${'\n'.repeat(frontMatter.lineCount)}${lines.slice(frontMatter.lineCount).join('\n')}`
    : source;
  const outline = buildOutline(markdownParser().parse(body, {}), lines);
  const fm = frontMatter?.data ?? {};

  const firstHeading = outline.roots.findIndex((draft) => draft.type === 'heading');
  const preamble = firstHeading < 0 ? [] : outline.roots.slice(0, firstHeading);
  const rest = firstHeading < 0 ? outline.roots : outline.roots.slice(firstHeading);
  let unidentified: UnidentifiedNode[] = [
    ...classifyChildren(preamble, undefined, preambleContext()),
    ...classifyChildren(rest, undefined, rootContext()),
  ];
  if (unidentified.length === 0 && outline.allParagraphs.length > 0) {
    unidentified = outline.allParagraphs.map((paragraph) => paragraphTopic(paragraph.text, paragraph.line));
    warnings.push({
      message: `no headings or lists found: imported ${unidentified.length} paragraph(s) as topics. Use "#" headings and "- [ ]" items to give the roadmap structure.`,
    });
  } else if (firstHeading < 0 && !outline.title) {
    warnings.push({ message: 'no headings found: every item was imported at the top level.' });
  }
  const nodes = assignIds(unidentified);

  const title = stringField(fm, 'title') ?? outline.title ?? fileStem(options.path) ?? 'Untitled roadmap';
  const roadmap: Roadmap = {
    schemaVersion: SCHEMA_VERSION,
    id: slugify(fileStem(options.path) ?? '') || slugify(title) || 'roadmap',
    title,
    source: { ...(options.path ? { path: options.path } : {}), sha256: options.sha256, format: 'markdown' },
    nodes,
  };
  const summary = stringField(fm, 'summary') ?? stringField(fm, 'description') ?? outline.preamble[0];
  if (summary) roadmap.summary = summary;
  const goal = extractGoal(outline, nodes, fm);
  if (goal) roadmap.goal = goal;
  const meta = roadmapMeta(outline, fm);
  if (Object.keys(meta).length > 0) roadmap.meta = meta;
  return { roadmap, warnings };
}

function paragraphTopic(text: string, line: number): UnidentifiedNode {
  const title = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  const node: UnidentifiedNode = {
    title,
    kind: 'topic',
    trackable: true,
    source: { line, endLine: line },
    children: [],
  };
  if (title !== text) node.meta = { description: text };
  return node;
}

function roadmapMeta(
  outline: { allParagraphs: { text: string }[] },
  fm: Record<string, unknown>,
): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const { text } of outline.allParagraphs) {
    const match = /^([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(.{1,200})$/.exec(text);
    const key = ROADMAP_META_KEYS[(match?.[1] ?? '').trim().toLowerCase()];
    if (match && key && !(key in meta)) meta[key] = (match[2] ?? '').trim();
  }
  for (const [key, value] of Object.entries(fm)) {
    if (['title', 'summary', 'description', 'roles'].includes(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      meta[key] = String(value);
    else if (value instanceof Date) meta[key] = value.toISOString().slice(0, 10);
  }
  const started = meta.startDate ? findDate(meta.startDate) : undefined;
  if (started) meta.startDate = started.date;
  return meta;
}

function stringField(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function fileStem(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const base = path.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(md|markdown|mdown|txt)$/i, '') || undefined;
}
