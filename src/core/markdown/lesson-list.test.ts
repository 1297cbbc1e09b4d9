import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allNodes, findByTitle, importText } from '../../testing/load-seed.js';
import type { Node } from '../model/roadmap.js';
import { ATTACHMENT_WORDS } from './section-words.js';

/**
 * A module page (ML-For-Beginners and its translations): the work is the list of lessons that link to the
 * repository's own pages; the regional-topic prose, concept bullets and study instructions around it are
 * the page's context (section-shape.ts `lessons`, classify.ts `holdsLessons`).
 */

const trackable = (nodes: Node[]) =>
  allNodes(nodes)
    .filter((node) => node.trackable)
    .map((node) => node.title);

const modulePage = (lessonsHeading: string, proseHeading: string, lessons: string[]) =>
  [
    '# Module',
    '',
    `## ${proseHeading}`,
    '',
    'Some prose about the region and the data set.',
    '',
    '- **Explore**: look around the area and draw a map.',
    '- **Learn**: ride a skateboard without falling.',
    '',
    `## ${lessonsHeading}`,
    '',
    ...lessons.map((lesson, i) => `${i + 1}. [${lesson}](${i + 1}-lesson/README.md)`),
    '',
  ].join('\n');

describe('a module page: the lessons are the work', () => {
  it.each([
    ['Lessons', 'Regional topic: pumpkins in North America', ['Tools', 'Data']],
    ['レッスン', '地域トピック: 北米のカボチャ', ['ツールの選択', 'データの管理']],
    ['Уроки', 'Региональная тема: Европа', ['Введение', 'Подготовка данных']],
    ['Lecciones', 'Tema regional: cocinas asiáticas', ['Introducción', 'Más clasificadores']],
    ['Dersler', 'Bölgesel Konu: Peter ve Kurt', ['Q-Learning', 'Gym']],
  ])('under "%s", beside "%s"', (lessonsHeading, proseHeading, lessons) => {
    const { roadmap } = importText(modulePage(lessonsHeading, proseHeading, lessons));
    expect(trackable(roadmap.nodes)).toEqual([lessonsHeading, ...lessons]);
  });

  it('any prose heading beside a list of lessons is context, whatever its words (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{2,9}$/);
    // A link whose words only name material ("Video", "the Slides") is an attachment, not a lesson, by its
    // own rule (ATTACHMENT_WORDS); the lessons here are named by other words.
    const lessonName = word.filter((name) => !ATTACHMENT_WORDS.has(name.toLowerCase()));
    fc.assert(
      fc.property(word, fc.array(lessonName, { minLength: 2, maxLength: 6 }), (heading, lessons) => {
        const { roadmap } = importText(modulePage('Lessons', heading, lessons));
        expect(trackable(roadmap.nodes)).toEqual(['Lessons', ...lessons]);
      }),
      { numRuns: 50 },
    );
  });

  it('a list of lessons under "What you\'ll learn" or an introduction starts afresh', () => {
    const { roadmap } = importText(
      "# Regression\n\n## What you'll learn\n\nThe lessons of this module.\n\n### Lessons\n\n1. [Tools](1-Tools/README.md)\n2. [Data](2-Data/README.md)\n\n### Credits\n\nWritten by [Jen](https://twitter.com/jen)\n",
    );
    expect(trackable(roadmap.nodes)).toEqual(['Lessons', 'Tools', 'Data']);
  });

  it("in a table of lessons, the bullets describing a lesson's parts beside it are not work", () => {
    const { roadmap } = importText(
      '# Course\n\n## Each lesson includes\n\n- optional sketchnote\n- pre-lecture quiz\n- assignment\n\n| # | Topic | Link |\n| --- | --- | --- |\n| 01 | Intro | [Lesson](1-intro/README.md) |\n| 02 | History | [Lesson](2-history/README.md) |\n| 03 | Fairness | [Lesson](3-fairness/README.md) |\n| 04 | Techniques | [Lesson](4-techniques/README.md) |\n',
    );
    expect(trackable(roadmap.nodes)).toEqual([
      'Each lesson includes',
      'Intro',
      'History',
      'Fairness',
      'Techniques',
    ]);
  });
});

