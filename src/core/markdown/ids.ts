import type { Node } from '../model/roadmap.js';
import type { UnidentifiedNode } from './classify.js';
import { slugify } from './slug.js';

/**
 * Gives every node a stable, unique id: the source's own numbering ("3.1.4.2") when it has one, else the
 * path of slugs below the nearest ancestor ("core-ai-ml-foundations/machine-learning-basics").
 * Collisions get "-2", "-3"... in document order, so the same file always yields the same ids.
 */
/** Every field of Node, so that a field added to the model without being copied above fails to compile. */
const COPIED_FIELDS: Record<keyof Node, true> = {
  id: true,
  title: true,
  kind: true,
  trackable: true,
  source: true,
  checked: true,
  duration: true,
  choose: true,
  due: true,
  recurrence: true,
  hours: true,
  links: true,
  meta: true,
  children: true,
};
void COPIED_FIELDS;

export function assignIds(nodes: UnidentifiedNode[]): Node[] {
  const used = new Set<string>();
  // The next suffix to try per candidate: without it, n nodes titled "Review" cost n^2 set lookups.
  // Every suffix below it was taken when it was skipped, and `used` only grows, so the ids are the
  // same as trying "-2", "-3"... from the start each time.
  const nextSuffix = new Map<string, number>();
  const unique = (candidate: string) => {
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
    let n = nextSuffix.get(candidate) ?? 2;
    while (used.has(`${candidate}-${n}`)) n++;
    const id = `${candidate}-${n}`;
    nextSuffix.set(candidate, n + 1);
    used.add(id);
    return id;
  };
  const visit = (node: UnidentifiedNode, parentId: string | undefined, index: number): Node => {
    let candidate = node.number;
    if (candidate === undefined) {
      const slug = slugify(node.title) || `${node.kind}-${index + 1}`;
      candidate = parentId ? `${parentId}/${slug}` : slug;
    }
    const id = unique(candidate);
    const children: Node[] = new Array(node.children.length);
    for (let i = 0; i < children.length; i++)
      children[i] = visit(node.children[i] as UnidentifiedNode, id, i);
    // Field by field (much faster than object rest), in one fixed order: the node's own fields, then
    // "children" last, so that the JSON reads top-down.
    const out = {
      id,
      title: node.title,
      kind: node.kind,
      trackable: node.trackable,
      source: node.source,
    } as Node;
    if (node.checked !== undefined) out.checked = node.checked;
    if (node.duration !== undefined) out.duration = node.duration;
    if (node.choose !== undefined) out.choose = node.choose;
    if (node.due !== undefined) out.due = node.due;
    if (node.recurrence !== undefined) out.recurrence = node.recurrence;
    if (node.hours !== undefined) out.hours = node.hours;
    if (node.links !== undefined) out.links = node.links;
    if (node.meta !== undefined) out.meta = node.meta;
    out.children = children;
    return out;
  };
  return nodes.map((node, i) => visit(node, undefined, i));
}
