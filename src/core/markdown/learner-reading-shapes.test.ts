import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allNodes, findByTitle, importText } from '../../testing/load-seed.js';
import type { Node } from '../model/roadmap.js';

/**
 * Issue 12, second round: shapes of real course pages and study plans (test/corpus) reduced to minimal
 * fixtures, one rule each. Rules about words are checked in more than one language.
 */

const trackableTitles = (nodes: Node[]) =>
  allNodes(nodes)
    .filter((node) => node.trackable)
    .map((node) => node.title);

describe('structure written without headings', () => {
  it('a run of bold paragraphs is a run of headings, each owning what follows it', () => {
    const { roadmap } = importText(
      '# Course\n\n**Lecture 1: Micrograd**\n\nBackprop from scratch.\n\n- [YouTube video lecture](https://youtu.be/a)\n- [micrograd Github repo](https://github.com/k/micrograd)\n\n**Lecture 2: Makemore**\n\n- [YouTube video lecture](https://youtu.be/b). For all other links see the video description.\n\n**License**\n\nMIT\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Lecture 1: Micrograd', 'Lecture 2: Makemore']);
    // The lecture's video and repository are its links, not items of their own.
    expect(findByTitle(roadmap.nodes, 'Lecture 1: Micrograd').links?.map((link) => link.url)).toEqual([
      'https://youtu.be/a',
      'https://github.com/k/micrograd',
    ]);
  });

  it('one bold sentence, or a bold label before a list, stays what it is', () => {
    const single = importText(
      '# Plan\n\n## Week 1\n\n**Are you ready to get started?**\n\n- [ ] Python\n',
    ).roadmap;
    expect(trackableTitles(single.nodes)).toEqual(['Week 1', 'Python']);
    const labels = importText(
      '# Plan\n\n## Week 1\n\n**Topics:**\n\n- [ ] Python\n\n**Projects:**\n\n- [ ] CLI\n',
    ).roadmap;
    expect(trackableTitles(labels.nodes)).toEqual(['Week 1', 'Python', 'CLI']);
  });

  it('a lone heading over the whole file is its title', () => {
    const { roadmap } = importText(
      '\n## Neural Networks: Zero to Hero\n\nA course.\n\n### Lecture 1\n\n### Lecture 2\n',
    );
    expect(roadmap.title).toBe('Neural Networks: Zero to Hero');
    expect(roadmap.nodes.map((node) => node.title)).toEqual(['Lecture 1', 'Lecture 2']);
  });
});

describe('schedules and horizons', () => {
  it('a horizon written straight after Chinese or Japanese words ("机器学习100天", "機械学習30日")', () => {
    expect(importText('# 机器学习100天\n\n## 第1天\n\n- 导入库\n').roadmap.goal?.horizonDays).toBe(100);
    expect(importText('# 深度学习12周\n\n## 第1周\n\n- 张量\n').roadmap.goal?.horizonDays).toBe(84);
  });

  it('"week01" and "week12-13" are schedule positions; "TBA" and "Próximamente" are not work yet', () => {
    const { roadmap } = importText(
      '# NLP\n\n## Syllabus\n\n- week01 Embeddings\n  - [ ] Lecture\n- week02 Classification\n  - [ ] Seminar\n- week12-13 - TBA\n- semana 14 - Próximamente\n',
    );
    expect(findByTitle(roadmap.nodes, 'week01 Embeddings').duration).toEqual({
      min: 1,
      max: 1,
      unit: 'weeks',
    });
    expect(trackableTitles(roadmap.nodes)).toEqual([
      'Syllabus',
      'week01 Embeddings',
      'Lecture',
      'week02 Classification',
      'Seminar',
    ]);
  });

  it.each([
    ['Phase 1: Foundation (Weeks 1-4)', { min: 4, max: 4, unit: 'weeks' }],
    ['Phase 2: Building (Months 2-3)', { min: 2, max: 2, unit: 'months' }],
    ['Fase 1 (Semanas 1-6)', { min: 6, max: 6, unit: 'weeks' }],
    ['Phase 1 (Jours 1-10)', { min: 10, max: 10, unit: 'days' }],
  ])('"%s": a schedule span in the title is the phase\'s duration', (heading, duration) => {
    const { roadmap } = importText(`# Plan\n\n## ${heading}\n\n- [ ] Task\n`);
    expect(roadmap.nodes[0]?.duration).toEqual(duration);
  });

  it('"(Months 6+)" has no end and gives no duration', () => {
    const { roadmap } = importText('# Plan\n\n## Phase 4: Mastery (Months 6+)\n\n- [ ] Task\n');
    expect(roadmap.nodes[0]?.duration).toBeUndefined();
  });
});

