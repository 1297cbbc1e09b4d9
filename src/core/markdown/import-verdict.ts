import type { Node, NodeKind, Roadmap } from '../model/roadmap.js';
import type { ImportWarning } from './import-warning.js';
import { linkTarget } from './section-shape.js';
import { TRANSLATED_COPY_META } from './translated-copy.js';

/**
 * What an import found, in a learner's words: "52 courses in 9 sections, 5 electives; 23 navigation links and
 * 104 resource links left out of the plan". Counted from the model alone, so `import` and `inspect` (of a
 * file or of a stored, corrected roadmap) say the same.
 */
export interface ImportVerdict {
  /** Units of work (trackable nodes with no trackable node beneath), by kind. */
  work: Partial<Record<NodeKind, number>>;
  workTotal: number;
  /** Top-level phases holding work, else the sections that directly hold it. */
  groups: { kind: 'phase' | 'section'; count: number };
  electives: number;
  optional: number;
  /** Entries that only point into the document (tables of contents). */
  navigationLinks: number;
  /** References that are not work (links under "Resources", link-only lists). */
  resourceLinks: number;
  /** Other nodes that are not work (information, project meta, role descriptions), headings included. */
  information: number;
  /** Entries of a second copy of the roadmap in another language (translated-copy.ts), left out. */
  translatedEntries: number;
  excludedByLearner: number;
  /** Units that are an external link and a blurb ("[Tool](…) - a tool"), no box, no duration: entries of a list of links. */
  linkEntries: number;
}

const PLURAL: Record<NodeKind, string> = {
  phase: 'phases',
  section: 'sections',
  topic: 'topics',
  course: 'courses',
  project: 'projects',
  certificate: 'certificates',
  milestone: 'milestones',
  resource: 'readings',
  habit: 'habits',
  review: 'reviews',
  info: 'notes',
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const singular = (kind: NodeKind) => (kind === 'resource' ? 'reading' : kind);

function isNavigation(node: Node): boolean {
  const links = node.links ?? [];
  return links.length > 0 && links.every((link) => linkTarget(link.url) === 'anchor');
}

function isLinkEntry(node: Node): boolean {
  const link = node.links?.[0];
  return (
    link !== undefined &&
    link.text !== '' &&
    node.checked === undefined &&
    node.duration === undefined &&
    linkTarget(link.url) === 'external' &&
    node.title.startsWith(link.text)
  );
}

export function importVerdict(roadmap: Roadmap): ImportVerdict {
  const verdict: ImportVerdict = {
    work: {},
    workTotal: 0,
    groups: { kind: 'section', count: 0 },
    electives: 0,
    optional: 0,
    navigationLinks: 0,
    resourceLinks: 0,
    information: 0,
    translatedEntries: 0,
    excludedByLearner: 0,
    linkEntries: 0,
  };
  const sectionsWithWork = new Set<Node>();
  const phasesWithWork = new Set<Node>();
  // An explicit stack that carries the outermost phase and the parent, not every node's list of parents.
  type Entry = {
    node: Node;
    phase: Node | undefined;
    parent: Node | undefined;
    top: boolean;
    copy: boolean;
  };
  const stack: Entry[] = [];
  const push = (
    nodes: readonly Node[],
    phase: Node | undefined,
    parent: Node | undefined,
    top: boolean,
    copy: boolean,
  ) => {
    for (let i = nodes.length - 1; i >= 0; i--)
      stack.push({ node: nodes[i] as Node, phase, parent, top, copy });
  };
  push(roadmap.nodes, undefined, undefined, true, false);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, phase, parent, top } = entry;
    const copy = entry.copy || (top && node.meta?.[TRANSLATED_COPY_META] === 'true');
    push(node.children, phase ?? (node.kind === 'phase' ? node : undefined), node, false, copy);
    if (node.choose) verdict.electives++;
    if (node.meta?.optional === 'true') verdict.optional++;
    if (node.meta?.excluded === 'true') verdict.excludedByLearner++;
    if (!node.trackable && copy) {
      if (node.children.length === 0) verdict.translatedEntries++;
      continue;
    }
    if (!node.trackable) {
      if (node.kind === 'habit' || node.kind === 'review' || node.recurrence) continue;
      if (node.kind === 'phase' || node.kind === 'section') {
        if (node.children.length === 0) verdict.information++;
        continue;
      }
      if (isNavigation(node)) verdict.navigationLinks++;
      else if (node.kind === 'resource' && (node.links?.length ?? 0) > 0) verdict.resourceLinks++;
      else verdict.information++;
      continue;
    }
    if (node.children.some((child) => child.trackable)) continue;
    if (node.kind === 'phase' || node.kind === 'section') {
      // A heading with no work beneath is its own unit of work ("Week 3" over its links).
      if (top && node.kind === 'phase') phasesWithWork.add(node);
    }
    if (isLinkEntry(node)) verdict.linkEntries++;
    verdict.work[node.kind] = (verdict.work[node.kind] ?? 0) + 1;
    verdict.workTotal++;
    if (phase) phasesWithWork.add(phase);
    if (parent) sectionsWithWork.add(parent);
  }
  verdict.groups =
    phasesWithWork.size > 0
      ? { kind: 'phase', count: phasesWithWork.size }
      : { kind: 'section', count: sectionsWithWork.size };
  return verdict;
}

