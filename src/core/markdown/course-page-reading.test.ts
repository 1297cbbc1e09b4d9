import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allNodes, findByTitle, importText } from '../../testing/load-seed.js';
import type { Node } from '../model/roadmap.js';
import { importVerdict, verdictText } from './import-verdict.js';
import { INTRODUCTION_TITLE, PROJECT_META_TITLE } from './section-words.js';

/**
 * Course pages read like a learner: the rules of a course, advice among the instructions, a progress
 * report, pointers to other sites, introductions in other languages and the material around a Chinese
 * curriculum are not work (issue 12, corpus files 27, 29, 32, 33, 34, 35).
 */

const trackable = (nodes: Node[]) =>
  allNodes(nodes)
    .filter((node) => node.trackable)
    .map((node) => node.title);

const units = (nodes: Node[]) =>
  allNodes(nodes)
    .filter((node) => node.trackable && node.children.every((child) => !child.trackable))
    .map((node) => node.title);

describe('the rules of a course are not work', () => {
  it.each([
    ['Academic Integrity', 'Codestyle'],
    ['Honor code', 'Style guide'],
    ['Академическая честность', 'Оформление кода'],
    ['学术诚信', '代码规范'],
    ['Integridad académica', 'Estilo de código'],
  ])('"%s" and "%s" beside the plan', (integrity, style) => {
    const { roadmap } = importText(
      `# Course\n\n## ${integrity}\n\n* cheating is prohibited\n* cite your sources\n\n## ${style}\n\n### Python\n\nFollow the standard.\n\n## Week 1\n\n- [ ] Linear models\n`,
    );
    expect(trackable(roadmap.nodes)).toEqual(['Week 1', 'Linear models']);
  });

  it('a page of only rules gets the "nothing to track" warning, and a "Solutions" heading over prose is no work', () => {
    const { roadmap, warnings } = importText(
      '# Homework rules\n\n## Solutions\n\nPlease do not publish your solutions.\n\n## Academic Integrity\n\n* plagiarism is prohibited\n\n## Code style\n\n### PEP 8\n\n[PEP 8](https://peps.python.org/pep-0008/) is the standard.\n',
    );
    expect(trackable(roadmap.nodes)).toEqual([]);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/nothing to track here/);
    expect(verdictText(importVerdict(roadmap))).toMatch(/^nothing to track; \d+ notes left out of the plan$/);
  });
});

