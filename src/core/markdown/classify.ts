import type { Duration, DurationUnit, Link, Node, NodeKind, Recurrence } from '../model/roadmap.js';
import { findDate } from './dates.js';
import { parseDuration } from './durations.js';
import type { ImportWarning } from './import-warning.js';
import {
  introducesChoice,
  introducesInformation,
  introducesMilestones,
  introducesPhases,
} from './list-intro.js';
import type { Draft } from './outline.js';
import { platformNamed, platformOf } from './platforms.js';
import {
  holdsContent,
  isAnchorItem,
  isAttachmentLink,
  isLinkHeading,
  lessonsIn,
  looksLikeFaq,
  looksLikeLinkList,
  looksLikePeople,
  looksLikeProgressReport,
  looksLikeToc,
  shapeOf,
} from './section-shape.js';
import {
  ADVICE_SENTENCE,
  ALTERNATIVE_PATH_TITLE,
  ASSIGNMENT_WORD,
  COMMUNITY_TITLE,
  COURSE_RULES_TITLE,
  ELECTIVE_PROSE,
  INSTRUCTIONS_TITLE,
  INTRODUCTION_TITLE,
  isAuthorIntro,
  OFFER_PROSE,
  OPTIONAL_SECTION_TITLE,
  PLACEHOLDER_TITLE,
  PREREQUISITES_TITLE,
  PROCEDURE_TITLE,
  PROJECT_META_TITLE,
  RESOURCE_TITLE,
  ROLE_DESCRIPTION_TITLE,
  SCHEDULED_PART,
  TOC_TITLE,
} from './section-words.js';
import { endsInAsciiWord, isAsciiLetter, trimSeparators } from './text-edges.js';
import { type ParsedTitle, parseTitle } from './title.js';

/**
 * The second pass of the importer: gives each draft its meaning (kind, trackable, duration, due date,
 * recurrence, meta) from its own words and from where it sits. Ids are assigned afterwards (ids.ts).
 */

/** Where a draft sits: what its headings say about the items beneath them. */
type Area = 'plain' | 'info' | 'toc' | 'template' | 'routine';

interface Context {
  area: Area;
  inPhase: boolean;
  /** Kind for the first-level items beneath a heading ("Books" -> resource, "Projects" -> project). */
  itemKind?: NodeKind;
  /** Books, papers and reading lists are work to finish even without a checkbox. */
  reading: boolean;
  recurrence?: Recurrence;
  /** Inside a milestone, items are its checklist. */
  inMilestone: boolean;
  /** Shared by every context of one import: what was noticed and worked around. */
  warnings: ImportWarning[];
  /** The document writes its work as list items or table rows (so a heading over prose alone is prose). */
  workInLists: boolean;
}

export type UnidentifiedNode = Omit<Node, 'id' | 'children'> & {
  number?: string;
  children: UnidentifiedNode[];
};

const PHASE_WORD = /\b(phase|stage)\b/i;
/** "Week 3", "week01", "Days 1-5", "Month 2", "Module 4", "Semana 2", "第3天" (and their Portuguese, Spanish, French, German words). */
const SCHEDULE =
  /^(?:(?:(week|day|month|sprint|module|semana|dia|día|mês|mes|semaine|jour|mois|woche|tag|monat)s?\s*(\d{1,3})(?:\s*[-\u2013]\s*(\d{1,3}))?(?![\p{L}\d]))|第\s*(\d{1,3})\s*([天周週月]))/iu;
/** The same at the end, after a separator: "数据预处理 | 第1天", "Linear regression - Day 4", "(Week 2)". */
const SCHEDULE_SUFFIX =
  /(?:[|:\u2013\u2014(（]|\s-)\s*(?:(?:(week|day|month|module|semana|dia|día|semaine|jour|woche|tag)\s+(\d{1,3}))|第\s*(\d{1,3})\s*([天周週月]))\s*[)）]?\s*$/iu;
const SCHEDULE_UNITS: Record<string, 'days' | 'weeks' | 'months' | undefined> = {
  week: 'weeks',
  sprint: 'weeks',
  semana: 'weeks',
  semaine: 'weeks',
  woche: 'weeks',
  周: 'weeks',
  週: 'weeks',
  day: 'days',
  dia: 'days',
  día: 'days',
  jour: 'days',
  tag: 'days',
  天: 'days',
  month: 'months',
  mês: 'months',
  mes: 'months',
  mois: 'months',
  monat: 'months',
  月: 'months',
  module: undefined,
};
const TEMPLATE =
  /\b(progress tracking|progress tracker|tracking template|progress log|current focus|overall progress)\b/i;
const REVIEW =
  /\b(daily|weekly|monthly|quarterly)\s+(review|retro(?:spective)?|reflection)\b|\bretrospective\b|\breview\s+(?:schedule|cadence|routine)\b/i;
const ROUTINE = /\b(routine|daily schedule|study schedule|weekly schedule|habits?)\b/i;
const MILESTONE_DUE =
  /\b(\d{1,3})[-\s\u2010-\u2015]*(day|week|month|year)s?[-\s]+(goals?|milestones?|checkpoints?|targets?)\b/i;
const MILESTONE_WORD = /^(milestones?|checkpoints?|achievements?(?:\s*(?:&|and)\s*milestones)?)\b/i;
const GOAL_HEADING = /^(my\s+|the\s+|career\s+|final\s+)?(goals?|target roles?|objectives?|end goal)$/i;
// "Introduction" and "About …" sections are prose; "Intro CS" or "Introduction to Programming" are courses.
const INFO =
  /\bintro(?:duction)?\W*$|^about\b|\b(overview|summary|context|career progression|prerequisites?|(?:hardware|system|software)\s+requirements|success metrics|tips|pitfalls|best practices|advice|opportunities|structure|wiki|remember|faq|license|contributing|acknowledg\w*|role definition|who is this for|position summary|why|notes?|wrap[\s-]?up|conclusions?|closing thoughts|citation|how to cite)\b/i;
