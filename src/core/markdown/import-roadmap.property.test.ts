import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  type GenerateRoadmapOptions,
  generatedCheckboxCount,
  generateRoadmap,
} from '../../testing/generate-roadmap.js';
import { ROADMAPS_DIR } from '../../testing/load-seed.js';
import { type Node, walkNodes } from '../model/roadmap.js';
import { type ImportResult, importRoadmap, markdownParser } from './import-roadmap.js';

/*
 * Properties of the importer over generated roadmaps and over arbitrary, Markdown-ish or mutated text:
 * it never throws, ids are unique, every task-list checkbox of the source becomes exactly one node with
 * `checked`, source spans are sane, titles are single lines, and the output is deterministic.
 */

const OPTIONS = { path: 'property.md', sha256: '0'.repeat(64) };

// ---------------------------------------------------------------------------------------------------
// An independent count of the source's task-list checkboxes, from markdown-it's tokens.

interface TaskCount {
  total: number;
  checked: number;
  unchecked: number;
  /** 1-based line of each task-list item -> checked. */
  byLine: Map<number, boolean>;
  /** Lines of table body rows (a row may get `checked` from a "Status" cell, which is not a checkbox). */
  rowLines: Set<number>;
  lineCount: number;
}

/** The Markdown body as the importer must see it: BOM dropped, YAML front matter lines blanked. */
function markdownBody(text: string): { body: string; lineCount: number } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = source.split(/\r\n|\r|\n/);
  if (/^---[ \t]*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
    if (end > 0) {
      return {
        body: `${'\n'.repeat(end + 1)}${lines.slice(end + 1).join('\n')}`,
        lineCount: lines.length,
      };
    }
  }
  return { body: source, lineCount: lines.length };
}

/** GFM: a list item whose first block is a paragraph starting with `[ ]`, `[x]` or `[X]` and whitespace or end. */
const TASK_MARKER = /^\[([ xX])\](?:[ \t\n]|$)/;

function countTasks(text: string): TaskCount {
  const { body, lineCount } = markdownBody(text);
  const tokens: Token[] = markdownParser().parse(body, {});
  const count: TaskCount = {
    total: 0,
    checked: 0,
    unchecked: 0,
    byLine: new Map(),
    rowLines: new Set(),
    lineCount,
  };
  let inTableHead = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'thead_open') inTableHead = true;
    if (token.type === 'thead_close') inTableHead = false;
    if (token.type === 'tr_open' && !inTableHead && token.map) count.rowLines.add(token.map[0] + 1);
    if (token.type !== 'list_item_open') continue;
    const paragraph = tokens[i + 1];
    const inline = tokens[i + 2];
    const startsWithParagraph = paragraph?.type === 'paragraph_open' && inline?.type === 'inline';
    if (!startsWithParagraph) continue;
    const marker = TASK_MARKER.exec(inline.content);
    if (!marker) continue;
    const checked = marker[1] !== ' ';
    count.total++;
    if (checked) count.checked++;
    else count.unchecked++;
    count.byLine.set((token.map?.[0] ?? 0) + 1, checked);
  }
  return count;
}

// ---------------------------------------------------------------------------------------------------
// The invariants, checked on every input.

function allNodes(result: ImportResult): Node[] {
  return [...walkNodes(result.roadmap.nodes)].map((entry) => entry.node);
}

/*
 * Once-known importer bugs, now fixed and pinned by the regression tests at the end of this file:
 * 1. A box followed by a Unicode space that is not GFM whitespace ("- [x]\u00a0a") was a checkbox.
 * 2. An item whose first block is not a paragraph took its checkbox from a later one.
 * 3. A multi-line YAML title gave a roadmap title with "\n".
 * 4. Ids of repeated titles took quadratic time.
 * The properties run over inputs of those shapes too (none is filtered out).
 */