describe('advice among the instructions is not a step', () => {
  it('notes, conditions and what the learner cannot do are left out; the steps stay', () => {
    const { roadmap } = importText(
      [
        '# Course',
        '',
        '## Instructions',
        '',
        '- Work through Week 1A to Week 6A. Watch the videos, do the exercises.',
        '- After Week 6A, do the space invaders problem. Instructions are in the starter file.',
        '- Some links to starter files are no longer working. You can download them here.',
        "- You won't be able to submit your responses, but you can see the answers.",
        '- While there are ways to use other IDEs, we suggest Dr. Racket for this course.',
        '- If you are stuck somewhere, feel free to ask questions. Join the chat:',
        '  - Chat up to Week 6A: https://discord.gg/a',
        '- Note: the course has no homepage, but you can enroll from the link above.',
        '',
      ].join('\n'),
    );
    expect(units(roadmap.nodes)).toEqual([
      'Work through Week 1A to Week 6A. Watch the videos, do the exercises.',
      'After Week 6A, do the space invaders problem. Instructions are in the starter file.',
    ]);
  });

  it.each([
    ['Instructions', 'Work through Week 1 to Week 3.', 'After Week 3, do the final project.'],
    [
      'Instructions',
      'Read the [pong problem](ps/pong.md) and solve it.',
      'Then do the [maze project](https://github.com/x/starters/maze.rkt).',
    ],
    ['Instrucciones', 'Haz la semana 1 y la semana 2.', 'Después de la semana 2, entrega el proyecto.'],
    ['Инструкция', 'Пройдите неделю 1, затем неделю 2.', 'После недели 2 сдайте задание 1.'],
    ['使用说明', '完成第1周的课程。', '完成第2周的作业。'],
  ])('"%s" that name the parts to do are the plan (scheduled weeks, linked assignments)', (heading, a, b) => {
    const { roadmap } = importText(
      `# Course\n\nCourse Link: <https://x.org/c>\n\n## ${heading}\n\n- ${a}\n- ${b}\n- If you are stuck, ask in the course chat, someone will answer.\n`,
    );
    const plain = (step: string) => step.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    expect(units(roadmap.nodes)).toEqual([plain(a), plain(b)]);
  });

  it('instructions that name no part of the course say how to take it: the course is the one item (property)', () => {
    const howTo = [
      'Open the course link given above. You will see a list of lectures.',
      'Work through all the course lectures. Watch the videos and solve the problem sets.',
      'Each problem set comes with a script to check your solution.',
      'Match your answers to the given solutions to grade yourself.',
      'Clicking on a lecture shows all its materials.',
    ];
    const scheduled = 'Work through Week 1 to Week 4 first.';
    fc.assert(
      fc.property(fc.shuffledSubarray(howTo, { minLength: 1 }), fc.boolean(), (steps, oneScheduled) => {
        // One step naming a week is not yet a schedule: the page still describes one course.
        const list = oneScheduled ? [...steps, scheduled] : steps;
        const { roadmap } = importText(
          `# Intro\n\nCourse Link: <https://x.org/c>\n\n## Instructions\n\n${list.map((step) => `- ${step}`).join('\n')}\n`,
        );
        expect(units(roadmap.nodes)).toEqual(['Intro']);
      }),
      { numRuns: 40 },
    );
  });

  it('in other languages too, and never on a short title or a box', () => {
    const { roadmap } = importText(
      [
        '# Curso',
        '',
        '## Pasos',
        '',
        '- Haz los ejercicios de la semana 1, luego el proyecto final del módulo.',
        '- Si tienes dudas, pregunta en el foro del curso o en el chat de Discord.',
        '- Если что-то не работает, напишите в чат курса, там быстро отвечают.',
        '- If statements',
        '- While loops, for loops and iterators in Python, with exercises.',
        '- [ ] If you finish early, build the bonus game with what you learned.',
        '',
      ].join('\n'),
    );
    expect(units(roadmap.nodes)).toEqual([
      'Haz los ejercicios de la semana 1, luego el proyecto final del módulo.',
      'If statements',
      'While loops, for loops and iterators in Python, with exercises.',
      'If you finish early, build the bonus game with what you learned.',
    ]);
  });
});

describe('status and pointers are not work', () => {
  it('a progress report of percentages is a status, the checklist beside it the plan', () => {
    const { roadmap } = importText(
      '# MiniSTL\n\n## 学习计划\n\n - [x] 第一阶段：通读全文\n - [ ] 第二阶段：补全各容器的实现\n\n## 完成进度\n\n 1. **空间适配器（allocator）**\n\n &emsp;构造析构工具（construct.h):100%\n\n &emsp;二级空间适配器(alloc.h):50%\n\n## 编译环境\n\n本仓库代码编译环境为windows10，VS2017。\n',
    );
    expect(trackable(roadmap.nodes)).toEqual([
      '学习计划',
      '第一阶段：通读全文',
      '第二阶段：补全各容器的实现',
    ]);
    const english = importText(
      '# Lib\n\n## Progress\n\n- Containers\n\n  vector: 50%\n\n  list: 100%\n\n## Build environment\n\nLinux, gcc 12.\n\n## Plan\n\n- [ ] Benchmarks\n',
    );
    expect(trackable(english.roadmap.nodes)).toEqual(['Plan', 'Benchmarks']);
    const tracker = importText(
      '# Me\n\n## Skills\n\n- Python basics\n\n  Progress: 60%\n\n- Pandas\n\n  Progress: 20%\n',
    );
    expect(trackable(tracker.roadmap.nodes)).toEqual(['Skills', 'Python basics', 'Pandas']);
  });

  it('a heading that is only a link over pictures is a pointer; a linked heading with prose stays work', () => {
    const { roadmap } = importText(
      "# Week 1\n\n## Practice\n\n* Seminar: ./seminar.ipynb\n\n## Lecture-blog, related papers and fun\n\n#### ![logo](../logo.png) [NLP Course For You](https://lena-voita.github.io/nlp_course.html)\n\n![preview](../preview.gif)\n\n## Courses\n\n### [CS50](https://cs50.harvard.edu)\n\nHarvard's introduction to computer science, ten weeks of problem sets.\n",
    );
    expect(units(roadmap.nodes)).toEqual(['Seminar: ./seminar.ipynb', 'CS50']);
  });

  it('logos in headings are decoration, not "content in images"', () => {
    const logo = '#### ![logo](../logo.png) [Blog](https://example.org/blog)\n\n';
    const { warnings } = importText(
      `# Week 1\n\n## Practice\n\n* Seminar\n* Homework\n* Quiz\n\n## Extras\n\n${logo.repeat(3)}![walk](../walk.gif)\n`,
    );
    expect(warnings.map((w) => w.message).join('\n')).not.toMatch(/in images/);
  });
});

