import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type GenerateRoadmapOptions, generateRoadmap } from '../../testing/generate-roadmap.js';
import { importBundled, importText, ROADMAPS_DIR } from '../../testing/load-seed.js';
import type { Roadmap } from '../model/roadmap.js';

/*
 * The published contract: what `waymark inspect FILE --json` prints validates against
 * schema/roadmap.schema.json, for every bundled roadmap and for generated and edge-case ones.
 */

const SCHEMA_PATH = join(ROADMAPS_DIR, '..', 'schema', 'roadmap.schema.json');

function loadValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { $schema?: string };
  // ajv is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the class.
  const ajv = String(schema.$schema ?? '').includes('2020-12')
    ? new Ajv2020.default({ allErrors: true, strict: true })
    : new Ajv.default({ allErrors: true, strict: true });
  return ajv.compile(schema);
}

/** The roadmap as the CLI prints it (through JSON, so `undefined` fields vanish as they do there). */
function asJson(roadmap: Roadmap): unknown {
  return JSON.parse(JSON.stringify(roadmap));
}

const BUNDLED = ['ai-engineer', 'ai-infra-journey-2026', 'ai-ml-career', 'dev-to-ai-engineer'];

const GENERATED: GenerateRoadmapOptions[] = [
  { phases: 0, sectionsPerPhase: 0, itemsPerSection: 0, subItemsPerItem: 0 },
  { phases: 1, sectionsPerPhase: 1, itemsPerSection: 1, subItemsPerItem: 0 },
  { phases: 3, sectionsPerPhase: 4, itemsPerSection: 5, subItemsPerItem: 2, checkedRatio: 0.5, seed: 7 },
  { phases: 10, sectionsPerPhase: 6, itemsPerSection: 8, subItemsPerItem: 3, checkedRatio: 1, seed: 42 },
  { phases: 2, sectionsPerPhase: 0, itemsPerSection: 9, subItemsPerItem: 9, seed: 3 },
];

const EDGE_CASES: Record<string, string> = {
  empty: '',
  'plain prose': 'Just some prose.\n\nAnd another paragraph without any structure.\n',
  'front matter goal':
    '---\ntitle: Plan\ntarget: 2027-01-31\nweeklyHours: 10\nroles: [ML Engineer]\n---\n# T\n- [x] a\n',
  'broken front matter': '---\ntitle: [unclosed\n---\n# T\n- [ ] a\n',
  'table with status':
    '# R\n\n## Courses\n\n| Course | Platform | Duration | Status |\n|---|---|---|---|\n| CS50 | edX | 12 weeks | ✅ |\n',
  'routine and milestones':
    '# R\n\n## Daily Routine\n- Morning (1-2 hours): read\n\n## Milestones\n### 3-Month Goal\n- [ ] Ship a project\n',
  'elective group': '# R\n\n## Electives (Choose 1-2)\n- [ ] A\n- [ ] B\n- [ ] C\n',
  'deep nesting': Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i + 1}`).join('\n'),
};

describe('roadmap JSON schema', () => {
  it('the schema exists', () => {
    expect(existsSync(SCHEMA_PATH), `${SCHEMA_PATH} is missing`).toBe(true);
  });

  it.each(BUNDLED)('bundled roadmap %s validates', (name) => {
    const validate = loadValidator();
    const { roadmap } = importBundled(name);
    const valid = validate(asJson(roadmap));
    expect(validate.errors ?? [], `${name}: schema errors`).toEqual([]);
    expect(valid).toBe(true);
  });

  it('every bundled roadmap is covered', () => {
    const files = readdirSync(ROADMAPS_DIR)
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.replace(/\.md$/, ''));
    expect(files.sort()).toEqual([...BUNDLED].sort());
  });

  it.each(GENERATED.map((options) => [JSON.stringify(options), options] as const))(
    'generated roadmap %s validates',
    (_label, options) => {
      const validate = loadValidator();
      const { roadmap } = importText(generateRoadmap(options));
      const valid = validate(asJson(roadmap));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it.each(Object.entries(EDGE_CASES))('edge case "%s" validates', (_name, markdown) => {
    const validate = loadValidator();
    const { roadmap } = importText(markdown);
    const valid = validate(asJson(roadmap));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  // Once-known bugs: the output broke the schema.
  it('"0-Month Goal" has no due offset, and a warning says why', () => {
    const validate = loadValidator();
    const { roadmap, warnings } = importText('# R\n\n### 0-Month Goal\n- [ ] a\n');
    expect(validate(asJson(roadmap))).toBe(true);
    expect(roadmap.nodes[0]?.kind).toBe('milestone');
    expect(roadmap.nodes[0]?.due).toBeUndefined();
    expect(warnings).toEqual([{ line: 3, message: expect.stringContaining('0-Month Goal') }]);
  });

  it.each([
    ['.inf', 2],
    ['-3', 2],
    ['ten', 2],
    ['200', 2],
  ])('front matter "weeklyHours: %s" is ignored with a warning naming its line', (value, line) => {
    const validate = loadValidator();
    const { roadmap, warnings } = importText(`---\nweeklyHours: ${value}\n---\n# R\n`);
    expect(validate(asJson(roadmap))).toBe(true);
    expect(roadmap.goal?.weeklyHours).toBeUndefined();
    expect(warnings).toEqual([{ line, message: expect.stringContaining('weeklyHours') }]);
  });

  it('front matter "horizonDays: 1.5" is ignored (a whole number of days), a good one is kept', () => {
    const validate = loadValidator();
    const bad = importText('---\ntitle: R\nhorizonDays: 1.5\n---\n# R\n');
    expect(validate(asJson(bad.roadmap))).toBe(true);
    expect(bad.roadmap.goal?.horizonDays).toBeUndefined();
    expect(bad.warnings.map((warning) => warning.line)).toEqual([3]);
    const good = importText('---\nweeklyHours: 7.5\nhorizonDays: 90\n---\n# R\n');
    expect(good.roadmap.goal).toEqual({ weeklyHours: 7.5, horizonDays: 90 });
    expect(good.warnings).toEqual([]);
  });
});

describe('issue 12: the learner-reading shapes and corrections stay within the contract', () => {
  it('elective groups without a count, optional items, horizons and a corrected model validate', async () => {
    const validate = loadValidator();
    const { applyCorrections } = await import('../progress/corrections.js');
    const { roadmap } = importText(
      '# CS (about 2 years, 20 hours/week)\n\n## Contents\n\n- [Core](#core)\n\n## Core\n\nCourses below are electives.\n\n### A\n\n- [ ] a (optional)\n\n### B\n\n- [ ] b [personal recommendation]\n- [ ] c\n',
    );
    expect(validate(asJson(roadmap)), JSON.stringify(validate.errors)).toBe(true);
    const corrected = applyCorrections(
      roadmap,
      new Map([
        ['core', { exclude: true }],
        ['contents', { exclude: false, kind: 'topic' as const }],
      ]),
    );
    expect(validate(asJson(corrected)), JSON.stringify(validate.errors)).toBe(true);
  });
});
