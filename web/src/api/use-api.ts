import { useCallback, useEffect, useRef, useState } from 'react';
import { useAlerts } from './alerts';
import { busyNotice, retryWhenBusy } from './busy-retry';
import { api } from './client';
import { useLive } from './live';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
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
    api.get<T>(path).then(
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

/**
 * Runs a write, reports its failure, and refreshes every resource on success. While the store is busy (503)
 * it says so in the alert region and tries again after the server's Retry-After (see busy-retry.ts).
 */
export function useAction() {
  const { report, notice, dismiss } = useAlerts();
  const { bump } = useLive();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      let waiting: number | undefined;
      try {
        const result = await retryWhenBusy(action, (wait) => {
          waiting = notice(busyNotice(wait), waiting);
        });
        bump();
        return result;
      } catch (error) {
        report(error);
        return undefined;
      } finally {
        if (waiting !== undefined) dismiss(waiting);
        setBusy(false);
      }
    },
    [report, notice, dismiss, bump],
  );
  return { run, busy };
}
