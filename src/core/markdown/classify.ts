import type { Duration, DurationUnit, Link, Node, NodeKind, Recurrence } from '../model/roadmap.js';
import { findDate } from './dates.js';
import { parseDuration } from './durations.js';
import type { ImportWarning } from './import-warning.js';
import type { Draft } from './outline.js';
import { platformNamed, platformOf } from './platforms.js';
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
}

export type UnidentifiedNode = Omit<Node, 'id' | 'children'> & {
  number?: string;
  children: UnidentifiedNode[];
};

const PHASE_WORD = /\b(phase|stage)\b/i;
const SCHEDULE =
  /^(?:(?:(week|day|month|sprint)s?\s+(\d{1,3})(?:\s*[-\u2013]\s*(\d{1,3}))?\b)|第\s*(\d{1,3})\s*([天周月]))/i;
const SCHEDULE_SUFFIX = /\|\s*(week|day|month)\s+(\d{1,3})\s*$/i;
const TOC = /^(table of contents|contents|toc)$/i;
const TEMPLATE =
  /\b(progress tracking|progress tracker|tracking template|progress log|current focus|overall progress)\b/i;
const REVIEW =
  /\b(daily|weekly|monthly|quarterly)\s+(review|retro(?:spective)?|reflection)\b|\bretrospective\b/i;
const ROUTINE = /\b(routine|daily schedule|study schedule|weekly schedule|habits?)\b/i;
const MILESTONE_DUE =
  /\b(\d{1,3})[-\s\u2010-\u2015]*(day|week|month|year)s?[-\s]+(goals?|milestones?|checkpoints?|targets?)\b/i;
const MILESTONE_WORD = /^(milestones?|checkpoints?)\b/i;
const GOAL_HEADING = /^(my\s+|the\s+|career\s+|final\s+)?(goals?|target roles?|objectives?|end goal)$/i;
const INFO =
  /\b(overview|summary|introduction|intro|about|context|career progression|prerequisites?|success metrics|tips|pitfalls|best practices|advice|opportunities|structure|wiki|remember|faq|license|contributing|acknowledg\w*|role definition|who is this for|position summary|why)\b/i;
const KIND_WORDS: [RegExp, NodeKind][] = [
  [/\bcertific\w*/i, 'certificate'],
  [/\bprojects?\b(?!\s+management)/i, 'project'],
  [/\b(courses?|moocs?|specializations?)\b/i, 'course'],
  [
    /\b(books?|papers?|reading|resources?|tools?|frameworks?|communit\w*|forums?|blogs?|podcasts?|videos?|channels?|newsletters?|libraries)\b/i,
    'resource',
  ],
];
const READING = /\b(books?|papers?|reading|articles?)\b/i;
const PHASE_INTRO = /\b(phases|stages)\b/i;
const MILESTONE_INTRO = /\bmilestones\b/i;

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

function scheduleOf(title: string): { duration: Duration; label: string } | undefined {
  const first = title.charCodeAt(0) | 0x20; // lower-cased ASCII letter
  const leading =
    first === 0x77 || first === 0x64 || first === 0x6d || first === 0x73 || title.startsWith('第')
      ? SCHEDULE.exec(title)
      : null;
  const match = leading ?? (title.includes('|') ? SCHEDULE_SUFFIX.exec(title) : null);
  if (!match) return undefined;
  const word = (match[1] ?? match[5] ?? '').toLowerCase();
  const unit =
    word === 'week' || word === '周' || word === 'sprint'
      ? 'weeks'
      : word === 'month' || word === '月'
        ? 'months'
        : 'days';
  const from = Number(match[2] ?? match[4]);
  const to = match[3] ? Number(match[3]) : from;
  if (to < from) return undefined;
  return {
    duration: { min: to - from + 1, max: to - from + 1, unit },
    label: match[0].replace(/^\|\s*/, '').trim(),
  };
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
  for (const draft of drafts) {
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
    out.push(classifyDraft(draft, ctx, siblingsTimed));
  }
  return out;
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

function classifyHeading(draft: Draft, ctx: Context, siblingsTimed: boolean): UnidentifiedNode {
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
    node.duration ??= schedule.duration;
    setMeta(node, 'schedule', schedule.label);
  }
  const timed = node.duration !== undefined && ('ongoing' in node.duration || node.duration.unit !== 'hours');
  const milestoneDue = MILESTONE_DUE.exec(title);

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
  } else if (TOC.test(title)) {
    node.kind = 'info';
    child.area = 'toc';
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
  } else if (INFO.test(title) || ctx.area === 'info') {
    node.kind = 'info';
    child.area = 'info';
  } else if (MILESTONE_WORD.test(title)) {
    child.itemKind = 'milestone';
  }
  // Sections pass their kind hint down ("Resources" > "Online"); phases and milestones start afresh.
  if (child.area === 'plain' && !child.itemKind) {
    child.itemKind = itemKindOf(title) ?? (node.kind === 'section' ? ctx.itemKind : undefined);
  }
  child.reading = READING.test(title) || (ctx.reading && !itemKindOf(title));
  node.trackable =
    ctx.area === 'routine' || child.area === 'routine' ? false : isTrackable(node.kind, ctx, draft.checked);
  appendAll(node.children, classifyChildren(draft.children, node, child));
  return node;
}

