import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCheckboxEdits, CheckboxNotFoundError, findCheckbox, lineStarts } from './checkbox-edits.js';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('applyCheckboxEdits', () => {
  it('changes only the byte between the brackets, whatever the bullet', () => {
    const text = '# T\r\n* [ ] one\r\n  1. [x] two\r\n+ [ ] three';
    const out = decode(
      applyCheckboxEdits(encode(text), [
        { line: 2, checked: true },
        { line: 3, checked: false },
      ]),
    );
    expect(out).toBe('# T\r\n* [x] one\r\n  1. [ ] two\r\n+ [ ] three');
  });

  it('keeps a BOM, [X] boxes that stay checked, and emoji ticks that are cleared', () => {
    const text = '\uFEFF- [X] a\n- [✔️] b\n';
    const out = decode(
      applyCheckboxEdits(encode(text), [
        { line: 1, checked: true },
        { line: 2, checked: false },
      ]),
    );
    expect(out).toBe('\uFEFF- [X] a\n- [ ] b\n');
  });

  it('finds boxes inside blockquotes and refuses lines without one', () => {
    const bytes = encode('> - [ ] quoted\nplain [ ] text\n');
    expect(findCheckbox(bytes, 0)).toMatchObject({ checked: false });
    expect(() => applyCheckboxEdits(bytes, [{ line: 2, checked: true }])).toThrow(CheckboxNotFoundError);
  });

  it('property: the output differs from the input only inside the brackets of changed items', () => {
    const line = fc.record({
      indent: fc.constantFrom('', '  ', '\t', '    '),
      bullet: fc.constantFrom('-', '*', '+', '1.', '12)'),
      box: fc.constantFrom('[ ]', '[x]', '[X]'),
      text: fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ' ')),
      newline: fc.constantFrom('\n', '\r\n'),
      withBox: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (lines, flips) => {
          const text = lines
            .map(
              (l) => (l.withBox ? `${l.indent}${l.bullet} ${l.box} ${l.text}` : `text ${l.text}`) + l.newline,
            )
            .join('');
          const bytes = encode(text);
          const edits = lines
            .map((l, index) => ({ l, index }))
            .filter(({ l }) => l.withBox)
            .map(({ l, index }) => ({ line: index + 1, checked: flips[index] ?? l.box !== '[ ]' }));
          const out = applyCheckboxEdits(bytes, edits);
          expect(out.length).toBe(bytes.length);
          const starts = lineStarts(bytes);
          const allowed = new Set<number>();
          for (const edit of edits) {
            const span = findCheckbox(bytes, starts[edit.line - 1] as number);
            if (span && span.checked !== edit.checked) allowed.add(span.start);
            expect(findCheckbox(out, starts[edit.line - 1] as number)?.checked).toBe(edit.checked);
          }
          for (let i = 0; i < bytes.length; i++) {
            if (bytes[i] !== out[i]) expect(allowed.has(i)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
