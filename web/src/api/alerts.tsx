import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { errorMessage } from './client';

interface Alert {
  id: number;
  message: string;
}

interface Alerts {
  alerts: Alert[];
  report: (error: unknown) => void;
  /** Shows a passing message (replacing alert `id` when given) and returns its id, to dismiss it later. */
  notice: (message: string, id?: number) => number;
  dismiss: (id: number) => void;
}

const AlertContext = createContext<Alerts>({
  alerts: [],
  report: () => {},
  notice: () => 0,
  dismiss: () => {},
});

let nextId = 1;

export function AlertProvider({ children }: { children: ReactNode }) {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const report = useCallback((error: unknown) => {
    const message = errorMessage(error);
    setAlerts((list) =>
      list.some((alert) => alert.message === message) ? list : [...list.slice(-4), { id: nextId++, message }],
    );
  }, []);
  const notice = useCallback((message: string, id?: number) => {
    const shown = id ?? nextId++;
    setAlerts((list) =>
      list.some((alert) => alert.id === shown)
        ? list.map((alert) => (alert.id === shown ? { id: shown, message } : alert))
        : [...list.slice(-4), { id: shown, message }],
    );
    return shown;
  }, []);
  const dismiss = useCallback((id: number) => setAlerts((list) => list.filter((a) => a.id !== id)), []);
  const value = useMemo(() => ({ alerts, report, notice, dismiss }), [alerts, report, notice, dismiss]);
  return <AlertContext.Provider value={value}>{children}</AlertContext.Provider>;
}

export const useAlerts = () => useContext(AlertContext);

/** The visible alert region: every API error ends up here until dismissed. */
export function AlertRegion() {
  const { alerts, dismiss } = useAlerts();
  return (
    <div className="alerts" role="alert" aria-live="assertive">
      {alerts.map((alert) => (
        <div key={alert.id} className="alert">
          <span>{alert.message}</span>
          <button type="button" className="link-button" onClick={() => dismiss(alert.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
