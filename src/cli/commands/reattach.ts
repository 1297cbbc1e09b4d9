import { reattachItem } from '../../app/reattach-service.js';
import { formatMinutes } from '../format/progress-bar.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface ReattachOptions extends StoreOptions {
  json?: boolean;
}

/** `waymark reattach OLD NEW`: gives an archived item's progress to an item of the roadmap. */
export async function reattachCommand(
  oldRef: string,
  newRef: string,
  options: ReattachOptions,
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const result = reattachItem(workspace, oldRef, newRef);
    if (options.json) {
      io.out(JSON.stringify({ event: result.event, progress: result.progress, merged: result.merged }));
      return;
    }
    const { from, to, progress } = result;
    io.out(
      `Re-attached ${from.roadmapId}:${from.node.id} "${from.node.title}" to ${to.node.id} ${io.style('bold', to.node.title)}`,
    );
    const facts = [
      progress.status,
      `${formatMinutes(progress.minutes)} logged`,
      progress.notes.length > 0 ? `${progress.notes.length} notes` : '',
      progress.evidence.length > 0 ? `${progress.evidence.length} evidence` : '',
      progress.reviews.length > 0 ? `${progress.reviews.length} reviews` : '',
    ].filter((fact) => fact !== '');
    io.out(
      `  now ${facts.join(' · ')}${result.merged ? ' (merged with its own progress; the latest status wins)' : ''}`,
    );
    io.out(io.style('dim', '  `waymark undo` reverts it.'));
  });
}
