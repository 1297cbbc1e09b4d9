const MAX_SLUG_LENGTH = 60;

/** A URL- and id-safe slug: "Core AI/ML Foundations" -> "core-ai-ml-foundations". Empty when nothing is left. */
export function slugify(text: string): string {
  // Most titles are ASCII: they need neither Unicode normalization nor Unicode-aware classes.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  const slug = /^[\x00-\x7f]*$/.test(text)
    ? text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
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