describe('what is not work on a course page', () => {
  it.each([
    ['Información importante y preguntas frecuentes', '¿Las clases quedan grabadas?', '¿Harás un curso?'],
    ['Good to know', 'Are the lectures recorded?', 'Will there be a certificate?'],
    ['常见问答', '课程有录像吗？', '需要多久？'],
  ])('a list of questions under "%s" is an FAQ', (heading, first, second) => {
    const { roadmap } = importText(
      `# Course\n\n## Classes\n\n- [ ] Class 1\n\n## ${heading}\n\n- **${first}**\n  - Yes.\n- **${second}**\n  - Maybe.\n`,
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Classes', 'Class 1']);
  });

  it.each(['Hola, mi nombre es Brais Moure.', "Hi, I'm Ana", 'Меня зовут Иван'])(
    'the author introducing themselves ("%s") is people, with what is beneath',
    (heading) => {
      const { roadmap } = importText(
        `# Course\n\n## Classes\n\n- [ ] Class 1\n\n## ${heading}\n\n### Freelance engineer\n\n### More on my profile\n`,
      );
      expect(trackableTitles(roadmap.nodes)).toEqual(['Classes', 'Class 1']);
    },
  );

  it.each(['Enlaces de interés', 'Links of interest', 'Liens utiles', 'Course Links'])(
    '"%s" lists references, even when an entry says a word more',
    (heading) => {
      const { roadmap } = importText(
        `# Course\n\n## Classes\n\n- [ ] Class 1\n\n## ${heading}\n\n- [Python](https://python.org)\n- [Visual Studio Code](https://code.visualstudio.com/): the editor I use\n`,
      );
      expect(trackableTitles(roadmap.nodes)).toEqual(['Classes', 'Class 1']);
    },
  );

  it("an item's lone sentence beneath is its description, not a smaller item", () => {
    const { roadmap } = importText(
      '# Course\n\n## Clases en vídeo\n\n- Clase 1 (03/08/22): [Vídeo](https://twitch.tv/v/1)\n  - Contexto, instalación, configuración y variables.\n- Clase 2\n  - [ ] Funciones\n',
    );
    const first = findByTitle(roadmap.nodes, /^Clase 1/);
    expect(first.children).toEqual([]);
    expect(first.meta?.description).toBe('Contexto, instalación, configuración y variables.');
    expect(findByTitle(roadmap.nodes, 'Clase 2').children.map((child) => child.title)).toEqual(['Funciones']);
  });

  it('in a file whose work is lists, a heading over prose or over notes only is prose', () => {
    const { roadmap } = importText(
      '# Course\n\n## Becoming a student\n\nCreate a profile in our app.\n\n## Docker image\n\n## Running the projects\n\n- `gcc`\n- `make`\n\n## Roadmap\n\n- Read chapters 1 and 2\n- Do the shell project\n- Watch lectures 1-5\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual([
      'Roadmap',
      'Read chapters 1 and 2',
      'Do the shell project',
      'Watch lectures 1-5',
    ]);
  });

  it('in a file written as headings and prose, those headings stay the work', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Linear algebra\n\nVectors and matrices.\n\n## Calculus\n\nDerivatives.\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Linear algebra', 'Calculus']);
  });

  it('a heading whose only list items are material links stays the unit of work', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Lectures\n\n- [ ] Warm-up\n\n## Lecture 3\n\n- [Slides](https://x.org/s.pdf)\n- [Video](https://x.org/v)\n',
    );
    expect(trackableTitles(roadmap.nodes)).toContain('Lecture 3');
  });
});

describe('outcomes, templates and routines', () => {
  it.each([
    'Phase 1 Success Criteria:',
    'By the end of this phase you will be able to:',
    'Criterios de éxito:',
    '成功标准：',
  ])('a list introduced by "%s" states outcomes, not work', (intro) => {
    const { roadmap } = importText(
      `# Plan\n\n## Week 1\n\n- [ ] Set up Git\n\n${intro}\n\n- ✅ Can navigate the terminal\n- ✅ Comfortable with git basics\n`,
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Week 1', 'Set up Git']);
  });

  it('blank template lines are slots, and a heading over slots only is no work', () => {
    const { roadmap } = importText(
      "# Plan\n\n## Week 1\n\n- [ ] Python\n\n## Reflections\n\n### What's working well\n-\n\n### Ideas\n1.\n2.\n",
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Week 1', 'Python']);
  });

  it('achievements are milestones and a review schedule is a review (neither weighs as work)', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Week 1\n\n- [ ] Python\n\n## 🏆 Achievements & Milestones\n\n- [ ] First commit\n\n## 🔄 Review Schedule\n\n- **Weekly**: Friday afternoons\n',
    );
    expect(findByTitle(roadmap.nodes, 'First commit').kind).toBe('milestone');
    expect(findByTitle(roadmap.nodes, /Review Schedule/).kind).toBe('review');
    expect(findByTitle(roadmap.nodes, /Friday afternoons/).trackable).toBe(false);
  });
});

