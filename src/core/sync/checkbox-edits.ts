/**
 * Write-back to the user's Markdown: flips task-list boxes by changing only the bytes between `[` and `]`
 * of the changed items. Works on bytes, not strings, so a BOM, CRLF endings, odd whitespace and every other
 * byte of the file stay exactly as they were.
 */

export interface CheckboxEdit {
  /** 1-based line of the item (the model's `source.line`). */
  line: number;
  checked: boolean;
}

export interface CheckboxSpan {
  /** Byte offset of the first byte after `[`. */
  start: number;
  /** Byte offset of `]`. */
  end: number;
  checked: boolean;
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const NEWLINE = 0x0a;
const CARRIAGE = 0x0d;

/** Byte offsets where each line starts (index 0 is line 1). Handles \n, \r\n and lone \r. */
export function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === NEWLINE) starts.push(i + 1);
    else if (byte === CARRIAGE && bytes[i + 1] !== NEWLINE) starts.push(i + 1);
  }
  return starts;
}

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09;
const isLineEnd = (b: number | undefined) => b === undefined || b === NEWLINE || b === CARRIAGE;

/** The `[...]` box starting at `i` (at most 8 bytes inside, so an emoji tick fits), if there is one. */
function boxAt(bytes: Uint8Array, i: number): CheckboxSpan | undefined {
  if (bytes[i] !== OPEN) return undefined;
  const start = i + 1;
  let end = start;
  while (end < bytes.length && end - start <= 8 && bytes[end] !== CLOSE && !isLineEnd(bytes[end])) end++;
  if (bytes[end] !== CLOSE || end === start) return undefined;
  const inside = bytes.subarray(start, end);
  const checked = !(inside.length === 1 && inside[0] === 0x20);
  return { start, end, checked };
}

/** Offset after a list item's marker and the whitespace that follows it, or undefined if `lineStart` has none. */
function afterListMarker(bytes: Uint8Array, lineStart: number): number | undefined {
  const bom = lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let i = bom ? 3 : lineStart;
  for (;;) {
    while (isSpace(bytes[i])) i++;
    if (bytes[i] !== 0x3e) break; // '>' of a blockquote
    i++;
  }
  const marker = bytes[i];
  if (marker === 0x2d || marker === 0x2a || marker === 0x2b) i++;
  else {
    const digitsFrom = i;
    while (bytes[i] !== undefined && (bytes[i] as number) >= 0x30 && (bytes[i] as number) <= 0x39) i++;
    if (i === digitsFrom || i - digitsFrom > 9 || (bytes[i] !== 0x2e && bytes[i] !== 0x29)) return undefined;
    i++;
  }
  if (!isSpace(bytes[i]) && !isLineEnd(bytes[i])) return undefined;
  while (isSpace(bytes[i])) i++;
  return i;
}

/**
 * Finds the task-list box on a list item's first line: after optional indentation and blockquote markers,
 * a bullet (`-`, `*`, `+`) or an ordinal (`1.`, `1)`), whitespace, then `[...]`.
 */
export function findCheckbox(bytes: Uint8Array, lineStart: number): CheckboxSpan | undefined {
  const i = afterListMarker(bytes, lineStart);
  return i === undefined ? undefined : boxAt(bytes, i);
}

/**
 * Finds the box of the item that starts on `line` (1-based), wherever the importer may have read one:
 * a task-list box on the line itself; a box that opens the next line when the bullet stands alone
 * ("-" then "  [ ] Intro"); or the one table cell of a row that is exactly `[ ]`, `[x]` or `[X]`.
 * Boxes written as words or emoji in a table (`done`, `✅`) have no bytes that can be flipped: undefined.
 */
export function locateCheckbox(
  bytes: Uint8Array,
  starts: readonly number[],
  line: number,
): CheckboxSpan | undefined {
  const lineStart = starts[line - 1];
  if (lineStart === undefined) return undefined;
  const afterMarker = afterListMarker(bytes, lineStart);
  if (afterMarker !== undefined) {
    const box = boxAt(bytes, afterMarker);
    if (box || !isLineEnd(bytes[afterMarker])) return box;
    const next = starts[line];
    if (next === undefined) return undefined;
    let i = next;
    while (isSpace(bytes[i])) i++;
    return boxAt(bytes, i);
  }
  return tableCellBox(bytes, lineStart, starts[line] ?? bytes.length);
}

/** The single `[ ]` / `[x]` cell of a table row between `from` and `to`; undefined when none or several. */
function tableCellBox(bytes: Uint8Array, from: number, to: number): CheckboxSpan | undefined {
  let found: CheckboxSpan | undefined;
  let cellStart = from;
  for (let i = from; i <= to; i++) {
    const byte = bytes[i];
    const endsCell = i === to || byte === 0x7c || isLineEnd(byte);
    if (byte === 0x5c) {
      i++; // an escaped character, e.g. \| inside a cell
      continue;
    }
    if (!endsCell) continue;
    let start = cellStart;
    let end = i;
    while (start < end && isSpace(bytes[start])) start++;
    while (end > start && isSpace(bytes[end - 1])) end--;
    const box = end - start === 3 ? boxAt(bytes, start) : undefined;
    const inside = box ? bytes[box.start] : undefined;
    if (box && box.end === end - 1 && (inside === 0x20 || inside === 0x78 || inside === 0x58)) {
      if (found) return undefined;
      found = box;
    }
    if (isLineEnd(byte) || i === to) break;
    cellStart = i + 1;
  }
  return found;
}

export class CheckboxNotFoundError extends Error {
  constructor(readonly line: number) {
    super(`line ${line} has no checkbox Waymark can write`);
  }
}

/** Returns a copy of `bytes` with the given boxes set; nothing else changes. Unchanged boxes keep their bytes. */
export function applyCheckboxEdits(bytes: Uint8Array, edits: readonly CheckboxEdit[]): Uint8Array {
  const starts = lineStarts(bytes);
  const spans: { span: CheckboxSpan; checked: boolean }[] = [];
  for (const edit of edits) {
    const span = locateCheckbox(bytes, starts, edit.line);
    if (!span) throw new CheckboxNotFoundError(edit.line);
    if (span.checked !== edit.checked) spans.push({ span, checked: edit.checked });
  }
  spans.sort((a, b) => a.span.start - b.span.start);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const { span, checked } of spans) {
    parts.push(bytes.subarray(from, span.start), Uint8Array.of(checked ? 0x78 : 0x20));
    from = span.end;
  }
  parts.push(bytes.subarray(from));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
