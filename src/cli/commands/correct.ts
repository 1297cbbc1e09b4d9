import { type Correction, correctItem } from '../../app/correction-service.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

const describeState = (state: { kind: string; trackable: boolean }) =>
  `${state.kind}, ${state.trackable ? 'work' : 'not work'}`;

/**
 * `waymark exclude ITEM` (not work), `waymark include ITEM` (work), `waymark kind ITEM KIND`: corrects the
 * importer's reading of an item; the plan and every view follow, and it survives re-imports. `undo` reverts it.
 */
export async function correctCommand(
  ref: string,
  correction: Correction,
  options: StoreOptions & { json?: boolean },
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const result = correctItem(workspace, ref, correction);
    if (options.json) return io.out(JSON.stringify(result));
    const name = `${result.roadmapId}:${result.nodeId} ${result.title}`;
    if (result.events.length === 0) {
      io.out(`${name} is already ${describeState(result.after)}; nothing changed.`);
      return;
    }
    const beneath = result.affected > 1 ? ` (${result.affected} items with what is beneath it)` : '';
    io.out(`${name}: ${describeState(result.before)} -> ${describeState(result.after)}${beneath}.`);
    io.out(io.style('dim', '  The plan and every view follow; `waymark undo` reverts it.'));
  });
}
