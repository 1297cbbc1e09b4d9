import type { Duration } from '../model/roadmap.js';
import { isDurationOnly, parseDuration, scheduleSpanDuration } from './durations.js';
import { OPTIONAL_MARKER, RECOMMENDED_MARKER } from './section-words.js';

/** What a heading or item title says beyond its words: its own number, duration, elective rule, flags. */
export interface ParsedTitle {
  title: string;
  number?: string;
  duration?: Duration;
  choose?: { min: number; max: number };
  flags: Record<string, string>;
}

const LEADING_SYMBOLS = /^(?:\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}|\s)+/u;
// "1.2.3 Title", "1. Title", "2) Title". A bare number without "." or ")" is a count ("5 tips"), not numbering.
const NUMBERING = /^(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s+(?=\S)/;
const NUMBER_BEFORE_UNIT = /^\d[\d.]*\s+(hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|%|x)\b/i;
const TRAILING_PARENTHETICAL = /\s*\(([^()]*)\)\s*$/;
const TRAILING_DURATION = /\s+[-\u2013\u2014:|]\s*([^-\u2013\u2014:|]+)$/;
const CHOOSE =
  /^(?:choose|pick|select)\s+(?:(\d+)\s*(?:[-\u2013]|to|or)\s*(\d+)|(\d+|one|two|three|any\s+\d+|at least \d+))$/i;
/** Agenda decoration before a title: more ticks, emoji and "1 >" ("[✔️][✔️] ♾️ 1 > Introduction"). */
const AGENDA_BOXES = /^(?:\[(?:[ xX]|✔️?|✅|✓|☑️?)\]\s*)+/u;
const AGENDA_NUMBER = /^(\d{1,3})\s*>\s*(?=\S)/;
const OPTIONAL_PREFIX = /^(?:optional|opcional|bonus|可选)\s*[:：-]\s*/iu;
const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3 };

function parseChoose(text: string): { min: number; max: number } | undefined {
  const match = CHOOSE.exec(text.trim());
  if (!match) return undefined;
  if (match[1] && match[2]) {
    const min = Number(match[1]);
    const max = Number(match[2]);
    return min <= max && min > 0 ? { min, max } : undefined;
  }
  const word = (match[3] ?? '').toLowerCase();
  const atLeast = /^at least (\d+)$/.exec(word);
  if (atLeast) return { min: Number(atLeast[1]), max: Number.MAX_SAFE_INTEGER };
  const count = WORD_NUMBERS[word] ?? Number(word.replace(/^any\s+/, ''));
  return count > 0 ? { min: count, max: count } : undefined;
}

/** Drops decorative emoji in front of a title ("🚀 Complete AI Engineer Roadmap"). */
export function stripLeadingSymbols(text: string): string {
  // Titles that start with a letter, digit or ASCII punctuation (most) have nothing to strip.
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return text;
  return text.replace(LEADING_SYMBOLS, '');
}

/** Whether the text ends with ")" and optional whitespace (else TRAILING_PARENTHETICAL cannot match). */
function endsWithParenthesis(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && /\s/.test(text.charAt(end))) end--;
  return text.charCodeAt(end) === 0x29;
}

/** The match of TRAILING_DURATION, tried only when the last separator follows a space (cheap to check). */
function trailingSeparated(title: string): RegExpExecArray | null {
  let last = title.length - 1;
  for (; last >= 0; last--) {
    const code = title.charCodeAt(last);
    // - : | en dash, em dash
    if (code === 0x2d || code === 0x3a || code === 0x7c || code === 0x2013 || code === 0x2014) break;
  }
  if (last < 1 || !/\s/.test(title.charAt(last - 1))) return null;
  return TRAILING_DURATION.exec(title);
}

/** Removes the first match of `marker` from the title (joining the words around it) and reports it. */
function takeMarker(title: string, marker: RegExp, found: () => void): string {
  const match = marker.exec(title);
  if (!match) return title;
  found();
  return `${title.slice(0, match.index).trimEnd()} ${title.slice(match.index + match[0].length).trimStart()}`.trim();
}

export function parseTitle(raw: string): ParsedTitle {
  const flags: Record<string, string> = {};
  // "What I Learned: _______________" is a blank to fill in, not part of the title.
  let title = stripLeadingSymbols(raw);
  if (title.includes('___')) title = title.replace(/[:\s]*_{3,}\s*$/, '');
  const result: ParsedTitle = { title, flags };
  if (title.startsWith('[')) title = stripLeadingSymbols(title.replace(AGENDA_BOXES, ''));
  const agenda = title.includes('>') ? AGENDA_NUMBER.exec(title) : null;
  if (agenda) {
    result.number = agenda[1] ?? '';
    title = title.slice(agenda[0].length);
  }
  if (title.includes('[') || title.includes('(') || title.includes('（')) {
    title = takeMarker(title, OPTIONAL_MARKER, () => {
      flags.optional = 'true';
    });
    title = takeMarker(title, RECOMMENDED_MARKER, () => {
      flags.recommended = 'true';
    });
  }
  const optionalPrefix = OPTIONAL_PREFIX.exec(title);
  if (optionalPrefix) {
    flags.optional = 'true';
    title = title.slice(optionalPrefix[0].length);
  }
  const numbering = agenda ? null : NUMBERING.exec(title);
  if (numbering && !NUMBER_BEFORE_UNIT.test(title)) {
    const number = numbering[1] ?? '';
    result.number = number.endsWith('.') || number.endsWith(')') ? number.slice(0, -1) : number;
    title = title.slice(numbering[0].length);
  }
  for (
    let match = endsWithParenthesis(title) ? TRAILING_PARENTHETICAL.exec(title) : null;
    match;
    match = endsWithParenthesis(title) ? TRAILING_PARENTHETICAL.exec(title) : null
  ) {
    const inside = (match[1] ?? '').trim();
    const choose = parseChoose(inside);
    if (choose && !result.choose) result.choose = choose;
    else if (isDurationOnly(inside) && !result.duration) result.duration = parseDuration(inside);
    else if (!result.duration && scheduleSpanDuration(inside)) result.duration = scheduleSpanDuration(inside);
    else if (/^optional$/i.test(inside)) flags.optional = 'true';
    else if (/^free(?: to audit)?$/i.test(inside)) flags.freeToAudit = 'true';
    else break;
    title = title.slice(0, match.index);
  }
  const trailing = result.duration ? null : trailingSeparated(title);
  if (!result.duration && trailing && isDurationOnly(trailing[1] ?? '')) {
    result.duration = parseDuration(trailing[1] ?? '');
    title = title.slice(0, trailing.index);
  }
  result.title = (title.includes(':') ? title.replace(/\s*:\s*$/, '') : title).trim();
  return result;
}
