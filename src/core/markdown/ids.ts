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
  const unique = (candidate: string) => {
    let id = candidate;
    for (let n = 2; used.has(id); n++) id = `${candidate}-${n}`;
    used.add(id);
    return id;
  };
  const visit = (node: UnidentifiedNode, parentId: string | undefined, index: number): Node => {
    const slug = slugify(node.title) || `${node.kind}-${index + 1}`;
    const candidate = node.number ?? (parentId ? `${parentId}/${slug}` : slug);
    const id = unique(candidate);
    const { number: _number, children, ...rest } = node;
    return { id, ...rest, children: children.map((child, i) => visit(child, id, i)) };
  };
  return nodes.map((node, i) => visit(node, undefined, i));
}
