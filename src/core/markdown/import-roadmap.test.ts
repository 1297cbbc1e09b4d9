import { describe, expect, it } from 'vitest';
import { allNodes, findByTitle, importText } from '../../testing/load-seed.js';
import { findTargetDate } from './dates.js';
import { parseDuration } from './durations.js';
import { repairMojibake } from './repair-mojibake.js';
import { parseTitle } from './title.js';

describe('real-world Markdown shapes', () => {
  it('imports a headings-only outline as sections with slug-path ids', () => {
    const { roadmap } = importText(
      '# Plan\n\n## Core AI/ML Foundations\n\n### Machine Learning Basics\n\n### Math\n',
    );
    expect(roadmap.title).toBe('Plan');
    expect(allNodes(roadmap.nodes).map((node) => node.id)).toEqual([
      'core-ai-ml-foundations',
      'core-ai-ml-foundations/machine-learning-basics',
      'core-ai-ml-foundations/math',
    ]);
    expect(roadmap.nodes[0]?.children.every((node) => node.kind === 'section' && node.trackable)).toBe(true);
  });

  it('reads *, + and numbered bullets, [x] and [X] boxes, links and emphasis', () => {
    const { roadmap } = importText(
      '# R\n\n## Week 1\n* [x] Read **the** [guide](https://example.com/g)\n+ [X] Watch _lecture_ `one`\n1. [ ] Practise\n',
    );
    const week = roadmap.nodes[0];
    expect(week?.kind).toBe('phase');
    expect(week?.duration).toEqual({ min: 1, max: 1, unit: 'weeks' });
    expect(week?.meta?.schedule).toBe('Week 1');
    expect(week?.children.map((node) => [node.title, node.checked])).toEqual([
      ['Read the guide', true],
      ['Watch lecture one', true],
      ['Practise', false],
    ]);
    expect(week?.children[0]?.links).toEqual([{ text: 'guide', url: 'https://example.com/g' }]);
  });

  it('orders and times "Week 3", "Day 12" and "Month 2" schedules', () => {
    const { roadmap } = importText('# R\n\n## Month 2\n\n### Day 12\n- [ ] a\n\n## Weeks 3-4\n- [ ] b\n');
    expect(roadmap.nodes.map((node) => [node.kind, node.duration])).toEqual([
      ['phase', { min: 1, max: 1, unit: 'months' }],
      ['phase', { min: 2, max: 2, unit: 'weeks' }],
    ]);
    expect(roadmap.nodes[0]?.children[0]?.duration).toEqual({ min: 1, max: 1, unit: 'days' });
  });

  it('turns table rows into nodes with their columns in meta', () => {
    const { roadmap } = importText(
      '# R\n\n## Courses\n\n| Course | Platform | Duration |\n|---|---|---|\n| [CS50](https://cs50.harvard.edu) | edX | 12 weeks |\n| Fast.ai | fast.ai | 7 weeks |\n',
    );
    const rows = roadmap.nodes[0]?.children ?? [];
    expect(rows.map((row) => [row.kind, row.title, row.meta?.Platform, row.duration])).toEqual([
      ['course', 'CS50', 'edX', { min: 12, max: 12, unit: 'weeks' }],
      ['course', 'Fast.ai', 'fast.ai', { min: 7, max: 7, unit: 'weeks' }],
    ]);
    expect(rows[0]?.links?.[0]?.url).toBe('https://cs50.harvard.edu');
  });

  it('reads tables without outer pipes', () => {
    const { roadmap } = importText('# R\n\n## Plan\n\nTopic | Hours\n--- | ---\nPython | 10\nSQL | 5\n');
    expect(roadmap.nodes[0]?.children.map((row) => [row.title, row.meta?.Hours])).toEqual([
      ['Python', '10'],
      ['SQL', '5'],
    ]);
  });

  it('takes title, target date and weekly hours from YAML front matter, keeping line numbers', () => {
    const { roadmap } = importText(
      '---\ntitle: My Plan\ntarget: 2027-01-31\nweeklyHours: 10\n---\n# Ignored title\n\n- [ ] First\n',
    );
    expect(roadmap.title).toBe('My Plan');
    expect(roadmap.goal).toEqual({ targetDate: '2027-01-31', weeklyHours: 10 });
    expect(findByTitle(roadmap.nodes, 'First').source.line).toBe(8);
  });

  it('warns and ignores broken front matter', () => {
    const { roadmap, warnings } = importText('---\ntitle: [unclosed\n---\n# T\n- [ ] a\n');
    expect(roadmap.title).toBe('T');
    expect(warnings[0]?.message).toMatch(/front matter/);
  });

  it('imports a document with no structure as topics, with a warning', () => {
    const { roadmap, warnings } = importText('Learn Python.\n\nThen learn SQL.\n');
    expect(roadmap.nodes.map((node) => [node.kind, node.title])).toEqual([
      ['topic', 'Learn Python.'],
      ['topic', 'Then learn SQL.'],
    ]);
    expect(warnings).toHaveLength(1);
  });

  it('handles a BOM, CRLF line endings and no final newline', () => {
    const { roadmap } = importText('\uFEFF# T\r\n\r\n## A\r\n- [ ] one\r\n- [x] two');
    expect(roadmap.title).toBe('T');
    expect(allNodes(roadmap.nodes).map((node) => [node.title, node.checked, node.source.line])).toEqual([
      ['A', undefined, 3],
      ['one', false, 4],
      ['two', true, 5],
    ]);
  });

  it('resolves id collisions deterministically', () => {
    const { roadmap } = importText('# T\n\n## A\n- [ ] x\n- [ ] x\n\n## A\n- [ ] 1.1 y\n- [ ] 1.1 z\n');
    expect(allNodes(roadmap.nodes).map((node) => node.id)).toEqual([
      'a',
      'a/x',
      'a/x-2',
      'a-2',
      '1.1',
      '1.1-2',
    ]);
  });

  it('accounts for checkboxes in tab-indented lists and emoji pseudo-checkboxes', () => {
    const { roadmap } = importText('# T\n\n* [ ] parent\n\t* [x] child\n* [✔️] done by emoji\n');
    expect(allNodes(roadmap.nodes).map((node) => [node.title, node.checked])).toEqual([
      ['parent', false],
      ['child', true],
      ['done by emoji', true],
    ]);
  });

  it('resolves many collisions of one title with the same ids as one by one', () => {
    const { roadmap } = importText('- [ ] Review\n- [ ] Review-2\n- [ ] Review\n- [ ] Review\n');
    expect(roadmap.nodes.map((node) => node.id)).toEqual(['review', 'review-2', 'review-3', 'review-4']);
  });

  it("takes an item's title from its first block; only a first paragraph holds its box", () => {
    const { roadmap } = importText('- # Heading item\n  [x] not a box\n- ```\n  code\n  ```\n  Read it\n');
    expect(roadmap.nodes.map((node) => [node.title, node.checked])).toEqual([
      ['Heading item', undefined],
      ['Read it', undefined],
    ]);
  });

  it('joins a multi-line front matter title into one line', () => {
    const { roadmap } = importText('---\ntitle: |\n  Two\n  lines\n---\n- [ ] a\n');
    expect(roadmap.title).toBe('Two lines');
  });

  it('warns about an empty file and says how to fill it', () => {
    for (const text of ['', '\n  \n', '---\ntitle: Empty\n---\n']) {
      const { roadmap, warnings } = importText(text);
      expect(roadmap.nodes).toEqual([]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toMatch(
        /^the file (is empty|has only front matter).*- \[ \].*waymark import --list/,
      );
    }
  });

  it('keeps deep nesting (60 list levels) and the rest of the file', () => {
    const deep = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i + 1}`).join('\n');
    const { roadmap, warnings } = importText(`${deep}\n\n# After\n\n- [ ] last\n`);
    const nodes = allNodes(roadmap.nodes);
    expect(nodes.filter((node) => node.checked === false)).toHaveLength(61);
    expect(warnings).toEqual([]);
  });

  it('warns with the line where nesting goes deeper than the parser follows', () => {
    const { warnings } = importText(`# Deep\n\n${'>'.repeat(2_000)} - [ ] the bottom\n`);
    expect(warnings).toEqual([{ line: 3, message: expect.stringMatching(/nest deeper than 200 levels/) }]);
  });
});

