import { learnerTimeZone } from '../../app/learner-clock.js';
import { planAll, planView } from '../../app/planning-service.js';
import { WaymarkError } from '../../core/errors.js';
import { printPlan } from '../format/plan-text.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface PlanOptions extends StoreOptions {
  target?: string;
  date?: string;
  reviewMinutes?: string;
  items?: boolean;
  json?: boolean;
}

export function reviewMinutesOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || value > 1440) {
    throw new WaymarkError('USAGE', `--review-minutes must be minutes between 0 and 1440 (got "${text}").`);
  }
  return value;
}

/** `waymark plan [ROADMAP] [--target DATE] [--date D] [--items] [--json]`. */
export async function planCommand(
  roadmapId: string | undefined,
  options: PlanOptions,
  io: Io,
): Promise<void> {
  const timeZone = learnerTimeZone(io.env);
  const review = reviewMinutesOption(options.reviewMinutes);
  const request = {
    ...(options.target !== undefined ? { target: options.target } : {}),
    ...(options.date !== undefined ? { today: options.date } : {}),
    ...(review !== undefined ? { reviewMinutesPerDay: review } : {}),
  };
  await withWorkspace(
    options,
    io,
    (workspace) => {
      if (roadmapId !== undefined) {
        const plan = planView(workspace, roadmapId, request, { timeZone });
        if (options.json) return io.out(JSON.stringify(plan));
        printPlan(plan, io, options.items === true);
        return;
      }
      if (options.target !== undefined) {
        throw new WaymarkError(
          'USAGE',
          '--target needs a roadmap.',
          'e.g. `waymark plan ai-engineer --target 2027-06-30`.',
        );
      }
      const { plans, finished, paused } = planAll(workspace, request, { timeZone });
      if (plans.length === 0) {
        throw new WaymarkError(
          'INPUT',
          finished.length > 0
            ? `nothing left to plan: ${finished.join(', ')} ${finished.length === 1 ? 'is' : 'are'} finished.`
            : 'no roadmap imported yet.',
          finished.length > 0
            ? 'Import another roadmap, or `waymark reset ITEM` to reopen one.'
            : 'Run `waymark import ai-engineer` (or your own file).',
        );
      }
      if (options.json) return io.out(JSON.stringify(plans));
      for (const plan of plans) printPlan(plan, io, options.items === true);
      if (finished.length > 0) io.out(io.style('dim', `Finished: ${finished.join(', ')}`));
      if (paused.length > 0) io.out(io.style('dim', `Paused (no time planned): ${paused.join(', ')}`));
    },
    'read',
  );
}
