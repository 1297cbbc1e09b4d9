import MarkdownIt from 'markdown-it';
import { type Roadmap, SCHEMA_VERSION } from '../model/roadmap.js';
import {
  classifyChildren,
  preambleContext,
  rootContext,
  scheduleOf,
  type UnidentifiedNode,
} from './classify.js';
import { findDate } from './dates.js';
import { readFrontMatter } from './front-matter.js';
import { extractGoal } from './goal.js';
import { assignIds } from './ids.js';
import { importVerdict, verdictWarnings } from './import-verdict.js';
import type { ImportWarning } from './import-warning.js';
import { buildOutline, type Outline } from './outline.js';
import { COURSE_LINK_LABEL, isRouteChoiceTitle } from './section-words.js';
import { slugify } from './slug.js';
import { stripLeadingSymbols } from './title.js';
import { TRANSLATED_COPY_META, translatedCopyStart } from './translated-copy.js';

export interface ImportOptions {
  /** The file's path as the user gave it; kept in `source.path` and used for the roadmap id. */
  path?: string;
  /** SHA-256 of the file's bytes (computed at the I/O edge). */
  sha256: string;
}

export type { ImportWarning } from './import-warning.js';

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

/**
 * How deep lists and quotes may nest. markdown-it's default (100, about 33 list levels) drops whatever is
 * nested deeper, and the rest of the document with it, without a word. 200 (about 66 list levels) is far
 * beyond any real outline and far from a stack overflow (5,000 levels parse fine); the same limit caps
 * inline nesting, whose cost grows with it (10,000 "[" take 0.25 s at 200, 1 s at 1,000). Anything
 * deeper gets a warning with its line (outline.ts).
 */
const MAX_NESTING = 200;

let parser: MarkdownParser | undefined;
/** The bare Markdown parser the importer uses (shared with the benchmark, which compares against it). */
export function markdownParser(): MarkdownParser {
  parser ??= new MarkdownIt({ html: true, linkify: false, typographer: false, maxNesting: MAX_NESTING });
  return parser;
}