const KIND_WORDS: [RegExp, NodeKind][] = [
  [/\bcertific\w*/i, 'certificate'],
  [/\bprojects?\b(?!\s+management)/i, 'project'],
  [/\b(courses?|moocs?|specializations?)\b/i, 'course'],
  // A resource word names a section of resources only as its head noun: "Online Resources", "Tools and
  // Frameworks", "Resources for NLP", not "Video Generation with AI" or "Community Detection".
  [
    // Tools, frameworks and libraries are what a phase teaches ("Development Tools"): a kind only under "Resources".
    /\b(books?|papers?|reading|resources?|references?|communit(?:y|ies)|forums?|blogs?|podcasts?|videos?|channels?|newsletters?)\W*$|^(resources?|books?|reading|references?)\b/i,
    'resource',
  ],
  [COMMUNITY_TITLE, 'resource'],
];
const READING = /\b(books?|papers?|reading|articles?)\b/i;

/** Keys that describe their parent instead of being items: "**Platform**: Coursera", "Topics:". */
const META_KEYS: Record<string, string> = {
  platform: 'platform',
  provider: 'provider',
  instructor: 'instructor',
  author: 'author',
  cost: 'cost',
  price: 'cost',
  level: 'level',
  format: 'format',
  language: 'language',
  link: 'link',
  url: 'link',
  website: 'link',
  certificate: 'certificate',
  prerequisites: 'prerequisites',
  prerequisite: 'prerequisites',
  status: 'status',
  deadline: 'deadline',
  due: 'deadline',
  course: 'course',
  duration: 'duration',
  time: 'duration',
  'estimated time': 'duration',
  effort: 'duration',
  timeline: 'duration',
};
/** Labels whose children are lifted into the parent with a kind: "Projects:" -> project nodes. */
const LABEL_KINDS: Record<string, NodeKind> = {
  topics: 'topic',
  'key topics': 'topic',
  'topics covered': 'topic',
  outcomes: 'topic',
  'key outcomes': 'topic',
  'learning outcomes': 'topic',
  skills: 'topic',
  modules: 'topic',
  exercises: 'topic',
  tasks: 'topic',
  deliverables: 'project',
  projects: 'project',
  project: 'project',
  resources: 'resource',
  readings: 'resource',
  books: 'resource',
  certificates: 'certificate',
  certifications: 'certificate',
};

function keyValue(draft: Draft): { key: string; value: string } | undefined {
  if (draft.checked !== undefined) return undefined;
  const colon = draft.text.indexOf(':');
  if (colon < 1 || colon > 40) return undefined; // the key is at most 31 characters and some spaces
  const match = /^([A-Za-z][A-Za-z /&-]{0,30}?)\s*:\s*(.*)$/.exec(draft.text);
  if (!match) return undefined;
  const key = (match[1] ?? '').trim().toLowerCase();
  if (!(key in META_KEYS) && !(key in LABEL_KINDS)) return undefined;
  return { key, value: (match[2] ?? '').trim() };
}

/** The English word of a schedule column, for scheduleOf: "天" -> day. */
const SCHEDULE_WORD: Record<string, string> = {
  week: 'week',
  semana: 'week',
  semaine: 'week',
  woche: 'week',
  周: 'week',
  週: 'week',
  month: 'month',
  mes: 'month',
  mês: 'month',
  mois: 'month',
  monat: 'month',
  月: 'month',
};

/** First letters (lower-cased) of SCHEDULE's words: w d m s j t; anything else cannot match it. */
const SCHEDULE_FIRST = new Set([0x77, 0x64, 0x6d, 0x73, 0x6a, 0x74]);

/** A schedule position ("Week 3", "第1天"): its span as a duration, or none for "Module 4". */
export function scheduleOf(title: string): { duration?: Duration; label: string } | undefined {
  const first = title.charCodeAt(0) | 0x20; // lower-cased ASCII letter
  const leading = SCHEDULE_FIRST.has(first) || title.startsWith('第') ? SCHEDULE.exec(title) : null;
  if (leading) {
    const from = Number(leading[2] ?? leading[4]);
    const to = leading[3] ? Number(leading[3]) : from;
    return scheduleSpan(leading[1] ?? leading[5] ?? '', from, to, leading[0]);
  }
  // The suffix form needs a digit near the end; cheap tests keep the regex off most titles.
  if (isAsciiLetter(title.charCodeAt(title.length - 1))) return undefined;
  if (!/\d[天周週月]?\s*[)）]?\s*$/u.test(title)) return undefined;
  const suffix = SCHEDULE_SUFFIX.exec(title);
  if (!suffix) return undefined;
  const from = Number(suffix[2] ?? suffix[3]);
  return scheduleSpan(suffix[1] ?? suffix[4] ?? '', from, from, suffix[0]);
}

function scheduleSpan(
  word: string,
  from: number,
  to: number,
  text: string,
): { duration?: Duration; label: string } | undefined {
  if (to < from) return undefined;
  const unit = SCHEDULE_UNITS[word.toLowerCase()];
  const label = text.replace(/^[\s|:\u2013\u2014(（-]+|[\s)）]+$/gu, '').trim();
  if (!unit) return { label };
  return { duration: { min: to - from + 1, max: to - from + 1, unit }, label };
}

/** "week12-13 - TBA": once the schedule label is off, nothing but a placeholder is left. */
function isPlaceholder(title: string, scheduleLabel: string | undefined): boolean {
  if (title.length > 60) return false;
  const rest = scheduleLabel ? title.replace(scheduleLabel, '') : title;
  return PLACEHOLDER_TITLE.test(trimSeparators(rest));
}

function itemKindOf(title: string): NodeKind | undefined {
  for (const [pattern, kind] of KIND_WORDS) if (pattern.test(title)) return kind;
  return undefined;
}

function isTrackable(kind: NodeKind, ctx: Context, checked: boolean | undefined): boolean {
  switch (kind) {
    case 'topic':
    case 'course':
    case 'project':
    case 'certificate':
    case 'milestone':
      return true;
    case 'resource':
      return checked !== undefined || ctx.reading;
    case 'phase':
      return ctx.area !== 'toc' && ctx.area !== 'template';
    case 'section':
      return ctx.area === 'plain';
    default:
      return false;
  }
}

