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

/** A URL- and id-safe slug: "Core AI/ML Foundations" -> "core-ai-ml-foundations". Empty when nothing is left. */
export function slugify(text: string): string {
  // Most titles are ASCII: they need neither Unicode normalization nor Unicode-aware classes.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  const slug = /^[\x00-\x7f]*$/.test(text)
    ? asciiSlug(text)
    : text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > 20 ? cut.slice(0, lastDash) : cut;
}
