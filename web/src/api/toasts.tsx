/**
 * Toasts: the confirmation of every action, fixed at the bottom of the viewport so it is in sight wherever the
 * learner acted. A toast for a change carries Undo, which reverts exactly that change (POST /api/undo with its
 * changeId: the server refuses when something came after it, rather than undoing the wrong thing).
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api, errorMessage } from './client';
import { useLive } from './live';

export type ToastTone = 'done' | 'error' | 'info';

export interface ToastInput {
  message: string;
  tone?: ToastTone;
  /** The change to revert with the toast's Undo button (the events' `changeId`). */
  undoChange?: string;
  /** After a successful Undo, e.g. to put focus back on the acted-on row. */
  onUndone?: () => void;
}

interface Toast extends ToastInput {
  id: number;
  tone: ToastTone;
}

interface Toasts {
  toasts: Toast[];
  show: (toast: ToastInput) => number;
  dismiss: (id: number) => void;
}

const ToastContext = createContext<Toasts>({ toasts: [], show: () => 0, dismiss: () => {} });

/** How long a toast stays; one with Undo stays longer, and none leaves while the pointer or focus is on it. */
export const TOAST_MS = 6_000;
export const UNDO_TOAST_MS = 10_000;
const MAX_TOASTS = 3;

let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((input: ToastInput) => {
    const id = nextId++;
    setToasts((list) => [...list.slice(-(MAX_TOASTS - 1)), { ...input, id, tone: input.tone ?? 'done' }]);
    return id;
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const value = useMemo(() => ({ toasts, show, dismiss }), [toasts, show, dismiss]);
  return <ToastContext.Provider value={value}>{children}</ToastContext.Provider>;
}

export const useToasts = () => useContext(ToastContext);

/** The changeId of a write's answer: `{ events: [...] }`, `{ event }` or an event itself. */
export function changeIdOf(result: unknown): string | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const record = result as { changeId?: unknown; event?: unknown; events?: unknown };
  if (typeof record.changeId === 'string') return record.changeId;
  if (Array.isArray(record.events)) return changeIdOf(record.events[0]);
  if (record.event !== undefined) return changeIdOf(record.event);
  return undefined;
}

export function ToastRegion() {
  const { toasts } = useToasts();
  return (
    <div className="toasts" aria-live="polite" aria-relevant="additions text">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const { dismiss, show } = useToasts();
  const { bump } = useLive();
  const [held, setHeld] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss(toast.id), toast.undoChange ? UNDO_TOAST_MS : TOAST_MS);
    return () => clearTimeout(timer);
  }, [held, dismiss, toast.id, toast.undoChange]);
  const undo = async () => {
    setUndoing(true);
    try {
      await api.post('/api/undo', { change: toast.undoChange });
      bump();
      dismiss(toast.id);
      show({ message: `Undone: ${toast.message}`, tone: 'info' });
      toast.onUndone?.();
    } catch (error) {
      dismiss(toast.id);
      show({ message: `Could not undo. ${errorMessage(error)}`, tone: 'error' });
    } finally {
      setUndoing(false);
    }
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hover/focus only pause the timer
    <div
      ref={ref}
      className={`toast toast-${toast.tone}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!ref.current?.contains(event.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.undoChange ? (
        <button type="button" onClick={undo} disabled={undoing}>
          Undo
        </button>
      ) : null}
      <button
        type="button"
        className="link-button"
        aria-label={`Dismiss: ${toast.message}`}
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
