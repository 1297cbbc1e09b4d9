const MAX_SLUG_LENGTH = 60;

/** The ASCII case of slugify in one pass: runs of letters and digits, lower-cased, joined by "-". */
function asciiSlug(text: string): string {
  const lower = text.toLowerCase();
  let slug = '';
  let runStart = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 0;
    const alphanumeric = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
    if (alphanumeric && runStart < 0) runStart = i;
    else if (!alphanumeric && runStart >= 0) {
      slug += slug === '' ? lower.slice(runStart, i) : `-${lower.slice(runStart, i)}`;
      runStart = -1;
    }
  }
  return slug;
}

/**
 * Whether a character only ever separates words in a slug: after NFKD, without accents and lower-cased
 * it is nothing but characters that are neither letters nor digits ("‑", "—", "🚀", "📑"). Such a
 * character acts in `fullSlug` as an ASCII space does, so text of ASCII and these takes the ASCII path.
 * Answers are kept per code point: a file repeats the same few.
 */
const separatorOnly = new Map<number, boolean>();
function isSeparatorOnly(codePoint: number): boolean {
  let known = separatorOnly.get(codePoint);
  if (known === undefined) {
    const char = String.fromCodePoint(codePoint);
    const folded = withoutAccents(char.normalize('NFKD')).toLowerCase();
    known = folded !== '' && !/[\p{L}\p{N}]/u.test(folded) && !/[a-z0-9]/.test(char.toLowerCase());
    separatorOnly.set(codePoint, known);
  }
  return known;
}

/** Whether every character is ASCII or only separates words (then asciiSlug gives fullSlug's slug). */
function asciiOrSeparators(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    let codePoint = code;
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return false; // a lone surrogate: leave it to fullSlug
      codePoint = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return false;
    if (!isSeparatorOnly(codePoint)) return false;
  }
  return true;
}

function withoutAccents(text: string): string {
  return text.replace(/[\u0300-\u036f]/g, '');
}

/** Any text: Unicode-normalized, accents dropped, runs of anything but letters and digits as "-". */
function fullSlug(text: string): string {
  return withoutAccents(text.normalize('NFKD'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A URL- and id-safe slug: "Core AI/ML Foundations" -> "core-ai-ml-foundations". Empty when nothing is left. */
export function slugify(text: string): string {
  // Most titles are ASCII, perhaps with dashes or emoji: they need neither Unicode normalization nor
  // Unicode-aware classes.
  const slug = asciiOrSeparators(text) ? asciiSlug(text) : fullSlug(text);
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}