export function importRoadmap(text: string, options: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Most files end their lines with "\n" alone: a plain split, no regex, for them.
  const lines = source.includes('\r') ? source.split(/\r\n|\r|\n/) : source.split('\n');
  const frontMatter = readFrontMatter(lines);
  if (frontMatter?.error) warnings.push({ line: 1, message: `${frontMatter.error}; it was ignored` });
  if (frontMatter) warnings.push(...frontMatter.warnings);
  // Front matter lines become blank lines so that every line number stays the file's own.
  const body = frontMatter
    ? `${'\n'.repeat(frontMatter.lineCount)}${lines.slice(frontMatter.lineCount).join('\n')}`
    : source;
  const outline = buildOutline(markdownParser().parse(body, {}), lines, MAX_NESTING);
  liftOpeningHeadingAsTitle(outline);
  warnings.push(...outline.warnings);
  const fm = frontMatter?.data ?? {};

  const firstHeading = outline.roots.findIndex((draft) => draft.type === 'heading');
  const preamble = firstHeading < 0 ? [] : outline.roots.slice(0, firstHeading);
  const rest = firstHeading < 0 ? outline.roots : outline.roots.slice(firstHeading);
  let verdictApplies = body.trim() !== '';
  // A second copy of the roadmap in another language is left out: the learner studies one.
  const copyAt = firstHeading < 0 ? -1 : translatedCopyStart(outline.roots, outline.title);
  const main = copyAt < 0 ? rest : outline.roots.slice(firstHeading, copyAt);
  const copy = copyAt < 0 ? [] : outline.roots.slice(copyAt);
  const original = [
    ...classifyChildren(preamble, undefined, preambleContext(warnings, outline.listEntries)),
    ...classifyChildren(main, undefined, rootContext(warnings, outline.listEntries)),
  ];
  // Never an empty plan for a copy: when the original holds nothing to track, the copy is the roadmap.
  const copyLeftOut = copy.length > 0 && holdsWork(original);
  const copyNodes = classifyChildren(
    copy,
    undefined,
    copyLeftOut ? preambleContext(warnings, outline.listEntries) : rootContext(warnings, outline.listEntries),
  );
  // The verdict counts the copy apart ("66 entries of a copy in another language left out").
  if (copyLeftOut) for (const node of copyNodes) node.meta = { ...node.meta, [TRANSLATED_COPY_META]: 'true' };
  let unidentified: UnidentifiedNode[] = [...original, ...copyNodes];
  const copyFirst = copyLeftOut ? copy[0] : undefined;
  if (copyFirst) {
    warnings.push({
      line: copyFirst.line,
      message: `the roadmap is repeated here in another language ("${copyFirst.text.slice(0, 60)}" to the end); that copy was left out of the plan. To follow it instead, \`waymark include\` its items and \`waymark exclude\` the others.`,
    });
  }
  if (body.trim() === '') {
    const what = frontMatter ? 'the file has only front matter' : 'the file is empty';
    warnings.push({
      message: `${what}, so the roadmap has no items. Write headings ("## Phase 1: Basics") and task items ("- [ ] Learn Python") into it, or start from a bundled roadmap (\`waymark import --list\`).`,
    });
  } else if (unidentified.length === 0 && outline.allParagraphs.length > 0) {
    unidentified = outline.allParagraphs.map((paragraph) => paragraphTopic(paragraph.text, paragraph.line));
    verdictApplies = false; // already explained
    warnings.push({
      message: `no headings or lists found: imported ${unidentified.length} paragraph(s) as topics. Use "#" headings and "- [ ]" items to give the roadmap structure.`,
    });
  } else if (firstHeading < 0 && !outline.title) {
    warnings.push({ message: 'no headings found: every item was imported at the top level.' });
  }
  const course = unidentified.some(holdsTrackable) ? undefined : landingPageCourse(outline);
  if (course) unidentified.unshift(course);
  if (outline.title && isRouteChoiceTitle(outline.title))
    unidentified = routesOf(unidentified, outline.title);
  const nodes = assignIds(unidentified);

  const title =
    oneLine(stringField(fm, 'title')) ?? outline.title ?? fileStem(options.path) ?? 'Untitled roadmap';
  const roadmap: Roadmap = {
    schemaVersion: SCHEMA_VERSION,
    id: slugify(fileStem(options.path) ?? '') || slugify(title) || 'roadmap',
    title,
    source: { ...(options.path ? { path: options.path } : {}), sha256: options.sha256, format: 'markdown' },
    nodes,
  };
  const summary = stringField(fm, 'summary') ?? stringField(fm, 'description') ?? outline.preamble[0];
  if (summary) roadmap.summary = summary;
  const goal = extractGoal(outline, nodes, { data: fm, keyLines: frontMatter?.keyLines ?? {} }, warnings);
  if (goal) roadmap.goal = goal;
  const meta = roadmapMeta(outline, fm);
  if (Object.keys(meta).length > 0) roadmap.meta = meta;
  // A file with nothing below its title has nothing to judge (and the empty file has its own warning).
  if (verdictApplies && nodes.length > 0)
    warnings.push(...verdictWarnings(importVerdict(roadmap), contentImages(body)));
  return { roadmap, warnings };
}

