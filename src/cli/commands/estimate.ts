import { parseHours } from '../../app/hours-input.js';
import { learnerTimeZone } from '../../app/learner-clock.js';
import { estimateItem, settingsView, updateSettings } from '../../app/planning-service.js';
import { WaymarkError } from '../../core/errors.js';
import { hours as formatHours } from '../format/plan-text.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface EstimateOptions extends StoreOptions {
  default?: string;
  week?: string;
  json?: boolean;
}

/**
 * `waymark estimate ITEM HOURS`: your own estimate for an item wins over the roadmap's durations.
 * `waymark estimate ROADMAP [--default 2h] [--week 15h]`: the roadmap's sizing assumptions (none: shows them).
 */
export async function estimateCommand(
  ref: string,
  hoursText: string | undefined,
  options: EstimateOptions,
  io: Io,
): Promise<void> {
  const assumptions = options.default !== undefined || options.week !== undefined;
  if (assumptions && hoursText !== undefined) {
    throw new WaymarkError(
      'USAGE',
      '--default and --week set a roadmap’s assumptions; give the roadmap, not an item and hours.',
      'e.g. `waymark estimate ai-ml-career --default 2h --week 15h`.',
    );
  }
  if (hoursText === undefined && !assumptions) {
    await withWorkspace(options, io, (workspace) => {
      if (!workspace.store.getRoadmap(ref)) {
        throw new WaymarkError(
          'USAGE',
          `how many hours for "${ref}"?`,
          `e.g. \`waymark estimate ${ref} 6h\` (or name a roadmap to see its sizing assumptions).`,
        );
      }
      const { estimates } = settingsView(workspace, ref);
      if (options.json) return io.out(JSON.stringify({ roadmapId: ref, ...estimates }));
      io.out(
        `${ref}: an item with no duration above it takes ${formatHours(estimates.defaultItemHours)}; a roadmap week means ${formatHours(estimates.weekHours)} of study (${estimates.weekHoursFrom === 'options' ? 'yours' : estimates.weekHoursFrom === 'goal' ? "the roadmap's" : 'default'}).`,
      );
    });
    return;
  }
  if (assumptions) {
    await withWorkspace(options, io, (workspace) => {
      updateSettings(
        workspace,
        ref,
        {
          ...(options.default !== undefined ? { defaultItemHours: options.default } : {}),
          ...(options.week !== undefined ? { weekHours: options.week } : {}),
        },
        { timeZone: learnerTimeZone(io.env) },
      );
      const { estimates } = settingsView(workspace, ref);
      if (options.json) return io.out(JSON.stringify({ roadmapId: ref, ...estimates }));
      io.out(
        `Saved. ${ref}: ${formatHours(estimates.defaultItemHours)} per item with no duration; a roadmap week means ${formatHours(estimates.weekHours)}.`,
      );
    });
    return;
  }
  const hours = parseHours(hoursText as string, 'the estimate');
  await withWorkspace(options, io, (workspace) => {
    const result = estimateItem(workspace, ref, hours);
    if (options.json) return io.out(JSON.stringify(result));
    const before = result.previous
      ? ` (was ${result.previous.min === result.previous.max ? formatHours(result.previous.max) : `${formatHours(result.previous.min)}–${formatHours(result.previous.max)}`})`
      : '';
    io.out(`Estimate for ${result.nodeId} ${result.title}: ${formatHours(result.hours)}${before}`);
  });
}
