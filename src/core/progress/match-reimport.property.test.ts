import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRoadmap } from '../../testing/generate-roadmap.js';
import { importBundled, importText } from '../../testing/load-seed.js';
import { applyEdits, EDIT_KINDS, type Edit, expectedIds, idsByLine } from '../../testing/roadmap-edits.js';
import { matchReimport } from './match-reimport.js';

const withoutNumbering = (text: string) =>
  text.replace(/^(\s*- \[[ x]\] )\d+(?:\.\d+)+ /gm, '$1').replace(/^(#{2,3} )\d+(?:\.\d+)*\.? /gm, '$1');

const SEEDS = ['ai-infra-journey-2026', 'ai-engineer', 'ai-ml-career', 'dev-to-ai-engineer'];

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...EDIT_KINDS),
  pick: fc.nat(10_000),
  target: fc.nat(10_000),
});

/** Old id -> new id as the matcher decided (undefined: archived). */
function decided(match: ReturnType<typeof matchReimport>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const id of match.kept) out.set(id, id);
  for (const move of match.moved) out.set(move.from, move.to);
  for (const id of match.archived) out.set(id, undefined);
  return out;
}

describe('matchReimport on edited seeds (property)', () => {
  const generated = generateRoadmap({
    phases: 3,
    sectionsPerPhase: 3,
    itemsPerSection: 6,
    subItemsPerItem: 1,
    seed: 7,
  });
  const cases = [
    ...SEEDS.map((seed) => ({ name: seed, text: importBundled(seed).text })),
    { name: 'a generated roadmap', text: generated },
    // Without its numbering: slug ids, and titles drawn from a small vocabulary (many near-duplicates).
    { name: 'a generated roadmap without numbering', text: withoutNumbering(generated) },
  ];
  for (const { name, text } of cases) {
    it(`follows every item of ${name} through extended, reworded, moved, inserted and deleted lines`, () => {
      const roadmap = importText(text).roadmap;
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
          const edited = applyEdits(text, edits);
          if (!edited) return;
          const after = importText(edited.text).roadmap.nodes;
          const expected = expectedIds(roadmap.nodes, after, edited.lineMap);
          if (!expected) return; // an edit changed what a line is: not an identity question
          const match = matchReimport(roadmap.nodes, after);
          const got = decided(match);
          for (const [from, to] of expected) {
            expect(got.get(from), `${from} after ${edited.describe}`).toBe(to);
          }
          const newByLine = idsByLine(after);
          for (const line of edited.insertedLines) {
            const id = newByLine.get(line)?.id as string;
            expect(match.added, `inserted item after ${edited.describe}`).toContain(id);
          }
        }),
        { numRuns: 60, seed: 20261201 },
      );
    }, 60_000);
  }
});