describe('introductions, communities and prerequisites in other languages', () => {
  it.each(['はじめに', 'Введение', 'Introducción', 'Einführung', '简介'])(
    '"%s" alone is an introduction; "Введение в NLP" is a lesson',
    (heading) => {
      const { roadmap } = importText(
        `# Course\n\n## ${heading}\n\n- Start with the quiz.\n\n## Введение в NLP\n\n- [ ] Tokens\n`,
      );
      expect(trackable(roadmap.nodes)).toEqual(['Введение в NLP', 'Tokens']);
    },
  );

  it.each(["What you'll learn", '学べること', 'Lo que aprenderás', 'Что вы узнаете'])(
    '"%s" over the lessons introduces them: about learning, not about the repository',
    (heading) => {
      const { roadmap } = importText(
        `# Regression\n\n## ${heading}\n\nThe lessons of this module.\n\n### Lessons\n\n1. [Tools](1-Tools/README.md)\n2. [Data](2-Data/README.md)\n`,
      );
      expect(trackable(roadmap.nodes)).toEqual(['Lessons', 'Tools', 'Data']);
      expect(findByTitle(roadmap.nodes, heading).kind).toBe('info');
      // A plan may start inside an introduction, never inside a section about the project (first-planned-item).
      expect([INTRODUCTION_TITLE.test(heading), PROJECT_META_TITLE.test(heading)]).toEqual([true, false]);
    },
  );

  it('"社区", "Сообщество" and "先决条件" are not work; "Comunidad" neither', () => {
    for (const [community, prerequisites] of [
      ['社区', '先决条件'],
      ['Сообщество', 'Предварительные требования'],
      ['Comunidad', 'Requisitos previos'],
    ]) {
      const { roadmap } = importText(
        `# CS\n\n## ${community}\n\n- Join our Discord server and say hello to the others.\n\n## ${prerequisites}\n\n- High school maths is assumed.\n\n## Core\n\n- [ ] Algorithms\n`,
      );
      expect(trackable(roadmap.nodes), community).toEqual(['Core', 'Algorithms']);
    }
  });
});

describe('a Chinese curriculum reads like its English original', () => {
  it('table lengths in 周 and efforts in 小时/周 (时间, 精力) give each course its hours', () => {
    const { roadmap } = importText(
      '# CS\n\n## 核心编程\n\n课程 | 时间 | 精力 | 先决条件\n:-- | :--:| :--:| :--:\n[如何编写代码](https://www.edx.org/a) | 7 周 | 8-10 小时/周 | 无\n[设计模式](https://www.coursera.org/b) | 4 周 | 4 小时/周 | 面向对象设计\n',
    );
    const course = findByTitle(roadmap.nodes, '如何编写代码');
    expect([course.kind, course.duration]).toEqual(['course', { min: 56, max: 70, unit: 'hours' }]);
    expect(findByTitle(roadmap.nodes, '设计模式').duration).toEqual({ min: 16, max: 16, unit: 'hours' });
  });

  it('a timing paragraph gives the horizon and the weekly hours', () => {
    const { roadmap } = importText(
      '# CS\n\n## 概述\n\n**学制** 如果你认真计划，每周投入大约 20 个小时的学习时间，在大约 2 年内完成学业是可能的。\n\n## 核心\n\n- [ ] 算法\n',
    );
    expect(roadmap.goal).toEqual({ horizonDays: 730, weeklyHours: 20 });
  });

  it('a banner heading after an opening notice is the title; the notice is not the summary', () => {
    const { roadmap } = importText(
      '# OSSU 2023 调查\n你好，我们正在进行第一次人口普查。\n\n<h3 align="center">开源社会大学</h3>\n<p align="center">计算机科学免费自学教育之路！</p>\n\n# 课程\n\n- [ ] 面向所有人的 Python\n',
    );
    expect(roadmap.title).toBe('开源社会大学');
    expect(roadmap.summary).toBeUndefined();
    expect(
      importText('# Data Roadmap\n\n<h3 align="center">Learn data, the hard way</h3>\n\n## A\n').roadmap
        .title,
    ).toBe('Data Roadmap');
  });
});
