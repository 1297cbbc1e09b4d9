import { addEvidence, addNote, logTime, setStatus, undoLastChange } from '../../app/tracking-service.js';
import type { Status } from '../../core/progress/events.js';
import { formatMinutes } from '../format/progress-bar.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

export interface EventOptions extends StoreOptions {
  json?: boolean;
  at?: string;
}

const VERB: Record<Status, string> = { todo: 'Reset', doing: 'Started', done: 'Done', skipped: 'Skipped' };

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
        }),
      );
      return;
    }
    const shown = change.items.slice(0, 10).map((item) => `${item.node.id} ${item.node.title}`);
    const more = change.items.length > 10 ? ` … and ${change.items.length - 10} more` : '';
    io.out(`${VERB[status]}: ${shown.join('; ')}${more}`);
  });
}

export async function undoCommand(options: EventOptions, io: Io): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const { undone } = undoLastChange(workspace);
    if (options.json) {
      io.out(JSON.stringify({ undone }));
      return;
    }
    const describe = undone.map((event) =>
      event.type === 'status'
        ? `${event.nodeId} -> ${event.status}`
        : `${event.type}${event.nodeId ? ` on ${event.nodeId}` : ''}`,
    );
    io.out(
      `Undone: ${describe.slice(0, 10).join(', ')}${describe.length > 10 ? ` … and ${describe.length - 10} more` : ''}`,
    );
  });
}

export async function logCommand(
  duration: string,
  ref: string | undefined,
  options: EventOptions & { message?: string },
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const result = logTime(workspace, duration, ref, {
      ...(options.message ? { note: options.message } : {}),
      ...(options.at ? { at: options.at } : {}),
    });
    if (options.json) io.out(JSON.stringify(result.event));
    else
      io.out(
        `Logged ${formatMinutes(result.minutes)}${result.item ? ` on ${result.item.node.id} ${result.item.node.title}` : ''}`,
      );
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
    const result = addEvidence(workspace, ref, evidence, options);
    if (options.json) io.out(JSON.stringify(result.event));
    else io.out(`Added ${result.kind} evidence to ${result.item.node.id} ${result.item.node.title}`);
  });
}
