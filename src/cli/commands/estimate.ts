import { parseHours } from '../../app/hours-input.js';
import { estimateItem } from '../../app/planning-service.js';
import { hours as formatHours } from '../format/plan-text.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

/** `waymark estimate ITEM HOURS`: your own estimate for an item wins over the roadmap's durations. */
export async function estimateCommand(
  ref: string,
  hoursText: string,
  options: StoreOptions & { json?: boolean },
  io: Io,
): Promise<void> {
  const hours = parseHours(hoursText, 'the estimate');
  await withWorkspace(options, io, (workspace) => {
    const result = estimateItem(workspace, ref, hours);
    if (options.json) return io.out(JSON.stringify(result));
    const before = result.previous
      ? ` (was ${result.previous.min === result.previous.max ? formatHours(result.previous.max) : `${formatHours(result.previous.min)}–${formatHours(result.previous.max)}`})`
      : '';
    io.out(`Estimate for ${result.nodeId} ${result.title}: ${formatHours(result.hours)}${before}`);
  });
}