function baseNode(draft: Draft, parsed: ParsedTitle, kind: NodeKind): UnidentifiedNode {
  const node: UnidentifiedNode = {
    title: parsed.title,
    kind,
    trackable: false,
    source: { line: draft.line, endLine: draft.endLine },
    children: [],
  };
  if (parsed.number) node.number = parsed.number;
  if (draft.checked !== undefined) node.checked = draft.checked;
  if (parsed.duration) node.duration = parsed.duration;
  if (parsed.choose) node.choose = parsed.choose;
  if (draft.links.length > 0) node.links = [...draft.links];
  if (hasKeys(parsed.flags)) node.meta = { ...parsed.flags };
  return node;
}

/** Like `Object.keys(record).length > 0`, without building the array of keys for every node. */
function hasKeys(record: Record<string, string>): boolean {
  for (const _key in record) return true;
  return false;
}

function setMeta(node: UnidentifiedNode, key: string, value: string): void {
  node.meta ??= {};
  node.meta[key] = value;
}

function addLinks(node: UnidentifiedNode, links: Link[]): void {
  if (links.length === 0) return;
  node.links = [...(node.links ?? []), ...links];
}

/** Applies "Key: value" lines (list items or paragraphs) to the node they describe. */
function applyKeyValue(node: UnidentifiedNode, key: string, value: string, links: Link[]): void {
  const field = META_KEYS[key] ?? key;
  const valueTitle = parseTitle(value);
  if (field === 'duration') {
    const duration = parseDuration(value);
    if (duration) node.duration = duration;
    else setMeta(node, 'duration', value);
    return;
  }
  addLinks(node, links);
  if (field === 'course') {
    node.kind = 'course';
    const name = valueTitle.title;
    if (name && name !== node.title) {
      setMeta(node, 'area', node.title);
      node.title = name;
    }
    const url = links[0]?.url;
    if (url && !node.meta?.platform) {
      const platform = platformOf(url);
      if (platform) setMeta(node, 'platform', platform);
    }
    for (const [flag, flagValue] of Object.entries(valueTitle.flags)) setMeta(node, flag, flagValue);
    return;
  }
  if (field === 'platform' || field === 'provider') {
    if (node.kind === 'topic' || node.kind === 'section') node.kind = 'course';
    setMeta(node, field, valueTitle.title || links[0]?.text || value);
    for (const [flag, flagValue] of Object.entries(valueTitle.flags)) setMeta(node, flag, flagValue);
    return;
  }
  if (field === 'deadline') {
    const date = findDate(value);
    if (date) {
      node.due = { ...node.due, date: date.date };
      return;
    }
  }
  setMeta(node, field, value);
}

/** `push(...items)` passes every item as an argument, which overflows the stack at ~100,000 items. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export interface ClassifyResult {
  nodes: UnidentifiedNode[];
}

export function classifyChildren(
  drafts: readonly Draft[],
  parent: UnidentifiedNode | undefined,
  ctx: Context,
): UnidentifiedNode[] {
  const out: UnidentifiedNode[] = [];
  const headingSiblings = drafts.filter((d) => d.type === 'heading');
  const siblingsTimed =
    headingSiblings.length >= 2 &&
    headingSiblings.filter((d) => {
      const parsed = headingTitle(d);
      return (
        PHASE_WORD.test(parsed.title) || parsed.duration !== undefined || durationParagraph(d) !== undefined
      );
    }).length >= 2;
  const lessonGroup = ctx.area === 'plain' && holdsLessons(drafts);
  for (const draft of drafts) {
    if (parent && isAttachmentLink(draft)) {
      // "[Video](…)", "[GitHub repository](…)" under an item: material of the item, not an item.
      addLinks(parent, draft.links);
      continue;
    }
    const kv = draft.type === 'item' && parent ? keyValue(draft) : undefined;
    if (kv && parent) {
      const labelKind = LABEL_KINDS[kv.key];
      if (labelKind && kv.value === '' && draft.children.length > 0) {
        const lifted = classifyChildren(draft.children, parent, { ...ctx, itemKind: labelKind });
        appendAll(parent.children, lifted);
        continue;
      }
      if (kv.key in META_KEYS) {
        applyKeyValue(parent, kv.key, kv.value, draft.links);
        if (draft.children.length > 0)
          appendAll(parent.children, classifyChildren(draft.children, parent, ctx));
        continue;
      }
    }
    const context = lessonGroup && isLessonContext(draft);
    out.push(classifyDraft(draft, context ? { ...ctx, area: 'info' } : ctx, siblingsTimed));
  }
  return groupElectiveRuns(drafts, groupAlternativePaths(out, parent), parent);
}

/** A section offering one of several paths ("If You Choose iOS Development"). */
const isPath = (node: UnidentifiedNode) => node.kind === 'section' && ALTERNATIVE_PATH_TITLE.test(node.title);

/**
 * "If You Choose Web Development", "If You Choose iOS Development": consecutive sections offering one path
 * each are a choice of one (the parent itself when they are all it holds, else a group made for them).
 */
function groupAlternativePaths(
  nodes: UnidentifiedNode[],
  parent: UnidentifiedNode | undefined,
): UnidentifiedNode[] {
  let paths = 0;
  for (const node of nodes) if (isPath(node)) paths++;
  if (paths < 2) return nodes;
  const out: UnidentifiedNode[] = [];
  for (let i = 0; i < nodes.length; ) {
    let end = i;
    while (end < nodes.length && isPath(nodes[end] as UnidentifiedNode)) end++;
    if (end - i < 2) {
      out.push(nodes[i] as UnidentifiedNode);
      i++;
      continue;
    }
    const run = nodes.slice(i, end);
    if (run.length === nodes.length && parent && !parent.choose) {
      parent.choose = { min: 1, max: 1 };
      appendAll(out, run);
    } else {
      const first = run[0] as UnidentifiedNode;
      const last = run[run.length - 1] as UnidentifiedNode;
      out.push({
        title: 'Choose one path',
        kind: 'section',
        trackable: false,
        choose: { min: 1, max: 1 },
        source: { line: first.source.line, endLine: last.source.endLine },
        children: run,
      });
    }
    i = end;
  }
  return out;
}

/** Groups made for a list whose intro states the choice: the heading above has said it already. */
const introGroups = new WeakSet<UnidentifiedNode>();

/**
 * A module page: the work is its list of lessons (links to the repository's own pages: "1. [Tools](1-Tools/)",
 * a table of lessons). Siblings that neither are nor hold a lesson (the regional-topic prose, concept
 * bullets, study instructions, "what each lesson contains") are the page's context, not more work.
 */