describe('what stays work beside module links', () => {
  it('a heading of plain bullets, a timed heading and boxes stay work', () => {
    const { roadmap } = importText(
      '# Path\n\n## Foundations (4 weeks)\n\n1. [ML Basics](../modules/ml/README.md)\n2. [Math](../modules/math/README.md)\n\n## Recommended Projects\n\n1. Scalable ML API\n2. Prediction service\n\n## Extra\n\nPractice more.\n\n- [ ] Build a demo\n',
    );
    expect(trackable(roadmap.nodes)).toEqual([
      'Foundations',
      'ML Basics',
      'Math',
      'Recommended Projects',
      'Scalable ML API',
      'Prediction service',
      'Extra',
      'Build a demo',
    ]);
  });

  it('setup steps before the lessons and deploy steps after them are each one task; the offered deploy is optional', () => {
    const { roadmap } = importText(
      '# Course\n\n## Setup\n\nInstall the tools first.\n\n- Install Anaconda\n- Create an environment\n\n## Weeks\n\n1. [Week 1](week1/README.md)\n2. [Week 2](week2/README.md)\n\n## Deploy your app\n\nYou can publish it to the web.\n\n1. Fork this repo\n2. Press this button\n',
    );
    // The steps are how to do the one task (the procedure rule), wherever it stands beside the lessons.
    expect(trackable(roadmap.nodes)).toEqual(['Setup', 'Weeks', 'Week 1', 'Week 2', 'Deploy your app']);
    expect(findByTitle(roadmap.nodes, 'Setup').meta?.optional).toBeUndefined();
    expect(findByTitle(roadmap.nodes, 'Deploy your app').meta?.optional).toBe('true');
    expect(findByTitle(roadmap.nodes, 'Deploy your app').children.map((step) => step.trackable)).toEqual([
      false,
      false,
    ]);
  });

  it('after the lessons, a prose heading whose bullets define terms is context, plain steps stay work', () => {
    const lessons = '## Lessons\n\n1. [Intro](1/README.md)\n2. [Closures](2/README.md)\n\n';
    const glossary = importText(
      `# Course\n\n${lessons}## Words used\n\nA few terms.\n\n- **DOM**: the page as objects\n- **Closure**: a function with its scope\n`,
    );
    expect(trackable(glossary.roadmap.nodes)).toEqual(['Lessons', 'Intro', 'Closures']);
    const practice = importText(
      `# Course\n\n${lessons}## Practice\n\nThen, on your own.\n\n- Build a counter\n- Build a timer\n`,
    );
    expect(trackable(practice.roadmap.nodes)).toEqual([
      'Lessons',
      'Intro',
      'Closures',
      'Practice',
      'Build a counter',
      'Build a timer',
    ]);
  });

  it('a few helper pages beside a longer list of steps do not make the steps context', () => {
    const { roadmap } = importText(
      '# OS\n\n## Roadmap\n\n- Read chapters 1 and 2\n- Do the first project\n- Watch lectures 1 to 5\n\n### Hints\n\n- [hints for the shell](hints/shell.md)\n- [hints for xv6](hints/xv6.md)\n',
    );
    expect(trackable(roadmap.nodes)).toEqual(
      expect.arrayContaining(['Read chapters 1 and 2', 'Do the first project', 'Watch lectures 1 to 5']),
    );
  });

  it("material links (notebooks) and the repository's meta files are not lessons", () => {
    const notebooks = importText(
      '# Zero to Hero\n\n## Lectures\n\nBackprop, from scratch.\n\n- Lecture 1\n  - [Jupyter notebook files](lectures/micrograd)\n- Lecture 2\n  - [Jupyter notebook files](lectures/makemore)\n\n## Practice\n\nWe build a tokenizer.\n\n- Tokenizer exercise\n',
    );
    expect(trackable(notebooks.roadmap.nodes)).toContain('Tokenizer exercise');
    const meta = importText(
      '# P\n\n## Contributing\n\n- [Guide](CONTRIBUTING.md)\n- [Conduct](CODE_OF_CONDUCT.md)\n\n## Week 1\n\nWarm up.\n\n- Read the intro\n',
    );
    expect(trackable(meta.roadmap.nodes)).toContain('Read the intro');
  });
});
