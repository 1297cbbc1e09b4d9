import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allNodes, findByTitle, importText } from '../../testing/load-seed.js';
import type { Node } from '../model/roadmap.js';
import { importVerdict, verdictText } from './import-verdict.js';

/** Issue 12: the importer reads a roadmap as a learner does. Each fixture is a minimal synthetic shape. */

const trackableTitles = (nodes: Node[]) =>
  allNodes(nodes)
    .filter((node) => node.trackable)
    .map((n) => n.title);
const untracked = (node: Node) => allNodes([node]).every((inner) => !inner.trackable);

describe('navigation is never work', () => {
  const tocTitles = [
    'Tabela de conteúdo',
    '目录',
    'Índice',
    'Inhaltsverzeichnis',
    'Table des matières',
    'Содержание',
  ];
  it.each(tocTitles)('a table of contents titled "%s" is not trackable', (heading) => {
    const { roadmap } = importText(
      `# Plan\n\n## ${heading}\n\n- [Semana 1](#semana-1)\n  - [Dia 1](#dia-1)\n- [Semana 2](#semana-2)\n\n## Semana 1\n\n- [ ] Dia 1\n\n## Semana 2\n\n- [ ] Dia 2\n`,
    );
    expect(untracked(roadmap.nodes[0] as Node)).toBe(true);
    expect(trackableTitles(roadmap.nodes)).toEqual(['Semana 1', 'Dia 1', 'Semana 2', 'Dia 2']);
  });

  it('any list of in-document links is navigation, under any heading or none (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{2,9}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 8 }), fc.option(word), (entries, heading) => {
        const list = entries.map((entry) => `- [${entry}](#${entry.toLowerCase()})`).join('\n');
        const { roadmap } = importText(
          `# Title\n\n${heading ? `## ${heading}\n\n` : ''}${list}\n\n## Real work\n\n- [ ] Do it\n`,
        );
        expect(trackableTitles(roadmap.nodes)).toEqual(['Real work', 'Do it']);
      }),
      { numRuns: 60 },
    );
  });

  it('a "Contents" heading is not the title; a badge is not part of it; an HTML <h1> is one', () => {
    expect(importText('# Contents\n\n- [A](#a)\n\n## A\n').roadmap.title).toBe('test');
    expect(
      importText('# Awesome MLOps [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n').roadmap
        .title,
    ).toBe('Awesome MLOps');
    expect(
      importText('<h1 align="center">Data &amp; ML Roadmap</h1>\n\n## Week 1\n\n- [ ] Python\n').roadmap
        .title,
    ).toBe('Data & ML Roadmap');
  });

  it('strips agenda prefixes from titles ("[✔️][✔️] ♾️ 1 > Introduction")', () => {
    const { roadmap } = importText('# Log\n\n- [✔️][✔️] ♾️ 1 > [Introduction](Days/day01.md)\n');
    const item = roadmap.nodes[0] as Node;
    expect(item.title).toBe('Introduction');
    expect(item.id).toBe('1'); // the agenda's own number, like "3.1.4" numbering
    // As on GitHub, "[✔️][✔️]" is no task-list box (the box must be followed by a space).
    expect(item.checked).toBeUndefined();
  });
});

describe('project meta and people are not work', () => {
  const metaHeadings = [
    'Support My Work',
    'Give a Star ⭐',
    '⭐ Star History',
    'PDF version',
    'Sponsors',
    'Our Team',
    'Authors',
    'Instructors',
    'Congratulations!',
    'Disclaimer',
    'License',
    'Contributing',
    'Acknowledgements',
    '致谢',
    '免责声明',
    'Licença',
    'Agradecimientos',
  ];
  it.each(metaHeadings)('"%s" is information', (heading) => {
    const { roadmap } = importText(
      `# Plan\n\n## ${heading}\n\nSome words.\n\n- Jane Doe\n- Something else\n\n## Week 1\n\n- [ ] Python\n`,
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Week 1', 'Python']);
  });

  it('a section of profile links is people, whatever its title', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Die Leute\n\n- [Ana](https://github.com/ana)\n- [Bo](https://github.com/bo)\n\n## Topics\n\n- Git\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Topics', 'Git']);
  });

  it('a role description ("Core Competencies") is not work', () => {
    const { roadmap } = importText(
      '# Role\n\n## Core Competencies\n\n### Technical Skills\n- Deep Learning\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual([]);
  });

  it('a heading over milestones only is not itself work', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Milestones & Goals\n\n### 3-Month Goal\n- [ ] Finish basics\n\n### 6-Month Goal\n- [ ] Ship\n',
    );
    expect(findByTitle(roadmap.nodes, 'Milestones & Goals').trackable).toBe(false);
  });
});