function classifyItem(draft: Draft, ctx: Context): UnidentifiedNode {
  const parsed = parseTitle(draft.text);
  let kind: NodeKind = 'topic';
  const intro = draft.listIntro ?? '';
  if (ctx.area === 'routine') kind = 'habit';
  else if (ctx.area === 'toc' || ctx.area === 'template') kind = 'info';
  else if (PHASE_INTRO.test(intro) && !ctx.inPhase) kind = 'phase';
  else if (MILESTONE_INTRO.test(intro)) kind = 'milestone';
  else if (ctx.itemKind) kind = ctx.itemKind;
  else if (ctx.area === 'info' && draft.checked === undefined) kind = 'info';
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
    node.duration ??= schedule.duration;
    setMeta(node, 'schedule', schedule.label);
  }
  if (draft.paragraphs.length > 0) setMeta(node, 'description', draft.paragraphs.join('\n\n'));
  node.trackable = isTrackable(kind, ctx, draft.checked);
  if (draft.children.length > 0) {
    const childCtx: Context = { ...ctx, itemKind: undefined, inPhase: ctx.inPhase || kind === 'phase' };
    appendAll(node.children, classifyChildren(draft.children, node, childCtx));
  }
  return node;
}

const TITLE_COLUMNS =
  /^(name|title|course|topic|project|item|task|resource|book|paper|certificate|certification|module|skill)s?$/i;
const DONE_CELL = /^(\[[xX]\]|✅|✔️?|☑️?|done|yes)$/u;
const TODO_CELL = /^(\[ \]|⬜|☐|todo|no)$/iu;

function classifyRow(draft: Draft, ctx: Context): UnidentifiedNode {
  const cells = draft.cells ?? [];
  const titleIndex = Math.max(
    0,
    cells.findIndex((cell) => TITLE_COLUMNS.test(cell.header)),
  );
  const titleCell = cells[titleIndex] ?? { header: '', text: '', links: [] };
  const headers = cells.map((cell) => cell.header).join(' ');
  const kind: NodeKind =
    ctx.area === 'routine'
      ? 'habit'
      : ctx.area !== 'plain'
        ? 'info'
        : (ctx.itemKind ??
          (/\b(platform|provider|instructor|course)\b/i.test(headers)
            ? 'course'
            : (itemKindOf(titleCell.header) ?? 'topic')));
  const parsed = parseTitle(titleCell.text || titleCell.links[0]?.text || '');
  const node = baseNode({ ...draft, links: [] }, parsed, kind);
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
    if (/duration|time|length|weeks?|hours?/.test(key) && !node.duration) {
      const duration = parseDuration(cell.text);
      if (duration) {
        node.duration = duration;
        return;
      }
    }
    if (/^platform|provider$/.test(key) && node.kind === 'topic') node.kind = 'course';
    setMeta(node, cell.header || `column${index + 1}`, cell.text);
  });
  if (node.kind === 'course' && !node.meta?.platform && node.links?.[0]) {
    const platform = platformOf(node.links[0].url);
    if (platform) setMeta(node, 'platform', platform);
  }
  const schedule = scheduleOf(parsed.title);
  if (schedule) {
    node.duration ??= schedule.duration;
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

export function rootContext(warnings: ImportWarning[]): Context {
  return { area: 'plain', inPhase: false, reading: false, inMilestone: false, warnings };
}

export function preambleContext(warnings: ImportWarning[]): Context {
  return { ...rootContext(warnings), area: 'info' };
}
