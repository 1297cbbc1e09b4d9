/**
 * The edits a learner makes to their roadmap's Markdown between two imports, applied line by line, with the
 * truth of where each line went: test helper for the identity property tests (match-reimport, re-import,
 * sync). An edit that would change what kind of node a line is (e.g. a word that makes a topic a project)
 * is not what these tests are about, so `applyEdit` reports it as not applicable.
 */
import type { Node } from '../core/model/roadmap.js';
import { walkNodes } from '../core/model/roadmap.js';
import { importText } from './load-seed.js';

export type EditKind = 'extend' | 'reword' | 'prefix' | 'move-within' | 'move-across' | 'insert' | 'delete';
export const EDIT_KINDS: readonly EditKind[] = [
  'extend',
  'reword',
  'prefix',
  'move-within',
  'move-across',
  'insert',
  'delete',
];

export interface Edit {
  kind: EditKind;
  /** Picks the edited line (and the destination of a move) among the candidates, modulo their count. */
  pick: number;
  target: number;
}

export interface EditedText {
  text: string;
  /** Old line (1-based) -> new line; absent for a deleted line. */
  lineMap: Map<number, number>;
  /** The line of an inserted item, in the new text. */
  inserted?: number;
  /** The line this edit retitled or moved to another section, in the new text. */
  touched?: { line: number; how: 'retitled' | 'moved-across' };
  describe: string;
}

/** Marker and box (1), the source's own numbering (2), the rest of the line (3). */
const LIST_PREFIX = /^(\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?)(\d+(?:\.\d+)+\.?\s+)?(.*)$/;
const ENDS_IN_WORD = /\p{L}{2,}$/u;

/** Single-line nodes on a list-item line, each with its line text. */
function listLeaves(nodes: Node[], lines: string[]): { node: Node; parent: Node | undefined }[] {
  const out: { node: Node; parent: Node | undefined }[] = [];
  for (const { node, parents } of walkNodes(nodes)) {
    const text = lines[node.source.line - 1] ?? '';
    if (node.children.length === 0 && node.source.line === node.source.endLine && LIST_PREFIX.test(text)) {
      out.push({ node, parent: parents[parents.length - 1] });
    }
  }
  return out;
}

function identity(count: number): Map<number, number> {
  const map = new Map<number, number>();
  for (let line = 1; line <= count; line++) map.set(line, line);
  return map;
}

/** Applies one edit to the text, or returns undefined when no line of the roadmap suits it. */
export function applyEdit(text: string, edit: Edit): EditedText | undefined {
  const lines = text.split('\n');
  const nodes = importText(text).roadmap.nodes;
  const all = [...walkNodes(nodes)].map((entry) => entry.node);
  const leaves = listLeaves(nodes, lines);
  const at = <T>(list: T[], index: number): T | undefined =>
    list.length === 0 ? undefined : list[((index % list.length) + list.length) % list.length];

  const retitle = (rewrite: (line: string) => string | undefined): EditedText | undefined => {
    const candidates = all.filter((node) => rewrite(lines[node.source.line - 1] ?? '') !== undefined);
    const node = at(candidates, edit.pick);
    if (!node) return undefined;
    const out = [...lines];
    const before = out[node.source.line - 1] as string;
    out[node.source.line - 1] = rewrite(before) as string;
    return {
      text: out.join('\n'),
      lineMap: identity(lines.length),
      touched: { line: node.source.line, how: 'retitled' },
      describe: `${edit.kind} line ${node.source.line}: "${before.trim()}" -> "${out[node.source.line - 1]?.trim()}"`,
    };
  };

  switch (edit.kind) {
    case 'extend':
      return retitle((line) => (ENDS_IN_WORD.test(line) ? `${line} and hands-on drills` : undefined));
    case 'reword':
      // The last word replaced: "Learn Git basics" -> "Learn Git fundamentals" (titles of two words or more).
      return retitle((line) => {
        const match = /(\p{L}{2,})\s+(\p{L}{3,})$/u.exec(line);
        return match && match[2]?.toLowerCase() !== 'fundamentals'
          ? `${line.slice(0, line.length - (match[2] as string).length)}fundamentals`
          : undefined;
      });
    case 'prefix':
      return retitle((line) => {
        const match = LIST_PREFIX.exec(line);
        return match && /^\p{L}/u.test(match[3] as string) && ENDS_IN_WORD.test(line)
          ? `${match[1]}${match[2] ?? ''}Introduction to ${match[3]}`
          : undefined;
      });
    case 'delete': {
      const leaf = at(leaves, edit.pick);
      if (!leaf) return undefined;
      const line = leaf.node.source.line;
      const lineMap = new Map<number, number>();
      for (let old = 1; old <= lines.length; old++)
        if (old !== line) lineMap.set(old, old < line ? old : old - 1);
      return {
        text: lines.filter((_, i) => i !== line - 1).join('\n'),
        lineMap,
        describe: `delete line ${line}: "${lines[line - 1]?.trim()}"`,
      };
    }
    case 'insert': {
      const leaf = at(leaves, edit.pick);
      if (!leaf) return undefined;
      const line = leaf.node.source.line;
      const prefix = LIST_PREFIX.exec(lines[line - 1] as string)?.[1] as string;
      const out = [
        ...lines.slice(0, line),
        `${prefix}Quokka husbandry ${edit.target % 97}`,
        ...lines.slice(line),
      ];
      const lineMap = new Map<number, number>();
      for (let old = 1; old <= lines.length; old++) lineMap.set(old, old <= line ? old : old + 1);
      return { text: out.join('\n'), lineMap, inserted: line + 1, describe: `insert after line ${line}` };
    }
    case 'move-within':
    case 'move-across': {
      const leaf = at(leaves, edit.pick);
      if (!leaf) return undefined;
      const indent = (node: Node) => /^\s*/.exec(lines[node.source.line - 1] as string)?.[0];
      const destinations = leaves.filter(
        (other) =>
          other.node !== leaf.node &&
          indent(other.node) === indent(leaf.node) &&
          (edit.kind === 'move-within'
            ? other.parent === leaf.parent
            : // Into a section holding an item of the same title, which of the two is which is anyone's guess.
              other.parent !== leaf.parent &&
              !(other.parent?.children ?? nodes).some((sibling) => sibling.title === leaf.node.title)),
      );
      const destination = at(destinations, edit.target);
      if (!destination) return undefined;
      const moved = moveLine(lines, leaf.node.source.line, destination.node.source.line, edit.kind);
      const line = moved.lineMap.get(leaf.node.source.line) as number;
      return edit.kind === 'move-across' ? { ...moved, touched: { line, how: 'moved-across' } } : moved;
    }
  }
}