describe('resources are material, not work', () => {
  it('a "Resources" / "References" / "Tech stack" section of links is not planned', () => {
    for (const heading of ['📚 Resources', 'References', 'Tech stack', 'Further reading']) {
      const { roadmap } = importText(
        `# Plan\n\n## Week 1: Python\n\n- [ ] Variables\n\n### ${heading}\n\n- [Docs](https://docs.python.org)\n- [Real Python](https://realpython.com)\n`,
      );
      expect(trackableTitles(roadmap.nodes), heading).toEqual(['Week 1: Python', 'Variables']);
    }
  });

  it('the entries of a community list are resources too (seed 002: "Senior engineers")', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Resources\n\n### Industry Connections\n1. Mentorship Opportunities\n   - Senior engineers\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual([]);
  });

  it('a section of only external links keeps the section as the unit and its links as resources', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Git\n\n- [Learn Git Branching](https://learngitbranching.js.org)\n- [Pro Git](https://git-scm.com/book)\n',
    );
    const git = findByTitle(roadmap.nodes, 'Git');
    expect(git.trackable).toBe(true);
    expect(git.children.map((child) => [child.kind, child.trackable])).toEqual([
      ['resource', false],
      ['resource', false],
    ]);
  });

  it('"Video" and "GitHub repository" child links are links of the item above', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Week 1\n\n- Linear regression\n  - [Video](https://youtu.be/x)\n  - [GitHub repository](https://github.com/a/b)\n  - Gradient descent\n',
    );
    const item = findByTitle(roadmap.nodes, 'Linear regression');
    expect(item.links?.map((link) => link.text)).toEqual(['Video', 'GitHub repository']);
    expect(item.children.map((child) => child.title)).toEqual(['Gradient descent']);
  });

  it('"Video Generation with AI" or "Development Tools" are topics to learn, not resources', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Phase 1\n\n### Video Generation with AI\n- [ ] Frame interpolation\n\n### Development Tools\n- [ ] Docker basics\n',
    );
    expect(allNodes(roadmap.nodes).filter((node) => node.kind === 'resource')).toEqual([]);
  });
});

describe('tables', () => {
  it('a table whose rows are attributes (Start, Lectures, Cost, Register) is information', () => {
    const { roadmap } = importText(
      '# Course\n\n## Options\n\n| | Live cohort | Self-paced |\n| --- | --- | --- |\n| Start | 1 March | any time |\n| Lectures | live | recorded |\n| Cost | $300 | free |\n| Register | [here](https://x.org) | [here](https://y.org) |\n\n## Week 1\n\n- [ ] Intro\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Options', 'Week 1', 'Intro']);
    expect(allNodes(roadmap.nodes).filter((node) => node.title === 'Cost')[0]?.kind).toBe('info');
  });

  it('an Effort column in hours per week times the duration in weeks gives the hours', () => {
    const { roadmap } = importText(
      '# CS\n\n## Core\n\n| Courses | Duration | Effort |\n| --- | --- | --- |\n| [Intro CS](https://x.org) | 13 weeks | 6-9 hours/week |\n',
    );
    expect(findByTitle(roadmap.nodes, 'Intro CS').duration).toEqual({ min: 78, max: 117, unit: 'hours' });
  });
});

describe('schedules, horizons and weekly effort', () => {
  it('reads "## 数据预处理 | 第1天", "Module 3", "Semana 2" and "Topic - Day 4"', () => {
    const { roadmap } = importText(
      '# 100天\n\n## 数据预处理 | 第1天\n\n- 导入库\n\n## 简单线性回归 | 第2天\n\n- 模型\n',
    );
    expect(roadmap.nodes.map((node) => [node.kind, node.duration, node.meta?.schedule])).toEqual([
      ['phase', { min: 1, max: 1, unit: 'days' }, '第1天'],
      ['phase', { min: 1, max: 1, unit: 'days' }, '第2天'],
    ]);
    const modules = importText('# C\n\n## Module 1: Intro\n\n## Module 2: Loops\n').roadmap.nodes;
    expect(modules.map((node) => [node.kind, node.meta?.schedule, node.duration])).toEqual([
      ['phase', 'Module 1', undefined],
      ['phase', 'Module 2', undefined],
    ]);
    expect(importText('# P\n\n## Semana 2\n').roadmap.nodes[0]?.duration).toEqual({
      min: 1,
      max: 1,
      unit: 'weeks',
    });
    expect(
      importText('# P\n\n## Basics\n\n- Loops - Day 4\n').roadmap.nodes[0]?.children[0]?.meta?.schedule,
    ).toBe('Day 4');
  });

  it.each([
    ['# 90DaysOfDevOps', 90],
    ['# Machine Learning: a 9-Week Course', 63],
    ['# Data Science Roadmap (6 Months)', 180],
    ['# Self-taught CS\n\nExpect it to take ~12–15 months.', 450],
    ['# 100天搞定机器学习', 100],
  ])('"%s" has a horizon of %i days', (text, days) => {
    expect(importText(`${text}\n\n## Week 1\n\n- [ ] A\n`).roadmap.goal?.horizonDays).toBe(days);
  });

  it('reads "about 2 years … 20 hours/week" as horizon and weekly hours', () => {
    const { roadmap } = importText(
      '# CS Curriculum\n\nIt takes about 2 years if you study 20 hours/week.\n\n## Core\n\n- [ ] A\n',
    );
    expect(roadmap.goal).toEqual({ horizonDays: 730, weeklyHours: 20 });
  });

  it('a heading holding the whole plan with a horizon is no item of its own', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Data Science Roadmap (6 Months)\n\n### Week 1\n- [ ] Python\n\n### Week 2\n- [ ] Pandas\n',
    );
    const container = roadmap.nodes[0] as Node;
    expect(container.trackable).toBe(false);
    expect(container.duration).toBeUndefined();
    expect(roadmap.goal?.horizonDays).toBe(180);
    expect(trackableTitles(roadmap.nodes)).toEqual(['Week 1', 'Python', 'Week 2', 'Pandas']);
  });
});

