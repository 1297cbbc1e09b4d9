import type { Goal, Node } from '../model/roadmap.js';
import { findDate, findTargetDate } from './dates.js';
import type { ImportWarning } from './import-warning.js';
import type { Outline } from './outline.js';

/**
 * A horizon in a title or the opening prose: "90DaysOfDevOps", "9-Week Course", "(6 Months)", "~12–15 months",
 * "about 2 years", "100天". A range counts by its upper end: the plan should fit the longest the author allows.
 */
// Before the number: anything but a letter, digit or point, except that Chinese and Japanese write it
// straight after a word ("机器学习100天").
const HORIZON =
  /(?:^|[^\p{L}\d.]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])(\d{1,4})(?:\s*(?:[-\u2010-\u2015]|to)\s*(\d{1,4}))?[\s\u2010-\u2015-]*(?:(day|week|month|year)s?(?=of|[^\p{L}]|$)|(天|周|週|个月|個月|年))/iu;
const DAYS_PER: Record<string, number> = {
  day: 1,
  天: 1,
  week: 7,
  周: 7,
  週: 7,
  month: 30,
  个月: 30,
  個月: 30,
  year: 365,
  年: 365,
};
/** "20 hours/week", "10-15 hrs per week", "8h a week", "每周 10 小时". */
const WEEKLY_HOURS =
  /(\d{1,3}(?:\.\d)?)(?:\s*(?:[-\u2010-\u2015]|to)\s*(\d{1,3}(?:\.\d)?))?\s*(?:hours?|hrs?|h)\s*(?:\/|per|a|each|every)\s*week\b|每周[^\d。；，,]{0,8}?(\d{1,3})\s*(?:个)?小时/iu;

/** The horizon a text states, in days (months as 30 days, years as 365). */
export function horizonIn(text: string): number | undefined {
  const match = forwardMatch(text);
  if (!match) return undefined;
  const value = Number(match[2] ?? match[1]);
  const per = DAYS_PER[(match[3] ?? match[4] ?? '').toLowerCase()] ?? 1;
  const days = value * per;
  return days > 0 && days <= 36_500 ? days : undefined;
}

/** A paragraph about how long the whole thing takes, not about one course. */
const TIMING =
  /^(?:duration|timeline|time commitment|how long)\b|\b(?:(?:possible|able|expect(?:ed)?|plan)\s+to\s+(?:finish|complete)|finish(?:es|ed)?\s+(?:it\s+)?(?:with)?in|complete(?:d)?\s+(?:it\s+)?(?:with)?in|takes?\s+(?:about|around|roughly)|the\s+(?:whole|entire)\s+(?:curriculum|program(?:me)?|course|roadmap))\b/i;
/** The same in other languages: "**学制** … 在大约 2 年内完成学业", "所需时间", "学習期間". */
const TIMING_WORDS =
  /^(?:学制|学习时长|学习周期|所需时间|学習期間|所要時間|학습\s*기간|продолжительность|длительность|duraci[oó]n|dura[cç][aã]o)|完成学业|(?:年|个月|周|天)(?:之)?内完成|可以完成|大约需要|需要大约/iu;
/** Time already behind the author ("over the last 13 years", "5 years of experience", "2 weeks ago"). */
const PAST_BEFORE = /\b(?:last|past|previous|for)\s*$/i;
const PAST_AFTER =
  /^\s*(?:ago|of\s+(?:experience|work|industry|professional)|experience|in\s+the\s+industry)/i;

/** Horizons, weekly and daily hours are all written with ASCII digits: text without one states none. */
const DIGIT = /\d/;
/**
 * What HORIZON needs besides a digit: a unit, by the first two letters of its word or by its CJK sign.
 * Those letters match only themselves under /iu (unlike "k" or "s"), so this plain test is exact as a
 * filter, and far cheaper than HORIZON's Unicode classes tried at every position.
 */
const HORIZON_UNIT = /da|we|mo|ye|[天周週月年]/i;

/** HORIZON tried at one position only (see nextHorizon). */
const HORIZON_AT = new RegExp(HORIZON.source, 'iuy');

const isDigitCode = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * The match a global search for HORIZON from `from` finds, with the pattern tried only where a match can
 * start: on the character before a number (a whole surrogate pair, as /u steps), or at 0 before a digit.
 * Everywhere else its first part (start of text, or a character that is no letter, digit or point, or a
 * CJK one) cannot be followed by a digit, so nothing is missed; HORIZON's Unicode classes are costly to
 * try at every position of a long paragraph.
 */