function holdsLessons(drafts: readonly Draft[]): boolean {
  // The lessons must be the group's work, not a few helper pages beside a list of its own steps.
  let lessons = 0;
  let otherItems = 0;
  for (const draft of drafts) {
    const inDraft = lessonsIn(draft);
    lessons += inDraft;
    if (inDraft === 0 && draft.type !== 'heading') otherItems++;
  }
  return lessons >= 2 && lessons > otherItems;
}

/**
 * Beside the lessons: an item of the same list, or a heading that opens with prose, holding no lesson and
 * no work of its own; its bullets (if any) must define terms ("**Explore**: …"). A heading of plain bullets
 * ("Recommended Projects") and steps stay work, before or after the lessons: a deploy or setup heading over
 * its steps is one task (`isProcedure`, optional when its prose offers it), not context.
 */
function isLessonContext(draft: Draft): boolean {
  if (lessonsIn(draft) > 0 || isExplicitWork(draft)) return false;
  if (draft.type !== 'heading') return true;
  if (draft.children.length === 0) return true;
  if (draft.paragraphs.length === 0) return false;
  const shape = shapeOf(draft);
  return shape.definitions === shape.items;
}

/**
 * Work the author marked as such (a box to tick, a phase, a scheduled or timed heading), or entries of
 * their own (table rows, link-only items: courses elsewhere) that are not mere prose beside the lessons.
 */
function isExplicitWork(draft: Draft): boolean {
  const shape = shapeOf(draft);
  if (draft.checked !== undefined || shape.checkboxes > 0 || shape.rows > 0) return true;
  if (shape.externalOnly + shape.localOnly + shape.profileOnly > 0) return true;
  if (draft.type !== 'heading') return false;
  const parsed = headingTitle(draft);
  return (
    PHASE_WORD.test(parsed.title) || parsed.duration !== undefined || scheduleOf(parsed.title) !== undefined
  );
}

/**
 * Lists introduced as alternatives ("Choose one of the following:") or holding the author's pick
 * ("[personal recommendation]") are elective groups: the parent itself when the list is all it holds,
 * otherwise a group node made for the run. Runs are found in one pass over the siblings.
 */
function groupElectiveRuns(
  drafts: readonly Draft[],
  nodes: UnidentifiedNode[],
  parent: UnidentifiedNode | undefined,
): UnidentifiedNode[] {
  if (nodes.length < 2) return nodes;
  let any = false;
  for (const node of nodes) if (node.meta?.recommended === 'true') any = true;
  for (const draft of drafts) if (draft.listIntro && introducesChoice(draft.listIntro)) any = true;
  if (!any) return nodes;
  // Nodes and drafts line up except where a draft was folded into its parent (attachments, "Key: value").
  const introOf = new Map<UnidentifiedNode, string | undefined>();
  let d = 0;
  for (const node of nodes) {
    while (d < drafts.length && (drafts[d] as Draft).line !== node.source.line) d++;
    introOf.set(node, drafts[d]?.listIntro);
  }
  const out: UnidentifiedNode[] = [];
  for (let i = 0; i < nodes.length; ) {
    const intro = introOf.get(nodes[i] as UnidentifiedNode);
    let end = i + 1;
    while (end < nodes.length && introOf.get(nodes[end] as UnidentifiedNode) === intro) end++;
    const run = nodes.slice(i, end);
    const choose = run.length >= 2 ? runChoice(intro, run) : undefined;
    // "Just pick one of the courses below": links offered as the choice are the work to choose from.
    if (choose && choose.min > 0)
      for (const option of run) if (option.kind === 'resource' && !option.trackable) option.trackable = true;
    if (!choose) appendAll(out, run);
    else if (run.length === nodes.length && parent && !parent.choose) {
      parent.choose = choose;
      appendAll(out, run);
    } else {
      const first = run[0] as UnidentifiedNode;
      const last = run[run.length - 1] as UnidentifiedNode;
      const group: UnidentifiedNode = {
        title: intro ? intro.replace(/[:：]\s*$/u, '').slice(0, 120) : 'Choose one',
        kind: 'section',
        trackable: false,
        choose,
        source: { line: first.source.line, endLine: last.source.endLine },
        children: run,
      };
      introGroups.add(group);
      out.push(group);
    }
    i = end;
  }
  return out;
}

function runChoice(
  intro: string | undefined,
  run: readonly UnidentifiedNode[],
): { min: number; max: number } | undefined {
  const stated = intro ? electiveRule('', [intro], run.length) : undefined;
  if (stated) return stated;
  return run.some((node) => node.meta?.recommended === 'true') ? { min: 1, max: 1 } : undefined;
}

function durationParagraph(draft: Draft): string | undefined {
  for (const paragraph of draft.paragraphs) {
    const match = /^(?:duration|time|timeline|estimated time|length)\s*:\s*(.+)$/i.exec(paragraph);
    if (match) return match[1];
  }
  return undefined;
}

function classifyDraft(draft: Draft, ctx: Context, siblingsTimed: boolean): UnidentifiedNode {
  if (draft.type === 'heading') return classifyHeading(draft, ctx, siblingsTimed);
  if (draft.type === 'row') return classifyRow(draft, ctx);
  return classifyItem(draft, ctx);
}

/** Headings are parsed twice (for their siblings' timing and for themselves): once is enough. */
function headingTitle(draft: Draft): ParsedTitle {
  draft.parsedTitle ??= parseTitle(draft.text);
  return draft.parsedTitle;
}

