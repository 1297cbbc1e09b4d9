import type { Link } from '../model/roadmap.js';
import type { Draft } from './outline.js';
import { ATTACHMENT_HEADS, ATTACHMENT_LINK_TEXT, ATTACHMENT_WORDS } from './section-words.js';

/**
 * What a section looks like, whatever its language: how many of its items are nothing but a link, and where
 * those links point. A list of in-document anchors is navigation; a section of only external links is
 * references; a list of profile links is people. Computed once per draft, bottom-up (linear time).
 */
export interface DraftShape {
  /** List items in the subtree (table rows are counted apart). */
  items: number;
  rows: number;
  headings: number;
  checkboxes: number;
  /** Items whose words are only links into this document ("[Phase 1](#phase-1)"). */
  anchorOnly: number;
  /** Items whose words are only links to other sites. */
  externalOnly: number;
  /** Items whose words are only links to people's profiles (GitHub users, LinkedIn, X). */
  profileOnly: number;
  /** Items whose words are only links to other files of the repository ("[Chapter 2](ch02/)"). */
  localOnly: number;
  /**
   * Lessons: items that are only links to the repository's own pages and table rows that link to one
   * ("1. [Tools](1-Tools/README.md)"), not its images or its CONTRIBUTING.md.
   */
  lessons: number;
  /** Lines of prose that report how far something is done ("vector（stl_vector.h):50%"). */
  percentLines: number;
  /** Items that define a term in prose: "**Supervised**, where we have labelled data sets…". */
  definitions: number;
}

export type LinkTarget = 'anchor' | 'external' | 'local';

export function linkTarget(url: string): LinkTarget {
  if (url.startsWith('#')) return 'anchor';
  if (/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(url)) return 'external';
  return 'local';
}