function nextHorizon(text: string, from: number): RegExpExecArray | null {
  for (let digit = from; digit < text.length; digit++) {
    if (!isDigitCode(text.charCodeAt(digit))) continue;
    if (digit > 0 && isDigitCode(text.charCodeAt(digit - 1))) continue; // within a number
    let start = digit === 0 ? 0 : digit - 1;
    const code = text.charCodeAt(start);
    if (start > 0 && code >= 0xdc00 && code <= 0xdfff) {
      const lead = text.charCodeAt(start - 1);
      if (lead >= 0xd800 && lead <= 0xdbff) start--;
    }
    if (start < from) continue;
    HORIZON_AT.lastIndex = start;
    const match = HORIZON_AT.exec(text);
    if (match) return match;
  }
  return null;
}

/** The first horizon in the text that looks ahead, not back. */
function forwardMatch(text: string): RegExpExecArray | undefined {
  if (!DIGIT.test(text) || !HORIZON_UNIT.test(text)) return undefined;
  for (let match = nextHorizon(text, 0); match; match = nextHorizon(text, match.index + match[0].length)) {
    const end = match.index + match[0].length;
    const before = text.slice(Math.max(0, match.index - 20), match.index + 1);
    if (!PAST_BEFORE.test(before) && !PAST_AFTER.test(text.slice(end, end + 40))) return match;
  }
  return undefined;
}

/** "1 ~ 2 hours every day", "2 hours a day", "每天 2 小时": a daily study time, which makes the week's. */
const DAILY_HOURS =
  /(\d{1,2}(?:\.\d)?)(?:\s*(?:[-~\u2010-\u2015]|to)\s*(\d{1,2}(?:\.\d)?))?\s*(?:hours?|hrs?|h)\s*(?:\*\*)?\s*(?:(?:a|per|each|every)\s+day\b|daily\b)|每天\s*(\d{1,2})\s*(?:个)?小时/iu;

/** The weekly study time a text states, in hours (a range by its middle); a daily one counts seven times. */
export function weeklyHoursIn(text: string): number | undefined {
  if (!DIGIT.test(text)) return undefined;
  const match = WEEKLY_HOURS.exec(text);
  const daily = match ? null : DAILY_HOURS.exec(text);
  const found = match ?? daily;
  if (!found) return undefined;
  const low = Number(found[1] ?? found[3]);
  const high = found[2] ? Number(found[2]) : low;
  const hours = ((low + high) / 2) * (daily ? 7 : 1);
  return hours > 0 && hours <= 168 && high >= low ? hours : undefined;
}
const ROLE_INTRO = /\b(interview|roles?|positions?|jobs?|hired|work as|become)\b/i;
const GOAL_TITLE = /^(my\s+|the\s+|career\s+|final\s+)?(goals?|target roles?|objectives?|end goal)$/i;

function frontMatterString(data: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}

/** Where front matter values came from, so that a bad one is reported at its line. */
export interface FrontMatterSource {
  data: Record<string, unknown>;
  keyLines: Record<string, number>;
}

/**
 * A number the front matter gives under one of `keys`: undefined when absent; when present but not a
 * finite number in (0, max] (".inf", "-3", "ten"), a warning naming its line, and undefined.
 */
function frontMatterNumber(
  frontMatter: FrontMatterSource,
  keys: string[],
  rule: { max: number; integer: boolean; what: string; example: string },
  warnings: ImportWarning[],
): number | undefined {
  const key = keys.find((candidate) => frontMatter.data[candidate] !== undefined);
  if (key === undefined) return undefined;
  const raw = frontMatter.data[key];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN;
  const ok =
    Number.isFinite(value) && value > 0 && value <= rule.max && (!rule.integer || Number.isInteger(value));
  if (ok) return value;
  const shown = typeof raw === 'string' ? JSON.stringify(raw) : String(raw);
  const line = frontMatter.keyLines[key];
  warnings.push({
    ...(line !== undefined ? { line } : {}),
    message: `front matter "${key}: ${shown}" is not ${rule.what}; it was ignored. Write e.g. "${key}: ${rule.example}".`,
  });
  return undefined;
}

