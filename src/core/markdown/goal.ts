import type { Goal, Node } from '../model/roadmap.js';
import { walkNodes } from '../model/roadmap.js';
import { findDate, findTargetDate } from './dates.js';
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

/** The learner's goal: target date, horizon and target roles, from front matter first, then from prose. */
export function extractGoal(
  outline: Outline,
  nodes: Node[],
  frontMatter: Record<string, unknown>,
): Goal | undefined {
  const goal: Goal = {};
  const fmDate = frontMatterString(frontMatter, ['targetDate', 'target_date', 'target', 'deadline', 'due']);
  const prose = [outline.title ?? '', ...outline.preamble];
  const targetDate =
    (fmDate && findDate(fmDate)?.date) ?? firstOf(prose, findTargetDate) ?? goalSectionDate(outline);
  if (targetDate) goal.targetDate = targetDate;

  const fmHorizon = Number(frontMatterString(frontMatter, ['horizonDays', 'horizon_days', 'days']));
  const horizon = firstOf(prose, (text) => {
    const match = HORIZON.exec(text);
    if (!match) return undefined;
    const value = Number(match[1]);
    return (match[2] ?? '').toLowerCase() === 'week' ? value * 7 : value;
  });
  if (fmHorizon > 0) goal.horizonDays = fmHorizon;
  else if (horizon !== undefined && horizon > 0) goal.horizonDays = horizon;

  const fmRoles = frontMatter.roles;
  if (Array.isArray(fmRoles) && fmRoles.every((role) => typeof role === 'string'))
    goal.roles = fmRoles as string[];
  else {
    const roles = rolesFromGoalSection(nodes);
    if (roles.length > 0) goal.roles = roles;
  }

  const weekly = Number(
    frontMatterString(frontMatter, ['weeklyHours', 'weekly_hours', 'hoursPerWeek', 'hours_per_week']),
  );
  if (weekly > 0) goal.weeklyHours = weekly;
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
  for (const { node } of walkNodes(nodes)) {
    if (!GOAL_TITLE.test(node.title)) continue;
    const intro = node.meta?.description ?? '';
    if (!ROLE_INTRO.test(intro) && !/role/i.test(node.title)) continue;
    const roles = node.children.filter((child) => child.children.length === 0).map((child) => child.title);
    if (roles.length > 0) return roles;
  }
  return [];
}
