/**
 * Cheap tests by code unit on the ends of a text: the importer asks them of every title and line, and a
 * regex anchored at the end ("…\s*$") is tried from every position of the text.
 */

/** Whether a code unit is what `\s` matches in a JavaScript regex (with or without the `u` flag). */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether a code unit is an ASCII letter. */
export function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** Whether the text's last code unit is an ASCII letter or digit, or ")": most titles end so. */
export function endsInAsciiWord(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return isAsciiLetter(last) || (last >= 0x30 && last <= 0x39) || last === 0x29;
}

/** Separators around a schedule label: whitespace, "|", ":", "-", en and em dashes. */
function isSeparatorCode(code: number): boolean {
  return (
    code === 0x7c || code === 0x3a || code === 0x2d || code === 0x2013 || code === 0x2014 || isSpaceCode(code)
  );
}

/** The text without separators at either end: `text.replace(/^[\s|:\u2013\u2014-]+|[\s|:\u2013\u2014-]+$/gu, '')`. */
export function trimSeparators(text: string): string {
  let start = 0;
  while (start < text.length && isSeparatorCode(text.charCodeAt(start))) start++;
  let end = text.length;
  while (end > start && isSeparatorCode(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
