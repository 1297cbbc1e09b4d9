import { errorMessage } from '../api/client';

/** What a page shows while its data loads or after it failed (the alert region has the details too). */
export function LoadState({ loading, error, what }: { loading: boolean; error: unknown; what: string }) {
  if (error)
    return (
      <p className="error-text">
        Could not load {what}: {errorMessage(error)}
      </p>
    );
  if (loading) return <p className="muted">Loading {what}…</p>;
  return null;
}
