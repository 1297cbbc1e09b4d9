import { WaymarkError } from '../errors.js';
import type { Node } from '../model/roadmap.js';
import { walkNodes } from '../model/roadmap.js';
import { normalizeTitle, similarity } from '../text/similarity.js';

export interface RoadmapNodes {
  id: string;
  nodes: Node[];
}

export interface ResolvedItem {
  roadmapId: string;
  node: Node;
}

interface Candidate extends ResolvedItem {
  title: string;
}

const label = (candidate: ResolvedItem) =>
  `${candidate.roadmapId}:${candidate.node.id}  ${candidate.node.title}`;

/**
 * Finds the item a learner means: `roadmap:id`, a bare id when only one roadmap has it, or a fragment of its
 * title. Ambiguous or unknown references fail with the closest matches listed, so the next try succeeds.
 */
export function resolveItem(ref: string, roadmaps: readonly RoadmapNodes[]): ResolvedItem {
  const text = ref.trim();
  if (text === '')
    throw new WaymarkError('USAGE', 'no item given.', 'Name an item by id (3.1.4), roadmap:id, or title.');
  const colon = text.indexOf(':');
  const scoped = colon > 0 ? roadmaps.filter((roadmap) => roadmap.id === text.slice(0, colon)) : [];
  const pool = scoped.length > 0 ? scoped : roadmaps;
  const query = scoped.length > 0 ? text.slice(colon + 1) : text;
  const candidates: Candidate[] = pool.flatMap((roadmap) =>
    [...walkNodes(roadmap.nodes)].map(({ node }) => ({
      roadmapId: roadmap.id,
      node,
      title: normalizeTitle(node.title),
    })),
  );

  const byId = candidates.filter((candidate) => candidate.node.id === query);
  if (byId.length === 1) return byId[0] as Candidate;
  if (byId.length > 1) throw ambiguous(text, byId);

  const wanted = normalizeTitle(query);
  if (wanted !== '') {
    const exact = candidates.filter((candidate) => candidate.title === wanted);
    if (exact.length === 1) return exact[0] as Candidate;
    if (exact.length > 1) throw ambiguous(text, exact);
    const containing = candidates.filter((candidate) => candidate.title.includes(wanted));
    if (containing.length === 1) return containing[0] as Candidate;
    if (containing.length > 1) throw ambiguous(text, containing);
  }
  const closest = candidates
    .map((candidate) => ({
      candidate,
      score: Math.max(similarity(wanted, candidate.title), similarity(query, candidate.node.id)),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .filter((entry) => entry.score > 0.3)
    .map((entry) => `    ${label(entry.candidate)}`);
  throw new WaymarkError(
    'NOT_FOUND',
    `no item matches "${text}".`,
    closest.length > 0 ? `Closest matches:\n${closest.join('\n')}` : 'Run `waymark status` to see the ids.',
  );
}

function ambiguous(text: string, matches: Candidate[]): WaymarkError {
  const shown = matches.slice(0, 8).map((match) => `    ${label(match)}`);
  const more = matches.length > 8 ? `\n    … and ${matches.length - 8} more` : '';
  // CONFLICT, not INPUT: the reference is well-formed but names several items (HTTP 409, exit 1 as before).
  return new WaymarkError(
    'CONFLICT',
    `"${text}" matches ${matches.length} items.`,
    `Say which one, e.g. by roadmap:id:\n${shown.join('\n')}${more}`,
  );
}
