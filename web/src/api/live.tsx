import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

interface Live {
  /** Bumped on every `change` event from the server: resources refetch when it moves. */
  version: number;
  connected: boolean;
  bump: () => void;
}

const LiveContext = createContext<Live>({ version: 0, connected: false, bump: () => {} });

/** Subscribes once to /api/events/stream; EventSource reconnects by itself after a drop. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [version, setVersion] = useState(0);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events/stream');
    // The server may greet a new client with the current mark: refetch only when the mark moves.
    let last: string | undefined;
    let openedAt = 0;
    const onChange = (event: MessageEvent<string>) => {
      const mark = markOf(event.data);
      const greeting = last === undefined && performance.now() - openedAt < 1000;
      if (mark !== undefined && mark === last) return;
      last = mark ?? '';
      if (!greeting || mark === undefined) setVersion((v) => v + 1);
    };
    source.addEventListener('change', onChange);
    source.onopen = () => {
      openedAt = performance.now();
      setConnected(true);
    };
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, []);
  const bump = () => setVersion((v) => v + 1);
  return <LiveContext.Provider value={{ version, connected, bump }}>{children}</LiveContext.Provider>;
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
