import { describe, expect, it } from 'vitest';
import { allNodes, importText } from '../../testing/load-seed.js';
import type { Node } from '../model/roadmap.js';
import { importVerdict, verdictText } from './import-verdict.js';

/** A roadmap written twice, in two languages: the learner studies one copy (translated-copy.ts). */

const trackable = (nodes: Node[]) =>
  allNodes(nodes)
    .filter((node) => node.trackable && node.children.every((child) => !child.trackable))
    .map((node) => node.title);

const list = (items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join('\n');

const RU = ['Линейная регрессия', 'Логистическая регрессия', 'Деревья решений', 'Бустинг', 'Нейронные сети'];
const EN = ['Linear regression', 'Logistic regression', 'Decision trees', 'Boosting', 'Neural networks'];
const ZH = ['线性回归', '逻辑回归', '决策树', '梯度提升', '神经网络'];

describe('a second copy in another language', () => {
  it.each([
    ['Russian then English', 'Программа', RU, 'Program', EN],
    ['Chinese then English', '学习计划', ZH, 'Study plan', EN],
    ['English then Russian', 'Program', EN, 'Программа', RU],
  ])('%s: the copy is left out, with a warning naming its line', (_, firstTitle, first, copyTitle, copy) => {
    const text = `# ${firstTitle}\n\n## ${firstTitle} 1\n\n${list(first)}\n\n## ${copyTitle}\n\n${list(copy)}\n`;
    const { roadmap, warnings } = importText(text);
    expect(trackable(roadmap.nodes)).toEqual(first);
    const warning = warnings.find((w) => /repeated here in another language/.test(w.message));
    expect(warning?.line).toBe(text.split('\n').indexOf(`## ${copyTitle}`) + 1);
    expect(verdictText(importVerdict(roadmap))).toBe(
      '5 topics in 1 section; 5 entries of a copy in another language left out of the plan',
    );
  });

  it('is kept when it holds more or less than the original (not a translation but more work)', () => {
    const { roadmap, warnings } = importText(
      `# Программа\n\n## Основы\n\n${list(RU)}\n\n## Advanced\n\n${list([...EN, 'Transformers', 'Diffusion', 'RL'])}\n`,
    );
    expect(trackable(roadmap.nodes)).toHaveLength(RU.length + EN.length + 3);
    expect(warnings).toEqual([]);
  });

  it('is kept when the document goes back to its own language afterwards', () => {
    const { roadmap } = importText(
      `# Программа\n\n## Основы\n\n${list(RU)}\n\n## Advanced\n\n${list(EN)}\n\n## Практика\n\n- Проект\n`,
    );
    expect(trackable(roadmap.nodes)).toHaveLength(RU.length + EN.length + 1);
  });

  it('is the roadmap when the original holds nothing to track (never an empty plan)', () => {
    const { roadmap, warnings } = importText(
      `# Курс\n\n## Правила\n\n${list(RU)}\n\n## Program\n\n${list(EN)}\n`,
    );
    expect(trackable(roadmap.nodes)).toEqual(EN);
    expect(warnings.filter((w) => /another language/.test(w.message))).toEqual([]);
  });

  it('English course names inside a Chinese curriculum are not a copy', () => {
    const { roadmap } = importText(
      `# 课程\n\n## 核心\n\n${list(ZH)}\n\n## 高级\n\n${list(EN)}\n\n## 项目\n\n- 毕业项目\n`,
    );
    expect(trackable(roadmap.nodes)).toContain('Boosting');
  });
});
