import { describe, expect, it } from 'vitest';
import { allNodes, findByTitle, importBundled } from '../../testing/load-seed.js';
import { electiveOptions } from '../model/roadmap.js';

const MOJIBAKE =
  /[ÃÂâðğ][\u0080-\u00BF\u20AC\u201A-\u2122\u0152\u0153\u0160\u0161\u0178\u017D\u017E]|Ÿ|\uFFFD/;

describe('seed 001: Complete AI Engineer Roadmap', () => {
  const { roadmap, text, warnings } = importBundled('ai-engineer');
  const nodes = allNodes(roadmap.nodes);
  const byId = new Map(nodes.map((node) => [node.id, node]));

  it('has a clean title, a summary and keeps "Last Updated" in meta', () => {
    expect(roadmap.title).toBe('Complete AI Engineer Roadmap');
    expect(roadmap.summary).toBe('Your journey to becoming a world-class AI Engineer');
    expect(roadmap.meta?.lastUpdated).toBe('January 15, 2026');
    expect(warnings).toEqual([]);
  });

  it('finds the 10 phases with their durations in order', () => {
    const phases = roadmap.nodes.filter((node) => node.kind === 'phase');
    expect(phases.map((phase) => phase.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const weeks = phases.map((phase) =>
      phase.duration && 'min' in phase.duration
        ? `${phase.duration.min}-${phase.duration.max} ${phase.duration.unit}`
        : 'ongoing',
    );
    expect(weeks).toEqual([
      '6-8 weeks',
      '8-10 weeks',
      '8-10 weeks',
      '6-8 weeks',
      '10-12 weeks',
      '8-10 weeks',
      '10-12 weeks',
      '6-8 weeks',
      'ongoing',
      'ongoing',
    ]);
    expect(phases[0]?.title).toBe('Phase 1: Foundation (Mathematics & Programming)');
  });

  it('turns each of the 515 checkbox lines into an unchecked node whose id is its own number', () => {
    const boxLines = text.split('\n').filter((line) => /^\s*- \[ \] /.test(line));
    expect(boxLines).toHaveLength(515);
    const boxed = nodes.filter((node) => node.checked !== undefined);
    expect(boxed).toHaveLength(515);
    expect(boxed.every((node) => node.checked === false)).toBe(true);
    for (const line of boxLines) {
      const number = /- \[ \] ([\d.]+) /.exec(line)?.[1] ?? '';
      expect(byId.get(number), number).toBeDefined();
    }
    expect(byId.get('3.1.4.2')?.title).toBe('Momentum');
  });

  it('nests items as in the source', () => {
    expect(byId.get('3.1.4')?.children.map((child) => child.id)).toEqual([
      '3.1.4.1',
      '3.1.4.2',
      '3.1.4.3',
      '3.1.4.4',
    ]);
    expect(byId.get('3')?.children.map((child) => child.id)).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5']);
    expect(byId.get('1.1.1')?.source).toEqual({ line: 30, endLine: 34 });
  });

  it('makes the goals of section 12 milestones due 3, 6, 9, 12 and 18 months after the start', () => {
    const milestones = byId.get('12')?.children ?? [];
    expect(milestones.map((node) => node.kind)).toEqual(Array(5).fill('milestone'));
    expect(milestones.map((node) => node.due?.after)).toEqual(
      [3, 6, 9, 12, 18].map((value) => ({ value, unit: 'months' })),
    );
    expect(milestones[0]?.children.map((node) => node.kind)).toEqual(['topic', 'topic', 'topic', 'topic']);
    expect(milestones.every((node) => node.trackable)).toBe(true);
  });

  it('makes section 13 a routine: habit items, blocks with hours and recurrence', () => {
    const blocks = byId.get('13')?.children ?? [];
    expect(blocks.map((block) => [block.title, block.hours, block.recurrence])).toEqual([
      ['Morning', { min: 1, max: 2 }, 'daily'],
      ['Afternoon', { min: 2, max: 3 }, 'daily'],
      ['Evening', { min: 1, max: 1 }, 'daily'],
      ['Weekend', undefined, 'weekly'],
    ]);
    const habits = blocks.flatMap((block) => block.children);
    expect(habits).toHaveLength(13);
    expect(habits.every((habit) => habit.kind === 'habit' && habit.recurrence !== undefined)).toBe(true);
  });

  it('makes section 16 certificates and the books and papers of 11.2 and 11.3 resources', () => {
    expect(byId.get('16')?.children.map((node) => node.kind)).toEqual(Array(6).fill('certificate'));
    const reading = [...(byId.get('11.2')?.children ?? []), ...(byId.get('11.3')?.children ?? [])];
    expect(reading).toHaveLength(13);
    expect(reading.every((node) => node.kind === 'resource' && node.trackable)).toBe(true);
    expect(byId.get('11.2.1')?.title).toBe('"Hands-On Machine Learning" by Aurélien Géron');
  });

  it('does not make the table of contents, the Pro Tips or the blank tracking template trackable', () => {
    const untracked = (id: string) => allNodes([byId.get(id) as never]).every((node) => !node.trackable);
    expect(untracked('table-of-contents')).toBe(true);
    expect(untracked('14')).toBe(true);
    expect(untracked('15')).toBe(true);
    expect(byId.get('15.3')?.kind).toBe('review');
    expect(byId.get('15.3.1')?.title).toBe('What I Learned');
  });

  it('repairs the mojibake everywhere', () => {
    expect(JSON.stringify(roadmap)).not.toMatch(MOJIBAKE);
  });

  it('issue 12: "Milestones & Goals" is no work itself, only its milestones are', () => {
    expect(byId.get('12')?.trackable).toBe(false);
    expect(byId.get('12')?.children.every((node) => node.kind === 'milestone' && node.trackable)).toBe(true);
  });

  it('issue 12: what phases 1, 3 and 7 teach is topics, not resources ("Video Generation", "Development Tools")', () => {
    // The heading words "Video", "Tools" and "Frameworks" named sections 1.3, 3.2 and 7 resources: 11 + 42
    // checkbox topics. Only the reading of section 11 (books, papers, courses lists) stays resource.
    for (const id of ['1', '3', '7']) {
      const resources = allNodes(byId.get(id)?.children ?? []).filter((node) => node.kind === 'resource');
      expect(resources, id).toEqual([]);
    }
    expect(nodes.filter((node) => node.kind === 'resource').every((node) => node.id.startsWith('11.'))).toBe(
      true,
    );
  });
});

describe('seed 000: AI Infrastructure Engineering Journey 2026', () => {
  const { roadmap } = importBundled('ai-infra-journey-2026');
  const nodes = allNodes(roadmap.nodes);

  it('reads the goal: target date, horizon and roles', () => {
    expect(roadmap.goal).toEqual({
      targetDate: '2026-03-15',
      horizonDays: 90,
      roles: [
        'AI Infrastructure Engineer',
        'Senior MLOps Engineer',
        'AI Platform Engineer',
        'Multimodal Systems Engineer',
      ],
    });
  });

  it('finds the 8 phases in order', () => {
    expect(nodes.filter((node) => node.kind === 'phase').map((node) => node.title)).toEqual([
      'Setup',
      'ML Foundations',
      'Distributed Training',
      'Model Optimization',
      'AI Infrastructure',
      'Flagship Project',
      'Multimodal Specialization',
      'Interview Prep & Application Sprint',
    ]);
    expect(nodes.filter((node) => node.kind === 'phase').every((node) => node.trackable)).toBe(true);
  });

  it('makes the five certificate providers certificate nodes', () => {
    expect(nodes.filter((node) => node.kind === 'certificate').map((node) => node.title)).toEqual([
      'DeepLearning.AI short courses',
      'Hugging Face courses',
      'NVIDIA DLI courses',
      'Microsoft Learn badges',
      'Google Cloud Skills Boost paths',
    ]);
  });

  it('repairs the Windows-1254 mojibake everywhere, titles included', () => {
    const json = JSON.stringify(roadmap);
    expect(json).not.toMatch(MOJIBAKE);
    expect(roadmap.summary).toContain('certificate\u2011driven');
    expect(findByTitle(roadmap.nodes, 'Roadmap Overview').kind).toBe('info');
    expect(findByTitle(roadmap.nodes, 'Certificates Earned')).toBeDefined();
  });
});

describe('seed 002: AI/ML Engineer Career Roadmap', () => {
  const { roadmap } = importBundled('ai-ml-career');
  const nodes = allNodes(roadmap.nodes);

  it('finds the four phases with their durations and the sub-sections with theirs', () => {
    const phases = nodes.filter((node) => node.kind === 'phase');
    expect(phases.map((phase) => [phase.title, phase.duration])).toEqual([
      ['Foundation Phase', { min: 4, max: 4, unit: 'weeks' }],
      ['Phase 1: Core Mathematics & Programming', { min: 4, max: 5, unit: 'months' }],
      ['Phase 2: Machine Learning & Deep Learning', { min: 5, max: 6, unit: 'months' }],
      ['Phase 3: Production & Deployment', { min: 4, max: 5, unit: 'months' }],
    ]);
    const maths = findByTitle(roadmap.nodes, 'Mathematics for ML');
    expect(maths.kind).toBe('section');
    expect(maths.duration).toEqual({ min: 8, max: 8, unit: 'weeks' });
  });

  it('makes the 11 courses course nodes with URL, platform, free-to-audit flag, topics and projects', () => {
    const courses = nodes.filter((node) => node.kind === 'course');
    expect(courses).toHaveLength(11);
    expect(courses.every((course) => course.meta?.platform === 'Coursera')).toBe(true);
    expect(courses.every((course) => course.links?.[0]?.url.startsWith('https://www.coursera.org/'))).toBe(
      true,
    );
    expect(courses.filter((course) => course.meta?.freeToAudit === 'true')).toHaveLength(10);
    const maths = findByTitle(roadmap.nodes, 'Mathematics for Machine Learning Specialization');
    expect(maths.children.map((child) => `${child.kind}:${child.title}`)).toEqual([
      'topic:Linear Algebra',
      'topic:Calculus',
      'topic:Probability',
      'topic:Statistics',
      'project:Implement mathematical algorithms',
      'project:Build statistical models',
    ]);
    const first = findByTitle(roadmap.nodes, 'AI for Everyone by Andrew Ng');
    expect(first.kind).toBe('course');
    expect(first.duration).toEqual({ min: 4, max: 4, unit: 'weeks' });
    expect(first.children).toHaveLength(4);
  });

  it('makes the six portfolio projects project nodes with their steps beneath', () => {
    const portfolio = findByTitle(roadmap.nodes, 'Required Projects Portfolio');
    const projects = allNodes(portfolio.children).filter((node) => node.kind === 'project');
    expect(projects.map((project) => project.title)).toEqual([
      'Classification System',
      'Regression Analysis',
      'Computer Vision Application',
      'NLP System',
      'End-to-End ML System',
      'Research Implementation',
    ]);
    expect(projects[0]?.children.map((child) => child.kind)).toEqual(['topic', 'topic', 'topic']);
  });

  it('issue 12: the sixteen "Core Competencies" describe the role and are not work', () => {
    const competencies = findByTitle(roadmap.nodes, 'Core Competencies');
    expect(allNodes(competencies.children)).toHaveLength(18); // two headings, 8 + 8 keywords
    expect(allNodes([competencies]).every((node) => node.kind === 'info' && !node.trackable)).toBe(true);
  });

  it('issue 12: of "Resources" only the reading is work; communities, tools and people are not', () => {
    const resources = findByTitle(roadmap.nodes, 'Resources');
    const work = allNodes([resources]).filter((node) => node.trackable);
    // The three books and the three kinds of papers under "Essential Reading", and their two lists.
    expect(work.map((node) => node.title)).toEqual([
      'Essential Reading',
      'Technical Books',
      '"Deep Learning" by Ian Goodfellow',
      '"Pattern Recognition and Machine Learning" by Christopher Bishop',
      '"Hands-On Machine Learning" by Aurélien Géron',
      'Research Papers',
      'Key architecture papers',
      'Fundamental algorithms',
      'State-of-the-art methods',
    ]);
    expect(findByTitle(roadmap.nodes, 'Senior engineers').trackable).toBe(false);
    expect(findByTitle(roadmap.nodes, 'Reddit r/MachineLearning').trackable).toBe(false);
  });

  it('makes the three certifications certificate nodes with their links', () => {
    const certificates = nodes.filter((node) => node.kind === 'certificate');
    expect(certificates.map((node) => [node.title, node.links?.[0]?.url])).toEqual([
      ['TensorFlow Developer Certificate', 'https://www.tensorflow.org/certificate'],
      [
        'AWS Machine Learning Specialty',
        'https://aws.amazon.com/certification/certified-machine-learning-specialty/',
      ],
      [
        'Google Professional Machine Learning Engineer',
        'https://cloud.google.com/certification/machine-learning-engineer',
      ],
    ]);
  });
});

describe('seed 003: Software Developer to AI Engineer Learning Path', () => {
  const { roadmap } = importBundled('dev-to-ai-engineer');
  const nodes = allNodes(roadmap.nodes);

  it('finds the three stages as phases with their durations', () => {
    const phases = nodes.filter((node) => node.kind === 'phase');
    expect(phases.map((phase) => [phase.title, phase.duration])).toEqual([
      ['Core AI/ML Foundations', { min: 12, max: 16, unit: 'weeks' }],
      ['Engineering for AI', { min: 8, max: 10, unit: 'weeks' }],
      ['Specialized Areas', { min: 6, max: 8, unit: 'weeks' }],
    ]);
  });

  it('makes "Specialized Areas (Choose 1-2)" an elective group over its three options', () => {
    const group = findByTitle(roadmap.nodes, 'Specialized Areas');
    expect(group.choose).toEqual({ min: 1, max: 2 });
    expect(electiveOptions(group).map((option) => option.title)).toEqual([
      'LLM Applications',
      'Computer Vision',
      'NLP & Transformers',
    ]);
  });

  it('keeps the nine module links', () => {
    const modules = nodes.filter((node) => node.links?.some((link) => link.url.startsWith('../modules/')));
    expect(modules).toHaveLength(9);
    expect(modules[0]?.links).toEqual([
      { text: 'Machine Learning Basics', url: '../modules/machine-learning-basics/README.md' },
    ]);
  });

  it('makes the nine recommended projects project nodes', () => {
    expect(nodes.filter((node) => node.kind === 'project')).toHaveLength(9);
  });
});

describe('every seed', () => {
  it.each(['ai-engineer', 'ai-infra-journey-2026', 'ai-ml-career', 'dev-to-ai-engineer'])(
    '%s: imports twice to byte-identical JSON with unique ids',
    (name) => {
      const first = JSON.stringify(importBundled(name).roadmap);
      expect(JSON.stringify(importBundled(name).roadmap)).toBe(first);
      const ids = allNodes(importBundled(name).roadmap.nodes).map((node) => node.id);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});