function checkInvariants(text: string): ImportResult {
  const tasks = countTasks(text);
  const result = importRoadmap(text, OPTIONS);
  const nodes = allNodes(result);

  // Ids are unique across the whole tree.
  const ids = nodes.map((node) => node.id);
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  expect(duplicates, 'duplicate ids').toEqual([]);
  for (const id of ids) expect(id.length).toBeGreaterThan(0);

  // Every task-list checkbox is exactly one node with `checked`.
  const boxed = nodes.filter((node) => node.checked !== undefined && !tasks.rowLines.has(node.source.line));
  const nodeByLine = new Map<number, boolean>();
  for (const node of boxed) {
    expect(nodeByLine.has(node.source.line), `two checkbox nodes on line ${node.source.line}`).toBe(false);
    nodeByLine.set(node.source.line, node.checked === true);
  }
  const differing = [...new Set([...nodeByLine.keys(), ...tasks.byLine.keys()])]
    .filter((line) => nodeByLine.get(line) !== tasks.byLine.get(line))
    .sort((a, b) => a - b)
    .slice(0, 3)
    .map((line) => `line ${line}: node ${nodeByLine.get(line)}, markdown-it ${tasks.byLine.get(line)}`);
  const context = `${differing.join('; ')} in ${visible(text.slice(0, 300))}`;
  expect(
    {
      total: boxed.length,
      checked: boxed.filter((node) => node.checked).length,
      unchecked: boxed.filter((node) => !node.checked).length,
    },
    `checkbox totals (nodes vs markdown-it task-list items): ${context}`,
  ).toEqual({ total: tasks.total, checked: tasks.checked, unchecked: tasks.unchecked });
  expect([...nodeByLine].sort(byFirst), `checkbox lines and states: ${context}`).toEqual(
    [...tasks.byLine].sort(byFirst),
  );

  // Source spans are 1-based, ordered and inside the file.
  for (const node of nodes) {
    const { line, endLine } = node.source;
    expect(Number.isInteger(line) && Number.isInteger(endLine), `integer span of ${node.id}`).toBe(true);
    expect(line, `line of ${node.id}`).toBeGreaterThanOrEqual(1);
    expect(line, `line <= endLine for ${node.id}`).toBeLessThanOrEqual(endLine);
    expect(endLine, `endLine of ${node.id} within ${tasks.lineCount} lines`).toBeLessThanOrEqual(
      tasks.lineCount,
    );
  }

  // Titles are single lines.
  for (const node of nodes) expect(node.title, `title of ${node.id}`).not.toMatch(/[\r\n]/);
  expect(result.roadmap.title, 'roadmap title').not.toMatch(/[\r\n]/);

  // Deterministic: the same text gives byte-identical JSON.
  const again = importRoadmap(text, OPTIONS);
  expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  return result;
}

/** The text with invisible and non-ASCII characters escaped, for failure messages. */
function visible(text: string): string {
  return JSON.stringify(text).replace(
    /[^\x20-\x7e]/gu,
    (char) => `\\u{${char.codePointAt(0)?.toString(16)}}`,
  );
}

function byFirst(a: [number, boolean], b: [number, boolean]): number {
  return a[0] - b[0];
}

// ---------------------------------------------------------------------------------------------------
// Arbitraries: Markdown-ish fragments, whole documents, mutated seeds.

const ATOMS = [
  'Linear Algebra',
  'Python basics',
  'Week 3',
  'Day 12',
  'Month 2',
  'Phase 1: Basics',
  '1.2.3',
  '10.',
  'Choose 1-2',
  'Duration: 6-8 weeks',
  '*Duration: 2 weeks*',
  '3-Month Goal',
  'Target: 2027-05-01',
  '2026-01-31',
  'Platform: Coursera',
  'Resources:',
  'Tips:',
  '**Bold**',
  '**Key**:',
  '_em_',
  '~~gone~~',
  '`code`',
  '[link](https://example.com/a)',
  '[ref][1]',
  '![img](x.png)',
  '<b>html</b>',
  '<br>',
  '&amp;',
  '\\',
  '|',
  '#',
  ':',
  '[ ]',
  '[x]',
  '(1-2 hours)',
  '🚀',
  '👩‍💻',
  '🛠️',
  'ðŸš€',
  'AurÃ©lien',
  'itâ€™s',
  'Ã',
  '中文 周',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\u0000',
];

const text = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ATOMS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(' '));

const indent = fc.oneof(
  fc.integer({ min: 0, max: 10 }).map((n) => ' '.repeat(n)),
  fc.integer({ min: 1, max: 3 }).map((n) => '\t'.repeat(n)),
  fc.constantFrom(' \t', '\t  ', '  \t', '   '),
);
const bullet = fc.constantFrom('-', '*', '+', '1.', '2.', '10.', '1)', '-', '-');
const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '     ', '');
const box = fc.constantFrom(
  '',
  '',
  '[ ] ',
  '[x] ',
  '[X] ',
  '[ ]',
  '[x]',
  '[ ]\t',
  '[] ',
  '[  ] ',
  '[y] ',
  '[ x] ',
  '[x]',
);

type Lines = readonly string[];

const heading: fc.Arbitrary<Lines> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 7 }),
      fc.constantFrom(' ', ' ', '', '  ', '\t'),
      text,
      fc.constantFrom('', '', ' #', ' ##'),
    )
    .map(([depth, space, title, close]) => [`${'#'.repeat(depth)}${space}${title}${close}`]),
  fc.tuple(text, fc.constantFrom('===', '---', '=')).map(([title, underline]) => [title, underline]),
);

