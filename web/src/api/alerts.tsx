import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { errorMessage } from './client';

interface Alert {
  id: number;
  message: string;
}

interface Alerts {
  alerts: Alert[];
  report: (error: unknown) => void;
  dismiss: (id: number) => void;
}

const AlertContext = createContext<Alerts>({ alerts: [], report: () => {}, dismiss: () => {} });

let nextId = 1;

export function AlertProvider({ children }: { children: ReactNode }) {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const report = useCallback((error: unknown) => {
    const message = errorMessage(error);
    setAlerts((list) =>
      list.some((alert) => alert.message === message) ? list : [...list.slice(-4), { id: nextId++, message }],
    );
  }, []);
  const dismiss = useCallback((id: number) => setAlerts((list) => list.filter((a) => a.id !== id)), []);
  const value = useMemo(() => ({ alerts, report, dismiss }), [alerts, report, dismiss]);
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
