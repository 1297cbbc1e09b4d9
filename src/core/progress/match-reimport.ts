import type { Node } from '../model/roadmap.js';
import { walkNodes } from '../model/roadmap.js';
import { normalizeTitle, similarity } from '../text/similarity.js';

/** How near two titles must be to count as the same item renamed ("Adam optimiser" ~ "Adam optimizer"). */
export const NEAR_IDENTICAL = 0.8;

export interface ReimportMatch {
  /** Ids present before and after (title may have changed in place). */
  kept: string[];
  /** Items that moved or were renumbered: progress of `from` continues as `to`. */
  moved: { from: string; to: string; title: string }[];
  /** Ids that are gone: their progress is archived, never deleted. */
  archived: string[];
  added: string[];
}

interface Entry {
  id: string;
  title: string;
  kind: string;
}

function entries(nodes: Node[]): Entry[] {
  return [...walkNodes(nodes)].map(({ node }) => ({
    id: node.id,
    title: normalizeTitle(node.title),
    kind: node.kind,
  }));
}

/**
 * Matches the items of a re-imported roadmap to the previous version, in passes from the most to the least
 * certain: same id and title; same title elsewhere (renumbered or moved); same id with a new title
 * (renamed in place); near-identical title. Inserting an item therefore never shifts progress onto its neighbour.
 */
export function matchReimport(before: Node[], after: Node[]): ReimportMatch {
  const oldEntries = entries(before);
  const newEntries = entries(after);
  const unmatchedOld = new Map(oldEntries.map((entry) => [entry.id, entry]));
  const unmatchedNew = new Map(newEntries.map((entry) => [entry.id, entry]));
  const result: ReimportMatch = { kept: [], moved: [], archived: [], added: [] };
  const pair = (from: Entry, to: Entry) => {
    unmatchedOld.delete(from.id);
    unmatchedNew.delete(to.id);
    if (from.id === to.id) result.kept.push(from.id);
    else result.moved.push({ from: from.id, to: to.id, title: to.title });
  };

  for (const entry of oldEntries) {
    const same = unmatchedNew.get(entry.id);
    if (same && same.title === entry.title) pair(entry, same);
  }
  const byTitle = (pool: Map<string, Entry>) => {
    const index = new Map<string, Entry[]>();
    for (const entry of pool.values()) index.set(entry.title, [...(index.get(entry.title) ?? []), entry]);
    return index;
  };
  const oldByTitle = byTitle(unmatchedOld);
  const newByTitle = byTitle(unmatchedNew);
  for (const [title, olds] of oldByTitle) {
    const news = newByTitle.get(title);
    if (olds.length === 1 && news?.length === 1) pair(olds[0] as Entry, news[0] as Entry);
  }
  for (const entry of [...unmatchedOld.values()]) {
    const same = unmatchedNew.get(entry.id);
    if (same && same.kind === entry.kind) pair(entry, same);
  }
  for (const entry of [...unmatchedOld.values()]) {
    let best: Entry | undefined;
    let bestScore = NEAR_IDENTICAL;
    for (const candidate of unmatchedNew.values()) {
      const score = similarity(entry.title, candidate.title);
      if (score >= bestScore && candidate.kind === entry.kind) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best) pair(entry, best);
  }
  result.archived = [...unmatchedOld.keys()];
  result.added = [...unmatchedNew.keys()];
  return result;
}