describe('choices stated by the sections themselves', () => {
  it.each([
    ['If You Choose Web Development', 'If You Choose iOS Development'],
    ['Si eliges desarrollo web', 'Si eliges desarrollo móvil'],
    ['Se você escolher web', 'Se você escolher mobile'],
  ])('"%s" / "%s": alternative paths, one to follow', (web, ios) => {
    const { roadmap } = importText(
      `# Plan\n\n## Paths\n\n### ${web}\n1. HTML\n2. JavaScript\n\n### ${ios}\n1. Swift\n2. SwiftUI\n`,
    );
    expect(findByTitle(roadmap.nodes, 'Paths').choose).toEqual({ min: 1, max: 1 });
  });

  it.each([
    ['Bonus Material', 'Setup tips'],
    ['Material adicional', 'Consejos'],
    ['Дополнительные материалы', 'Советы'],
    ['Extras', 'Tips'],
  ])(
    'a section titled "%s" is optional as a whole: nothing in it is planned until chosen',
    (heading, item) => {
      const { roadmap } = importText(
        `# Book\n\n## Chapters\n\n- [ ] Ch 1\n\n## ${heading}\n\n- ${item}\n- Chapter 2 extras\n`,
      );
      expect(findByTitle(roadmap.nodes, heading).choose).toEqual({ min: 0, max: 2 });
    },
  );

  it('"optional materials as a bonus" in the intro of a list makes the list optional, once', () => {
    const { roadmap } = importText(
      '# Book\n\n## Chapters\n\n- [ ] Ch 1\n\n## Appendix folders\n\nSeveral folders contain optional materials as a bonus for interested readers:\n\n- Setup\n- Chapter 2\n',
    );
    const groups = allNodes(roadmap.nodes).filter((node) => node.choose);
    expect(groups.map((node) => node.choose)).toEqual([{ min: 0, max: 2 }]);
  });
});

describe('bold-paragraph headings', () => {
  it('any number of bold lecture paragraphs gives that many sibling headings, never nested (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), (count) => {
        const body = Array.from({ length: count }, (_, i) => `**Lecture ${i + 1}: Topic**\n\nText.\n`).join(
          '\n',
        );
        const { roadmap } = importText(`# Course\n\n${body}`);
        expect(roadmap.nodes).toHaveLength(count);
      }),
      { numRuns: 12 },
    );
  });
});

describe('a page about one course', () => {
  it.each([
    ['Instructions', 'Course Link:'],
    ['Instrucciones', 'Enlace al curso:'],
    ['使用说明', '课程链接：'],
  ])('"%s" say how to take the course; the course ("%s") is the one thing to track', (heading, label) => {
    const { roadmap } = importText(
      `# Intro to CS\n\nA course by MIT.\n\n${label} <https://ocw.mit.edu/6-100l>\n\n## ${heading}\n\n- Open the course link given above.\n- Work through all the lectures.\n- Match your answers to the solutions.\n`,
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Intro to CS']);
    expect(roadmap.nodes[0]?.kind).toBe('course');
    expect(roadmap.nodes[0]?.links?.[0]?.url).toBe('https://ocw.mit.edu/6-100l');
  });

  it('a page with work of its own does not get an extra course item', () => {
    const { roadmap } = importText(
      '# Intro to CS\n\nCourse Link: <https://x.org>\n\n## Problem sets\n\n- [ ] PS1\n- [ ] PS2\n- [ ] PS3\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Problem sets', 'PS1', 'PS2', 'PS3']);
  });
});

