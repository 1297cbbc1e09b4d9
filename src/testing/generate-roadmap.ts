/**
 * A deterministic generator of realistic Markdown roadmaps, shaped like the bundled seed
 * `roadmaps/ai-engineer.md`: numbered phases with a duration line, numbered sections, numbered
 * checkbox items (some with bold text and links) and nested numbered sub-items. Used by the property
 * tests, the schema test and the benchmark; the same options always give the same bytes.
 */

export interface GenerateRoadmapOptions {
  phases: number;
  sectionsPerPhase: number;
  itemsPerSection: number;
  subItemsPerItem: number;
  /** Share of checkboxes that are ticked (`[x]`), 0..1; default 0. */
  checkedRatio?: number;
  /** Seed of the pseudo-random choices (titles, ticks, links); default 1. */
  seed?: number;
}

/** How many checkbox items `generateRoadmap(options)` writes. */
export function generatedCheckboxCount(options: GenerateRoadmapOptions): number {
  const { phases, sectionsPerPhase, itemsPerSection, subItemsPerItem } = normalize(options);
  return phases * sectionsPerPhase * itemsPerSection * (1 + subItemsPerItem);
}

const PHASE_TOPICS = [
  'Foundation (Mathematics & Programming)',
  'Core Machine Learning',
  'Deep Learning Fundamentals',
  'Advanced Deep Learning',
  'Natural Language Processing & Large Language Models',
  'Computer Vision & Generative AI',
  'MLOps & Production Deployment',
  'Specialization & Cutting-Edge Research',
  'Portfolio Projects & Real-World Applications',
  'Distributed Systems & Infrastructure',
];

const SECTION_TOPICS = [
  'Mathematics Fundamentals',
  'Python Programming',
  'Tools & Environment',
  'Data Preprocessing',
  'Supervised Learning - Regression',
  'Unsupervised Learning',
  'Model Selection & Evaluation',
  'Neural Networks Basics',
  'Transformers & Attention',
  'Model Deployment',
  'Monitoring & Maintenance',
  'Research Skills',
];

const WORDS = [
  'linear',
  'algebra',
  'gradient',
  'descent',
  'vectors',
  'matrices',
  'regression',
  'classification',
  'embeddings',
  'attention',
  'tokenization',
  'optimization',
  'evaluation',
  'pipelines',
  'deployment',
  'containers',
  'monitoring',
  'inference',
  'fine-tuning',
  'retrieval',
  'agents',
  'probability',
  'statistics',
  'clustering',
  'networks',
  'convolutions',
  'diffusion',
  'scaling',
  'caching',
  'profiling',
];

const BOLD = [
  'PyTorch',
  'NumPy',
  'Pandas',
  'Docker',
  'Kubernetes',
  'LangChain',
  'Hugging Face',
  'SQL',
  'Git',
];
const EMOJI = ['🚀', '📚', '🧠', '🛠️', '📈', '🎯'];

/** mulberry32: a small, fast, deterministic PRNG (not for security). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalize(options: GenerateRoadmapOptions): Required<GenerateRoadmapOptions> {
  const count = (value: number) => Math.max(0, Math.floor(value));
  return {
    phases: count(options.phases),
    sectionsPerPhase: count(options.sectionsPerPhase),
    itemsPerSection: count(options.itemsPerSection),
    subItemsPerItem: count(options.subItemsPerItem),
    checkedRatio: Math.min(1, Math.max(0, options.checkedRatio ?? 0)),
    seed: options.seed ?? 1,
  };
}

/** Generates a roadmap in the shape of the bundled seeds; deterministic for given options. */
export function generateRoadmap(options: GenerateRoadmapOptions): string {
  const { phases, sectionsPerPhase, itemsPerSection, subItemsPerItem, checkedRatio, seed } =
    normalize(options);
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const box = () => (random() < checkedRatio ? '[x]' : '[ ]');
  const words = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(pick(WORDS));
    const text = out.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const phaseTitle = (n: number) => PHASE_TOPICS[(n - 1) % PHASE_TOPICS.length] as string;

  const out: string[] = [];
  out.push(`# ${pick(EMOJI)} Complete Generated Roadmap (seed ${seed})`);
  out.push('*Your journey from the basics to building real systems*', '', '---', '');
  if (phases > 0) {
    out.push('## 📋 Table of Contents');
    for (let p = 1; p <= phases; p++) {
      const title = `Phase ${p}: ${phaseTitle(p)}`;
      const anchor = `${p}-${title}`
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-');
      out.push(`${p}. [${title}](#${anchor})`);
    }
    out.push('', '---', '');
  }

  for (let p = 1; p <= phases; p++) {
    const low = 2 + Math.floor(random() * 8);
    out.push(`## ${p}. Phase ${p}: ${phaseTitle(p)}`);
    out.push(`*Duration: ${low}-${low + 2} weeks*`, '');
    for (let s = 1; s <= sectionsPerPhase; s++) {
      out.push(
        `### ${p}.${s} ${SECTION_TOPICS[((p - 1) * sectionsPerPhase + s - 1) % SECTION_TOPICS.length]}`,
      );
      for (let k = 1; k <= itemsPerSection; k++) {
        const number = `${p}.${s}.${k}`;
        const style = random();
        let title: string;
        if (style < 0.35) {
          title = `**${pick(BOLD)}** ${words(1, 3).toLowerCase()} with a [link](https://example.com/${number})`;
        } else if (style < 0.5) {
          title = `${words(2, 4)} (\`${pick(WORDS)}\`)`;
        } else {
          title = words(2, 6);
        }
        out.push(`- ${box()} ${number} ${title}`);
        for (let j = 1; j <= subItemsPerItem; j++) out.push(`  - ${box()} ${number}.${j} ${words(1, 5)}`);
      }
      out.push('');
    }
    out.push('---', '');
  }

  out.push(
    '**Remember**: a roadmap is a marathon, not a sprint. Stay consistent and keep building!',
    '',
    '*Last Updated: January 15, 2026*',
    '',
  );
  return out.join('\n');
}

/**
 * A generated roadmap of at least `bytes` bytes (UTF-8), with the seed's proportions (6 sections of
 * 8 items with 3 sub-items each per phase): 1 MB gives 15,000+ checkbox items.
 */
export function generateRoadmapOfSize(bytes: number, seed = 1): string {
  const base = { sectionsPerPhase: 6, itemsPerSection: 8, subItemsPerItem: 3, checkedRatio: 0.3, seed };
  const size = (text: string) => Buffer.byteLength(text, 'utf8');
  const one = size(generateRoadmap({ ...base, phases: 1 }));
  let phases = Math.max(1, Math.ceil(bytes / one));
  let text = generateRoadmap({ ...base, phases });
  while (size(text) < bytes) {
    phases += Math.max(1, Math.ceil((bytes - size(text)) / one));
    text = generateRoadmap({ ...base, phases });
  }
  return text;
}