/** The learner's goal: target date, horizon and target roles, from front matter first, then from prose. */
export function extractGoal(
  outline: Outline,
  nodes: Node[],
  source: FrontMatterSource,
  warnings: ImportWarning[],
): Goal | undefined {
  const frontMatter = source.data;
  const goal: Goal = {};
  const fmDate = frontMatterString(frontMatter, ['targetDate', 'target_date', 'target', 'deadline', 'due']);
  // A heading that holds the whole plan ("## ML Roadmap (6 Months)") states the horizon like a title.
  const containers = nodes
    .filter((node) => node.meta?.horizon !== undefined)
    .map((node) => node.meta?.horizon ?? '');
  const prose = [outline.title ?? '', ...containers, ...outline.preamble];
  const targetDate =
    (fmDate && findDate(fmDate)?.date) ?? firstOf(prose, findTargetDate) ?? goalSectionDate(outline);
  if (targetDate) goal.targetDate = targetDate;

  const fmHorizon = frontMatterNumber(
    source,
    ['horizonDays', 'horizon_days', 'days'],
    { max: 36_500, integer: true, what: 'a whole number of days between 1 and 36500', example: '90' },
    warnings,
  );
  // Then a paragraph anywhere that states how long it takes ("**Duration**. … within about 2 years …").
  // A daily study time anywhere ("Try to invest 1 ~ 2 hours every day") is about the whole plan too.
  // Read only when the title and opening prose say nothing (every paragraph against three word lists), and
  // only paragraphs with a digit: without one, neither a horizon nor hours can be read from them.
  let timing: string[] | undefined;
  const timingParagraphs = () => {
    timing ??= outline.allParagraphs
      .map((p) => p.text)
      .filter((text) => DIGIT.test(text) && isTimingParagraph(text));
    return timing;
  };
  if (fmHorizon !== undefined) goal.horizonDays = fmHorizon;
  else {
    const horizon = firstOf(prose, horizonIn) ?? firstOf(timingParagraphs(), horizonIn);
    if (horizon !== undefined && horizon > 0) goal.horizonDays = horizon;
  }

  const fmRoles = frontMatter.roles;
  if (Array.isArray(fmRoles) && fmRoles.every((role) => typeof role === 'string'))
    goal.roles = fmRoles as string[];
  else {
    const roles = rolesFromGoalSection(nodes);
    if (roles.length > 0) goal.roles = roles;
  }

  const weekly = frontMatterNumber(
    source,
    ['weeklyHours', 'weekly_hours', 'hoursPerWeek', 'hours_per_week'],
    { max: 168, integer: false, what: 'a number of hours between 0 and 168 (a week)', example: '10' },
    warnings,
  );
  if (weekly !== undefined) goal.weeklyHours = weekly;
  else {
    const proseWeekly = firstOf(prose, weeklyHoursIn) ?? firstOf(timingParagraphs(), weeklyHoursIn);
    if (proseWeekly !== undefined) goal.weeklyHours = proseWeekly;
  }
  return Object.keys(goal).length > 0 ? goal : undefined;
}

/** A paragraph about how long the whole plan takes, or about a daily study time. */
function isTimingParagraph(text: string): boolean {
  return (
    TIMING.test(text) ||
    TIMING_WORDS.test(text) ||
    // "day" first without \b: d, a and y match only themselves under /iu, whose \b is slow.
    (/day|每天/i.test(text) && /\bday\b|每天/iu.test(text) && DAILY_HOURS.test(text))
  );
}

function firstOf<T>(texts: string[], find: (text: string) => T | undefined): T | undefined {
  for (const text of texts) {
    const found = find(text);
    if (found !== undefined) return found;
  }
  return undefined;
}

function goalSectionDate(outline: Outline): string | undefined {
  for (const paragraph of outline.allParagraphs) {
    const date = findTargetDate(paragraph.text);
    if (date) return date;
  }
  return undefined;
}

function rolesFromGoalSection(nodes: Node[]): string[] {
  // Depth-first in document order, like walkNodes, without building every node's list of parents.
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
    if (!GOAL_TITLE.test(node.title)) continue;
    const intro = node.meta?.description ?? '';
    if (!ROLE_INTRO.test(intro) && !/role/i.test(node.title)) continue;
    const roles = node.children.filter((child) => child.children.length === 0).map((child) => child.title);
    if (roles.length > 0) return roles;
  }
  return [];
}