describe('procedures', () => {
  it.each([
    ['Deploy your Terrarium', 'You can deploy it to the web.'],
    ['Despliegue', 'Puedes publicarlo en la web.'],
  ])('"%s" over its numbered steps is one optional task, the steps its description', (heading, prose) => {
    const { roadmap } = importText(
      `# Project\n\n## Lessons\n\n1. [Intro to HTML](1/README.md)\n2. [Intro to CSS](2/README.md)\n\n## ${heading}\n\n${prose}\n\n1. Fork this repo\n2. Press this button\n3. Walk through the wizard\n`,
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Lessons', 'Intro to HTML', 'Intro to CSS', heading]);
    expect(findByTitle(roadmap.nodes, heading).meta?.optional).toBe('true');
  });

  it('install steps with boxes stay tasks of their own', () => {
    const { roadmap } = importText('# Plan\n\n## Setup\n\n- [ ] Install Python\n- [ ] Install Git\n');
    expect(trackableTitles(roadmap.nodes)).toEqual(['Setup', 'Install Python', 'Install Git']);
  });
});

describe('a curriculum repository around its courses', () => {
  it('"1 ~ 2 hours every day" is 7-14 hours a week (10.5); "每天 2 小时" is 14', () => {
    expect(
      importText('# DS\n\n## Duration\n\nTry to invest 1 ~ 2 hours **every day** studying.\n\n- [ ] A\n')
        .roadmap.goal?.weeklyHours,
    ).toBe(10.5);
    expect(importText('# 数据科学\n\n每天 2 小时。\n\n## 第1周\n\n- [ ] A\n').roadmap.goal?.weeklyHours).toBe(
      14,
    );
  });

  it('a prerequisite that says "just pick one of the courses below" is a choice of work, not information', () => {
    const { roadmap } = importText(
      '# DS\n\n## Curriculum\n\n- [ ] Linear algebra\n\n## Prerequisite\n\nYou need Git.\n\n**Note**: Just pick one of the courses below.\n\n- [Try Git](https://try.github.io)\n- [Git Immersion](https://gitimmersion.com)\n',
    );
    const prerequisite = findByTitle(roadmap.nodes, 'Prerequisite');
    expect(prerequisite.choose).toEqual({ min: 1, max: 1 });
    expect(prerequisite.children.map((option) => option.trackable)).toEqual([true, true]);
  });

  it.each(['Here are some tips about how you can do that:', 'Algunos consejos:', 'Quelques conseils :'])(
    'a list introduced by "%s" is advice, not work',
    (intro) => {
      const { roadmap } = importText(
        `# DS\n\n## Courses\n\n- [ ] Statistics\n\n## Be creative!\n\n${intro}\n\n- **Articles**: write blog posts.\n- **GitHub repository**: keep your files organised.\n`,
      );
      expect(trackableTitles(roadmap.nodes)).toEqual(['Courses', 'Statistics']);
    },
  );

  it.each(['Next Goals', 'TODO', 'Change Log'])(
    '"%s" is the project\'s own, not the learner\'s',
    (heading) => {
      const { roadmap } = importText(
        `# DS\n\n## Courses\n\n- [ ] Statistics\n- [ ] Calculus\n\n## ${heading}\n\n- Add our University page at LinkedIn\n`,
      );
      expect(trackableTitles(roadmap.nodes)).toEqual(['Courses', 'Statistics', 'Calculus']);
    },
  );
});

describe('routes and lesson chains', () => {
  it('a paragraph of lessons joined by arrows is a sequence of items, one per lesson', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Arrays\n\n[Day 45: NumPy](lessons/day-45.md) → [Day 46: Broadcasting](lessons/day-46.md) → [Day 47: Indexing](lessons/day-47.md)\n',
    );
    expect(findByTitle(roadmap.nodes, 'Arrays').children.map((child) => child.title)).toEqual([
      'Day 45: NumPy',
      'Day 46: Broadcasting',
      'Day 47: Indexing',
    ]);
  });

  it('"- 回归：[Day 1] → [Day 2]。" is a labelled chain: the label is the item, the lessons beneath it', () => {
    const { roadmap } = importText(
      '# 路线\n\n## 已有基础\n\n- 回归：[Day 1：数据预处理](a.md) → [Day 2：简单线性回归](b.md)。\n- 聚类：[Day 44：K-means](c.md) → [Day 54：层次聚类](d.md)。\n',
    );
    expect(findByTitle(roadmap.nodes, '回归').children.map((child) => child.title)).toEqual([
      'Day 1：数据预处理',
      'Day 2：简单线性回归',
    ]);
  });

  it('prose that only mentions links around an arrow stays prose', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Week 1\n\nRead [the guide](g.md) first, then → [the FAQ](f.md) if stuck.\n\n- [ ] Python\n',
    );
    expect(trackableTitles(roadmap.nodes)).toEqual(['Week 1', 'Python']);
  });

  it.each(['选择适合你的学习路线', 'Choose your learning path', 'Elige tu ruta'])(
    'a title "%s" makes the top sections holding work alternative routes, one to follow',
    (title) => {
      const { roadmap } = importText(
        `# ${title}\n\n## Route A\n\n- [ ] A1\n- [ ] A2\n\n## Route B\n\n- [ ] B1\n\n## Notes\n\nSome advice.\n`,
      );
      const group = roadmap.nodes[0] as Node;
      expect(group.choose).toEqual({ min: 1, max: 1 });
      expect(group.children.map((route) => route.title)).toEqual(['Route A', 'Route B']);
    },
  );
});
