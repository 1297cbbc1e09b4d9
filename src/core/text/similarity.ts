/** Lower-case letters and digits only, single spaces: how titles are compared. */
export function normalizeTitle(title: string): string {
  // Most titles are ASCII, where NFKD and the Unicode classes change nothing: the same result, cheaper.
  if (isAscii(title)) {
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Sørensen–Dice similarity of two strings' character bigrams: 1 for equal, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** Words that say nothing about which item a title names. */
const FILLER = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'to',
  'for',
  'in',
  'on',
  'with',
  'by',
  'or',
  'vs',
  'your',
]);

/** The words of a normalized title without filler words (all its words when it has nothing else). */
export function titleWords(normalized: string): string[] {
  const words = normalized.split(' ').filter((word) => word !== '');
  const meaningful = words.filter((word) => !FILLER.has(word));
  return meaningful.length > 0 ? meaningful : words;
}

/**
 * How alike two normalized titles are, 0..1, for following an edited item: the better of their bigram
 * similarity (catches spelling changes, "optimiser" ~ "optimizer") and a word score that rewards one
 * title containing the other's words (catches extensions, "Learn Git basics" ~ "Learn Git basics and
 * branching", and reordering, "Calculus essentials" ~ "Essentials of calculus").
 */
export function titleSimilarity(
  a: string,
  b: string,
  wordsA = titleWords(a),
  wordsB = titleWords(b),
): number {
  if (a === b) return 1;
  const bigram = similarity(a, b);
  if (wordsA.length === 0 || wordsB.length === 0) return bigram;
  const setB = new Set(wordsB);
  const setA = new Set(wordsA);
  let shared = 0;
  for (const word of setA) if (setB.has(word)) shared++;
  const containment = shared / Math.min(setA.size, setB.size);
  const jaccard = shared / (setA.size + setB.size - shared);
  return Math.max(bigram, (containment + jaccard) / 2);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
