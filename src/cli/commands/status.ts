import { EFFORT_MODEL } from '../../app/effort-model.js';
import type { RoadmapStatus, StatusNode } from '../../app/progress-view.js';
import { cachedStatus } from '../../app/status-cache.js';
import { WaymarkError } from '../../core/errors.js';
import type { WaymarkEvent } from '../../core/progress/events.js';
import type { RoadmapRecord, Store } from '../../store/port.js';
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
  await withWorkspace(
    options,
    io,
    async ({ store }) => {
      const records = store.listRoadmaps();
      if (roadmapId !== undefined && !records.some((record) => record.id === roadmapId)) {
        const known = records.map((record) => record.id);
        throw new WaymarkError(
          'NOT_FOUND',
          `no roadmap "${roadmapId}".`,
          known.length ? `Known: ${known.join(', ')}` : 'Import one with `waymark import FILE`.',
        );
      }
      const roadmaps = await statuses(store, records, roadmapId);
      if (options.json) {
        io.out(JSON.stringify(roadmapId === undefined ? roadmaps : roadmaps[0]));
        return;
      }
      if (roadmaps.length === 0) io.out('No roadmaps yet. Import one: waymark import ai-engineer');
      for (const roadmap of roadmaps) printRoadmap(roadmap, depth, io);
    },
    'read',
  );
}

/**
 * The status views, from the cache when nothing changed since they were derived (the common case of a
 * read command); only otherwise is the code that derives them loaded.
 */
async function statuses(
  store: Store,
  all: readonly RoadmapRecord[],
  roadmapId: string | undefined,
): Promise<RoadmapStatus[]> {
  const records = all.filter((record) => roadmapId === undefined || record.id === roadmapId);
  const cached = records.map((record) => cachedStatus(store, record, EFFORT_MODEL));
  if (cached.every((status) => status !== undefined)) return cached as RoadmapStatus[];
  const [{ buildStatus }, { effortWeights }] = await Promise.all([
    import('../../app/progress-view.js'),
    import('../../app/effort.js'),
  ]);
  return buildStatus(store, effortWeights, roadmapId, EFFORT_MODEL);
}

function printRoadmap(roadmap: RoadmapStatus, depth: number, io: Io): void {
  const { progress } = roadmap;
  io.out(`${io.style('bold', roadmap.title)}  ${io.style('dim', roadmap.id)}`);
  io.out(
    `  ${progressBar(progress.ratio)}  ${progress.done}/${progress.total} items · ${Math.round(progress.effortRatio * 100)}% by effort · ${formatMinutes(roadmap.minutes)} logged`,
  );
  if (roadmap.doing.length > 0) {
    const shown = roadmap.doing.slice(0, 5).map((item) => `${item.id} ${item.title}`);
    const more = roadmap.doing.length > 5 ? ` … and ${roadmap.doing.length - 5} more` : '';
    io.out(`  In progress: ${shown.join('; ')}${more}`);
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
  // Information headings are shown only when items sit beneath them (nothing counted is hidden).
  for (const node of roadmap.nodes)
    if (node.trackable || node.kind !== 'info' || node.total > 0) visit(node, 0);
  io.out('');
}

export interface ShowOptions extends StoreOptions {
  json?: boolean;
}

/** `waymark show ITEM`: one item (archived ones too) with its history, notes, evidence and time. */
export async function showCommand(ref: string, options: ShowOptions, io: Io): Promise<void> {
  const [{ itemView }, { findItem }, { isLeaf }] = await Promise.all([
    import('../../app/item-view.js'),
    import('../../app/tracking-service.js'),
    import('../../core/progress/items.js'),
  ]);
  await withWorkspace(
    options,
    io,
    (workspace) => {
      if (options.json) {
        // The same view as GET /api/items/:roadmapId/:nodeId.
        io.out(JSON.stringify(itemView(workspace, ref)));
        return;
      }
      const view = itemView(workspace, ref);
      const item = findItem(workspace, ref, { archived: true });
      const { progress, counts } = view;
      const itemRef = `${item.roadmapId}:${item.node.id}`;
      io.out(`${io.style('bold', item.node.title)}  ${io.style('dim', itemRef)}`);
      const leaf = view.archived !== undefined || isLeaf(item.node);
      const since =
        progress.statusAt && leaf ? ` since ${progress.statusAt.slice(0, 16).replace('T', ' ')}` : '';
      const beneath = leaf ? '' : ` (${counts.done}/${counts.total} items beneath it)`;
      const where = view.archived ? 'archived' : `source line ${item.node.source.line}`;
      io.out(
        `  ${view.archived ? 'item' : item.node.kind} · ${progress.status}${since}${beneath} · ${formatMinutes(counts.minutes)} logged · ${where}`,
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
        io.out(`  Move it onto an item of the roadmap with \`waymark reattach ${itemRef} NEW_ITEM\`.`);
      }
      for (const link of item.node.links ?? []) io.out(`  link: ${link.text} <${link.url}>`);
      for (const [key, value] of Object.entries(item.node.meta ?? {})) io.out(`  ${key}: ${value}`);
      if (progress.notes.length > 0) io.out('Notes:');
      for (const note of progress.notes) io.out(`  ${note.at.slice(0, 10)}  ${note.text}`);
      if (progress.evidence.length > 0) io.out('Evidence:');
      for (const evidence of progress.evidence)
        io.out(`  ${evidence.at.slice(0, 10)}  ${evidence.kind}: ${evidence.ref}`);
      if (view.history.length > 0) io.out('History:');
      for (const { undone, ...event } of view.history) {
        const what =
          event.type === 'status'
            ? `status ${event.status}`
            : event.type === 'log'
              ? `logged ${formatMinutes(event.minutes)}${event.note ? ` (${event.note})` : ''}`
              : (identityChange(event as WaymarkEvent) ?? event.type);
        const when = event.at.slice(0, 16).replace('T', ' ');
        // Marked in words too: strikethrough is lost without colour (NO_COLOR, a pipe).
        io.out(`  ${when}  ${undone ? `${io.style('strikethrough', what)} (undone)` : what}`);
      }
    },
    'read',
  );
}

/** History lines for the events that moved the item's identity (re-import, sync, reattach). */
function identityChange(event: WaymarkEvent): string | undefined {
  if (event.type === 'archive') return "archived (it left the roadmap's file; progress kept)";
  if (event.type !== 'rename') return undefined;
  if (event.from === event.to) return 'back in the file (archived progress restored)';
  return `progress moved from ${event.from} to ${event.to}`;
}
