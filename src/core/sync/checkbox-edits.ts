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

/**
 * Finds the task-list box on a list item's first line: after optional indentation and blockquote markers,
 * a bullet (`-`, `*`, `+`) or an ordinal (`1.`, `1)`), whitespace, then `[...]`.
 */
export function findCheckbox(bytes: Uint8Array, lineStart: number): CheckboxSpan | undefined {
  const bom = lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let i = bom ? 3 : lineStart;
  const at = (k: number) => bytes[k];
  const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09;
  for (;;) {
    while (isSpace(at(i))) i++;
    if (at(i) !== 0x3e) break; // '>' of a blockquote
    i++;
  }
  const marker = at(i);
  if (marker === 0x2d || marker === 0x2a || marker === 0x2b) i++;
  else {
    const digitsFrom = i;
    while (at(i) !== undefined && (at(i) as number) >= 0x30 && (at(i) as number) <= 0x39) i++;
    if (i === digitsFrom || i - digitsFrom > 9 || (at(i) !== 0x2e && at(i) !== 0x29)) return undefined;
    i++;
  }
  if (!isSpace(at(i))) return undefined;
  while (isSpace(at(i))) i++;
  if (at(i) !== OPEN) return undefined;
  const start = i + 1;
  let end = start;
  while (end < bytes.length && end - start <= 8 && at(end) !== CLOSE && at(end) !== NEWLINE) end++;
  if (at(end) !== CLOSE || end === start) return undefined;
  const inside = bytes.subarray(start, end);
  const checked = !(inside.length === 1 && inside[0] === 0x20);
  return { start, end, checked };
}

export class CheckboxNotFoundError extends Error {
  constructor(readonly line: number) {
    super(`line ${line} has no task-list checkbox`);
  }
}

/** Returns a copy of `bytes` with the given boxes set; nothing else changes. Unchanged boxes keep their bytes. */
export function applyCheckboxEdits(bytes: Uint8Array, edits: readonly CheckboxEdit[]): Uint8Array {
  const starts = lineStarts(bytes);
  const spans: { span: CheckboxSpan; checked: boolean }[] = [];
  for (const edit of edits) {
    const lineStart = starts[edit.line - 1];
    const span = lineStart === undefined ? undefined : findCheckbox(bytes, lineStart);
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
