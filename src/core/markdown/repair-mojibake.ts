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
 * Repairs UTF-8 text that was once decoded with a Windows code page ("AurÃ©lien" -> "Aurélien",
 * "ğŸ“‘" -> "📑"). ftfy only changes text it is confident about, so clean accents and emoji stay as they are.
 * Pure-ASCII strings (most titles) skip the repair: mojibake always contains non-ASCII characters.
 */
export function repairMojibake(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return fix_encoding(text.replace(LOSSY_EMOJI, ''));
}