function classifyHeading(draft: Draft, outer: Context, siblingsTimed: boolean): UnidentifiedNode {
  // A table of contents is its list, not the headings after it: they start afresh. So does a list of lessons
  // under an introduction ("What you'll learn" > "Lessons"): structure first.
  const ctx: Context =
    outer.area === 'toc' || (outer.area === 'info' && lessonsIn(draft) >= 2)
      ? { ...outer, area: 'plain' }
      : outer;
  const parsed = headingTitle(draft);
  const title = parsed.title;
  const node = baseNode(draft, parsed, 'section');
  // Spelled out rather than spread-and-delete: a deleted key turns the object into a slow dictionary.
  const child: Context = {
    area: ctx.area,
    inPhase: ctx.inPhase,
    reading: ctx.reading,
    inMilestone: false,
    warnings: ctx.warnings,
    workInLists: ctx.workInLists,
  };

  const description: string[] = [];
  for (const paragraph of draft.paragraphs) {
    const match = /^([A-Za-z][A-Za-z /&-]{0,30}?)\s*:\s*(.+)$/.exec(paragraph);
    const key = match?.[1]?.trim().toLowerCase();
    if (match && key && key in META_KEYS) applyKeyValue(node, key, (match[2] ?? '').trim(), []);
    else description.push(paragraph);
  }
  if (description.length > 0) setMeta(node, 'description', description.join('\n\n'));

  const schedule = scheduleOf(title);
  if (schedule) {
    if (schedule.duration) node.duration ??= schedule.duration;
    setMeta(node, 'schedule', schedule.label);
  }
  const bare = bareTitle(title);
  const timed = node.duration !== undefined && ('ongoing' in node.duration || node.duration.unit !== 'hours');
  const milestoneDue = MILESTONE_DUE.exec(title);
  let procedure = false;

  if (ctx.area === 'routine') {
    // A block of the routine: "Morning (1-2 hours)", "Weekend".
    if (node.duration && !('ongoing' in node.duration) && node.duration.unit === 'hours') {
      node.hours = { min: node.duration.min, max: node.duration.max };
      delete node.duration;
    }
    node.recurrence = /week-?end|saturday|sunday|weekly/i.test(title)
      ? 'weekly'
      : /monthly/i.test(title)
        ? 'monthly'
        : 'daily';
    child.recurrence = node.recurrence;
  } else if (REVIEW.test(title)) {
    node.kind = 'review';
    const period = (REVIEW.exec(title)?.[1] ?? 'monthly').toLowerCase();
    node.recurrence = period === 'daily' ? 'daily' : period === 'weekly' ? 'weekly' : 'monthly';
    child.area = 'template';
  } else if ((TOC_TITLE.test(bare) && !holdsContent(draft)) || looksLikeToc(draft)) {
    node.kind = 'info';
    child.area = 'toc';
  } else if (ctx.area === 'plain' && isLinkHeading(draft)) {
    node.kind = 'resource';
  } else if (
    isProjectMeta(bare) ||
    ROLE_DESCRIPTION_TITLE.test(title) ||
    COURSE_RULES_TITLE.test(bare) ||
    looksLikePeople(draft) ||
    looksLikeProgressReport(draft) ||
    looksLikeFaq(draft) ||
    isAuthorIntro(title) ||
    (INSTRUCTIONS_TITLE.test(bare) && !schedulesWork(draft))
  ) {
    // About the repository, the role or the course's rules, not about learning.
    node.kind = 'info';
    child.area = 'info';
  } else if (TEMPLATE.test(title) || ctx.area === 'template') {
    node.kind = 'info';
    child.area = 'template';
  } else if (ROUTINE.test(title) && ctx.area !== 'toc') {
    child.area = 'routine';
    if (node.duration && !('ongoing' in node.duration) && node.duration.unit === 'hours') {
      node.hours = { min: node.duration.min, max: node.duration.max };
      delete node.duration;
    }
  } else if (milestoneDue) {
    node.kind = 'milestone';
    const after = milestoneAfter(milestoneDue, title, draft.line, ctx);
    if (after) node.due = { ...node.due, after };
    child.inMilestone = true;
  } else if (
    !ctx.inPhase &&
    ctx.area !== 'info' &&
    (PHASE_WORD.test(title) || schedule !== undefined || (timed && siblingsTimed))
  ) {
    node.kind = 'phase';
    child.inPhase = true;
  } else if (GOAL_HEADING.test(title)) {
    child.area = 'info';
  } else if (
    (INFO.test(title) && !asksToChoose(draft)) ||
    INTRODUCTION_TITLE.test(bare) ||
    PREREQUISITES_TITLE.test(bare) ||
    ctx.area === 'info'
  ) {
    node.kind = 'info';
    child.area = 'info';
  } else if (MILESTONE_WORD.test(title)) {
    child.itemKind = 'milestone';
  } else if (isProcedure(draft, bare)) {
    // "Deploy your Terrarium" over "1. Fork this repo 2. Press this button": one task, its steps beneath.
    procedure = true;
    child.area = 'info';
    if (draft.paragraphs.some((paragraph) => OFFER_PROSE.test(paragraph))) setMeta(node, 'optional', 'true');
  }
  // Sections pass their kind hint down ("Resources" > "Online"); phases and milestones start afresh.
  const resourceTitle = child.area === 'plain' && RESOURCE_TITLE.test(bare);
  // Named so (or inside a section named so): the heading holds references. Only links: its materials.
  let resourcesByName = false;
  if (child.area === 'plain' && !child.itemKind) {
    // "Course Links" is a list of links, whatever kind of thing they lead to.
    const named = resourceTitle ? 'resource' : itemKindOf(title);
    const inherited = node.kind === 'section' ? ctx.itemKind : undefined;
    child.itemKind = named ?? inherited ?? (looksLikeLinkList(draft) ? 'resource' : undefined);
    resourcesByName = (named ?? inherited) === 'resource';
  }
  // "Further reading" lists references; "Books" and "Papers" are reading to finish.
  child.reading = (READING.test(title) && !resourceTitle) || (ctx.reading && !itemKindOf(title));
  // A link heading over pictures is a pointer, even in a reading list: there is nothing of it to read here.
  const linkHeading = node.kind === 'resource' && draft.checked === undefined;
  node.trackable =
    ctx.area === 'routine' || child.area === 'routine' || linkHeading
      ? false
      : isTrackable(node.kind, ctx, draft.checked);
  appendAll(node.children, classifyChildren(draft.children, node, child));
  if (node.kind === 'section') {
    // A heading over resources or over milestones only ("Resources", "Milestones & Goals") is no work itself,
    // nor is a "References" or "Community" heading over prose alone.
    if (
      (resourcesByName && !child.reading && (resourceTitle || !node.children.some((c) => c.trackable))) ||
      (node.children.length > 0 && node.children.every(isEffortlessKind)) ||
      (node.children.length > 0 && shapeOf(draft).items === 0 && node.children.every(isUntrackedReference))
    )
      node.trackable = false;
  }
  if (!node.choose && !node.children.some((inner) => introGroups.has(inner))) {
    const choose = electiveRule(title, draft.paragraphs, optionCount(node));
    if (choose) node.choose = choose;
  }
  if (
    node.kind === 'section' &&
    child.area === 'plain' &&
    !procedure &&
    ctx.workInLists &&
    (draft.children.length === 0 || onlyInformationListed(draft, node)) &&
    !node.duration &&
    draft.checked === undefined
  ) {
    // "## Becoming an OSS student", "## Docker image" over paragraphs only (or over information only), in a
    // file whose work is written as lists and tables: what the author explains, not a unit of work.
    node.kind = 'info';
    node.trackable = false;
  }
  if (node.kind === 'section' && node.duration && isPlanContainer(node)) {
    // "## ML Roadmap (6 Months)" over Week 1, Week 2…: the roadmap's horizon (goal.ts), not an item of 6 months.
    setMeta(node, 'horizon', draft.text);
    delete node.duration;
    node.trackable = false;
  }
  return node;
}