const listItem: fc.Arbitrary<Lines> = fc
  .tuple(indent, bullet, gap, box, text)
  .map(([pad, marker, space, checkbox, title]) => [`${pad}${marker}${space}${checkbox}${title}`]);

/** A nested list of task items, as real roadmaps have them. */
const taskList: fc.Arbitrary<Lines> = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('-', '*', '+', '1.'), box, text)
    .map(([depth, marker, checkbox, title]) => `${'  '.repeat(depth)}${marker} ${checkbox}${title}`),
  { minLength: 1, maxLength: 8 },
);

/** A list item with more blocks: a continuation paragraph, a nested quote, heading or fence. */
const richItem: fc.Arbitrary<Lines> = fc
  .tuple(
    fc.constantFrom('- ', '* ', '1. '),
    box,
    text,
    fc.constantFrom<Lines>(
      ['', '  continued paragraph'],
      ['', '  [x] a second paragraph'],
      ['  lazy continuation'],
      ['  > [!TIP]', '  > quoted'],
      ['  ```', '  - [ ] code', '  ```'],
      ['  ## heading in item'],
      ['', '  - [ ] nested after blank'],
      ['  | a | b |', '  |---|---|', '  | 1 | 2 |'],
    ),
    fc.constantFrom('', '> ', '# ', '```'),
  )
  .map(([marker, checkbox, title, rest, lead]) => [
    `${marker}${lead}${checkbox}${title}`,
    ...(lead === '```' ? ['  ```'] : []),
    ...rest,
  ]);

const table: fc.Arbitrary<Lines> = fc
  .tuple(
    fc.boolean(),
    fc.integer({ min: 1, max: 4 }),
    fc.array(
      fc.array(fc.oneof(text, fc.constantFrom('✅', 'Done', 'TODO', '[x]', '[ ]', '⬜', '6 weeks')), {
        minLength: 1,
        maxLength: 4,
      }),
      {
        maxLength: 4,
      },
    ),
    fc.constantFrom(
      ['Course', 'Platform', 'Duration', 'Status'],
      ['Topic', 'Hours'],
      ['Week', 'Focus', 'Done'],
    ),
  )
  .map(([outer, columns, rows, headers]) => {
    const row = (cells: string[]) => {
      const padded = Array.from({ length: columns }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|'));
      return outer ? `| ${padded.join(' | ')} |` : padded.join(' | ');
    };
    return [
      row(headers.slice(0, columns)),
      row(Array.from({ length: columns }, () => '---')),
      ...rows.map(row),
    ];
  });

const fence: fc.Arbitrary<Lines> = fc
  .tuple(
    fc.constantFrom('```', '~~~', '````'),
    fc.constantFrom('', 'md', 'python'),
    fc.array(fc.oneof(listItem, heading), { maxLength: 3 }),
    fc.boolean(),
  )
  .map(([mark, lang, body, closed]) => [`${mark}${lang}`, ...body.flat(), ...(closed ? [mark] : [])]);

const details: fc.Arbitrary<Lines> = fc
  .tuple(fc.boolean(), fc.array(fc.oneof(listItem, taskList, heading), { maxLength: 3 }), fc.boolean())
  .map(([blank, body, closed]) => [
    '<details>',
    '<summary>More</summary>',
    ...(blank ? [''] : []),
    ...body.flat(),
    ...(closed ? ['', '</details>'] : []),
  ]);

const quote: fc.Arbitrary<Lines> = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.constantFrom('[!NOTE]', '[!TIP]', '[!WARNING]', ''),
    fc.array(fc.oneof(listItem, taskList, heading), { maxLength: 3 }),
  )
  .map(([depth, callout, body]) => {
    const prefix = `${'>'.repeat(depth)} `;
    return [...(callout ? [`${prefix}${callout}`] : []), ...body.flat().map((line) => `${prefix}${line}`)];
  });

const longLine: fc.Arbitrary<Lines> = fc
  .tuple(
    fc.constantFrom('', '- [ ] ', '## ', '| '),
    fc.integer({ min: 1_000, max: 40_000 }),
    fc.constantFrom('word ', 'x', '**b** ', '[a](b) '),
  )
  .map(([prefix, length, unit]) => [`${prefix}${unit.repeat(Math.ceil(length / unit.length))}`]);

