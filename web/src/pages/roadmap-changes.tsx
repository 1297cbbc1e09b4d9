/**
 * Every change made on the Roadmap page goes through here, so the page keeps one rule for all of them: a change
 * to one item acts at once, a change to several asks first (with the count from the tree), and each is
 * confirmed by a toast with Undo; the last one can also be undone from the page itself (`UndoLastChange`), and
 * after an Undo focus returns to the row it was about.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { changeIdOf, useToasts } from '../api/toasts';
import type { Status, StatusChangeResult, StatusNode } from '../api/types';
import { useAction } from '../api/use-api';
import { ActionError } from '../components/action-error';
import { ModalDialog } from '../components/modal-dialog';
import { changeMessage, confirmationOf, isLeafNode, itemsChanged, withPending } from './status-change-model';

interface LastChange {
  change: string;
  message: string;
  nodeId: string;
  toast: number;
}

interface Asking {
  node: StatusNode;
  status: Status;
  count: number;
}

export interface RoadmapChanges {
  /** Marks a node (a parent: the items beneath it); asks first when that is more than one item. */
  requestStatus: (node: StatusNode, status: Status) => void;
  /** The status a row shows: the one just asked for until the server's fresh tree arrives. */
  statusOf: (node: StatusNode) => Status;
  /** Confirms a write made elsewhere on the page (log, note, evidence, correction) with an Undo toast. */
  record: (result: unknown, message: string, nodeId: string) => void;
  last: LastChange | undefined;
  undoLast: () => void;
  undoBusy: boolean;
  undoError: unknown;
  statusBusy: boolean;
  statusError: unknown;
}

const ChangesContext = createContext<RoadmapChanges | null>(null);

export function useRoadmapChanges(): RoadmapChanges {
  const changes = useContext(ChangesContext);
  if (!changes) throw new Error('useRoadmapChanges needs a RoadmapChangesProvider');
  return changes;
}

/**
 * Puts focus on the row of `nodeId` after an Undo (whose button just went away); while a modal (the phone's
 * sheet) is open the row is inert, so focus stays in the modal instead of falling to the page.
 */
function focusRow(nodeId: string) {
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`[role="treeitem"][data-id="${CSS.escape(nodeId)}"]`);
    const modals = document.querySelectorAll<HTMLDialogElement>('dialog[open]');
    const modal = modals[modals.length - 1];
    if (modal && !(row && modal.contains(row))) modal.querySelector<HTMLElement>('button')?.focus();
    else if (row) row.focus();
    // The row is not on screen (the Diagram, a filter): the page's content, rather than nowhere.
    else document.getElementById('main')?.focus({ preventScroll: true });
  });
}

export function RoadmapChangesProvider({
  roadmapId,
  nodes,
  children,
}: {
  roadmapId: string;
  nodes: StatusNode[] | undefined;
  children: ReactNode;
}) {
  const statusAction = useAction();
  const undoAction = useAction();
  const { show, dismiss } = useToasts();
  const [asking, setAsking] = useState<Asking>();
  const [last, setLast] = useState<LastChange>();
  // Optimistic status: a row shows the new status at once; fresh data from the server replaces it.
  const [pending, setPending] = useState<ReadonlyMap<string, Status>>(() => new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: new `nodes` means the server's answer arrived
  useEffect(() => setPending(new Map()), [nodes]);

  const record = useCallback(
    (result: unknown, message: string, nodeId: string) => {
      const change = changeIdOf(result);
      if (!change) {
        show({ message });
        return;
      }
      const toast = show({
        message,
        undoChange: change,
        onUndone: () => {
          setLast((current) => (current?.change === change ? undefined : current));
          focusRow(nodeId);
        },
      });
      setLast({ change, message, nodeId, toast });
    },
    [show],
  );

  const { run: runStatus } = statusAction;
  const apply = useCallback(
    async (node: StatusNode, status: Status) => {
      setPending((current) => new Map(current).set(node.id, status));
      const result = await runStatus(() =>
        api.post<StatusChangeResult>('/api/status', { items: [`${roadmapId}:${node.id}`], status }),
      );
      if (result === undefined) {
        setPending((current) => {
          const next = new Map(current);
          next.delete(node.id);
          return next;
        });
        return;
      }
      const message = changeMessage(node, status, result.items.length);
      if (result.items.length === 0) show({ message, tone: 'info' });
      else record(result, message, node.id);
    },
    [roadmapId, runStatus, record, show],
  );

  const requestStatus = useCallback(
    (shown: StatusNode, status: Status) => {
      const node = withPending(shown, pending);
      const count = itemsChanged(node, status);
      // Nothing would change: say so rather than send a request that records nothing.
      if (count === 0) show({ message: changeMessage(node, status, 0), tone: 'info' });
      else if (isLeafNode(node) || count === 1) void apply(node, status);
      else setAsking({ node, status, count });
    },
    [apply, show, pending],
  );

  const { run: runUndo } = undoAction;
  const undoLast = useCallback(async () => {
    if (!last) return;
    const result = await runUndo(() => api.post('/api/undo', { change: last.change }), {
      success: () => `Undone: ${last.message}`,
    });
    // On failure (a later change came first, the store stayed busy) the control stays, with the error beside it.
    if (result === undefined) return;
    dismiss(last.toast);
    setLast(undefined);
    focusRow(last.nodeId);
  }, [last, runUndo, dismiss]);

  const value = useMemo<RoadmapChanges>(
    () => ({
      requestStatus,
      statusOf: (node) => pending.get(node.id) ?? node.status,
      record,
      last,
      undoLast: () => void undoLast(),
      undoBusy: undoAction.busy,
      undoError: undoAction.error,
      statusBusy: statusAction.busy,
      statusError: statusAction.error,
    }),
    [
      requestStatus,
      pending,
      record,
      last,
      undoLast,
      undoAction.busy,
      undoAction.error,
      statusAction.busy,
      statusAction.error,
    ],
  );

  return (
    <ChangesContext.Provider value={value}>
      {children}
      {asking && (
        <ConfirmBulkChange
          asking={asking}
          onCancel={() => setAsking(undefined)}
          onConfirm={() => {
            setAsking(undefined);
            void apply(asking.node, asking.status);
          }}
        />
      )}
    </ChangesContext.Provider>
  );
}

function ConfirmBulkChange({
  asking,
  onConfirm,
  onCancel,
}: {
  asking: Asking;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const words = confirmationOf(asking.node, asking.status, asking.count);
  return (
    <ModalDialog
      labelledBy="confirm-question"
      describedBy="confirm-detail"
      className="confirm"
      onClose={onCancel}
    >
      <h2 id="confirm-question">{words.question}</h2>
      <p id="confirm-detail">{words.detail}</p>
      <div className="form-actions">
        <button type="button" className="primary" data-autofocus onClick={onConfirm}>
          {words.confirm}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

/** "Undo last change: Marked 1.2 Vectors done": reverts exactly that change (the server refuses if another came after). */
export function UndoLastChange() {
  const { last, undoLast, undoBusy, undoError } = useRoadmapChanges();
  if (!last && undoError === undefined) return null;
  return (
    <div className="undo-last">
      {last && (
        <button type="button" onClick={undoLast} disabled={undoBusy}>
          Undo last change: <span className="undo-last-what">{last.message}</span>
        </button>
      )}
      <ActionError error={undoError} />
    </div>
  );
}