/**
 * A heading whose lists hold information only (tool names, notes, hints). A table of attributes is left out:
 * it describes the thing the heading names (a course's options), which stays trackable.
 */
function onlyInformationListed(draft: Draft, node: UnidentifiedNode): boolean {
  if (node.children.length === 0) return false; // everything beneath was the heading's material
  for (const inner of draft.children) if (inner.type === 'row') return false;
  return node.children.every((inner) => inner.kind === 'info');
}

/**
 * "Prerequisite … Just pick one of the courses below": prose that asks the learner to choose among the
 * entries makes them work to choose from, whatever the heading's title says.
 */
function asksToChoose(draft: Draft): boolean {
  for (const paragraph of draft.paragraphs) {
    const said = ELECTIVE_PROSE.exec(paragraph)?.[1];
    if (said && !/^(?:some|a few|several|a subset|any)$/i.test(said)) return true;
  }
  return false;
}

/** A deploy/install heading over unboxed list steps only (boxes would make each step work of its own). */
function isProcedure(draft: Draft, bare: string): boolean {
  if (!PROCEDURE_TITLE.test(bare) || draft.children.length < 2) return false;
  for (const step of draft.children) if (step.type !== 'item' || step.checked !== undefined) return false;
  return true;
}

/** A heading that holds at least two phases: the plan itself, not a step of it. */
function isPlanContainer(node: UnidentifiedNode): boolean {
  let phases = 0;
  for (const child of node.children) if (child.kind === 'phase') phases++;
  return phases >= 2;
}

/** A title without decoration at either end ("Give a Star ⭐" -> "Give a Star"), for the word lists. */
function bareTitle(title: string): string {
  if (endsInAsciiWord(title)) return title;
  return /[^\p{L}\p{N})]\s*$/u.test(title)
    ? title.replace(/(?:\s|\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|[:：.!！?？])+$/u, '')
    : title;
}

/** "Contributors & course staff", "License and Disclaimer": every part a project-meta word. */
function isProjectMeta(title: string): boolean {
  if (PROJECT_META_TITLE.test(title)) return true;
  if (!/[&,/+]|\band\b/.test(title)) return false;
  const parts = title.split(/\s*(?:[&,/+]|\band\b)\s*/).filter((part) => part !== '');
  return parts.length > 1 && parts.every((part) => PROJECT_META_TITLE.test(part));
}

/** What `electiveOptions` will count as the group's options. */
function optionCount(node: UnidentifiedNode): number {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only && only.children.length > 1 && (only.kind === 'section' || only.kind === 'phase'))
    return only.children.length;
  return node.children.length;
}

/** A reference left out of the plan: a heading over only these ("Semantic Space!" over a link) is no work. */
const isUntrackedReference = (node: UnidentifiedNode) => node.kind === 'resource' && !node.trackable;

const isEffortlessKind = (node: UnidentifiedNode) =>
  node.kind === 'milestone' || node.kind === 'habit' || node.kind === 'review';

const COUNT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

/**
 * An elective group stated in words: "Choose one of the following" (exactly one), "at least two", or no count
 * at all ("Courses in Advanced CS are electives", "a sample of options"): then none is planned until chosen.
 */
