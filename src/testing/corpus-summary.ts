import type { ImportResult } from '../core/markdown/import-roadmap.js';
import { electiveOptions, type Node, walkNodes } from '../core/model/roadmap.js';
import { analyseWork } from '../core/plan/work-structure.js';

/*
 * What a learner would say a roadmap contains, computed from an imported roadmap, and the reviewed
 * expectation it is compared with (test/corpus/expected/*.json). The expectation is written from
 * reading the file, not from the importer's output; ranges say where judgement varies. Pure: the
 * corpus loader (corpus.ts) does the reading.
 */

/** The summary of one import, in the learner's words. */
export interface CorpusSummary {
  title: string;
  /**
   * Required units of work: the planner's units (trackable nodes with no work beneath; milestones, habits
   * and reviews weigh nothing) outside elective groups.
   */
  itemsToTrack: number;
  /** Their titles in plan (document) order. */
  itemTitles: string[];
  /** The groups of work a learner sees first: the import's phases, else the top groups (workGroups). */
  phases: string[];
  horizonDays?: number;
  weeklyHours?: number;
  /** How many of the required items carry a duration of their own or inherit their phase's. */
  itemsWithDuration: number;
  /** How many phases carry a duration. */
  phasesWithDuration: number;
  electiveGroups: number;
  electiveOptions: number;
  /** Titles of every trackable node, containers included (what "left out" is checked against). */
  trackableTitles: string[];
  warnings: string[];
  /** The importer said the file is not a roadmap (a link collection, content in images, ...). */
  notARoadmap: boolean;
}

/** An inclusive range; `max` omitted means no upper bound. */
export interface Range {
  min: number;
  max?: number;
}

/** The reviewed expectation for one corpus file. */
export interface ExpectedSummary {
  /** The title a learner would give the roadmap: exact, or any of several acceptable ones. */
  title: string | string[];
  itemsToTrack: Range;
  phases?: {
    count?: Range;
    /** Phase titles that must appear, in this order (case-insensitive substring of the phase title). */
    include?: string[];
  };
  horizonDays?: Range;
  weeklyHours?: Range;
  durations?: { items?: Range; phases?: Range };
  electives?: { groups?: Range; options?: Range };
  /** Titles of work that must be tracked (case-insensitive substring of a required item's title). */
  mustTrack?: string[];
  /** The first item of the plan (substring): what a learner does first, never navigation. */
  firstItem?: string;
  /** Material that must not become work: titles no trackable node may carry (substring). */
  leftOut?: { kinds: string[]; titles: string[] };
  /** True when the file has nothing to plan and the importer must say so. */
  notARoadmap?: boolean;
  /** The reviewer's reading of the file: why these numbers. */
  review: string;
}

/**
 * Warnings that tell the learner the file is not a roadmap. The verdict's exact words are the
 * importer's; this is the contract the corpus holds it to: it names what was found.
 */
const NOT_A_ROADMAP =
  /\b(not a roadmap|link collection|list of links|nothing to track|in images|images?\b.*\bcontent)/i;

function holdsWork(node: Node, units: ReadonlySet<Node>): boolean {
  for (const { node: inner } of walkNodes(node.children)) if (units.has(inner)) return true;
  return false;
}

/**
 * The groups of work a learner sees first: the outermost phases holding work when the import found
 * phases; otherwise the containers holding work at the top, looking through single wrappers (a title
 * heading, a lone "Curriculum" or "Syllabus" section).
 */
function workGroups(nodes: readonly Node[], units: ReadonlySet<Node>): Node[] {
  const phases: Node[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.kind === 'phase' && holdsWork(node, units)) phases.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
  }
  if (phases.length > 0) return phases;
  let level = nodes;
  for (;;) {
    const holders = level.filter((node) => holdsWork(node, units));
    const only = holders[0];
    if (holders.length !== 1 || !only || level.some((node) => units.has(node))) return holders;
    level = only.children;
  }
}

