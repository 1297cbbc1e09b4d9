import { describe, expect, it } from 'vitest';
import { importBundled } from '../../testing/load-seed.js';
import type { Capacity } from './capacity.js';
import { capacityFromRoutine } from './capacity-from-routine.js';
import { estimateEffort } from './estimate-effort.js';
import { planRoadmap } from './plan-roadmap.js';

const SEEDS = ['ai-engineer', 'ai-infra-journey-2026', 'ai-ml-career', 'dev-to-ai-engineer'];
const fallback: Capacity = { hoursByWeekday: [4, 2, 2, 2, 2, 2, 4], daysOff: [] };
const today = '2026-01-05';

describe('planning the bundled roadmaps', () => {
  it.each(SEEDS)('%s plans without error, every item dated in order', (name) => {
    const { roadmap } = importBundled(name);
    const capacity = capacityFromRoutine(roadmap)?.capacity ?? fallback;
    const target = roadmap.goal?.targetDate;
    const plan = planRoadmap({
      roadmap,
      effort: estimateEffort(roadmap),
      capacity,
      status: new Map(),
      today,
      ...(target && target >= today ? { target } : {}),
    });
    expect(plan.nothingLeft).toBe(false);
    expect(plan.items.length).toBeGreaterThan(0);
    expect(plan.finish.min <= plan.finish.max).toBe(true);
    expect(plan.items.every((item) => item.hours.min > 0 && item.startMin >= today)).toBe(true);
    const total = plan.days.reduce((sum, day) => sum + day.items.reduce((s, item) => s + item.hours, 0), 0);
    expect(total).toBeCloseTo(plan.remaining.hours.max, 6);
  });

  it('ai-engineer: 10 phases in order, routine capacity, no routine or milestone work in the plan', () => {
    const { roadmap } = importBundled('ai-engineer');
    const routine = capacityFromRoutine(roadmap);
    const plan = planRoadmap({
      roadmap,
      effort: estimateEffort(roadmap),
      capacity: routine?.capacity ?? fallback,
      status: new Map(),
      today,
      target: '2027-12-31',
    });
    expect(plan.phases.map((phase) => phase.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(plan.phases.map((phase) => phase.title.split(':')[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `Phase ${i + 1}`),
    );
    const ends = plan.phases.map((phase) => (phase.done ? '' : phase.end));
    expect([...ends].sort()).toEqual(ends);
    const first = plan.phases[0];
    expect(first && !first.done && first.hours.min).toBeCloseTo(60);
    expect(plan.items.some((item) => item.nodeId.startsWith('13.') || item.nodeId.startsWith('12.'))).toBe(
      false,
    );
    expect(plan.target?.onTrack).toBe(true);
  });

  it('ai-engineer: finishing phase 1 moves the plan to phase 2', () => {
    const { roadmap } = importBundled('ai-engineer');
    const plan = planRoadmap({
      roadmap,
      effort: estimateEffort(roadmap),
      capacity: fallback,
      status: new Map([['1', 'done']]),
      today,
    });
    expect(plan.phases[0]).toMatchObject({ id: '1', done: true });
    expect(plan.items[0]?.phaseId).toBe('2');
    expect(plan.days[0]?.date).toBe(today);
  });

  it('dev-to-ai-engineer: plans one specialization until the learner picks, then the picked ones', () => {
    const { roadmap } = importBundled('dev-to-ai-engineer');
    const effort = estimateEffort(roadmap);
    const base = { roadmap, effort, capacity: fallback, status: new Map(), today };
    const assumed = planRoadmap(base);
    const group = 'specialized-areas';
    const inGroup = (plan: typeof assumed) =>
      new Set(plan.items.filter((item) => item.phaseId === group).map((item) => item.nodeId.split('/')[2]));
    expect([...inGroup(assumed)]).toEqual(['llm-applications']);
    const chosen = planRoadmap({
      ...base,
      choices: new Map([
        [
          group,
          [
            'specialized-areas/application-development/computer-vision',
            'specialized-areas/application-development/nlp-transformers',
          ],
        ],
      ]),
    });
    expect([...inGroup(chosen)]).toEqual(['computer-vision', 'nlp-transformers']);
    expect(chosen.finish.max > assumed.finish.max).toBe(true);
  });
});