describe('electives and optional work', () => {
  it('"Choose one of the following" makes the list a choice of one', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Capstone\n\nChoose one of the following:\n\n- Web app\n- CLI tool\n- Game\n',
    );
    expect(findByTitle(roadmap.nodes, 'Capstone').choose).toEqual({ min: 1, max: 1 });
  });

  it('a list introduced as electives inside a longer section gets its own group', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Advanced\n\n- [ ] Required one\n\nThe courses below are electives:\n\n- [ ] Compilers\n- [ ] Networks\n',
    );
    const advanced = findByTitle(roadmap.nodes, 'Advanced');
    expect(advanced.choose).toBeUndefined();
    const group = advanced.children[1] as Node;
    expect(group.choose).toEqual({ min: 0, max: 2 });
    expect(group.children.map((child) => child.title)).toEqual(['Compilers', 'Networks']);
  });

  it('"Courses in Advanced CS are electives" and "a sample of options" plan none until chosen', () => {
    for (const prose of ['Courses in Advanced CS are electives.', 'Here is a sample of options.']) {
      const { roadmap } = importText(`# CS\n\n## Advanced CS\n\n${prose}\n\n### Compilers\n\n### Networks\n`);
      expect(findByTitle(roadmap.nodes, 'Advanced CS').choose, prose).toEqual({ min: 0, max: 2 });
    }
  });

  it('"[personal recommendation]" makes its list a choice of one, the recommendation flagged', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Pick a book\n\n- Book A\n- Book B [personal recommendation]\n- Book C\n',
    );
    const group = findByTitle(roadmap.nodes, 'Pick a book');
    expect(group.choose).toEqual({ min: 1, max: 1 });
    expect(group.children[1]?.title).toBe('Book B');
    expect(group.children[1]?.meta?.recommended).toBe('true');
  });

  it('"(optional)", "[optional]" and "Optional:" flag one item as optional', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Week 1\n\n- [ ] Notebook (optional)\n- [ ] [optional] Extra reading on graphs\n- [ ] Optional: Kaggle\n- [ ] Core\n',
    );
    expect(
      findByTitle(roadmap.nodes, 'Week 1').children.map((child) => [child.title, child.meta?.optional]),
    ).toEqual([
      ['Notebook', 'true'],
      ['Extra reading on graphs', 'true'],
      ['Kaggle', 'true'],
      ['Core', undefined],
    ]);
  });
});

describe('the verdict on import', () => {
  it('says what was found and what is left out', () => {
    const { roadmap } = importText(
      '# CS\n\n## Contents\n\n- [Core](#core)\n- [Advanced](#advanced)\n\n## Core\n\n| Courses | Duration |\n| --- | --- |\n| [Intro](https://a.org) | 4 weeks |\n| [Data](https://b.org) | 6 weeks |\n\n### Resources\n\n- [Book](https://c.org)\n\n## Advanced\n\nCourses in Advanced CS are electives.\n\n### Compilers\n\n- [ ] Parsing\n\n### Networks\n\n- [ ] TCP\n',
    );
    expect(verdictText(importVerdict(roadmap))).toBe(
      '2 courses, 2 topics in 3 sections, 1 elective group; 2 navigation links, 1 resource link and 1 note left out of the plan',
    );
  });

  it('warns, without failing, for a link collection and for content kept in images', () => {
    const links = Array.from({ length: 30 }, (_, i) => `- [Tool ${i}](https://tool${i}.dev) - a tool`);
    const awesome = importText(`# Awesome tools\n\n## Tools\n\n${links.join('\n')}\n`);
    expect(awesome.warnings.map((w) => w.message).join('\n')).toMatch(/nothing to track here.*Did you mean/s);
    const images = importText(
      '# Roadmap\n\n![step 1](img/1.png)\n\n![step 2](img/2.png)\n\n![step 3](img/3.png)\n\n## Disclaimer\n\nMine.\n\n## Supported By\n\n- ACME\n',
    );
    expect(images.warnings.map((w) => w.message).join('\n')).toMatch(/content in images \(3 of them\)/);
    expect(importText('# R\n\n![badge](https://img.shields.io/x.svg)\n\n- [ ] a\n').warnings).toEqual([]);
  });
});