const IMAGE =
  /!\[[^\]\n]{0,300}\]\(\s*<?([^)\s>]{0,2000})|<img\b[^>]{0,2000}?\bsrc\s*=\s*["']?([^"'\s>]{0,2000})/gi;
/** Badges (shields.io, CI status) decorate; they are not where the content is. */
const BADGE = /shields\.io|badge|\/workflows\/|travis-ci|circleci|codecov|awesome\.re/i;

/**
 * How many images in the text are content (not badges, not a heading's logo): one pass, and none at all
 * without "![" or "<img".
 */
function contentImages(text: string): number {
  if (!text.includes('![') && !/<img\b/i.test(text)) return 0;
  let images = 0;
  for (const match of text.matchAll(IMAGE))
    if (!BADGE.test(match[1] ?? match[2] ?? '') && !onHeadingLine(text, match.index)) images++;
  return images;
}

/** A logo in a heading ("#### ![logo](…) [Course](…)") decorates it; the heading's words are the content. */
function onHeadingLine(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  return /^ {0,3}#{1,6}[ \t]/.test(text.slice(start, Math.min(at, start + 12)));
}

/**
 * A document without a `#` title that opens with a heading over prose only ("## Neural Networks: Zero to
 * Hero", then a paragraph, then "## Contents"), or with one heading that holds the whole document: that
 * heading is the title, its prose the summary. A heading with items beside other headings, or a schedule
 * ("## Week 1"), stays work.
 */
function liftOpeningHeadingAsTitle(outline: Outline): void {
  const first = outline.roots[0];
  if (outline.title !== undefined || !first || first.type !== 'heading') return;
  const holdsAll = outline.roots.length === 1;
  if (first.children.length > 0 && !holdsAll) return;
  if (outline.roots.some((draft) => draft.type === 'heading' && draft.level === 1)) return;
  if (scheduleOf(first.text) || /\b(?:phase|stage|week|day|month|module)\b/i.test(first.text)) return;
  outline.title = stripLeadingSymbols(first.text);
  outline.titleLine = first.line;
  outline.roots.shift();
  outline.roots.unshift(...first.children);
  outline.preamble.unshift(...first.paragraphs);
}

/**
 * "选择适合你的学习路线" over "零基础路线" and "已有基础路线": the top sections that hold work become the
 * options of one choice (one route is followed); the rest stays where it is.
 */
function routesOf(nodes: UnidentifiedNode[], title: string): UnidentifiedNode[] {
  const routes = nodes.filter(
    (node) => node.kind !== 'info' && node.children.length > 0 && holdsTrackable(node),
  );
  if (routes.length < 2) return nodes;
  const first = routes[0] as UnidentifiedNode;
  const last = routes[routes.length - 1] as UnidentifiedNode;
  const group: UnidentifiedNode = {
    title,
    kind: 'section',
    trackable: false,
    choose: { min: 1, max: 1 },
    source: { line: first.source.line, endLine: last.source.endLine },
    children: routes,
  };
  const isRoute = new Set(routes);
  const out: UnidentifiedNode[] = [];
  for (const node of nodes) {
    if (node === first) out.push(group);
    else if (!isRoute.has(node)) out.push(node);
  }
  return out;
}

function holdsTrackable(node: UnidentifiedNode): boolean {
  const stack = [node];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.trackable) return true;
    appendAll(stack, next.children);
  }
  return false;
}

function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * A page about one course ("**Course Link:** <https://…>" under the title) whose sections only say how to
 * take it: the course itself is the one thing to track, under the page's title.
 */
function landingPageCourse(outline: Outline): UnidentifiedNode | undefined {
  if (!outline.title) return undefined;
  const label = outline.preamble.find((paragraph) => COURSE_LINK_LABEL.test(paragraph));
  if (label === undefined) return undefined;
  const url = /https?:\/\/[^\s<>)]+/.exec(label)?.[0];
  const line = outline.allParagraphs.find((paragraph) => paragraph.text === label)?.line ?? 1;
  const node: UnidentifiedNode = {
    title: outline.title,
    kind: 'course',
    trackable: true,
    source: { line, endLine: line },
    children: [],
  };
  if (url) node.links = [{ text: outline.title, url }];
  return node;
}

function holdsWork(nodes: readonly UnidentifiedNode[]): boolean {
  const stack = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.trackable) return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
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

/** A title from YAML ("title: |" keeps line breaks) as one line. */
function oneLine(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, ' ');
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
