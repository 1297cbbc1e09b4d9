import type { Node } from '../model/roadmap.js';
import type { UnidentifiedNode } from './classify.js';
import { slugify } from './slug.js';

/**
 * Gives every node a stable, unique id: the source's own numbering ("3.1.4.2") when it has one, else the
 * path of slugs below the nearest ancestor ("core-ai-ml-foundations/machine-learning-basics").
 * Collisions get "-2", "-3"... in document order, so the same file always yields the same ids.
 */
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
    // A for-in copy keeps the key order of the JSON output and is much faster than object rest.
    const out: Record<string, unknown> = { id };
    for (const key in node) {
      if (key !== 'number' && key !== 'children') out[key] = node[key as keyof UnidentifiedNode];
    }
    const children: Node[] = new Array(node.children.length);
    for (let i = 0; i < children.length; i++)
      children[i] = visit(node.children[i] as UnidentifiedNode, id, i);
    out.children = children;
    return out as unknown as Node;
  };
  return nodes.map((node, i) => visit(node, undefined, i));
}