const misc: fc.Arbitrary<Lines> = fc.oneof(
  fc.constant(['']),
  fc.constant(['']),
  fc.constantFrom(
    ['---'],
    ['***'],
    ['___'],
    ['<!-- comment -->'],
    ['<!--', '- [ ] hidden', '-->'],
    ['[1]: https://example.com'],
  ),
  fc.constantFrom(['    - [ ] indented code'], ['\t- [x] tab code'], ['<div>', '- [ ] in html', '</div>']),
  text.map((line) => [line]),
);

const fragment: fc.Arbitrary<Lines> = fc.oneof(
  { weight: 3, arbitrary: heading },
  { weight: 5, arbitrary: listItem },
  { weight: 4, arbitrary: taskList },
  { weight: 2, arbitrary: richItem },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: fence },
  { weight: 1, arbitrary: details },
  { weight: 2, arbitrary: quote },
  { weight: 4, arbitrary: misc },
  { weight: 1, arbitrary: longLine },
);

const frontMatter: fc.Arbitrary<Lines> = fc.constantFrom(
  [],
  [],
  ['---', 'title: My Plan', 'target: 2027-01-31', 'weeklyHours: 10', '---'],
  ['---', 'title: [unclosed', '---'],
  ['---', 'just a string', '---'],
  ['---', '- a', '- b', '...'],
  ['---', 'title: ok', 'no closing fence'],
  ['---', '---'],
  ['---', 'title: "x"', 'roles: [ML Engineer]', 'deadline: not a date', '---'],
  ['--- ', 'a: &x [*x]', '---'],
  ['---', 'title: "One line"', 'summary: |', '  Two', '  lines', '---'],
  ['\uFEFF---', 'title: BOM before the fence', '---'],
);

const eols = fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 });

function joinLines(lines: readonly string[], endings: readonly string[]): string {
  let out = '';
  lines.forEach((line, index) => {
    out += line;
    if (index < lines.length - 1) out += endings[index % endings.length] ?? '\n';
  });
  return out;
}

const markdownDocument: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), frontMatter, fc.array(fragment, { maxLength: 30 }), eols, fc.boolean())
  .map(([bom, front, fragments, endings, trailing]) => {
    const lines = [...front, ...fragments.flat(), ...(trailing ? [''] : [])];
    return `${bom ? '\uFEFF' : ''}${joinLines(lines, endings)}`;
  });

const seedTexts = readdirSync(ROADMAPS_DIR)
  .filter((file) => file.endsWith('.md'))
  .sort()
  .map((file) => readFileSync(join(ROADMAPS_DIR, file), 'utf8'));

const smallGenerated = generateRoadmap({
  phases: 2,
  sectionsPerPhase: 2,
  itemsPerSection: 3,
  subItemsPerItem: 2,
  checkedRatio: 0.5,
  seed: 3,
});

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'dedent'; at: number }
  | { kind: 'insert'; at: number; lines: Lines }
  | { kind: 'indent'; at: number; by: string }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'char'; at: number; char: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'dedent'),
    at: fc.nat(),
  }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), lines: fragment }),
  fc.record({
    kind: fc.constant('indent' as const),
    at: fc.nat(),
    by: fc.constantFrom('  ', '\t', ' ', '    ', '> '),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant('char' as const),
    at: fc.nat(),
    char: fc.constantFrom(
      '\r',
      '\n',
      '\r\n',
      '\t',
      '>',
      '-',
      '[',
      ']',
      'x',
      '`',
      '|',
      '#',
      '*',
      '\uFEFF',
      '\u0000',
      'Ã',
      '🚀',
    ),
  }),
);

function mutate(source: string, mutations: readonly Mutation[]): string {
  let text = source;
  for (const m of mutations) {
    if (m.kind === 'cut' || m.kind === 'char') {
      const at = m.at % (text.length + 1);
      text =
        m.kind === 'cut'
          ? text.slice(0, at) + text.slice(at + m.length)
          : text.slice(0, at) + m.char + text.slice(at);
      continue;
    }
    const lines = text.split('\n');
    const at = m.at % lines.length;
    const line = lines[at] ?? '';
    if (m.kind === 'delete') lines.splice(at, 1);
    else if (m.kind === 'duplicate') lines.splice(at, 0, line);
    else if (m.kind === 'dedent') lines[at] = line.replace(/^(\t| {1,4})/, '');
    else if (m.kind === 'indent') lines[at] = `${m.by}${line}`;
    else if (m.kind === 'insert') lines.splice(at, 0, ...m.lines);
    text = lines.join('\n');
  }
  return text;
}

