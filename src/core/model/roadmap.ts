/**
 * The roadmap model: the contract printed by `waymark inspect FILE --json` and published as
 * `schema/roadmap.schema.json`. Progress is keyed by `Node.id`, so ids must stay stable across re-imports.
 */

export const SCHEMA_VERSION = 1;

export const NODE_KINDS = [
  'phase',
  'section',
  'topic',
  'course',
  'project',
  'certificate',
  'milestone',
  'resource',
  'habit',
  'review',
  'info',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const DURATION_UNITS = ['hours', 'days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export type Duration = { min: number; max: number; unit: DurationUnit } | { ongoing: true };
export type Recurrence = 'daily' | 'weekly' | 'monthly';

export interface Link {
  text: string;
  url: string;
}

export interface SourceSpan {
  /** 1-based first line of the element in the source file. */
  line: number;
  /** 1-based last line (inclusive) of the element, its children included. */
  endLine: number;
}

export interface Node {
  id: string;
  title: string;
  kind: NodeKind;
  trackable: boolean;
  /** Present only when the source has a task-list checkbox for this item. */
  checked?: boolean;
  duration?: Duration;
  /** An elective group: the learner picks between `min` and `max` of its options. */
  choose?: { min: number; max: number };
  due?: { date?: string; after?: { value: number; unit: DurationUnit } };
  recurrence?: Recurrence;
  hours?: { min: number; max: number };
  links?: Link[];
  meta?: Record<string, string>;
  source: SourceSpan;
  children: Node[];
}

export interface Goal {
  targetDate?: string;
  horizonDays?: number;
  roles?: string[];
  weeklyHours?: number;
}

export interface Roadmap {
  schemaVersion: typeof SCHEMA_VERSION;
  id: string;
  title: string;
  summary?: string;
  source: { path?: string; sha256: string; format: 'markdown' };
  goal?: Goal;
  meta?: Record<string, string>;
  nodes: Node[];
}

/** Visits every node depth-first in document order; iterative so deep trees cannot overflow the stack. */
export function* walkNodes(nodes: readonly Node[]): Generator<{ node: Node; parents: Node[] }> {
  const stack: { node: Node; parents: Node[] }[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i] as Node, parents: [] });
  while (stack.length > 0) {
    const entry = stack.pop() as { node: Node; parents: Node[] };
    yield entry;
    const { node, parents } = entry;
    const childParents = [...parents, node];
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i] as Node, parents: childParents });
    }
  }
}

/**
 * The options of an elective group: its children, or, when the group holds a single container
 * (e.g. "Specialized Areas (Choose 1-2)" > "Application Development" > three modules), that container's children.
 */
export function electiveOptions(group: Node): Node[] {
  const only = group.children.length === 1 ? group.children[0] : undefined;
  if (only && only.children.length > 1 && (only.kind === 'section' || only.kind === 'phase'))
    return only.children;
  return group.children;
}