const PROFILE =
  /^(?:mailto:|https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|twitter\.com|x\.com|linkedin\.com\/in|instagram\.com|zhihu\.com\/people)\/[^/?#]+\/?(?:[?#].*)?$)/i;

/** Images and media are illustrations, not pages to work through. */
const MEDIA = /\.(?:png|jpe?g|gif|svg|webp|bmp|mp4|webm|mp3)(?:[?#].*)?$/i;
/** The repository's own meta files: CONTRIBUTING.md, LICENSE, CODE_OF_CONDUCT.md (README.md is a page). */
const META_FILE = /(?:^|\/)(?!README\b)[A-Z][A-Z\d_-]+(?:\.(?:md|txt))?$/;

/** A link to one of the repository's own pages (a lesson, a chapter, a module), not an anchor or an image. */
export function isLocalPage(url: string): boolean {
  return linkTarget(url) === 'local' && !MEDIA.test(url) && !META_FILE.test(url);
}

/** Whether an item says nothing but its links (separators, emoji and punctuation aside). */
export function isLinkOnly(draft: Draft): boolean {
  if (draft.links.length === 0 || draft.text.length > 400) return false;
  draft.linkOnly ??= wordsAreLinks(draft);
  return draft.linkOnly;
}

function wordsAreLinks(draft: Draft): boolean {
  let rest = draft.text;
  for (const link of draft.links) {
    const at = link.text === '' ? -1 : rest.indexOf(link.text);
    if (at >= 0) rest = rest.slice(0, at) + rest.slice(at + link.text.length);
  }
  return !/[\p{L}\p{N}]/u.test(rest);
}

function allLinks(links: readonly Link[], test: (link: Link) => boolean): boolean {
  for (const link of links) if (!test(link)) return false;
  return links.length > 0;
}

/** A navigation entry: an item that is only links into this document. */
export function isAnchorItem(draft: Draft): boolean {
  return (
    draft.type === 'item' &&
    draft.checked === undefined &&
    isLinkOnly(draft) &&
    allLinks(draft.links, (link) => linkTarget(link.url) === 'anchor')
  );
}

/**
 * "Video", "GitHub repository", "YouTube video lecture", "Jupyter notebook files": material, by its words;
 * also a named one, "micrograd Github repo": a material noun last, after at most two names.
 */
function isAttachmentText(text: string): boolean {
  const trimmed = text.trim();
  if (ATTACHMENT_LINK_TEXT.test(trimmed)) return true;
  const words = trimmed
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (words.length === 0 || words.length > 6) return false;
  let names = 0;
  for (const word of words) if (!ATTACHMENT_WORDS.has(word)) names++;
  if (names === 0) return true;
  return names <= 2 && words.length <= 4 && ATTACHMENT_HEADS.has(words[words.length - 1] ?? '');
}

/** "[YouTube video lecture](…). For all other links see the video description.": the link, then a note. */
function isLinkThenNote(draft: Draft): boolean {
  const first = draft.links[0];
  if (!first || first.text === '' || !draft.text.startsWith(first.text) || draft.text.length > 200)
    return false;
  return /^\s*[.;,(\u2013\u2014-]/u.test(draft.text.slice(first.text.length));
}

/**
 * A link that belongs to the item above it ("Video", "GitHub repository", "Slides"): the parent's material,
 * not an item of its own.
 */
export function isAttachmentLink(draft: Draft): boolean {
  return (
    draft.type === 'item' &&
    draft.checked === undefined &&
    draft.children.length === 0 &&
    (isLinkOnly(draft) || isLinkThenNote(draft)) &&
    allLinks(draft.links, (link) => isAttachmentText(link.text))
  );
}

export function shapeOf(draft: Draft): DraftShape {
  if (draft.shape) return draft.shape;
  const shape: DraftShape = {
    items: 0,
    rows: 0,
    headings: 0,
    checkboxes: 0,
    anchorOnly: 0,
    externalOnly: 0,
    profileOnly: 0,
    localOnly: 0,
    lessons: 0,
    percentLines: 0,
    definitions: 0,
  };
  for (const child of draft.children) {
    if (child.children.length === 0 && child.type !== 'heading') {
      // Most drafts are leaf items or rows: counted in place, without a shape of their own.
      countLeaf(shape, child);
      shape.percentLines += percentLinesOf(child.paragraphs);
      continue;
    }
    const inner = shapeOf(child);
    shape.items += inner.items;
    shape.rows += inner.rows;
    shape.headings += inner.headings;
    shape.checkboxes += inner.checkboxes;
    shape.anchorOnly += inner.anchorOnly;
    shape.externalOnly += inner.externalOnly;
    shape.profileOnly += inner.profileOnly;
    shape.localOnly += inner.localOnly;
    shape.lessons += inner.lessons;
    shape.percentLines += inner.percentLines;
    shape.definitions += inner.definitions;
  }
  shape.percentLines += percentLinesOf(draft.paragraphs) + percentLinesOf(draft.laterParagraphs);
  if (draft.type === 'heading') shape.headings++;
  else countLeaf(shape, draft);
  draft.shape = shape;
  return shape;
}

const PERCENT_LINE = /[:：]\s*\d{1,3}(?:[.,]\d+)?\s*%$/u;

function percentLinesOf(paragraphs: readonly string[] | undefined): number {
  if (!paragraphs) return 0;
  let lines = 0;
  for (const paragraph of paragraphs) if (paragraph.endsWith('%') && PERCENT_LINE.test(paragraph)) lines++;
  return lines;
}

/** Adds one item or row (not what is beneath it) to a shape. */
function countLeaf(shape: DraftShape, draft: Draft): void {
  if (draft.type === 'row') {
    shape.rows++;
    if (isLessonRow(draft)) shape.lessons++;
    return;
  }
  if (draft.type !== 'item') return;
  shape.items++;
  if (isDefinition(draft)) shape.definitions++;
  if (draft.checked !== undefined) shape.checkboxes++;
  else if (isLinkOnly(draft)) {
    if (allLinks(draft.links, (link) => linkTarget(link.url) === 'anchor')) shape.anchorOnly++;
    else if (allLinks(draft.links, (link) => PROFILE.test(link.url))) shape.profileOnly++;
    else if (allLinks(draft.links, (link) => linkTarget(link.url) === 'external')) shape.externalOnly++;
    else if (allLinks(draft.links, (link) => linkTarget(link.url) === 'local')) {
      shape.localOnly++;
      if (isLessonLink(draft)) shape.lessons++;
    }
  }
}

/** A bold term, then a clause about it: "**Explore**: explore the area and draw a map." */
function isDefinition(draft: Draft): boolean {
  const term = draft.leadingStrong;
  return term !== undefined && draft.checked === undefined && draft.text.length >= term.length + 12;
}

function isLessonRow(draft: Draft): boolean {
  return draft.cells?.some((cell) => cell.links.some((link) => isLocalPage(link.url))) === true;
}

/** "[Jupyter notebook files](lectures/micrograd)" is an item's material, not a lesson. */
function isLessonLink(draft: Draft): boolean {
  draft.lessonLink ??= allLinks(draft.links, (link) => isLocalPage(link.url) && !isAttachmentText(link.text));
  return draft.lessonLink;
}

/** How many lessons a draft is or holds (see DraftShape.lessons); a leaf without building its shape. */
export function lessonsIn(draft: Draft): number {
  if (draft.children.length > 0 || draft.type === 'heading') return shapeOf(draft).lessons;
  if (draft.type === 'row') return isLessonRow(draft) ? 1 : 0;
  if (draft.type !== 'item' || draft.checked !== undefined || !isLinkOnly(draft)) return 0;
  return allLinks(draft.links, (link) => linkTarget(link.url) === 'local') && isLessonLink(draft) ? 1 : 0;
}

/** A heading over a list of in-document links: a table of contents, titled in any language or not at all. */
export function looksLikeToc(draft: Draft): boolean {
  const shape = shapeOf(draft);
  return shape.items >= 2 && shape.checkboxes === 0 && shape.anchorOnly >= shape.items * 0.8;
}

/**
 * A heading titled "Table of Contents" that holds the curriculum itself (a table of chapters, links to the
 * repository's own files) is the curriculum, whatever its title says: one swallowed a whole book.
 */
export function holdsContent(draft: Draft): boolean {
  const shape = shapeOf(draft);
  return shape.rows > 0 || shape.localOnly > shape.anchorOnly;
}

/** A heading over nothing but links to other sites (no boxes, no table): references. */
export function looksLikeLinkList(draft: Draft): boolean {
  const shape = shapeOf(draft);
  return (
    shape.items >= 1 &&
    shape.rows === 0 &&
    shape.checkboxes === 0 &&
    shape.externalOnly + shape.profileOnly === shape.items
  );
}

/** A heading over a list of people (profile links): contributors, team, authors. */
export function looksLikePeople(draft: Draft): boolean {
  const shape = shapeOf(draft);
  return shape.items >= 1 && shape.checkboxes === 0 && shape.profileOnly === shape.items;
}

/**
 * A heading over a progress report: its entries say how far each of their parts is done ("alloc.h: 100%",
 * "vector: 50%"), at least two such lines per entry and no boxes. A status, not more work. One "Progress:
 * 40%" per item is a learner's tracker of work, which stays work.
 */
export function looksLikeProgressReport(draft: Draft): boolean {
  const shape = shapeOf(draft);
  return shape.percentLines >= 2 && shape.percentLines >= 2 * shape.items && shape.checkboxes === 0;
}

/**
 * A heading that is only a link to another site (a logo aside) over nothing but pictures:
 * "#### ![logo](…) [NLP Course For You](https://…)" then a preview GIF. A reference, not a unit of work.
 */
export function isLinkHeading(draft: Draft): boolean {
  if (draft.type !== 'heading' || draft.children.length > 0 || draft.links.length === 0) return false;
  if (!allLinks(draft.links, (link) => linkTarget(link.url) === 'external')) return false;
  const prose = draft.paragraphs.length + (draft.laterParagraphs?.length ?? 0);
  if (prose !== (draft.imageParagraphs ?? 0)) return false;
  let rest = draft.text;
  for (const part of [...draft.links.map((link) => link.text), ...(draft.imageAlts ?? [])])
    if (part !== '') rest = rest.replace(part, '');
  return !/[\p{L}\p{N}]/u.test(rest);
}

/** "¿Las clases quedan grabadas?", "How long does it take?", "需要多久？": a question, in any script. */
function isQuestion(text: string): boolean {
  const trimmed = text.trim();
  return /[?？؟]$/u.test(trimmed) || trimmed.startsWith('¿');
}

/**
 * A heading whose entries (list items or sub-headings) are questions, each answered beneath: an FAQ, in any
 * language and under any title ("Información importante y preguntas frecuentes"). Direct children only.
 */
export function looksLikeFaq(draft: Draft): boolean {
  let entries = 0;
  let questions = 0;
  for (const child of draft.children) {
    // Navigation entries beside the questions ("- [Intro](#intro)") are neither questions nor answers.
    if ((child.type !== 'item' && child.type !== 'heading') || isAnchorItem(child)) continue;
    entries++;
    if (child.checked === undefined && isQuestion(child.text)) questions++;
  }
  return questions >= 2 && questions >= entries * 0.8;
}
