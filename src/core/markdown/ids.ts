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

/**
 * The ids taken in one namespace. A path id ("a/b/c") can only equal another with the same parent id
 * (slugs hold no "/"), so each parent keeps the last segments of its children's ids apart: comparing a
 * segment is cheaper than hashing every path from the root. Numbers ("3.1") and top-level slugs share
 * the root namespace, as they may equal each other.
 */
class Namespace {
  /** Most parents have a handful of children: a list to scan until it grows, then a set. */
  private few: string[] | undefined = [];
  private many: Set<string> | undefined;
  // The next suffix to try per candidate: without it, n nodes titled "Review" cost n^2 set lookups.
  // Every suffix below it was taken when it was skipped, and ids are only added, so the ids are the
  // same as trying "-2", "-3"... from the start each time.
  private nextSuffix: Map<string, number> | undefined;

  unique(candidate: string): string {
    if (!this.has(candidate)) {
      this.add(candidate);
      return candidate;
    }
    this.nextSuffix ??= new Map();
    let n = this.nextSuffix.get(candidate) ?? 2;
    while (this.has(`${candidate}-${n}`)) n++;
    const id = `${candidate}-${n}`;
    this.nextSuffix.set(candidate, n + 1);
    this.add(id);
    return id;
  }

  private has(id: string): boolean {
    return this.few ? this.few.includes(id) : (this.many as Set<string>).has(id);
  }

  private add(id: string): void {
    if (!this.few) (this.many as Set<string>).add(id);
    else if (this.few.length < FEW_IDS) this.few.push(id);
    else {
      this.many = new Set(this.few);
      this.many.add(id);
      this.few = undefined;
    }
  }
}

const FEW_IDS = 16;

export function assignIds(nodes: UnidentifiedNode[]): Node[] {
  const root = new Namespace();
  const visit = (
    node: UnidentifiedNode,
    parent: { id: string; children: Namespace } | undefined,
    index: number,
  ): Node => {
    let id: string;
    if (node.number !== undefined) id = root.unique(node.number);
    else {
      const slug = slugify(node.title) || `${node.kind}-${index + 1}`;
      id = parent ? `${parent.id}/${parent.children.unique(slug)}` : root.unique(slug);
    }
    const children: Node[] = new Array(node.children.length);
    const scope = children.length > 0 ? { id, children: new Namespace() } : undefined;
    for (let i = 0; i < children.length; i++)
      children[i] = visit(node.children[i] as UnidentifiedNode, scope, i);
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