export function summarizeImport(result: ImportResult): CorpusSummary {
  const { roadmap, warnings } = result;
  const units = analyseWork(roadmap.nodes).unitSet;
  const electiveOptionIds = new Set<string>();
  let electiveGroups = 0;
  for (const { node } of walkNodes(roadmap.nodes)) {
    if (!node.choose) continue;
    electiveGroups++;
    for (const option of electiveOptions(node)) {
      for (const { node: inner } of walkNodes([option])) electiveOptionIds.add(inner.id);
    }
  }
  const itemTitles: string[] = [];
  const trackableTitles: string[] = [];
  let itemsWithDuration = 0;
  let electiveOptionCount = 0;
  for (const { node, parents } of walkNodes(roadmap.nodes)) {
    if (node.trackable) trackableTitles.push(node.title);
    if (!units.has(node)) continue;
    if (electiveOptionIds.has(node.id)) {
      electiveOptionCount++;
      continue;
    }
    itemTitles.push(node.title);
    if (node.duration || parents.some((parent) => parent.duration)) itemsWithDuration++;
  }
  const phases = workGroups(roadmap.nodes, units);
  const messages = warnings.map((warning) => warning.message);
  const summary: CorpusSummary = {
    title: roadmap.title,
    itemsToTrack: itemTitles.length,
    itemTitles,
    phases: phases.map((phase) => phase.title),
    itemsWithDuration,
    phasesWithDuration: phases.filter((phase) => phase.duration).length,
    electiveGroups,
    electiveOptions: electiveOptionCount,
    trackableTitles,
    warnings: messages,
    notARoadmap: messages.some((message) => NOT_A_ROADMAP.test(message)),
  };
  if (roadmap.goal?.horizonDays !== undefined) summary.horizonDays = roadmap.goal.horizonDays;
  if (roadmap.goal?.weeklyHours !== undefined) summary.weeklyHours = roadmap.goal.weeklyHours;
  return summary;
}

function formatRange(range: Range): string {
  if (range.max === undefined) return `>= ${range.min}`;
  return range.min === range.max ? `${range.min}` : `${range.min}..${range.max}`;
}

function inRange(value: number | undefined, range: Range): boolean {
  return value !== undefined && value >= range.min && (range.max === undefined || value <= range.max);
}

function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

function quoteList(values: readonly string[], limit = 5): string {
  const shown = values.slice(0, limit).map((value) => JSON.stringify(value));
  return values.length > limit ? `${shown.join(', ')}, ... (${values.length} in all)` : shown.join(', ');
}

/**
 * Every way the summary differs from the expectation, one sentence each ("items to track: 236, expected
 * 60..75"); an empty list is a match.
 */
export function compareSummary(expected: ExpectedSummary, actual: CorpusSummary): string[] {
  const mismatches: string[] = [];
  const range = (what: string, value: number | undefined, wanted: Range | undefined) => {
    if (wanted && !inRange(value, wanted))
      mismatches.push(`${what}: ${value ?? 'none'}, expected ${formatRange(wanted)}`);
  };
  const titles = Array.isArray(expected.title) ? expected.title : [expected.title];
  if (!titles.includes(actual.title))
    mismatches.push(`title: ${JSON.stringify(actual.title)}, expected ${quoteList(titles)}`);
  range('items to track', actual.itemsToTrack, expected.itemsToTrack);
  range('phases', actual.phases.length, expected.phases?.count);
  let from = 0;
  for (const wanted of expected.phases?.include ?? []) {
    const at = actual.phases.findIndex((phase, index) => index >= from && contains(phase, wanted));
    if (at < 0) {
      mismatches.push(`phases: no phase "${wanted}" (in order) among ${quoteList(actual.phases, 12)}`);
    } else from = at + 1;
  }
  range('horizon (days)', actual.horizonDays, expected.horizonDays);
  range('weekly hours', actual.weeklyHours, expected.weeklyHours);
  range('items with a duration', actual.itemsWithDuration, expected.durations?.items);
  range('phases with a duration', actual.phasesWithDuration, expected.durations?.phases);
  range('elective groups', actual.electiveGroups, expected.electives?.groups);
  range('elective options', actual.electiveOptions, expected.electives?.options);
  for (const wanted of expected.mustTrack ?? []) {
    if (!actual.itemTitles.some((title) => contains(title, wanted)))
      mismatches.push(`"${wanted}" is not tracked as an item`);
  }
  if (expected.firstItem !== undefined) {
    const first = actual.itemTitles[0];
    if (first === undefined || !contains(first, expected.firstItem))
      mismatches.push(
        `first item: ${first === undefined ? 'none' : JSON.stringify(first)}, expected "${expected.firstItem}"`,
      );
  }
  for (const unwanted of expected.leftOut?.titles ?? []) {
    const planned = actual.trackableTitles.filter((title) => contains(title, unwanted));
    if (planned.length > 0) mismatches.push(`"${unwanted}" is planned as work: ${quoteList(planned, 3)}`);
  }
  if (expected.notARoadmap === true && !actual.notARoadmap)
    mismatches.push('no warning that the file is not a roadmap (a link collection or images)');
  if (expected.notARoadmap === false && actual.notARoadmap)
    mismatches.push(`warned that a roadmap is not one: ${quoteList(actual.warnings, 2)}`);
  return mismatches;
}