/** The verdict as one line for `import` and `inspect`. */
export function verdictText(verdict: ImportVerdict): string {
  const kinds = (Object.entries(verdict.work) as [NodeKind, number][]).sort((a, b) => b[1] - a[1]);
  const work =
    verdict.workTotal === 0
      ? 'nothing to track'
      : kinds.map(([kind, n]) => count(n, singular(kind), PLURAL[kind])).join(', ');
  const where =
    verdict.workTotal > 0 && verdict.groups.count > 0
      ? ` in ${count(verdict.groups.count, verdict.groups.kind, `${verdict.groups.kind}s`)}`
      : '';
  const extras = [
    verdict.electives > 0 ? count(verdict.electives, 'elective group', 'elective groups') : '',
    verdict.optional > 0 ? `${verdict.optional} optional` : '',
  ].filter(Boolean);
  const out = [
    verdict.navigationLinks > 0 ? count(verdict.navigationLinks, 'navigation link', 'navigation links') : '',
    verdict.resourceLinks > 0 ? count(verdict.resourceLinks, 'resource link', 'resource links') : '',
    verdict.information > 0 ? count(verdict.information, 'note', 'notes') : '',
    verdict.translatedEntries > 0
      ? `${count(verdict.translatedEntries, 'entry', 'entries')} of a copy in another language`
      : '',
    verdict.excludedByLearner > 0 ? `${verdict.excludedByLearner} excluded by you` : '',
  ].filter(Boolean);
  const left = out.length > 0 ? `; ${joinAnd(out)} left out of the plan` : '';
  return `${work}${where}${extras.length > 0 ? `, ${extras.join(', ')}` : ''}${left}`;
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Warnings for a file that is not a roadmap: a collection of links, or a plan kept in images. Not errors:
 * the import goes through, and the learner can include what they mean to do.
 */
export function verdictWarnings(verdict: ImportVerdict, images: number): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const hint =
    'If it is a plan, mark its work with `waymark include ITEM` after importing, or write it as headings and "- [ ]" items; if you meant another file, import that one.';
  if (verdict.workTotal === 0) {
    warnings.push({
      message: `nothing to track here: no topic, course or project was found${verdict.resourceLinks + verdict.navigationLinks > 0 ? ` (only ${verdict.resourceLinks + verdict.navigationLinks} links)` : ''}. Did you mean a roadmap or curriculum? ${hint}`,
    });
  } else if (
    (verdict.resourceLinks >= 20 && verdict.resourceLinks >= verdict.workTotal * 3) ||
    (verdict.workTotal >= 2 && verdict.linkEntries >= verdict.workTotal * 0.8)
  ) {
    const links = verdict.resourceLinks + verdict.linkEntries;
    warnings.push({
      message: `this looks like a link collection (${links} links${verdict.linkEntries > 0 ? `, ${verdict.linkEntries} of them kept as items` : ''}), not a roadmap: nothing much to track here. Did you mean one of the roadmaps or courses it links to? ${hint}`,
    });
  }
  if (images >= 3 && images >= verdict.workTotal) {
    warnings.push({
      message: `the file keeps its content in images (${images} of them), which cannot be read as work: nothing to track here beyond ${verdict.workTotal} item${verdict.workTotal === 1 ? '' : 's'}. Did you mean a text version of it? ${hint}`,
    });
  }
  return warnings;
}
