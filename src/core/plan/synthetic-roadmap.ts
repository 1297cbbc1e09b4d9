/**
 * A generated roadmap of a chosen size, for property tests and the planning benchmark
 * (phases of sections of leaf topics, each phase 4-5 weeks).
 */
import type { Node, Roadmap } from '../model/roadmap.js';

export interface SyntheticShape {
  phases: number;
  sectionsPerPhase: number;
  itemsPerSection: number;
}

/** `phases × sectionsPerPhase × itemsPerSection` planning units, ids like `3.2.7`. */
export function syntheticRoadmap(shape: SyntheticShape): Roadmap {
  let line = 0;
  const node = (id: string, kind: Node['kind'], children: Node[] = [], extra: Partial<Node> = {}): Node => {
    line++;
    const title = `${kind} ${id}`;
    return { id, title, kind, trackable: true, source: { line, endLine: line }, children, ...extra };
  };
  const nodes: Node[] = [];
  for (let p = 1; p <= shape.phases; p++) {
    const sections: Node[] = [];
    for (let s = 1; s <= shape.sectionsPerPhase; s++) {
      const items: Node[] = [];
      for (let i = 1; i <= shape.itemsPerSection; i++) items.push(node(`${p}.${s}.${i}`, 'topic'));
      sections.push(node(`${p}.${s}`, 'section', items));
    }
    nodes.push(node(`${p}`, 'phase', sections, { duration: { min: 4, max: 5, unit: 'weeks' } }));
  }
  return {
    schemaVersion: 1,
    id: 'synthetic',
    title: 'Synthetic roadmap',
    source: { sha256: '0'.repeat(64), format: 'markdown' },
    nodes,
  };
}