describe('shapes seen in real roadmaps', () => {
  it('a "Table of Contents" that holds the chapters is the curriculum and does not swallow what follows', () => {
    const { roadmap } = importText(
      '# Book\n\n# Table of Contents\n\n| Chapter | Code |\n| --- | --- |\n| Ch 1: Basics | [ch01](ch01/) |\n| Ch 2: Models | [ch02](ch02/) |\n\n## Bonus Material\n\n- [Extra](bonus/)\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(
      expect.arrayContaining(['Ch 1: Basics', 'Ch 2: Models', 'Bonus Material']),
    );
  });

  it('an opening heading over prose only is the title when there is no "#" title', () => {
    const { roadmap } = importText(
      '## Zero to Hero\n\nA course on neural networks.\n\n## Lecture 1\n\n- [ ] Backprop\n',
    );
    expect([roadmap.title, roadmap.summary]).toEqual(['Zero to Hero', 'A course on neural networks.']);
    expect(importText('## Week 1\n\nWarm up.\n\n## Week 2\n').roadmap.title).toBe('test');
  });

  it('reads a banner <h2> as the title and material links by their words', () => {
    expect(
      importText('<p align="center">\n  <h2 align="center">i.am.ai<br>AI Roadmap</h2>\n</p>\n\n## A\n')
        .roadmap.title,
    ).toBe('i.am.ai AI Roadmap');
    const { roadmap } = importText(
      '# C\n\n## Lectures\n\n- Lecture 1: micrograd\n  - [YouTube video lecture](https://youtu.be/a)\n  - [Jupyter notebook files](https://github.com/k/n)\n',
    );
    expect(findByTitle(roadmap.nodes, 'Lecture 1: micrograd').children).toEqual([]);
  });

  it('a day column numbers a table of lessons; a timing paragraph anywhere gives horizon and weekly hours', () => {
    const { roadmap } = importText(
      '# 100 days\n\n## 课程表\n\n| Day | 课程 |\n|---|---|\n| 1 | [数据预处理](d1.md) |\n| 2 | [简单线性回归](d2.md) |\n',
    );
    expect(findByTitle(roadmap.nodes, '数据预处理').duration).toEqual({ min: 1, max: 1, unit: 'days' });
    const ossu = importText(
      '# CS\n\n## Summary\n\n**Duration**. It is possible to finish within about 2 years if you devote roughly 20 hours/week.\n\n## Core\n\n- [ ] A\n',
    ).roadmap;
    expect(ossu.goal).toEqual({ horizonDays: 730, weeklyHours: 20 });
  });

  it('"Contributors & course staff", "Citation", "Wrap Up" and "See also" in other languages are not work', () => {
    for (const heading of [
      'Contributors & course staff',
      'Citation',
      'Wrap Up',
      'Veja também',
      'Смотрите также',
    ]) {
      const { roadmap } = importText(
        `# P\n\n## ${heading}\n\n- Someone or something\n\n## Week 1\n\n- [ ] A\n`,
      );
      expect(trackableTitles(roadmap.nodes), heading).toEqual(['Week 1', 'A']);
    }
  });
});

describe('course names are not section words', () => {
  it('"Intro CS" and "Introduction to Programming" are work; "Introduction" and "About this course" are not', () => {
    const { roadmap } = importText(
      '# CS\n\n## Introduction\n\nWelcome.\n\n- Read this first\n\n## About this course\n\n- Who we are\n\n## Intro CS\n\n### Introduction to Programming\n\n- [ ] Python\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Intro CS', 'Introduction to Programming', 'Python']);
  });
});

it('a "References" or "Community" heading over prose alone is not a unit of work', () => {
  const { roadmap } = importText(
    '# P\n\n## Week 1\n\n- [ ] A\n\n## References\n\nSee the wiki.\n\n## Community\n\nJoin us.\n',
  );
  expect(trackableTitles(roadmap.nodes)).toEqual(['Week 1', 'A']);
});
