import type { Token } from 'markdown-it';
import type { Link } from '../model/roadmap.js';
import type { ImportWarning } from './import-warning.js';
import { inlineText } from './inline-text.js';
import { repairMojibake } from './repair-mojibake.js';
import type { DraftShape } from './section-shape.js';
import { NOTICE_TITLE, TOC_TITLE } from './section-words.js';
import { isSpaceCode } from './text-edges.js';
import type { ParsedTitle } from './title.js';
import { stripLeadingSymbols } from './title.js';

/**
 * The first pass of the importer: markdown-it's flat token stream folded into a tree of headings,
 * list items and table rows, with their plain text, links, checkboxes and source lines. No meaning is
 * given to anything yet; `classify` does that.
 */
export type DraftType = 'heading' | 'item' | 'row' | 'paragraph';

export interface Draft {
  type: DraftType;
  /** Heading depth (1-6); 0 for other drafts. */
  level: number;
  text: string;
  links: Link[];
  leadingStrong?: string;
  checked?: boolean;
  /** For list items: the paragraph just before the list (e.g. "This journey is broken into eight phases:"). */
  listIntro?: string;
  /** For table rows: the cells keyed by the header's text. */
  cells?: { header: string; text: string; links: Link[] }[];
  /** Paragraphs that sit directly under this draft, before its first child. */
  paragraphs: string[];
  /** Paragraphs that sit directly under this draft after its first child (a list's trailing prose). */
  laterParagraphs?: string[];
  /** Alt text of the images in its own words ("![logo](…) [NLP Course](…)"). */
  imageAlts?: string[];
  /** How many of its paragraphs (before or after its children) are only images. */
  imageParagraphs?: number;
  line: number;
  endLine: number;
  children: Draft[];
  /** `parseTitle(text)`, kept once computed (classify reads a heading's title twice). */
  parsedTitle: ParsedTitle | undefined;
  /** `shapeOf(draft)`, kept once computed (section-shape.ts). */
  shape?: DraftShape;
  /** The item's words are one code span and nothing else ("`gcc`"): a command or program name. */
  codeOnly?: boolean;
  /** `isLinkOnly(draft)`, kept once computed (asked by several rules). */
  linkOnly?: boolean;
  /** Whether its links are all lessons (section-shape.ts `isLessonLink`), kept once computed. */
  lessonLink?: boolean;
}

export interface Outline {
  /** The first `#` heading when it opens the document: the roadmap's title. */
  title?: string;
  titleLine?: number;
  /** Top-level drafts (under the title). */
  roots: Draft[];
  /** Paragraphs before the first heading below the title. */
  preamble: string[];
  /** Every paragraph of the document, in order (for "Last Updated:" and similar). */
  allParagraphs: { text: string; line: number }[];
  lineCount: number;
  /** List items and table rows in the whole document: whether its work is written as lists. */
  listEntries: number;
  warnings: ImportWarning[];
}

/**
 * A task-list box opening an item's first paragraph. As in CommonMark's task-list extension, the box
 * must be followed by a space, a tab or a line end: "[x]\u00a0a" or "[ ]\uFEFF" are text, not boxes. Agenda
 * logs that tick twice ("[✔️][✔️] Day 1") have no box, as on GitHub; title.ts drops the decoration.
 */
const CHECKBOX = /^\[([ xX]|✔️?|✅|✓|☑️?)\](?=[ \t\n]|$)/u;

function newDraft(type: DraftType, level: number, line: number, endLine: number): Draft {
  return {
    type,
    level,
    text: '',
    links: [],
    paragraphs: [],
    line,
    endLine,
    children: [],
    parsedTitle: undefined,
  };
}

/** Sets a draft's text and links from an inline token; `withBox`: a leading task-list box sets `checked`. */
function setInline(draft: Draft, inline: Token | undefined, withBox = true): void {
  const raw = inline?.content ?? '';
  const parsed = inlineText(inline);
  let text = parsed.text;
  const box = withBox && draft.type === 'item' ? CHECKBOX.exec(raw) : null;
  if (box) {
    draft.checked = box[1] !== ' ';
    text = text.replace(/^\[[^\]]*\]\s*/u, '');
  }
  draft.text = repairMojibake(text);
  draft.links =
    parsed.links.length === 0
      ? parsed.links
      : parsed.links.map((link) => ({ text: repairMojibake(link.text), url: link.url }));
  if (parsed.leadingStrong) draft.leadingStrong = repairMojibake(parsed.leadingStrong);
  if (parsed.imageAlts) draft.imageAlts = parsed.imageAlts;
  // A code span needs a backtick in the source: without one, the children need not be read.
  if (draft.type === 'item' && raw.includes('`') && isCodeOnly(inline)) draft.codeOnly = true;
}

