import { fix_encoding } from 'ftfy-js';

/** Characters that Windows-1252/1254 show for the UTF-8 continuation bytes 0x80-0xBF. */
const CONTINUATION =
  '[\\u00A0-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160\\u2039\\u0152\\u017D\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178]';
/**
 * A four-byte emoji whose third byte had no character in the code page and was dropped on the way
 * ("ğŸ†" for 🏆 = F0 9F 8F 86): the emoji cannot be recovered, and ftfy would guess a wrong one,
 * so the remains are removed (with the space after them when they lead a title).
 */
const LOSSY_EMOJI = new RegExp(`[\\u00F0\\u011F]\\u0178${CONTINUATION}(?!${CONTINUATION})[ \\u00A0]?`, 'g');

/**
 * What every mojibake of UTF-8 read as Windows-1252/1254 or Latin-1 contains: a UTF-8 lead byte shown as
 * a letter (Ã, â, ð, ğ...) followed by a continuation byte shown as a symbol or a C1 control (©, €, Ÿ),
 * or by a space (a lost no-break space). Text without it needs no repair, so ftfy (slow) never sees it.
 */
const MARKER = new RegExp(
  `[\\u00C2-\\u00F4\\u011E\\u011F\\u0130\\u015E](?:${CONTINUATION}|[\\u0080-\\u009F ])`,
);

/** Windows-1252 bytes 0x80-0x9F (ftfy's "sloppy" variant: the five undefined bytes decode to C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];
/** Code point -> byte in Windows-1252, Windows-1254 (Ğ İ Ş ğ ı ş) or Latin-1, for the bytes 0x80-0xFF. */
const BYTE_OF = new Map<number, number>();
CP1252_HIGH.forEach((codePoint, index) => {
  BYTE_OF.set(codePoint, 0x80 + index);
  BYTE_OF.set(0x80 + index, 0x80 + index);
});
for (let byte = 0xa0; byte <= 0xff; byte++) BYTE_OF.set(byte, byte);
for (const [codePoint, byte] of [
  [0x11e, 0xd0],
  [0x130, 0xdd],
  [0x15e, 0xde],
  [0x11f, 0xf0],
  [0x131, 0xfd],
  [0x15f, 0xfe],
] as const)
  BYTE_OF.set(codePoint, byte);

/**
 * The unambiguous part of the repair, without ftfy: the sequences that re-encode to a valid UTF-8
 * character and are led by Â or Ã (two bytes: "Ã©" -> é), by â (three bytes: "â€‘" -> U+2011,
 * "âœ…" -> ✅) or by ð/ğ and Ÿ (an emoji: "ðŸ“‹" -> 📋). Clean text does not have those. Other leads are
 * left for ftfy, which weighs them: "café”—" is also E9 94 97, and „Fuß“ holds DF 93.
 */
function decodeCertainSequences(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // The leads taken here: Â Ã â ð and ğ (0xF0 in Windows-1254); a cheap test before the map.
    if (code !== 0xc2 && code !== 0xc3 && code !== 0xe2 && code !== 0xf0 && code !== 0x11f) continue;
    const lead = BYTE_OF.get(code);
    if (lead === undefined || lead < 0xc2 || lead > 0xf4) continue;
    if (lead !== 0xc2 && lead !== 0xc3 && lead !== 0xe2 && lead !== 0xf0) continue;
    const length = lead === 0xf0 ? 4 : lead === 0xe2 ? 3 : 2;
    if (length === 4 && BYTE_OF.get(text.charCodeAt(i + 1)) !== 0x9f) continue;
    let codePoint = lead & (length === 4 ? 0x07 : length === 3 ? 0x0f : 0x1f);
    let k = 1;
    for (; k < length; k++) {
      const byte = BYTE_OF.get(text.charCodeAt(i + k));
      if (byte === undefined || byte < 0x80 || byte > 0xbf) break;
      codePoint = (codePoint << 6) | (byte & 0x3f);
    }
    if (k < length) continue;
    // Overlong forms, surrogates and code points beyond U+10FFFF are not UTF-8.
    const minimum = length === 4 ? 0x10000 : length === 3 ? 0x800 : 0x80;
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) continue;
    out += text.slice(copiedUpTo, i) + String.fromCodePoint(codePoint);
    copiedUpTo = i + length;
    i += length - 1;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/**
 * Repairs UTF-8 text that was once decoded with a Windows code page ("AurÃ©lien" -> "Aurélien",
 * "ğŸ“‘" -> "📑"). Clean accents and emoji stay as they are. Most strings have no mojibake marker and
 * cost one regex test; the certain sequences are decoded directly; only what remains doubtful goes to
 * ftfy (about 0.1 ms per string), which changes text only when it is confident.
 */
export function repairMojibake(text: string): string {
  if (!MARKER.test(text)) return text;
  const withoutLostEmoji = text.replace(LOSSY_EMOJI, '');
  const decoded = decodeCertainSequences(withoutLostEmoji);
  return MARKER.test(decoded) ? fix_encoding(withoutLostEmoji) : decoded;
}
