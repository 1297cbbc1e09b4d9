import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importRoadmap } from '../src/core/markdown/import-roadmap.js';
import { linkTarget } from '../src/core/markdown/section-shape.js';
import { AUTHOR_INTRO, PROJECT_META_TITLE, TOC_TITLE } from '../src/core/markdown/section-words.js';
import { type Node, type Roadmap, walkNodes } from '../src/core/model/roadmap.js';
import type { Capacity } from '../src/core/plan/capacity.js';
import { estimateEffort } from '../src/core/plan/estimate-effort.js';
import { planRoadmap } from '../src/core/plan/plan-roadmap.js';
import { evaluateCorpus, readCorpusFile } from '../src/testing/corpus.js';
import { importBundled } from '../src/testing/load-seed.js';

/*
 * Issue 12: "never put navigation first in a plan", as a rule over every real roadmap we hold (the corpus,
 * matching or not yet, and the four bundled seeds): the first item the planner schedules is not a table of
 * contents entry, a person, or a section about the repository, nor inside one.
 */

const SEEDS = ['ai-engineer', 'ai-infra-journey-2026', 'ai-ml-career', 'dev-to-ai-engineer'];
const capacity: Capacity = { hoursByWeekday: [2, 2, 2, 2, 2, 2, 2], daysOff: [] };

/** The node and its ancestors, outermost first. */
function withAncestors(roadmap: Roadmap, id: string): Node[] {
  for (const { node, parents } of walkNodes(roadmap.nodes)) if (node.id === id) return [...parents, node];
  throw new Error(`no node ${id} in ${roadmap.id}`);
}

const PROFILE = /^https?:\/\/(?:www\.)?(?:github\.com|twitter\.com|x\.com|linkedin\.com\/in)\/[^/?#]+\/?$/i;

/** A section about the repository or its author, not about learning. */
function aboutTheProject(node: Node): string | undefined {
  const title = node.title.trim();
  if (PROJECT_META_TITLE.test(title)) return 'about the repository';
  if (AUTHOR_INTRO.test(title)) return 'about the author';
  return undefined;
}

/** Why a learner would not call this node work to start with, or undefined when it is work. */
function notWorkReason(node: Node): string | undefined {
  if (TOC_TITLE.test(node.title.trim())) return 'a table of contents';
  const about = aboutTheProject(node);
  if (about) return about;
  const links = node.links ?? [];
  if (links.length > 0 && links.every((link) => linkTarget(link.url) === 'anchor')) return 'navigation';
  if (links.length > 0 && links.every((link) => PROFILE.test(link.url)) && node.children.length === 0)
    return 'a person';
  return undefined;
}

function firstPlanned(roadmap: Roadmap): Node[] | undefined {
  const plan = planRoadmap({
    roadmap,
    effort: estimateEffort(roadmap),
    capacity,
    status: new Map(),
    today: '2026-01-05',
  });
  const first = plan.items[0];
  return first ? withAncestors(roadmap, first.nodeId) : undefined;
}

const corpus = evaluateCorpus();
const cases: { name: string; roadmap: Roadmap }[] = [
  ...corpus.files.map((file) => ({
    name: file.id,
    roadmap: importRoadmap(readCorpusFile(corpus.dir, file.entry).text, {
      path: `${file.id}.md`,
      sha256: file.entry.sha256,
    }).roadmap,
  })),
  ...SEEDS.map((name) => ({ name, roadmap: importBundled(name).roadmap })),
];

describe('the first planned item of every real roadmap is work', () => {
  it.each(cases)('$name', ({ roadmap }) => {
    const path = firstPlanned(roadmap);
    if (!path) return; // nothing to plan (a link collection): the verdict says so, nothing comes first
    const first = path[path.length - 1] as Node;
    // The item itself must be work; above it, no section about the repository or its people. A heading
    // titled "Contents" may wrap the curriculum itself (a book's chapter table), so only the item is
    // checked for navigation.
    const reasons = [
      ...path.slice(0, -1).map((node) => [node.title, aboutTheProject(node)]),
      [first.title, notWorkReason(first)],
    ].filter(([, reason]) => reason);
    expect(reasons, `first planned: ${path.map((node) => node.title).join(' > ')}`).toEqual([]);
  });
});

describe('whatever surrounds the work, the plan starts with the work (property)', () => {
  const blocks = [
    '## Tabela de conteúdo\n\n- [Semana 1](#semana-1)\n- [Semana 2](#semana-2)\n',
    '- [Intro](#intro)\n- [Setup](#setup)\n- [Lessons](#lessons)\n',
    '## 目录\n\n- [第1天](#第1天)\n- [第2天](#第2天)\n',
    '## Support My Work\n\nBuy me a coffee.\n\n- Patreon\n- Ko-fi\n',
    '## Contributors\n\n- [Ana](https://github.com/ana)\n- [Bo](https://github.com/bo)\n',
    '## Hola, mi nombre es Brais\n\n### Freelance engineer\n',
    '## Información y preguntas frecuentes\n\n- **¿Hay vídeos?**\n  - Sí.\n- **¿Cuándo?**\n  - Pronto.\n',
    '## Licença\n\nMIT\n',
    '## Becoming a student\n\nCreate an account in our app.\n',
  ];
  it('the first planned item is the first real task, never navigation, people or meta', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(blocks, { minLength: 1 }), (before) => {
        const text = `# Plan\n\n${before.join('\n')}\n## Semana 1\n\n- [ ] Instalar Python\n- [ ] Variables\n- [ ] Funciones\n`;
        const { roadmap } = importRoadmap(text, { path: 'plan.md', sha256: '0' });
        const path = firstPlanned(roadmap);
        expect(path?.map((node) => node.title)).toEqual(['Semana 1', 'Instalar Python']);
      }),
      { numRuns: 40 },
    );
  });
});