/** `line.trim() === ''` without a trimmed copy: most lines end at their first character. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpaceCode(line.charCodeAt(i))) return false;
  return true;
}

/** Whether a paragraph's words are only its images' alt text ("![preview](walk.gif)"). */
function onlyImages(text: string, alts: readonly string[] | undefined): boolean {
  if (!alts) return false;
  let rest = text;
  for (const alt of alts) rest = rest.replace(alt, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** An inline of one code span, with at most whitespace or punctuation around it. */
function isCodeOnly(inline: Token | undefined): boolean {
  let code = 0;
  for (const child of inline?.children ?? []) {
    if (child.type === 'code_inline') code++;
    else if (child.type !== 'text' || /[\p{L}\p{N}]/u.test(child.content)) return false;
  }
  return code === 1;
}

interface ListFrame {
  intro: string | undefined;
}

/**
 * Folds the token stream into an outline. `maxNesting` is the parser's: a list item or quote opened at
 * that depth had its content dropped by markdown-it (and the rest of the enclosing block with it), which
 * is reported as a warning rather than lost silently.
 */
export function buildOutline(tokens: Token[], lines: readonly string[], maxNesting: number): Outline {
  const lineCount = lines.length;
  const outline: Outline = {
    roots: [],
    preamble: [],
    allParagraphs: [],
    lineCount,
    listEntries: 0,
    warnings: [],
  };
  // Source spans end on the last non-blank line, not on the blank lines markdown-it counts in.
  const lastContentLine = (from: number, to: number) => {
    let end = to;
    while (end > from && isBlank(lines[end - 1] ?? '')) end--;
    return end;
  };
  const headings: Draft[] = [];
  const items: Draft[] = [];
  /** Per open item: whether its title is settled (it comes from the item's first block only). */
  const titled: boolean[] = [];
  const lists: ListFrame[] = [];
  let nestingReported = false;
  let lastParagraph: string | undefined;
  let sawHeadingBelowTitle = false;

  const container = (): Draft | undefined => items[items.length - 1] ?? headings[headings.length - 1];
  const attach = (draft: Draft) => {
    const parent = container();
    if (parent) parent.children.push(draft);
    else outline.roots.push(draft);
  };

  const openHeading = (level: number, inline: Token | undefined, line: number) => {
    while (headings.length > 0 && (headings[headings.length - 1] as Draft).level >= level) {
      const closed = headings.pop() as Draft;
      closed.endLine = lastContentLine(closed.line, line - 1);
    }
    const draft = newDraft('heading', level, line, lineCount);
    setInline(draft, inline);
    attach(draft);
    headings.push(draft);
    sawHeadingBelowTitle = true;
    lastParagraph = undefined;
  };
  const boldHeadings = boldParagraphHeadings(tokens);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const map = token.map;
    const boldLevel = token.type === 'paragraph_open' ? boldHeadings.get(i) : undefined;
    if (boldLevel !== undefined) {
      // "**Lecture 1: …**" written as a bold paragraph: a heading one level below the section it is in.
      openHeading(boldLevel, tokens[i + 1], (map?.[0] ?? 0) + 1);
      continue;
    }
    switch (token.type) {
      case 'heading_open': {
        const level = Number(token.tag.slice(1));
        const inline = tokens[i + 1];
        const line = (map?.[0] ?? 0) + 1;
        const title =
          level === 1 && outline.title === undefined && outline.roots.length === 0 && items.length === 0
            ? documentTitle(inline)
            : undefined;
        if (title !== undefined) {
          outline.title = title;
          outline.titleLine = line;
          lastParagraph = undefined;
          break;
        }
        if (items.length > 0) {
          // "- # Heading": a heading opening a list item is its title (without a box).
          const item = items[items.length - 1] as Draft;
          if (!titled[titled.length - 1] && item.children.length === 0) {
            setInline(item, inline, false);
            titled[titled.length - 1] = true;
          }
          break;
        }
        openHeading(level, inline, line);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ intro: lastParagraph });
        lastParagraph = undefined;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        lastParagraph = undefined;
        break;
      case 'list_item_open': {
        outline.listEntries++;
        const draft = newDraft('item', 0, (map?.[0] ?? 0) + 1, map?.[1] ?? lineCount);
        const intro = lists[lists.length - 1]?.intro;
        if (intro !== undefined) draft.listIntro = intro;
        attach(draft);
        items.push(draft);
        titled.push(false);
        if (!nestingReported && token.level >= maxNesting - 1) {
          nestingReported = true;
          outline.warnings.push(nestingWarning(draft.line, maxNesting));
        }
        break;
      }
      case 'blockquote_open':
        if (!nestingReported && token.level >= maxNesting - 1) {
          nestingReported = true;
          outline.warnings.push(nestingWarning((map?.[0] ?? 0) + 1, maxNesting));
        }
        break;
      case 'list_item_close': {
        titled.pop();
        const closed = items.pop();
        if (closed) closed.endLine = lastContentLine(closed.line, closed.endLine);
        lastParagraph = undefined;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const item = items[items.length - 1];
        const line = (map?.[0] ?? 0) + 1;
        if (item && !titled[titled.length - 1] && item.children.length === 0) {
          // Only the item's first block can hold its task-list box ("- [ ]\n\n  [x] a" is unchecked);
          // a bare box leaves the title to the next paragraph, which is plain text.
          const first = tokens[i - 1]?.type === 'list_item_open';
          setInline(item, inline, first);
          titled[titled.length - 1] = item.text !== '';
          // "- 回归：[Day 1](…) → [Day 2](…)": the label is the item, the chained lessons its children.
          const chain = arrowChain(item.text, item.links, true);
          if (chain) {
            item.text = chain.label;
            item.links = [];
            for (const link of chain.links) item.children.push(linkItem(link, line));
            outline.listEntries += chain.links.length;
          }
          break;
        }
        const parsedInline = inlineText(inline);
        const text = repairMojibake(parsedInline.text);
        outline.allParagraphs.push({ text, line });
        const chain = sawHeadingBelowTitle ? arrowChain(text, parsedInline.links, false) : undefined;
        if (chain) {
          // "[Day 45](…) → [Day 46](…) → …" written as a paragraph: a sequence of lessons, one item each.
          for (const link of chain.links) attach(linkItem(link, line));
          outline.listEntries += chain.links.length;
          lastParagraph = undefined;
          break;
        }
        const parent = container();
        if (parent && onlyImages(parsedInline.text, parsedInline.imageAlts))
          parent.imageParagraphs = (parent.imageParagraphs ?? 0) + 1;
        if (!sawHeadingBelowTitle && !parent) outline.preamble.push(text);
        else if (parent && parent.children.length === 0) parent.paragraphs.push(text);
        else if (parent?.laterParagraphs) parent.laterParagraphs.push(text);
        else if (parent) parent.laterParagraphs = [text];
        lastParagraph = text;
        break;
      }
      case 'table_open':
        i = readTable(tokens, i, (row) => {
          outline.listEntries++;
          attach(row);
        });
        lastParagraph = undefined;
        break;
      case 'html_block':
        // A title written as HTML ("<h1 align="center">Roadmap</h1>") before anything else, or after a
        // notice that opens the file ("# OSSU 2023 调查", a paragraph about the survey, then the banner).
        if (
          (outline.title === undefined || (!sawHeadingBelowTitle && NOTICE_TITLE.test(outline.title))) &&
          outline.roots.length === 0 &&
          items.length === 0
        ) {
          const title = htmlHeadingTitle(token.content);
          if (title) {
            // The notice's prose was about the notice, not a summary of the roadmap.
            if (outline.title !== undefined) outline.preamble.length = 0;
            outline.title = title;
            outline.titleLine = (map?.[0] ?? 0) + 1;
          }
        }
        lastParagraph = undefined;
        break;
      case 'hr':
      case 'fence':
      case 'code_block':
        lastParagraph = undefined;
        break;
      default:
        break;
    }
  }
  for (const open of headings) open.endLine = lastContentLine(open.line, lineCount);
  return outline;
}

