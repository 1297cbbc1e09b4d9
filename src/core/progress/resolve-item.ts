import { WaymarkError } from '../errors.js';
import type { Node } from '../model/roadmap.js';
import { walkNodes } from '../model/roadmap.js';
import { normalizeTitle, similarity } from '../text/similarity.js';

export interface RoadmapNodes {
  id: string;
  nodes: Node[];
  /** The roadmap's archived items (see archived-items.ts); read only when nothing live matches. */
  archived?: () => readonly ArchivedRef[];
}

/** An item a re-import archived: no longer in the roadmap, its progress kept. */
export interface ArchivedRef {
  id: string;
  title: string;
}

export interface ResolvedItem {
  roadmapId: string;
  node: Node;
  /** True for an archived item (found only with `{ archived: true }`); `node` then has no children or line. */
  archived?: boolean;
}

export interface ResolveOptions {
  /** Also return archived items (`show`, `reattach`); otherwise naming one fails with a hint to reattach it. */
  archived?: boolean;
}

interface Candidate extends ResolvedItem {
  title: string;
}

const label = (candidate: ResolvedItem) =>
  `${candidate.roadmapId}:${candidate.node.id}  ${candidate.node.title}`;

/**
 * What resolving needs of one roadmap, built once per nodes array (a stored roadmap's model is parsed once
 * and then only read, so its `nodes` array names one unchanging tree): node ids to their nodes, and, built
 * on the first title lookup, every node with its normalized title and the nodes of each exact title. All in
 * walk order, so candidates, and the order in which an ambiguity lists them, are those of a plain walk.
 */
interface RoadmapIndex {
  roadmapId: string;
  byId: Map<string, Candidate[]>;
  titles: { all: Candidate[]; byTitle: Map<string, Candidate[]> } | undefined;
}

const indexes = new WeakMap<readonly Node[], RoadmapIndex>();

function indexOf(roadmap: RoadmapNodes): RoadmapIndex {
  const known = indexes.get(roadmap.nodes);
  if (known !== undefined && known.roadmapId === roadmap.id) return known;
  const byId = new Map<string, Candidate[]>();
  for (const { node } of walkNodes(roadmap.nodes)) {
    // The title is normalized later, on the first title lookup: an id lookup never needs it.
    const candidate: Candidate = { roadmapId: roadmap.id, node, title: '' };
    const list = byId.get(node.id);
    if (list === undefined) byId.set(node.id, [candidate]);
    else list.push(candidate);
  }
  const index: RoadmapIndex = { roadmapId: roadmap.id, byId, titles: undefined };
  indexes.set(roadmap.nodes, index);
  return index;
}

function titlesOf(index: RoadmapIndex, roadmap: RoadmapNodes): NonNullable<RoadmapIndex['titles']> {
  if (index.titles !== undefined) return index.titles;
  const all: Candidate[] = [];
  const byTitle = new Map<string, Candidate[]>();
  for (const { node } of walkNodes(roadmap.nodes)) {
    const candidate: Candidate = { roadmapId: roadmap.id, node, title: normalizeTitle(node.title) };
    all.push(candidate);
    const list = byTitle.get(candidate.title);
    if (list === undefined) byTitle.set(candidate.title, [candidate]);
    else list.push(candidate);
  }
  index.titles = { all, byTitle };
  return index.titles;
}

const found = (candidate: Candidate): ResolvedItem => ({
  roadmapId: candidate.roadmapId,
  node: candidate.node,
});

/**
 * Finds the item a learner means: `roadmap:id`, a bare id when only one roadmap has it, or a fragment of its
 * title. Ambiguous or unknown references fail with the closest matches listed, so the next try succeeds.
 * Ids and exact titles are looked up in a per-roadmap index; only fragments and suggestions scan.
 */
export function resolveItem(
  ref: string,
  roadmaps: readonly RoadmapNodes[],
  options: ResolveOptions = {},
): ResolvedItem {
  const text = ref.trim();
  if (text === '')
    throw new WaymarkError('USAGE', 'no item given.', 'Name an item by id (3.1.4), roadmap:id, or title.');
  const colon = text.indexOf(':');
  const scoped = colon > 0 ? roadmaps.filter((roadmap) => roadmap.id === text.slice(0, colon)) : [];
  const pool = scoped.length > 0 ? scoped : roadmaps;
  const query = scoped.length > 0 ? text.slice(colon + 1) : text;
  // The common case, an id, allocates nothing but the answer (a 10,000-item status change resolves 10,000).
  let byId: readonly Candidate[] = [];
  for (const roadmap of pool) {
    const hits = indexOf(roadmap).byId.get(query);
    if (hits !== undefined) byId = byId.length === 0 ? hits : [...byId, ...hits];
  }
  if (byId.length === 1) return found(byId[0] as Candidate);
  if (byId.length > 1) throw ambiguous(text, [...byId]);

  const titles = pool.map((roadmap) => titlesOf(indexOf(roadmap), roadmap));
  const wanted = normalizeTitle(query);
  if (wanted !== '') {
    const exact = titles.flatMap((t) => t.byTitle.get(wanted) ?? []);
    if (exact.length === 1) return found(exact[0] as Candidate);
    if (exact.length > 1) throw ambiguous(text, exact);
    const containing = titles.flatMap((t) => t.all.filter((candidate) => candidate.title.includes(wanted)));
    if (containing.length === 1) return found(containing[0] as Candidate);
    if (containing.length > 1) throw ambiguous(text, containing);
  }
  const archived = resolveArchived(text, query, pool);
  if (archived && options.archived) return archived;
  if (archived) {
    const ref = `${archived.roadmapId}:${archived.node.id}`;
    throw new WaymarkError(
      'NOT_FOUND',
      `"${text}" is an archived item: ${ref} "${archived.node.title}" left the roadmap's file on a re-import (its progress is kept).`,
      `See it with \`waymark show ${ref}\`; move its progress onto an item of the roadmap with \`waymark reattach ${ref} NEW_ITEM\`.`,
    );
  }
  const closest = titles
    .flatMap((t) => t.all)
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

/**
 * The archived item a reference names when no live one does: by id, exact title, then title fragment, as for
 * live items. Several matches are ambiguous (CONFLICT) like any other reference.
 */
function resolveArchived(
  text: string,
  query: string,
  pool: readonly RoadmapNodes[],
): ResolvedItem | undefined {
  const candidates: Candidate[] = [];
  for (const roadmap of pool) {
    for (const item of roadmap.archived?.() ?? []) {
      const node: Node = {
        id: item.id,
        title: item.title,
        kind: 'topic',
        trackable: true,
        source: { line: 0, endLine: 0 },
        children: [],
      };
      candidates.push({ roadmapId: roadmap.id, node, title: normalizeTitle(item.title), archived: true });
    }
  }
  if (candidates.length === 0) return undefined;
  const wanted = normalizeTitle(query);
  const tiers = [
    candidates.filter((candidate) => candidate.node.id === query),
    wanted === '' ? [] : candidates.filter((candidate) => candidate.title === wanted),
    wanted === '' ? [] : candidates.filter((candidate) => candidate.title.includes(wanted)),
  ];
  for (const tier of tiers) {
    if (tier.length === 1) return tier[0];
    if (tier.length > 1) throw ambiguous(text, tier);
  }
  return undefined;
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
