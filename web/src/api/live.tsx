import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

interface Live {
  /** Bumped on every `change` event from the server: resources refetch when it moves. */
  version: number;
  connected: boolean;
  bump: () => void;
}

const LiveContext = createContext<Live>({ version: 0, connected: false, bump: () => {} });

/**
 * Subscribes to /api/events/stream (EventSource reconnects by itself after a drop). A hidden tab lets its
 * stream go, because browsers allow only six HTTP/1.1 connections per host and each open tab holds one;
 * when the tab shows again it reconnects and refetches whatever it missed.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    // The server greets each client with `ready` and the current mark; `change` then means a new mark.
    let last: string | undefined;
    const onReady = (event: MessageEvent<string>) => {
      const mark = markOf(event.data);
      if (last !== undefined && mark !== last) setVersion((v) => v + 1); // missed while reconnecting
      last = mark;
    };
    const onChange = (event: MessageEvent<string>) => {
      const mark = markOf(event.data);
      if (mark !== undefined && mark === last) return;
      last = mark;
      setVersion((v) => v + 1);
    };
    const connect = () => {
      source = new EventSource('/api/events/stream');
      source.addEventListener('ready', onReady);
      source.addEventListener('change', onChange);
      source.onopen = () => setConnected(true);
      source.onerror = () => setConnected(false);
    };
    const disconnect = () => {
      source?.close();
      source = undefined;
      setConnected(false);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') disconnect();
      else if (!source) {
        connect();
        setVersion((v) => v + 1);
      }
    };
    connect();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      disconnect();
    };
  }, []);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const value = useMemo(() => ({ version, connected, bump }), [version, connected, bump]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export const useLive = () => useContext(LiveContext);

function markOf(data: string): string | undefined {
  try {
    const parsed = JSON.parse(data) as { seq?: unknown };
    return parsed && parsed.seq !== undefined ? String(parsed.seq) : undefined;
  } catch {
    return undefined;
  }
}