function electiveRule(
  title: string,
  paragraphs: readonly string[],
  options: number,
): { min: number; max: number } | undefined {
  if (options < 2) return undefined;
  let match =
    /\belectives?\b/i.test(title) || OPTIONAL_SECTION_TITLE.test(bareTitle(title))
      ? ELECTIVE_PROSE.exec('are electives')
      : null;
  for (let i = 0; !match && i < paragraphs.length; i++) match = ELECTIVE_PROSE.exec(paragraphs[i] ?? '');
  if (!match) return undefined;
  const said = (match[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const count = (word: string) => COUNT_WORDS[word] ?? Number(word);
  const atLeast = /^at least (\w+)$/.exec(said);
  if (atLeast) {
    const min = count(atLeast[1] ?? '');
    return min > 0 && min <= options ? { min, max: options } : undefined;
  }
  const exact = count(said.replace(/^any /, ''));
  if (exact > 0) return exact <= options ? { min: exact, max: exact } : undefined;
  return { min: 0, max: options };
}

function classifyItem(draft: Draft, ctx: Context): UnidentifiedNode {
  const parsed = parseTitle(draft.text);
  let kind: NodeKind = 'topic';
  const intro = draft.listIntro ?? '';
  const navigation = isAnchorItem(draft);
  if (ctx.area === 'routine') kind = 'habit';
  else if (ctx.area === 'toc' || ctx.area === 'template' || navigation) kind = 'info';
  // "- " left blank in a template is a slot to fill in; "Success Criteria:" lists outcomes, not work.
  else if (draft.checked === undefined && (isBlank(draft) || introducesInformation(intro))) kind = 'info';
  else if (introducesPhases(intro) && !ctx.inPhase) kind = 'phase';
  else if (introducesMilestones(intro)) kind = 'milestone';
  else if (ctx.itemKind) kind = ctx.itemKind;
  else if (ctx.area === 'info' && draft.checked === undefined) kind = 'info';
  else if (isAdvice(draft)) kind = 'info';
  const node = baseNode(draft, parsed, kind);
  const platform =
    kind === 'course' ? platformNamed(/\(([^()]+)\)\s*$/.exec(parsed.title)?.[1] ?? '') : undefined;
  if (platform) setMeta(node, 'platform', platform);
  if (kind === 'habit' && ctx.recurrence) node.recurrence = ctx.recurrence;
  else if (kind === 'habit') node.recurrence = 'daily';
  if (kind === 'milestone') {
    const due = MILESTONE_DUE.exec(parsed.title);
    const after = due ? milestoneAfter(due, parsed.title, draft.line, ctx) : undefined;
    if (after) node.due = { after };
  }
  const schedule = scheduleOf(parsed.title);
  if (schedule) {
    if (schedule.duration) node.duration ??= schedule.duration;
    setMeta(node, 'schedule', schedule.label);
  }
  if (draft.paragraphs.length > 0) setMeta(node, 'description', draft.paragraphs.join('\n\n'));
  // "week12-13 - TBA" is not written yet; "`gcc`" alone names a program to install, not work.
  if (draft.children.length === 0 && (isPlaceholder(parsed.title, schedule?.label) || draft.codeOnly))
    node.kind = 'info';
  node.trackable = isTrackable(node.kind, ctx, draft.checked);
  const described = describingChild(draft);
  if (described !== undefined) {
    // "- Clase 1\n  - Contexto, instalación, … y variables.": one sentence beneath says what the item is.
    setMeta(node, 'description', described);
  } else if (draft.children.length > 0) {
    // Spelled out rather than spread, as in classifyHeading: this runs for every item with children.
    const childCtx: Context = {
      // Beneath navigation, more navigation; beneath advice ("If you are stuck, ask:"), its links.
      area:
        navigation && ctx.area === 'plain'
          ? 'toc'
          : kind === 'info' && ctx.area === 'plain'
            ? 'info'
            : ctx.area,
      // The entries under a community or a reading list are more of the same, not topics.
      itemKind: kind === 'resource' ? 'resource' : undefined,
      inPhase: ctx.inPhase || kind === 'phase',
      reading: ctx.reading,
      recurrence: ctx.recurrence,
      inMilestone: ctx.inMilestone,
      warnings: ctx.warnings,
      workInLists: ctx.workInLists,
    };
    appendAll(node.children, classifyChildren(draft.children, node, childCtx));
  }
  return node;
}

/**
 * An instruction that advises instead of asking for work ("You won't be able to submit…", "If you are stuck,
 * ask…"): read only on sentences (a long item with a sentence break or a clause), never on a task's title.
 */
function isAdvice(draft: Draft): boolean {
  if (draft.checked !== undefined || draft.text.length < 40) return false;
  // The anchored word test fails at once on most items; the sentence test only then.
  return ADVICE_SENTENCE.test(draft.text) && /[.,;!?。，；！？]\s*\S/u.test(draft.text);
}

/**
 * "Instructions" say how to take a course, information beside it, unless they schedule its work: at least
 * two steps (advice aside) name a numbered part to do ("Work through Week 1A to Week 6A") or link an
 * assignment by name ("do the [space invaders problem](…)"). Then the steps are the plan. "Work through all
 * the lectures, then solve the problem sets" names no part: the course itself is the one thing to track.
 */
function schedulesWork(draft: Draft): boolean {
  let steps = 0;
  for (const step of draft.children) {
    if (step.type !== 'item' || isAdvice(step)) continue;
    if (SCHEDULED_PART.test(step.text) || step.links.some((link) => ASSIGNMENT_WORD.test(link.text))) steps++;
    if (steps >= 2) return true;
  }
  return false;
}

/** An item without a word of its own: "-" or "1." in a template, waiting to be filled in. */
function isBlank(draft: Draft): boolean {
  return draft.children.length === 0 && !/[\p{L}\p{N}]/u.test(draft.text);
}

/**
 * The sentence an item's only child is, when that child is plain prose (no box, link or children, ending
 * like a sentence): the item's description, not a smaller unit of work with the item's name lost.
 */
function describingChild(draft: Draft): string | undefined {
  const only = draft.children.length === 1 ? draft.children[0] : undefined;
  if (only?.type !== 'item' || only.checked !== undefined || only.children.length > 0) return undefined;
  if (only.links.length > 0 || !/\S\s+\S.*[.。!！]$/u.test(only.text)) return undefined;
  return only.text;
}

const TITLE_COLUMNS =
  /^(?:(?:name|title|course|topic|project|item|task|resource|book|paper|certificate|certification|module|skill|lesson|lecture|chapter|subject|tema|aula|clase|curso|cours|thème|leçon|урок|тема|курс|ders|konu)s?|课程|课|主题|内容|章节|講義|テーマ|トピック|レッスン|강의|주제|토픽)$/iu;
/** A column that numbers the schedule ("| Day | 课程 |" with 1, 2, 3…): each row is that day. */
const SCHEDULE_COLUMN =
  /^(?:day|días?|dia|jour|tag|天|日|week|semana|semaine|woche|周|週|month|mes|mês|mois|monat|月)$/iu;
const DONE_CELL = /^(\[[xX]\]|✅|✔️?|☑️?|done|yes)$/u;
const TODO_CELL = /^(\[ \]|⬜|☐|todo|no)$/iu;

/**
 * Row labels that are attributes of something, not units of work: a comparison of a live cohort and a
 * self-paced track has rows "Start", "Lectures", "Cost", "Register".
 */
const ATTRIBUTE_ROW =
  /^(?:start(?:s|ing)?(?:\s+date)?|end(?:\s+date)?|dates?|when|schedule|time(?:s|zone)?|duration|length|pace|effort|workload|lectures?|sessions?|classes|format|mode|delivery|location|where|venue|cost|price|fees?|tuition|register|registration|sign[\s-]?up|apply|enrol(?:l)?(?:ment)?|deadline|capacity|seats|level|language|prerequisites?|requirements?|certificate|certification|credits?|instructors?|teachers?|support|mentoring|feedback|access|community|platform|website|link|contact|email|included|includes|price\s+per\s+month|费用|时间|地点|报名|开始|价格)$/iu;
/** "6 hours/week", "8-10 h per week": weekly effort, which with a duration in weeks gives the hours. */
const WEEKLY_EFFORT =
  /(\d{1,3}(?:\.\d+)?)(?:\s*[-\u2013]\s*(\d{1,3}(?:\.\d+)?))?\s*(?:(?:hours?|hrs?|h)\s*(?:\/|per|a)\s*(?:week|wk)|(?:小时|小時|時間)\s*[/／]\s*(?:周|週))/i;
/** Column headers of weekly effort and of length, beyond the English ones: "精力", "时间". */
const EFFORT_HEADER =
  /effort|workload|per week|\/\s*week|commitment|精力|工作量|学时|投入|負荷|dedicaci[oó]n|esfor[cç]o|нагрузка/i;
const LENGTH_HEADER =
  /duration|time|length|weeks?|hours?|时间|时长|時間|期間|期间|기간|duraci[oó]n|dura[cç][aã]o|длительность|продолжительность/i;

function isAttributeRow(cells: readonly { header: string; text: string }[], titleIndex: number): boolean {
  if (titleIndex > 0 || TITLE_COLUMNS.test(cells[0]?.header ?? '')) return false;
  const label = (cells[0]?.text ?? '').replace(/[*:：\s]+$/u, '').trim();
  return ATTRIBUTE_ROW.test(label);
}

function classifyRow(draft: Draft, ctx: Context): UnidentifiedNode {
  const cells = draft.cells ?? [];
  const named = cells.findIndex((cell) => TITLE_COLUMNS.test(cell.header));
  // Without a named title column, the first cell that is more than a number ("| 1 | [数据预处理](…) |").
  const titleIndex =
    named >= 0
      ? named
      : Math.max(
          0,
          cells.findIndex((cell) => !/^\s*\d{0,4}\s*$/.test(cell.text)),
        );
  const titleCell = cells[titleIndex] ?? { header: '', text: '', links: [] };
  const headers = cells.map((cell) => cell.header).join(' ');
  const kind: NodeKind =
    ctx.area === 'routine'
      ? 'habit'
      : ctx.area !== 'plain' || isAttributeRow(cells, titleIndex)
        ? 'info'
        : (ctx.itemKind ??
          (/\b(platform|provider|instructor|course)\b|课程|コース|강좌/i.test(headers)
            ? 'course'
            : (itemKindOf(titleCell.header) ?? 'topic')));
  const parsed = parseTitle(titleCell.text || titleCell.links[0]?.text || '');
  const node = baseNode({ ...draft, links: [] }, parsed, kind);
  let weeklyEffort: { min: number; max: number } | undefined;
  cells.forEach((cell, index) => {
    addLinks(node, cell.links);
    if (index === titleIndex || cell.text === '') return;
    if (DONE_CELL.test(cell.text) && /status|done|complete|✓/i.test(`${cell.header} status`)) {
      node.checked = true;
      return;
    }
    if (TODO_CELL.test(cell.text)) {
      node.checked = false;
      return;
    }
    const key = cell.header.toLowerCase();
    if (SCHEDULE_COLUMN.test(cell.header.trim()) && /^\d{1,3}$/.test(cell.text.trim()) && !node.duration) {
      const schedule = scheduleOf(`${SCHEDULE_WORD[key] ?? 'day'} ${cell.text.trim()}`);
      if (schedule?.duration) node.duration = schedule.duration;
      setMeta(node, 'schedule', `${cell.header} ${cell.text.trim()}`);
      return;
    }
    const weekly = EFFORT_HEADER.test(key) ? WEEKLY_EFFORT.exec(cell.text) : null;
    if (weekly) {
      const low = Number(weekly[1]);
      weeklyEffort = { min: low, max: weekly[2] ? Number(weekly[2]) : low };
      setMeta(node, cell.header, cell.text);
      return;
    }
    if (LENGTH_HEADER.test(key) && !node.duration) {
      const duration = parseDuration(cell.text);
      if (duration) {
        node.duration = duration;
        return;
      }
    }
    if (/^platform|provider$/.test(key) && node.kind === 'topic') node.kind = 'course';
    setMeta(node, cell.header || `column${index + 1}`, cell.text);
  });
  const span = node.duration;
  if (
    weeklyEffort &&
    span &&
    !('ongoing' in span) &&
    span.unit === 'weeks' &&
    weeklyEffort.max >= weeklyEffort.min
  ) {
    // "13 weeks" at "6-9 hours/week" is 78-117 hours of work, whatever a roadmap week is assumed to hold.
    node.duration = { min: span.min * weeklyEffort.min, max: span.max * weeklyEffort.max, unit: 'hours' };
  }
  if (node.kind === 'course' && !node.meta?.platform && node.links?.[0]) {
    const platform = platformOf(node.links[0].url);
    if (platform) setMeta(node, 'platform', platform);
  }
  const schedule = scheduleOf(parsed.title);
  if (schedule) {
    if (schedule.duration) node.duration ??= schedule.duration;
    setMeta(node, 'schedule', schedule.label);
  }
  node.trackable = isTrackable(node.kind, ctx, node.checked);
  return node;
}

/**
 * When a "3-Month Goal" falls due, from its MILESTONE_DUE match. "0-Month Goal" has no due date after
 * the start (the model wants a positive offset): it is ignored with a warning.
 */
function milestoneAfter(
  match: RegExpExecArray,
  title: string,
  line: number,
  ctx: Context,
): { value: number; unit: DurationUnit } | undefined {
  const value = Number(match[1]);
  const word = (match[2] ?? 'month').toLowerCase();
  if (!(value > 0)) {
    ctx.warnings.push({
      line,
      message: `"${title}" is due ${value} ${word}s after the start, which is no offset; its due date was ignored. Count from 1 ("3-Month Goal").`,
    });
    return undefined;
  }
  if (word === 'year') return { value: value * 12, unit: 'months' };
  return { value, unit: `${word}s` as DurationUnit };
}

/** Lists and tables holding this many entries make a document one that writes its work as lists. */
const LIST_DOCUMENT = 3;

export function rootContext(warnings: ImportWarning[], listEntries = 0): Context {
  return {
    area: 'plain',
    inPhase: false,
    reading: false,
    inMilestone: false,
    warnings,
    workInLists: listEntries >= LIST_DOCUMENT,
  };
}

export function preambleContext(warnings: ImportWarning[], listEntries = 0): Context {
  return { ...rootContext(warnings, listEntries), area: 'info' };
}
