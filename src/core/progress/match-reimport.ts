import type { Node, NodeKind } from '../model/roadmap.js';
import { normalizeTitle, titleSimilarity, titleWords } from '../text/similarity.js';

/** How near two titles must be to follow an item with no help from its place ("Adam optimiser" ~ "Adam optimizer"). */
export const NEAR_IDENTICAL = 0.75;

export interface ReimportMatch {
  /** Ids present before and after (the title may have changed in place: see `retitled`). */
  kept: string[];
  /** Items whose id changed (renamed, moved, renumbered): the progress of `from` continues as `to`. */
  moved: { from: string; to: string; title: string }[];
  /** Matched items whose title changed, by their new id. */
  retitled: { id: string; before: string; after: string }[];
  /** Ids that are gone: their progress is archived, never deleted. */
  archived: string[];
  added: string[];
}

interface Entry {
  id: string;
  title: string;
  /** The normalized title, and its meaningful words (computed when a fuzzy pass first needs them). */
  key: string;
  words: string[] | undefined;
  kind: NodeKind;
  trackable: boolean;
  parent: Entry | undefined;
  /** Position among the siblings (`siblings[index] === this`). */
  index: number;
  siblings: Entry[];
  children: Entry[];
  match: Entry | undefined;
}

/** Preorder list of every node, each linked to its parent, siblings and children. */
function flatten(nodes: readonly Node[]): { all: Entry[]; roots: Entry[] } {
  const all: Entry[] = [];
  const build = (list: readonly Node[], parent: Entry | undefined): Entry[] => {
    const siblings: Entry[] = [];
    list.forEach((node, index) => {
      const key = normalizeTitle(node.title);
      const entry: Entry = {
        id: node.id,
        title: node.title,
        key,
        words: undefined,
        kind: node.kind,
        trackable: node.trackable,
        parent,
        index,
        siblings,
        children: [],
        match: undefined,
      };
      siblings.push(entry);
      all.push(entry);
      entry.children = build(node.children, entry);
    });
    return siblings;
  };
  const roots = build(nodes, undefined);
  return { all, roots };
}

/** Title score bonuses for evidence from the item's place in the tree. */
const SAME_NEIGHBOUR = 0.15;
const SAME_KIND = 0.1;
const ONLY_CHANGE_IN_GAP = 0.2;
/** The one unmatched child on each side of a matched parent (e.g. edited and moved within its section). */
const ONLY_CHANGE_UNDER_PARENT = 0.15;
const TRACKABLE_DIFFERS = -0.3;
/** A match by place still needs this much in common between the titles. */
const MIN_TITLE_IN_PLACE = 0.25;
const ACCEPT_IN_PLACE = 0.8;
/** Siblings compared per item in a long list: a window around its expected position keeps the cost linear. */
const WINDOW = 12;
/** Words shared by more candidates than this are too common to find a moved item by. */
const MAX_POSTINGS = 64;

/**
 * Matches the nodes of an edited roadmap to its previous version, so each item keeps its progress. From the
 * most to the least certain, and all in about linear time (no comparison of every node with every other):
 * 1. same id and title; a title found once on each side (moved or renumbered); a title found again under
 *    the matching parent (duplicates such as "Resources", in order); same id and kind (renamed in place);
 * 2. by place: among the unmatched children of two matched parents, titles that are alike, with bonuses for
 *    matched neighbours and for being the only change between them ("Calculus essentials" -> "Calculus
 *    essentials and multivariable calculus"); a parent whose children went to one new parent follows them;
 * 3. anywhere, through an index of title words: near-identical titles (moved across sections and edited).
 * An inserted item therefore never takes its neighbour's progress, and a deleted one is archived.
 */
export function matchReimport(before: readonly Node[], after: readonly Node[]): ReimportMatch {
  const old = flatten(before);
  const neu = flatten(after);
  const matcher = new Matcher(old, neu);
  matcher.run();
  return matcher.result();
}

class Matcher {
  private pairs = 0;
  private readonly newById: Map<string, Entry>;
  /** New entries by parent (null: the roots), then normalized title; with a cursor at the first free one. */
  private readonly newByPlace = new Map<Entry | null, Map<string, { entries: Entry[]; next: number }>>();

  constructor(
    private readonly old: { all: Entry[]; roots: Entry[] },
    private readonly neu: { all: Entry[]; roots: Entry[] },
  ) {
    this.newById = new Map(neu.all.map((entry) => [entry.id, entry]));
    for (const entry of neu.all) {
      const parent = entry.parent ?? null;
      let byTitle = this.newByPlace.get(parent);
      if (!byTitle) {
        byTitle = new Map();
        this.newByPlace.set(parent, byTitle);
      }
      const slot = byTitle.get(entry.key);
      if (slot) slot.entries.push(entry);
      else byTitle.set(entry.key, { entries: [entry], next: 0 });
    }
  }