const ARROWS = /→|->|⟶|➜|➔|=>/gu;

/**
 * Links joined by arrows, with nothing else but punctuation between them (and, for a list item, a label
 * ending in a colon before the first): a sequence of lessons. Linear in the text's length.
 */
function arrowChain(
  text: string,
  links: readonly Link[],
  labelled: boolean,
): { label: string; links: Link[] } | undefined {
  if (links.length < 2 || !/→|->|⟶|➜|➔|=>/u.test(text)) return undefined;
  let rest = text;
  let label = '';
  let from = 0;
  const pieces: string[] = [];
  for (const link of links) {
    const at = link.text === '' ? -1 : rest.indexOf(link.text, from);
    if (at < 0) return undefined;
    pieces.push(rest.slice(from, at));
    from = at + link.text.length;
  }
  pieces.push(rest.slice(from));
  const head = pieces[0] ?? '';
  if (labelled && /[:：]\s*$/u.test(head)) {
    label = head.replace(/[:：]\s*$/u, '').trim();
    pieces[0] = '';
  }
  rest = pieces.join(' ').replace(ARROWS, ' ');
  if (/[\p{L}\p{N}]/u.test(rest)) return undefined;
  if (labelled && label === '') return undefined;
  return { label, links: [...links] };
}

function linkItem(link: Link, line: number): Draft {
  const draft = newDraft('item', 0, line, line);
  draft.text = link.text;
  draft.links = [link];
  return draft;
}

