import { useCallback, useEffect, useRef, useState } from 'react';
import { useAlerts } from './alerts';
import { busyNotice, retryWhenBusy } from './busy-retry';
import { api, errorMessage } from './client';
import { useLive } from './live';
import { changeIdOf, useToasts } from './toasts';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/** Reads started before the first render (see prefetch), taken by the first useApi of the same path. */
const early = new Map<string, Promise<unknown>>();

/**
 * Starts GETs a page will make, as soon as the code runs instead of after React's first render and its
 * effects: the first page's data is then on its way while the page is still being built.
 */
export function prefetch(paths: readonly string[]): void {
  for (const path of paths) {
    const request = api.get(path);
    request.catch(() => {}); // the page's own useApi reports a failure
    early.set(path, request);
  }
}

/**
 * GETs `path` (null: nothing to load) and refetches it whenever the server reports a change.
 * Failures are reported to the alert region and kept in `error` for the page to show.
 */
export function useApi<T>(path: string | null): Resource<T> {
  const { version } = useLive();
  const { report } = useAlerts();
  const [state, setState] = useState<Resource<T>>({ data: undefined, error: undefined, loading: true });
  const lastPath = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the refetch trigger
  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    const pathChanged = lastPath.current !== path;
    lastPath.current = path;
    setState((previous) => ({
      data: pathChanged ? undefined : previous.data,
      error: undefined,
      loading: true,
    }));
    const started = early.get(path) as Promise<T> | undefined;
    early.delete(path);
    (started ?? api.get<T>(path)).then(
      (data) => {
        if (!cancelled) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (cancelled) return;
        report(error);
        setState((previous) => ({ data: previous.data, error, loading: false }));
      },
    );
    return () => {
      cancelled = true;
    };
    // version: refetch on every live change
  }, [path, version, report]);
  return state;
}

export interface ActionOptions<T> {
  /** The confirmation shown in a toast when the write succeeds ("Marked 1.2 Vectors done"). */
  success?: (result: T) => string | undefined;
  /** Offer Undo on the toast (reverts exactly this write's change). */
  undoable?: boolean;
  /** After Undo succeeded: e.g. put focus back on the acted-on row. */
  onUndone?: () => void;
}

/**
 * Runs a write and confirms it in a toast (with Undo when asked); a failure is kept in `error`, for the page to
 * show next to the control that acted (see ActionError), and told in a toast too, so it is in sight wherever
 * the learner is. Every resource refreshes on success. While the store is busy (503) it says so and tries
 * again after the server's Retry-After (see busy-retry.ts).
 */
export function useAction() {
  const { show, dismiss } = useToasts();
  const { bump } = useLive();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(
    async <T>(action: () => Promise<T>, options: ActionOptions<T> = {}): Promise<T | undefined> => {
      setBusy(true);
      setError(undefined);
      let waiting: number | undefined;
      try {
        const result = await retryWhenBusy(action, (wait) => {
          if (waiting !== undefined) dismiss(waiting);
          waiting = show({ message: busyNotice(wait), tone: 'info' });
        });
        bump();
        const message = options.success?.(result);
        if (message) {
          const change = options.undoable ? changeIdOf(result) : undefined;
          show({
            message,
            ...(change ? { undoChange: change } : {}),
            ...(options.onUndone ? { onUndone: options.onUndone } : {}),
          });
        }
        return result;
      } catch (caught) {
        setError(caught);
        show({ message: errorMessage(caught), tone: 'error' });
        return undefined;
      } finally {
        if (waiting !== undefined) dismiss(waiting);
        setBusy(false);
      }
    },
    [show, dismiss, bump],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy, error, clearError };
}
