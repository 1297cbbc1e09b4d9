/**
 * How big a piece of work is by its kind, and the hours a course, certificate or project states for itself
 * ("Duration: 4 weeks", "(8 weeks)", a table's Duration and Effort columns), so a course is not sized like a
 * bullet point.
 */
import { parseRange } from '../markdown/durations.js';
import type { Duration, Node, NodeKind } from '../model/roadmap.js';
import { durationHours, type HoursRange } from './duration-hours.js';

/**
 * Relative size of one unit of work of each kind when a phase's duration is shared out (a topic is 1), and
 * the multiple of the default item hours it gets when nothing above it says anything.
 */
const KIND_WEIGHT: Partial<Record<NodeKind, number>> = {
  topic: 1,
  resource: 0.5,
  project: 4,
  course: 4,
  certificate: 6,
};

export const kindWeight = (kind: NodeKind): number => KIND_WEIGHT[kind] ?? 1;

/** Hours of study a week of a course or certificate means unless its own effort says otherwise. */
export const COURSE_WEEK_HOURS = 5;

const SELF_SIZED: ReadonlySet<NodeKind> = new Set<NodeKind>(['course', 'certificate', 'project']);

const PER_WEEK =
  /(?:\/|\bper\b|\ba\b|\beach\b)\s*(?:week|wk)\b|\bweekly\b|\bh\/w\b|\bhpw\b|[/／]\s*[周週]|每周/iu;

/** "2-5 hours/week", "3 h per week": hours a week, or undefined. */
export function hoursPerWeek(text: string): HoursRange | undefined {
  if (!PER_WEEK.test(text)) return undefined;
  const range = parseRange(text);
  if (range?.unit !== 'hours') return undefined;
  return { min: range.min, max: range.max };
}

/** The node's stated effort per week, from any of its meta values (a table's Effort column, a line). */
function statedWeeklyEffort(node: Node): HoursRange | undefined {
  for (const value of Object.values(node.meta ?? {})) {
    const effort = hoursPerWeek(value);
    if (effort) return effort;
  }
  return undefined;
}

/**
 * The hours a course, certificate or project gives itself, or undefined (then its share of the phase applies).
 * Weeks times the stated hours a week when there are both; a course week without them is COURSE_WEEK_HOURS;
 * a project's weeks are the roadmap's weeks (`weeklyHours`).
 */
export function ownHours(node: Node, weeklyHours: number): HoursRange | undefined {
  if (!SELF_SIZED.has(node.kind)) return undefined;
  const duration = node.duration;
  if (!duration || 'ongoing' in duration) return undefined;
  let effort = statedWeeklyEffort(node);
  let length: Duration | undefined = duration.unit === 'hours' ? undefined : duration;
  if (duration.unit === 'hours') {
    // A table whose Effort column (hours a week) came first: the duration read is a pace, the weeks sit in meta.
    length = statedLength(node);
    if (length) effort = { min: duration.min, max: duration.max };
    else if (effort)
      return undefined; // a pace without a length says nothing about the size
    else return { min: duration.min, max: duration.max };
  }
  const weeks = durationHours(length as Duration, 1) as HoursRange; // in weeks (a day is a seventh)
  if (effort) return { min: weeks.min * effort.min, max: weeks.max * effort.max };
  const perWeek = node.kind === 'project' ? weeklyHours : Math.min(weeklyHours, COURSE_WEEK_HOURS);
  return { min: weeks.min * perWeek, max: weeks.max * perWeek };
}

/** A length in days, weeks or months among the node's meta values ("4 weeks" in a Duration column). */
function statedLength(node: Node): Duration | undefined {
  for (const value of Object.values(node.meta ?? {})) {
    if (hoursPerWeek(value)) continue;
    const range = parseRange(value);
    if (range && range.unit !== 'hours') return range;
  }
  return undefined;
}