/**
 * Paragraphs that are headings in all but markup: wholly bold, outside any list or quote, not a label
 * ending in ":" (that introduces the list after it), and at least two of them under the same heading, so
 * that one emphasised sentence ("**Are you ready to get started?**") stays prose. One pass over the tokens.
 */
function boldParagraphHeadings(tokens: readonly Token[]): Map<number, number> {
  const groups = new Map<number, number[]>();
  let heading = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'heading_open' && token.level === 0) heading = i;
    else if (token.type === 'paragraph_open' && token.level === 0 && isBoldLine(tokens[i + 1])) {
      const group = groups.get(heading);
      if (group) group.push(i);
      else groups.set(heading, [i]);
    }
  }
  // Paragraph token index -> its heading level: one below the heading it sits under.
  const found = new Map<number, number>();
  for (const [at, group] of groups) {
    if (group.length < 2) continue;
    const level = Math.min(6, (at < 0 ? 1 : Number((tokens[at] as Token).tag.slice(1))) + 1);
    for (const paragraph of group) found.set(paragraph, level);
  }
  return found;
}

/** "**Lecture 1: Building micrograd**": one bold run and nothing else, short, not a label ("**Topics:**"). */
function isBoldLine(inline: Token | undefined): boolean {
  const children = (inline?.children ?? []).filter(
    (child) => !(child.type === 'text' && child.content.trim() === ''),
  );
  const first = children[0];
  const last = children[children.length - 1];
  if (first?.type !== 'strong_open' || last?.type !== 'strong_close') return false;
  let strongRuns = 0;
  for (const child of children) if (child.type === 'strong_open') strongRuns++;
  const text = (inline?.content ?? '').trim();
  return strongRuns === 1 && text.length <= 200 && !/[:：]\**$/u.test(text);
}

/**
 * The roadmap's title from a first `#` heading: its words without badges' alt text, and not a "Contents"
 * heading (that is a table of contents, in any language).
 */
function documentTitle(inline: Token | undefined): string | undefined {
  let text = stripLeadingSymbols(repairMojibake(inlineText(inline, false).text));
  if (text === '') text = stripLeadingSymbols(repairMojibake(inlineText(inline).text));
  if (text === '' || TOC_TITLE.test(text)) return undefined;
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

function htmlHeadingTitle(html: string): string | undefined {
  if (!/<h[1-3]\b/i.test(html)) return undefined;
  // A centred README banner: logo, then "<h2 align="center">Name</h2>" (any of h1-h3 before any Markdown heading).
  const match = /<h([1-3])\b[^>]*>([\s\S]{0,2000}?)<\/h\1>/i.exec(html);
  if (!match) return undefined;
  const text = (match[2] ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_all, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const title = stripLeadingSymbols(repairMojibake(text));
  return title === '' || TOC_TITLE.test(title) ? undefined : title;
}

function nestingWarning(line: number, maxNesting: number): ImportWarning {
  return {
    line,
    message: `the lists or quotes here nest deeper than ${maxNesting} levels; what is nested below this line (and possibly what follows it) was not imported. Flatten the outline.`,
  };
}

/** Reads a GFM table starting at `start`; each body row becomes a draft. Returns the index of table_close. */
function readTable(tokens: Token[], start: number, emit: (row: Draft) => void): number {
  const headers: string[] = [];
  let row: Draft | undefined;
  let inHead = false;
  let i = start;
  for (; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'table_close') break;
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open' && !inHead) {
      row = newDraft('row', 0, (token.map?.[0] ?? 0) + 1, token.map?.[1] ?? (token.map?.[0] ?? 0) + 1);
      row.cells = [];
    } else if (token.type === 'tr_close' && row) {
      if (row.cells?.some((cell) => cell.text !== '')) emit(row);
      row = undefined;
    } else if (token.type === 'inline') {
      const parsed = inlineText(token);
      const text = repairMojibake(parsed.text);
      if (inHead) headers.push(text);
      else if (row?.cells) {
        const links = parsed.links.map((link) => ({ text: repairMojibake(link.text), url: link.url }));
        row.cells.push({
          header: headers[row.cells.length] ?? `Column ${row.cells.length + 1}`,
          text,
          links,
        });
      }
    }
  }
  return i;
}