  run(): void {
    this.sameIdAndTitle();
    this.uniqueTitles();
    this.sameTitleUnderMatchedParent();
    this.sameIdAndKind();
    for (let round = 0; round < 4; round++) {
      const before = this.pairs;
      this.byPlace();
      if (this.pairs === before) break;
    }
    this.byTitleIndex();
    this.byPlace();
    this.uniqueTitles();
  }

  result(): ReimportMatch {
    const out: ReimportMatch = { kept: [], moved: [], retitled: [], archived: [], added: [] };
    for (const entry of this.old.all) {
      const to = entry.match;
      if (!to) {
        out.archived.push(entry.id);
        continue;
      }
      if (to.id === entry.id) out.kept.push(entry.id);
      else out.moved.push({ from: entry.id, to: to.id, title: to.title });
      if (to.title !== entry.title) out.retitled.push({ id: to.id, before: entry.title, after: to.title });
    }
    for (const entry of this.neu.all) if (!entry.match) out.added.push(entry.id);
    return out;
  }

  private pair(from: Entry, to: Entry): void {
    from.match = to;
    to.match = from;
    this.pairs++;
  }

  private sameIdAndTitle(): void {
    for (const entry of this.old.all) {
      const same = this.newById.get(entry.id);
      if (same && !same.match && same.key === entry.key) this.pair(entry, same);
    }
  }

  /** A title that only one unmatched old and one unmatched new node carry: the same item, wherever it went. */
  private uniqueTitles(): void {
    const count = (entries: Entry[]) => {
      const byKey = new Map<string, Entry | null>();
      for (const entry of entries) {
        if (entry.match || entry.key === '') continue;
        byKey.set(entry.key, byKey.has(entry.key) ? null : entry);
      }
      return byKey;
    };
    const olds = count(this.old.all);
    const news = count(this.neu.all);
    for (const [key, entry] of olds) {
      const other = news.get(key);
      if (entry && other) this.pair(entry, other);
    }
  }

  /** Duplicate titles ("Resources" under each topic) follow their parent, in order. Preorder: parents first. */
  private sameTitleUnderMatchedParent(): void {
    for (const entry of this.old.all) {
      if (entry.match) continue;
      const parent = entry.parent ? entry.parent.match : null;
      if (parent === undefined) continue;
      const slot = this.newByPlace.get(parent)?.get(entry.key);
      if (!slot) continue;
      // Entries only ever become matched, so the first free one never moves back: a cursor keeps this linear
      // for thousands of siblings of one title.
      while (slot.next < slot.entries.length && slot.entries[slot.next]?.match) slot.next++;
      const free = slot.entries[slot.next];
      if (free) this.pair(entry, free);
    }
  }

  /** Numbered roadmaps: "2.2 Old name" -> "2.2 New name" is the same item renamed in place. */
  private sameIdAndKind(): void {
    for (const entry of this.old.all) {
      if (entry.match) continue;
      const same = this.newById.get(entry.id);
      if (same && !same.match && same.kind === entry.kind) this.pair(entry, same);
    }
  }

  private byPlace(): void {
    this.parentsFollowChildren();
    this.sameTitleUnderMatchedParent();
    this.alikeAmongSiblings(this.old.roots, this.neu.roots);
    for (const entry of this.old.all) {
      if (entry.match && entry.children.length > 0)
        this.alikeAmongSiblings(entry.children, entry.match.children);
    }
  }

  /** A section renamed: most of its matched children sit under one unmatched new node, which is it. */
  private parentsFollowChildren(): void {
    for (let i = this.old.all.length - 1; i >= 0; i--) {
      const entry = this.old.all[i] as Entry;
      if (entry.match || entry.children.length === 0) continue;
      const votes = new Map<Entry, number>();
      let matched = 0;
      for (const child of entry.children) {
        const parent = child.match?.parent;
        if (!child.match) continue;
        matched++;
        if (parent && !parent.match) votes.set(parent, (votes.get(parent) ?? 0) + 1);
      }
      let best: Entry | undefined;
      let bestVotes = 0;
      for (const [candidate, count] of votes) {
        if (count > bestVotes) {
          best = candidate;
          bestVotes = count;
        }
      }
      if (best && bestVotes * 2 >= matched && best.trackable === entry.trackable) this.pair(entry, best);
    }
  }

