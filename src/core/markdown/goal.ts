import type { Goal, Node } from '../model/roadmap.js';
import { findDate, findTargetDate } from './dates.js';
import type { ImportWarning } from './import-warning.js';
import type { Outline } from './outline.js';

const HORIZON = /\b(\d{1,4})[\s\u2010-\u2015-]*(day|week)s?\b/i;
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
  const prose = [outline.title ?? '', ...outline.preamble];
  const targetDate =
    (fmDate && findDate(fmDate)?.date) ?? firstOf(prose, findTargetDate) ?? goalSectionDate(outline);
  if (targetDate) goal.targetDate = targetDate;

  const fmHorizon = frontMatterNumber(
    source,
    ['horizonDays', 'horizon_days', 'days'],
    { max: 36_500, integer: true, what: 'a whole number of days between 1 and 36500', example: '90' },
    warnings,
  );
  const horizon = firstOf(prose, (text) => {
    const match = HORIZON.exec(text);
    if (!match) return undefined;
    const value = Number(match[1]);
    return (match[2] ?? '').toLowerCase() === 'week' ? value * 7 : value;
  });
  if (fmHorizon !== undefined) goal.horizonDays = fmHorizon;
  else if (horizon !== undefined && horizon > 0) goal.horizonDays = horizon;

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
  return Object.keys(goal).length > 0 ? goal : undefined;
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
