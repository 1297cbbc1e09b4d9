import { errorMessage } from '../api/client';

/**
 * A failed action's message, shown right next to the control that acted (the toast tells it too, but the
 * learner's eyes are here). `role="alert"` announces it once.
 */
export function ActionError({ error, id }: { error: unknown; id?: string }) {
  if (error === undefined) return null;
  return (
    <p className="action-error error-text" role="alert" {...(id ? { id } : {})}>
      {errorMessage(error)}
    </p>
  );
}