  /** Scores the unmatched old siblings against the unmatched new ones of the matching parent; best first. */
  private alikeAmongSiblings(oldSiblings: Entry[], newSiblings: Entry[]): void {
    const olds = oldSiblings.filter((entry) => !entry.match);
    const news = newSiblings.filter((entry) => !entry.match);
    if (olds.length === 0 || news.length === 0) return;
    const oldPlaces = places(oldSiblings, newSiblings);
    const newPlaces = places(newSiblings, oldSiblings);
    const candidates: { from: Entry; to: Entry; score: number }[] = [];
    const all = olds.length * news.length <= WINDOW * WINDOW * 4;
    olds.forEach((from, i) => {
      const expected = Math.round((i * news.length) / olds.length);
      const lo = all ? 0 : Math.max(0, expected - WINDOW);
      const hi = all ? news.length : Math.min(news.length, expected + WINDOW + 1);
      const a = oldPlaces.get(from) as Place;
      for (let j = lo; j < hi; j++) {
        const to = news[j] as Entry;
        const b = newPlaces.get(to) as Place;
        const title = titleSimilarity(from.key, to.key, wordsOf(from), wordsOf(to));
        const prevSame = a.before?.match === b.before;
        const nextSame = a.after?.match === b.after;
        let score = title + (prevSame ? SAME_NEIGHBOUR : 0) + (nextSame ? SAME_NEIGHBOUR : 0);
        if (from.kind === to.kind) score += SAME_KIND;
        if (from.trackable !== to.trackable) score += TRACKABLE_DIFFERS;
        if (prevSame && nextSame && a.unmatchedInGap === 1 && b.unmatchedInGap === 1)
          score += ONLY_CHANGE_IN_GAP;
        else if (olds.length === 1 && news.length === 1) score += ONLY_CHANGE_UNDER_PARENT;
        if (title >= MIN_TITLE_IN_PLACE && score >= ACCEPT_IN_PLACE) candidates.push({ from, to, score });
      }
    });
    this.assignBestFirst(candidates);
  }

  /** Moved across sections and edited: near-identical titles found through the words they share. */
  private byTitleIndex(): void {
    const postings = new Map<string, Entry[]>();
    for (const entry of this.neu.all) {
      if (entry.match) continue;
      for (const word of new Set(wordsOf(entry))) {
        const list = postings.get(word);
        if (list) list.push(entry);
        else postings.set(word, [entry]);
      }
    }
    const candidates: { from: Entry; to: Entry; score: number }[] = [];
    for (const from of this.old.all) {
      if (from.match) continue;
      const seen = new Set<Entry>();
      for (const word of wordsOf(from)) {
        const list = postings.get(word);
        if (!list || list.length > MAX_POSTINGS) continue;
        for (const to of list) {
          if (seen.has(to)) continue;
          seen.add(to);
          if (to.trackable !== from.trackable) continue;
          const title = titleSimilarity(from.key, to.key, wordsOf(from), wordsOf(to));
          if (title >= NEAR_IDENTICAL)
            candidates.push({ from, to, score: title + (from.kind === to.kind ? 0.01 : 0) });
        }
      }
    }
    this.assignBestFirst(candidates);
  }

  private assignBestFirst(candidates: { from: Entry; to: Entry; score: number }[]): void {
    candidates.sort(
      (a, b) =>
        b.score - a.score || Math.abs(a.from.index - a.to.index) - Math.abs(b.from.index - b.to.index),
    );
    for (const { from, to } of candidates) if (!from.match && !to.match) this.pair(from, to);
  }
}

function wordsOf(entry: Entry): string[] {
  entry.words ??= titleWords(entry.key);
  return entry.words;
}

/**
 * Where an unmatched entry sits among its siblings: its nearest neighbours on either side that are matched to
 * a sibling on the other side (anchors; items moved in from or out to other sections are skipped, as they say
 * nothing about this place), and how many unmatched siblings share the gap between those anchors.
 */
interface Place {
  before: Entry | undefined;
  after: Entry | undefined;
  unmatchedInGap: number;
}

function places(siblings: Entry[], otherSide: Entry[]): Map<Entry, Place> {
  const others = new Set(otherSide);
  const isAnchor = (entry: Entry) => entry.match !== undefined && others.has(entry.match);
  const out = new Map<Entry, Place>();
  let before: Entry | undefined;
  let gap: Entry[] = [];
  const close = (after: Entry | undefined) => {
    for (const entry of gap) out.set(entry, { before, after, unmatchedInGap: gap.length });
    gap = [];
  };
  for (const entry of siblings) {
    if (isAnchor(entry)) {
      close(entry);
      before = entry;
    } else if (!entry.match) gap.push(entry);
  }
  close(undefined);
  return out;
}
