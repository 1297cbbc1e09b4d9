import { learnerTimeZone } from '../../app/learner-clock.js';
import {
  addEvidence,
  addNote,
  describeUndone,
  logTime,
  type StatusChange,
  setStatus,
  undoLastChange,
} from '../../app/tracking-service.js';
import type { Status } from '../../core/progress/events.js';
import { isLeaf } from '../../core/progress/items.js';
import { formatMinutes } from '../format/progress-bar.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface EventOptions extends StoreOptions {
  json?: boolean;
  at?: string;
  force?: boolean;
}

const VERB: Record<Status, string> = { todo: 'Reset', doing: 'Started', done: 'Done', skipped: 'Skipped' };
const STATE: Record<Status, string> = {
  todo: 'todo',
  doing: 'in progress',
  done: 'done',
  skipped: 'skipped',
};

/** `waymark start|done|skip|reset ITEM... [--all]`. */
export async function statusChangeCommand(
  status: Status,
  refs: string[],
  options: EventOptions & { all?: boolean },
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const change = setStatus(workspace, refs, status, options);
    if (options.json) {
      io.out(
        JSON.stringify({
          status,
          items: change.items.map((item) => `${item.roadmapId}:${item.node.id}`),
          events: change.events,
          named: change.named.map(({ item, changed, unchanged }) => ({
            item: `${item.roadmapId}:${item.node.id}`,
            changed,
            unchanged,
          })),
        }),
      );
      return;
    }
    for (const line of describeStatusChange(status, change)) io.out(line);
  });
}

/** One line per item named; a parent says how many items beneath it changed, and that one undo reverts it. */
export function describeStatusChange(status: Status, change: StatusChange): string[] {
  const lines = change.named.map(({ item, changed, unchanged }) => {
    const label = `${item.node.id} ${item.node.title}`;
    if (isLeaf(item.node))
      return changed > 0
        ? `${VERB[status]}: ${label}`
        : `Already ${STATE[status]}: ${label} (nothing recorded)`;
    const beneath = `${changed} item${changed === 1 ? '' : 's'} beneath it`;
    const kept =
      unchanged > 0
        ? ` (${unchanged} already ${STATE[status]}${status === 'doing' ? ' or finished' : ''}, left as they were)`
        : '';
    return changed > 0
      ? `${VERB[status]}: ${label}: ${beneath}${kept}`
      : `Already ${STATE[status]}: ${label} and everything beneath it (nothing recorded)`;
  });
  if (change.events.length > 0 && change.named.some(({ item }) => !isLeaf(item.node)))
    lines.push('One change: `waymark undo` reverts it all.');
  return lines;
}

export async function undoCommand(options: EventOptions, io: Io): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const { undone } = undoLastChange(workspace);
    if (options.json) {
      io.out(JSON.stringify({ undone }));
      return;
    }
    const lines = describeUndone(workspace, undone);
    io.out(
      lines.length === 1
        ? `Undone: ${lines[0]}`
        : ['Undone:', ...lines.map((line) => `  ${line}`)].join('\n'),
    );
  });
}

export async function logCommand(
  duration: string,
  ref: string | undefined,
  options: EventOptions & { message?: string; roadmap?: string },
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const result = logTime(workspace, duration, ref, {
      ...(options.message ? { note: options.message } : {}),
      ...(options.at ? { at: options.at } : {}),
      ...(options.roadmap !== undefined ? { roadmap: options.roadmap } : {}),
      ...(options.force ? { force: true } : {}),
      timeZone: learnerTimeZone(io.env),
    });
    if (options.json) {
      io.out(JSON.stringify(result.event));
      return;
    }
    const where = result.item
      ? ` on ${result.item.node.id} ${result.item.node.title}`
      : ` on roadmap ${result.event.roadmapId}`;
    const why = result.inferredFrom
      ? ` (the roadmap of ${result.inferredFrom.node.id} ${result.inferredFrom.node.title}, the one item in progress; name another with --roadmap)`
      : '';
    io.out(`Logged ${formatMinutes(result.minutes)}${where}${why}`);
  });
}

export async function noteCommand(ref: string, text: string[], options: EventOptions, io: Io): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const result = addNote(workspace, ref, text.join(' '), options);
    if (options.json) io.out(JSON.stringify(result.event));
    else io.out(`Noted on ${result.item.node.id} ${result.item.node.title}`);
  });
}

export async function evidenceCommand(
  ref: string,
  evidence: string,
  options: EventOptions & { kind?: string },
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const result = addEvidence(workspace, ref, evidence, { ...options, cwd: process.cwd() });
    if (options.json) io.out(JSON.stringify(result.event));
    else io.out(`Added ${result.kind} evidence to ${result.item.node.id} ${result.item.node.title}`);
  });
}