const mutatedSeed: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...seedTexts, smallGenerated),
    fc.array(mutation, { minLength: 1, maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([source, mutations, eol]) => mutate(source, mutations).replace(/\n/g, eol));

// ---------------------------------------------------------------------------------------------------

describe('importRoadmap properties', () => {
  it('generated roadmaps: every numbered checkbox becomes the node with that id', () => {
    const options: fc.Arbitrary<GenerateRoadmapOptions> = fc.record({
      phases: fc.integer({ min: 0, max: 4 }),
      sectionsPerPhase: fc.integer({ min: 0, max: 4 }),
      itemsPerSection: fc.integer({ min: 0, max: 6 }),
      subItemsPerItem: fc.integer({ min: 0, max: 4 }),
      checkedRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(options, (opts) => {
        const markdown = generateRoadmap(opts);
        expect(generateRoadmap(opts)).toBe(markdown);
        const result = checkInvariants(markdown);
        const boxes = allNodes(result).filter((node) => node.checked !== undefined);
        expect(boxes.length).toBe(generatedCheckboxCount(opts));
        expect(boxes.filter((node) => node.checked).length).toBe(
          markdown.match(/^ *- \[x\] /gm)?.length ?? 0,
        );
        const numbered = [...markdown.matchAll(/^ *- \[[ x]\] ([\d.]+) /gm)].map((match) => match[1]);
        expect(boxes.map((node) => node.id)).toEqual(numbered);
        expect(result.roadmap.nodes.filter((node) => node.kind === 'phase').length).toBe(opts.phases);
      }),
      { numRuns: 60 },
    );
  });

  it('arbitrary Markdown-ish documents keep the invariants', () => {
    fc.assert(
      fc.property(markdownDocument, (markdown) => {
        checkInvariants(markdown);
      }),
      { numRuns: 400 },
    );
  });

  it('mutated seeds keep the invariants', () => {
    fc.assert(
      fc.property(mutatedSeed, (markdown) => {
        checkInvariants(markdown);
      }),
      { numRuns: 80 },
    );
  });

  it('arbitrary strings never break it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (markdown) => {
        checkInvariants(markdown);
      }),
      { numRuns: 300 },
    );
  });

  it('the bundled seeds keep the invariants, with every line ending and a BOM', () => {
    for (const seed of seedTexts) {
      for (const eol of ['\n', '\r\n', '\r']) {
        const converted = seed.replace(/\r?\n/g, eol);
        const plain = checkInvariants(converted);
        const withBom = checkInvariants(`\uFEFF${converted}`);
        expect(JSON.stringify(withBom.roadmap.nodes)).toBe(JSON.stringify(plain.roadmap.nodes));
      }
    }
  });
});

/** What the importer makes of the first item's checkbox ("none" when it sees none). */
function firstItemBox(markdown: string): string {
  const node = allNodes(importRoadmap(markdown, OPTIONS))[0];
  return node?.checked === undefined ? 'none' : node.checked ? 'checked' : 'unchecked';
}

// Regression tests for the bugs listed above.
describe('fixed importer bugs (regressions)', () => {
  it('bug 1: a box followed by a no-break space, U+2028 or U+FEFF is not a task-list checkbox', () => {
    expect(firstItemBox('- [x]\u00a0Read the paper\n')).toBe('none');
    expect(firstItemBox('- [ ]\uFEFF Read the paper\n')).toBe('none');
  });

  it('bug 2: an unchecked bare box stays unchecked when the item has a second paragraph', () => {
    expect(firstItemBox('- [ ]\n\n  [x] Read the paper\n')).toBe('unchecked');
  });

  it('bug 2: an item starting with a quote, heading or fence has no checkbox', () => {
    expect(firstItemBox('- > [x] quoted\n')).toBe('none');
    expect(firstItemBox('- # Heading\n  [x] after the heading\n')).toBe('none');
  });

  it('bug 3: a multi-line front matter title becomes a one-line roadmap title', () => {
    const { roadmap } = importRoadmap('---\ntitle: |\n  Two\n  lines\n---\n- [ ] a\n', OPTIONS);
    expect(roadmap.title).not.toMatch(/\n/);
  });

  // No timed assertion (the machine may be busy): 20,000 repeated titles took ~25 s when quadratic and take
  // well under a second now, so the test's own timeout catches a regression by a wide margin.
  it('bug 4: 20,000 repeated titles get their ids (-2, -3, ...) without quadratic work', {
    timeout: 15_000,
  }, () => {
    const items = 20_000;
    const { roadmap } = importRoadmap('- [ ] Review\n'.repeat(items), OPTIONS);
    const ids = roadmap.nodes.map((node) => node.id);
    expect(ids.slice(0, 3)).toEqual(['review', 'review-2', 'review-3']);
    expect(ids[items - 1]).toBe(`review-${items}`);
    expect(new Set(ids).size).toBe(items);
  });
});