/** Moves line `from` to just after line `after`. */
function moveLine(lines: string[], from: number, after: number, kind: EditKind): EditedText {
  const order = lines.map((_, i) => i + 1).filter((line) => line !== from);
  order.splice(order.indexOf(after) + 1, 0, from);
  const lineMap = new Map<number, number>();
  order.forEach((old, i) => {
    lineMap.set(old, i + 1);
  });
  return {
    text: order.map((old) => lines[old - 1]).join('\n'),
    lineMap,
    describe: `${kind}: line ${from} "${lines[from - 1]?.trim()}" after line ${after}`,
  };
}

/** Node id per source line. */
export function idsByLine(nodes: Node[]): Map<number, Node> {
  return new Map([...walkNodes(nodes)].map(({ node }) => [node.source.line, node]));
}

/**
 * Where each old node should be after the edits (old id -> new id; undefined when its line was deleted), or
 * undefined when the edit changed what some line is (its kind or whether it counts), which the caller skips.
 */
export function expectedIds(
  before: Node[],
  after: Node[],
  lineMap: Map<number, number>,
): Map<string, string | undefined> | undefined {
  const newByLine = idsByLine(after);
  const expected = new Map<string, string | undefined>();
  for (const { node } of walkNodes(before)) {
    const line = lineMap.get(node.source.line);
    if (line === undefined) {
      expected.set(node.id, undefined);
      continue;
    }
    const next = newByLine.get(line);
    if (!next || next.kind !== node.kind || next.trackable !== node.trackable) return undefined;
    expected.set(node.id, next.id);
  }
  return expected;
}

/** Applies the edits in turn, composing where each line went; undefined when one of them does not apply. */
export function applyEdits(
  text: string,
  edits: readonly Edit[],
): (EditedText & { steps: string[]; insertedLines: number[] }) | undefined {
  let current = text;
  let lineMap = identity(text.split('\n').length);
  let inserted: number[] = [];
  const steps: string[] = [];
  // An item both moved to another section and retitled has lost both its place and its name: no matcher can
  // tell it from a removed item and a new one (it is archived, and `reattach` moves its progress), so such
  // sequences are not generated.
  let touched: { line: number; how: string }[] = [];
  for (const edit of edits) {
    const next = applyEdit(current, edit);
    if (!next) return undefined;
    touched = touched
      .map((entry) => ({ ...entry, line: next.lineMap.get(entry.line) ?? -1 }))
      .filter((entry) => entry.line > 0);
    if (next.touched) {
      const mark = next.touched;
      if (touched.some((entry) => entry.line === mark.line && entry.how !== mark.how)) return undefined;
      touched.push(mark);
    }
    const composed = new Map<number, number>();
    for (const [old, mid] of lineMap) {
      const line = next.lineMap.get(mid);
      if (line !== undefined) composed.set(old, line);
    }
    inserted = inserted
      .map((line) => next.lineMap.get(line))
      .filter((line): line is number => line !== undefined);
    if (next.inserted !== undefined) inserted.push(next.inserted);
    lineMap = composed;
    current = next.text;
    steps.push(next.describe);
  }
  return { text: current, lineMap, steps, describe: steps.join('; '), insertedLines: inserted };
}
