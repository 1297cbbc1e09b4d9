import type { Draft } from './outline.js';
import { shapeOf } from './section-shape.js';

/**
 * A roadmap written twice, in two languages, one after the other ("Экзаменационная программа" … then
 * "## Exam program" with the same 66 questions in English): the learner studies one copy. The second copy
 * is found by its script (Cyrillic, Latin, CJK, Hangul…) and its size: the top-level sections from the
 * first one written in another script to the end, holding about as many entries as everything before.
 */

/** `meta` key on each top-level node of the copy, so the verdict counts it apart. */
export const TRANSLATED_COPY_META = 'translatedCopy';

const SCRIPTS = ['latin', 'cyrillic', 'cjk', 'hangul', 'greek', 'arabic'] as const;
type Script = (typeof SCRIPTS)[number];
const [LATIN, CYRILLIC, CJK, HANGUL, GREEK, ARABIC] = [0, 1, 2, 3, 4, 5];

/** The copy must hold between 4/5 and 5/4 of the entries of the original: a translation, not more work. */
const SIZE_RATIO = 1.25;
/** Below this many entries two languages side by side are notes, not a second roadmap. */
const MIN_ENTRIES = 5;
/** Letters read per top-level section to tell its script: enough for a majority, bounded for 1 MB files. */
const SAMPLE_LETTERS = 400;

/** The script of a letter by its code unit (an index into SCRIPTS), or -1 for digits, punctuation, spaces and symbols. */
function scriptOfCode(code: number): number {
  if (code < 0x80) return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a ? LATIN : -1;
  if (code < 0xc0) return -1;
  if (code < 0x250) return LATIN;
  if (code >= 0x370 && code < 0x400) return GREEK;
  if (code >= 0x400 && code < 0x530) return CYRILLIC;
  if (code >= 0x600 && code < 0x700) return ARABIC;
  if ((code >= 0x3040 && code < 0x3100) || (code >= 0x3400 && code < 0xa000)) return CJK;
  if (code >= 0xac00 && code < 0xd7b0) return HANGUL;
  return -1;
}

/** Letters counted per script, and the order the scripts were first seen in (the first wins a tie). */
class Tally {
  private readonly counts = [0, 0, 0, 0, 0, 0];
  private readonly seen: number[] = [];

  /** Adds the letters of a text; returns how many letters may still be read. */
  add(text: string, budget: number): number {
    let left = budget;
    // Code units into an array, not a regex or a map: this runs over every top-level section of a 1 MB file.
    for (let i = 0; i < text.length && left > 0; i++) {
      const script = scriptOfCode(text.charCodeAt(i));
      if (script < 0) continue;
      if (this.counts[script] === 0) this.seen.push(script);
      this.counts[script] = (this.counts[script] ?? 0) + 1;
      left--;
    }
    return left;
  }

  dominant(): Script | undefined {
    let best: Script | undefined;
    let most = 0;
    for (const script of this.seen) {
      const n = this.counts[script] ?? 0;
      if (n > most) {
        best = SCRIPTS[script];
        most = n;
      }
    }
    return best;
  }
}

/**
 * The script most of a draft's words are in, from its title and the first entries beneath it. A title in
 * the `expected` script settles it (most sections of most files), without reading further.
 */
function scriptOfDraft(draft: Draft, expected: Script | undefined): Script | undefined {
  const counts = new Tally();
  let budget = counts.add(draft.text, SAMPLE_LETTERS);
  const fromTitle = counts.dominant();
  if (fromTitle !== undefined && fromTitle === expected) return fromTitle;
  const queue: Draft[] = [...draft.children];
  for (let i = 0; i < queue.length && budget > 0; i++) {
    const inner = queue[i] as Draft;
    budget = counts.add(inner.text, budget);
    if (queue.length < 200) for (const child of inner.children) queue.push(child);
  }
  return counts.dominant();
}

function entriesOf(draft: Draft): number {
  if (draft.type !== 'heading' && draft.children.length === 0) return 1;
  const shape = shapeOf(draft);
  return shape.items + shape.rows;
}

/**
 * The index in `roots` where a copy of the roadmap in another language begins, or -1. `title` is the
 * roadmap's title: its script is the document's language.
 */
export function translatedCopyStart(roots: readonly Draft[], title: string | undefined): number {
  if (roots.length < 2) return -1;
  const counts = new Tally();
  counts.add(title ?? '', SAMPLE_LETTERS);
  let original = counts.dominant();
  let before = 0;
  for (let i = 0; i < roots.length; i++) {
    const draft = roots[i] as Draft;
    const script = draft.type === 'heading' ? scriptOfDraft(draft, original) : undefined;
    original ??= script;
    if (i > 0 && draft.type === 'heading' && script !== undefined && script !== original) {
      if (before < MIN_ENTRIES) return -1;
      let copy = 0;
      for (let j = i; j < roots.length; j++) {
        const later = roots[j] as Draft;
        // Every section of the copy is in its language: a later section back in the original's is not a copy.
        if (later.type === 'heading' && scriptOfDraft(later, script) !== script) return -1;
        copy += entriesOf(later);
      }
      return copy * SIZE_RATIO >= before && copy <= before * SIZE_RATIO ? i : -1;
    }
    before += entriesOf(draft);
  }
  return -1;
}