describe('parseDuration', () => {
  it.each([
    ['6-8 weeks', { min: 6, max: 8, unit: 'weeks' }],
    ['4 weeks', { min: 4, max: 4, unit: 'weeks' }],
    ['1-2 hours', { min: 1, max: 2, unit: 'hours' }],
    ['4–5 months', { min: 4, max: 5, unit: 'months' }],
    ['3 to 4 days', { min: 3, max: 4, unit: 'days' }],
    ['Ongoing', { ongoing: true }],
  ])('%s', (text, expected) => expect(parseDuration(text)).toEqual(expected));

  it.each(['abc', '', '8-6 weeks', '0 weeks'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('parseTitle', () => {
  it('splits numbering, duration, electives and flags off the title', () => {
    expect(parseTitle('Specialized Areas (Choose 1-2) (6-8 weeks)')).toEqual({
      title: 'Specialized Areas',
      choose: { min: 1, max: 2 },
      duration: { min: 6, max: 8, unit: 'weeks' },
      flags: {},
    });
    expect(parseTitle('16. Certification Path (Optional)')).toMatchObject({
      number: '16',
      title: 'Certification Path',
      flags: { optional: 'true' },
    });
    expect(parseTitle('3.1.4.2 Momentum')).toMatchObject({ number: '3.1.4.2', title: 'Momentum' });
  });

  it('does not take counts or measures for numbering', () => {
    expect(parseTitle('5 tips for focus').number).toBeUndefined();
    expect(parseTitle('1.5 hours of reading').number).toBeUndefined();
  });
});

describe('findTargetDate', () => {
  it('finds dates announced in prose', () => {
    expect(findTargetDate('ready by March 15, 2026.')).toBe('2026-03-15');
    expect(findTargetDate('Deadline: 2027-02-28')).toBe('2027-02-28');
    expect(findTargetDate('by 29 February 2028')).toBe('2028-02-29');
    expect(findTargetDate('by February 30, 2026')).toBeUndefined();
    expect(findTargetDate('in March 2026')).toBeUndefined();
  });
});

describe('repairMojibake', () => {
  it('repairs Windows-1252 and Windows-1254 mojibake', () => {
    expect(repairMojibake('AurÃ©lien GÃ©ron')).toBe('Aurélien Géron');
    expect(repairMojibake('ðŸ“‹ Table of Contents')).toBe('📋 Table of Contents');
    expect(repairMojibake('ğŸ“‘ Roadmap Overview')).toBe('📑 Roadmap Overview');
    expect(repairMojibake('certificateâ€‘driven')).toBe('certificate\u2011driven');
  });

  it('removes the remains of an emoji whose bytes were lost', () => {
    expect(repairMojibake('ğŸ† Certificates Earned')).toBe('Certificates Earned');
  });

  it('leaves correct UTF-8 alone: accents, emoji, Turkish, CJK, typography', () => {
    for (const clean of [
      'Aurélien Géron — “Hands-On” ML',
      'Ünïcödé naïve café 🚀 📋 🏆',
      'Günaydın, çok güzel: ğüşiöç ĞÜŞİÖÇ',
      '第3天：机器学习',
      'Prix : 10 € – «bien»',
      'Ça va? ½ · © ® ™',
    ]) {
      expect(repairMojibake(clean)).toBe(clean);
    }
  });
});
