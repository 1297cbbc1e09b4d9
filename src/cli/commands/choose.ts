import { chooseOption } from '../../app/planning-service.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

/** `waymark choose ITEM [--clear]`: pick an option of a "Choose 1-2" group (or drop it / the group's choice). */
export async function chooseCommand(
  ref: string,
  options: StoreOptions & { clear?: boolean; json?: boolean },
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const result = chooseOption(workspace, ref, { clear: options.clear === true });
    if (options.json) return io.out(JSON.stringify(result));
    const { group } = result;
    const chosen = result.chosen.length > 0 ? `chosen ${result.chosen.join(', ')}` : 'no choice';
    io.out(
      `${group.title} (choose ${group.choose.min}-${group.choose.max}): ${chosen}; the plan includes ${result.included.join(', ') || 'none'}.`,
    );
  });
}
