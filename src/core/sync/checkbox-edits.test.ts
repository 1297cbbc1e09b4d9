import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importRoadmap } from '../markdown/import-roadmap.js';
import { walkNodes } from '../model/roadmap.js';
import {
  applyCheckboxEdits,
  CheckboxNotFoundError,
  findCheckbox,
  lineStarts,
  locateCheckbox,
} from './checkbox-edits.js';

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

describe('locateCheckbox: the writer agrees with the importer', () => {
  const boxOf = (text: string, line: number) => {
    const bytes = encode(text);
    return locateCheckbox(bytes, lineStarts(bytes), line);
  };

  it('finds a box on the line after a bare bullet, and a single [ ] / [x] table cell', () => {
    expect(boxOf('-\n  [ ] second line\n', 1)).toMatchObject({ checked: false, start: 5 });
    expect(boxOf('| Topic | Done |\n| --- | --- |\n| Intro | [x] |\n', 3)).toMatchObject({ checked: true });
    expect(boxOf('Intro | [ ]\n', 1)).toMatchObject({ checked: false });
  });

  it('says there is no box to flip for word and emoji cells, or two box cells in a row', () => {
    expect(boxOf('| Next | ✅ |\n', 1)).toBeUndefined();
    expect(boxOf('| Third | done |\n', 1)).toBeUndefined();
    expect(boxOf('| A | [ ] | [x] |\n', 1)).toBeUndefined();
    expect(boxOf('- item without box\n', 1)).toBeUndefined();
  });

  const row = fc.oneof(
    fc.record({
      shape: fc.constant('task' as const),
      box: fc.constantFrom('[ ]', '[x]', '[X]'),
      bullet: fc.constantFrom('-', '*', '1.'),
    }),
    fc.record({
      shape: fc.constant('bare' as const),
      box: fc.constantFrom('[ ]', '[x]'),
      bullet: fc.constantFrom('-', '2)'),
    }),
    fc.record({
      shape: fc.constant('table' as const),
      box: fc.constantFrom('[ ]', '[x]', '✅', 'done', 'todo', '☐'),
      bullet: fc.constant(''),
    }),
  );

  it('property: every box the importer reads is either flipped byte-exactly or reported as not writable', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { maxLength: 12 }),
        (rows, wanted) => {
          const parts = ['# Plan', '', '## Phase 1 (2 weeks)', ''];
          rows.forEach((r, index) => {
            if (r.shape === 'task') parts.push(`${r.bullet} ${r.box} Task ${index}`, '');
            else if (r.shape === 'bare') parts.push(r.bullet, `   ${r.box} Bare ${index}`, '');
            else parts.push('| Topic | Done |', '| --- | --- |', `| Row ${index} | ${r.box} |`, '');
          });
          const text = `${parts.join('\n')}\n`;
          const bytes = encode(text);
          const starts = lineStarts(bytes);
          const boxed = [...walkNodes(importRoadmap(text, { sha256: '0' }).roadmap.nodes)]
            .map(({ node }) => node)
            .filter((node) => node.checked !== undefined);
          const edits = boxed.flatMap((node, index) => {
            const span = locateCheckbox(bytes, starts, node.source.line);
            if (span) expect(span.checked).toBe(node.checked);
            return span ? [{ line: node.source.line, checked: wanted[index] ?? !node.checked }] : [];
          });
          const writable = rows.filter((r) => r.shape !== 'table' || r.box.startsWith('[')).length;
          expect(edits.length).toBe(writable);
          const out = applyCheckboxEdits(bytes, edits);
          const after = new Map(
            [...walkNodes(importRoadmap(decode(out), { sha256: '0' }).roadmap.nodes)].map(({ node }) => [
              node.source.line,
              node.checked,
            ]),
          );
          for (const edit of edits) expect(after.get(edit.line)).toBe(edit.checked);
        },
      ),
      { numRuns: 200 },
    );
  });
});
