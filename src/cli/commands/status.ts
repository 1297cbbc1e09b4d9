import { EFFORT_MODEL, effortWeights } from '../../app/effort.js';
import { itemView } from '../../app/item-view.js';
import { buildStatus, type RoadmapStatus, type StatusNode } from '../../app/progress-view.js';
import { WaymarkError } from '../../core/errors.js';
import type { WaymarkEvent } from '../../core/progress/events.js';
import { formatMinutes, progressBar } from '../format/progress-bar.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface StatusOptions extends StoreOptions {
  json?: boolean;
  depth?: string;
}

const MARK: Record<string, string> = { todo: '[ ]', doing: '[~]', done: '[x]', skipped: '[-]' };

/** `waymark status [ROADMAP] [--depth N]`: progress bars per phase and section, time logged, work in progress. */
export async function statusCommand(
  roadmapId: string | undefined,
  options: StatusOptions,
  io: Io,
): Promise<void> {
  const depth = options.depth === undefined ? 2 : Number(options.depth);
  if (!Number.isInteger(depth) || depth < 0) {
    throw new WaymarkError('USAGE', `--depth must be a whole number (got "${options.depth}").`);
  }
  await withWorkspace(options, io, ({ store }) => {
    if (roadmapId !== undefined && !store.getRoadmap(roadmapId)) {
      const known = store.listRoadmaps().map((record) => record.id);
      throw new WaymarkError(
        'NOT_FOUND',
        `no roadmap "${roadmapId}".`,
        known.length ? `Known: ${known.join(', ')}` : 'Import one with `waymark import FILE`.',
      );
    }
    const roadmaps = buildStatus(store, effortWeights, roadmapId, EFFORT_MODEL);
    if (options.json) {
      io.out(JSON.stringify(roadmapId === undefined ? roadmaps : roadmaps[0]));
      return;
    }
    if (roadmaps.length === 0) io.out('No roadmaps yet. Import one: waymark import ai-engineer');
    for (const roadmap of roadmaps) printRoadmap(roadmap, depth, io);
  });
}

function printRoadmap(roadmap: RoadmapStatus, depth: number, io: Io): void {
  const { progress } = roadmap;
  io.out(`${io.style('bold', roadmap.title)}  ${io.style('dim', roadmap.id)}`);
  io.out(
    `  ${progressBar(progress.ratio)}  ${progress.done}/${progress.total} items · ${Math.round(progress.effortRatio * 100)}% by effort · ${formatMinutes(roadmap.minutes)} logged`,
  );
  if (roadmap.doing.length > 0) {
    io.out(`  In progress: ${roadmap.doing.map((item) => `${item.id} ${item.title}`).join('; ')}`);
  }
  const visit = (node: StatusNode, level: number) => {
    if (level >= depth) return;
    const indent = '  '.repeat(level + 1);
    const bar =
      node.total > 1
        ? `  ${progressBar(node.total ? node.done / node.total : 0, 10)} ${node.done}/${node.total}`
        : '';
    const time = node.minutes > 0 ? io.style('dim', ` · ${formatMinutes(node.minutes)}`) : '';
    const mark = node.trackable ? `${MARK[node.status] ?? '[ ]'} ` : '    ';
    const title = node.status === 'done' ? io.style('green', node.title) : node.title;
    io.out(`${indent}${mark}${io.style('dim', node.id)} ${title}${bar}${time}`);
    for (const child of node.children) visit(child, level + 1);
  };
  for (const node of roadmap.nodes) if (node.trackable || node.kind !== 'info') visit(node, 0);
  io.out('');
}

export interface ShowOptions extends StoreOptions {
  json?: boolean;
}

/** `waymark show ITEM`: one item with its history, notes, evidence and time. */
export async function showCommand(ref: string, options: ShowOptions, io: Io): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    if (options.json) {
      // The same view as GET /api/items/:roadmapId/:nodeId.
      io.out(JSON.stringify(itemView(workspace, ref)));
      return;
    }
    const view = itemView(workspace, ref);
    const item = { roadmapId: view.roadmapId, node: view.node };
    const { progress } = view;
    const history = view.history.map(({ undone, ...event }) => ({ event: event as WaymarkEvent, undone }));
    const ref2 = `${item.roadmapId}:${item.node.id}`;
    io.out(`${io.style('bold', item.node.title)}  ${io.style('dim', ref2)}`);
    const where = view.archived ? 'archived' : `source line ${item.node.source.line}`;
    io.out(
      `  ${view.archived ? 'item' : item.node.kind} · ${progress.status}${progress.statusAt ? ` since ${progress.statusAt.slice(0, 16).replace('T', ' ')}` : ''} · ${formatMinutes(progress.minutes)} logged · ${where}`,
    );
    if (view.archived) {
      const under =
        view.archived.path.length > 0 ? `, where it sat under ${view.archived.path.join(' > ')}` : '';
      io.out(
        io.style(
          'yellow',
          `  Archived ${view.archived.at.slice(0, 10)}: it left the roadmap's file${under}. Its progress is kept.`,
        ),
      );
      io.out(`  Move it onto an item of the roadmap with \`waymark reattach ${ref2} NEW_ITEM\`.`);
    }
    for (const link of item.node.links ?? []) io.out(`  link: ${link.text} <${link.url}>`);
    for (const [key, value] of Object.entries(item.node.meta ?? {})) io.out(`  ${key}: ${value}`);
    if (progress.notes.length > 0) io.out('Notes:');
    for (const note of progress.notes) io.out(`  ${note.at.slice(0, 10)}  ${note.text}`);
    if (progress.evidence.length > 0) io.out('Evidence:');
    for (const evidence of progress.evidence)
      io.out(`  ${evidence.at.slice(0, 10)}  ${evidence.kind}: ${evidence.ref}`);
    if (history.length > 0) io.out('History:');
    for (const { event, undone } of history) {
      const what =
        event.type === 'status'
          ? `status ${event.status}`
          : event.type === 'log'
            ? `logged ${formatMinutes(event.minutes)}${event.note ? ` (${event.note})` : ''}`
            : (identityChange(event) ?? event.type);
      io.out(
        `  ${event.at.slice(0, 16).replace('T', ' ')}  ${undone ? io.style('strikethrough', what) : what}`,
      );
    }
  });
}

/** History lines for the events that moved the item's identity (re-import, sync, reattach). */
function identityChange(event: WaymarkEvent): string | undefined {
  if (event.type === 'archive') return "archived (it left the roadmap's file; progress kept)";
  if (event.type !== 'rename') return undefined;
  if (event.from === event.to) return 'back in the file (archived progress restored)';
  return `progress moved from ${event.from} to ${event.to}`;
}
