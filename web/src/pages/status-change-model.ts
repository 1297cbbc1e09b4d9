/**
 * What a status change on a row of the tree will do, worked out from the tree alone (pure): what its box shows,
 * which way a click or Space moves it, how many items it acts on (so a change to several asks first) and the
 * words the confirmation and the toast use. The counting mirrors the server's rule
 * (`src/core/progress/status-targets.ts`): a parent acts on the leaves beneath it.
 */
import type { Status, StatusNode } from '../api/types';

/** What a row's box shows: ticked when finished (done or skipped), mixed when only some items beneath are. */
export type BoxState = 'true' | 'false' | 'mixed';

/** A leaf: trackable with nothing trackable beneath it (status is recorded on leaves only). */
export function isLeafNode(node: StatusNode): boolean {
  if (!node.trackable) return false;
  const stack = [...node.children];
  while (stack.length > 0) {
    const next = stack.pop() as StatusNode;
    if (next.trackable) return false;
    stack.push(...next.children);
  }
  return true;
}

export function boxState(node: StatusNode, status: Status = node.status): BoxState {
  if (status === 'done' || status === 'skipped') return 'true';
  if (!isLeafNode(node) && node.done > 0 && node.done < node.total) return 'mixed';
  return 'false';
}

/**
 * The one rule for a click or Space on a row: it moves the box the way it shows. A ticked box unticks (back to
 * to do); an unticked or mixed one ticks (done). So Space never does the opposite of what the row says.
 */
export const toggledStatus = (box: BoxState): Status => (box === 'true' ? 'todo' : 'done');

/** Which current statuses a change of a parent acts on (status-targets.ts). */
const ACTS_ON: Record<Status, (current: Status) => boolean> = {
  done: (current) => current === 'todo' || current === 'doing',
  skipped: (current) => current === 'todo' || current === 'doing',
  doing: (current) => current === 'todo',
  todo: (current) => current !== 'todo',
};

/**
 * How many items the change acts on: a leaf named directly changes when its status differs; a parent acts on
 * the items beneath it by ACTS_ON. Leaves that are not items (total 0: checkpoints, options not chosen) are not
 * counted, as in every "N items" of the dashboard.
 */
export function itemsChanged(node: StatusNode, status: Status): number {
  if (isLeafNode(node)) return node.status === status ? 0 : 1;
  // One walk: a child is a leaf when it is trackable and nothing trackable lies beneath it.
  const visit = (entry: StatusNode): { changed: number; trackableBelow: boolean } => {
    let changed = 0;
    let trackableBelow = false;
    for (const child of entry.children) {
      const below = visit(child);
      if (child.trackable && !below.trackableBelow) {
        if (child.total > 0 && ACTS_ON[status](child.status)) changed++;
      } else changed += below.changed;
      trackableBelow ||= child.trackable || below.trackableBelow;
    }
    return { changed, trackableBelow };
  };
  return visit(node).changed;
}

const finished = (status: Status) => status === 'done' || status === 'skipped';

/**
 * The node as it will be once the changes still on their way land (`pending`: node id → status asked for), so
 * a second press on a row before the server's fresh tree arrives counts and words what the row now shows, not
 * what it showed before the first. Only the node and what is beneath it are rewritten.
 */
export function withPending(node: StatusNode, pending: ReadonlyMap<string, Status>): StatusNode {
  if (pending.size === 0) return node;
  const visit = (entry: StatusNode, acting: Status | undefined): StatusNode => {
    const own = pending.get(entry.id);
    const status = own ?? acting;
    if (status === undefined) return entry;
    if (isLeafNode(entry)) {
      const next = own !== undefined || ACTS_ON[status](entry.status) ? status : entry.status;
      return next === entry.status
        ? entry
        : { ...entry, status: next, done: finished(next) ? entry.total : 0 };
    }
    const children = entry.children.map((child) => visit(child, status));
    const done = children.reduce((sum, child) => sum + child.done, 0);
    return { ...entry, children, done, status: own ?? entry.status };
  };
  return visit(node, undefined);
}

export const STATUS_PHRASE: Record<Status, string> = {
  todo: 'to do',
  doing: 'in progress',
  done: 'done',
  skipped: 'skipped',
};

const items = (count: number) => (count === 1 ? '1 item' : `${count} items`);

/** "1.1.1.1 Vectors and matrices": how a toast names one item. */
export const itemName = (node: { id: string; title: string }) => `${node.id} ${node.title}`;

/** The question asked before a change to several items, and its buttons. */
export function confirmationOf(node: StatusNode, status: Status, count: number) {
  const phrase = STATUS_PHRASE[status];
  const scope: Record<Status, string> = {
    done: 'The unfinished items beneath it; those already finished keep their status.',
    skipped: 'The unfinished items beneath it; those already finished keep their status.',
    doing: 'The items beneath it that are not started yet.',
    todo: 'Every item beneath it that is started or finished goes back to to do; logged time, notes and evidence stay.',
  };
  return {
    question: `Mark ${items(count)} in “${node.title}” ${phrase}?`,
    detail: `${scope[status]} One Undo reverts the whole change.`,
    confirm: `Mark ${items(count)} ${phrase}`,
  };
}

/** The toast after the server's answer (`changed` = leaves it changed). */
export function changeMessage(node: StatusNode, status: Status, changed: number): string {
  const phrase = STATUS_PHRASE[status];
  if (isLeafNode(node))
    return changed === 0 ? `${itemName(node)} is already ${phrase}` : `Marked ${itemName(node)} ${phrase}`;
  if (changed === 0) return `Nothing to change: the items in “${node.title}” are already ${phrase}`;
  return `Marked ${items(changed)} in “${node.title}” ${phrase}`;
}

/** The node with `id` in the tree, if any (iterative: a deep roadmap cannot overflow the stack). */
export function findNode(nodes: StatusNode[], id: string | undefined): StatusNode | undefined {
  if (id === undefined) return undefined;
  const stack = [...nodes];
  while (stack.length > 0) {
    const next = stack.pop() as StatusNode;
    if (next.id === id) return next;
    stack.push(...next.children);
  }
  return undefined;
}
