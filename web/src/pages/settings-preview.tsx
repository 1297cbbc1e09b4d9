import { useEffect, useRef, useState } from 'react';
import type { ApiResponse } from '../api/types';
import { ActionError } from '../components/action-error';

type Preview = ApiResponse<'POST /api/settings/preview'>;

/** Wait this long after the last keystroke: the server runs the plan and forecast twice per preview. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The finish a change would give, asked of the server (which stores nothing) a moment after the learner
 * stops typing; answers to an older form are dropped. `ask` undefined: nothing changed, nothing to ask; `key`
 * names what is asked (a new `ask` function comes with every render).
 */
export function useSettingsPreview(ask: (() => Promise<Preview>) | undefined, key: string) {
  const [state, setState] = useState<{ preview?: Preview; error?: unknown; pending: boolean }>({
    pending: false,
  });
  const asked = useRef(0);
  const latest = useRef(ask);
  latest.current = ask;
  const active = ask !== undefined;
  useEffect(() => {
    const asking = ++asked.current;
    const current = latest.current;
    if (!active || !current || key === '') {
      setState({ pending: false });
      return;
    }
    setState((previous) => ({ ...previous, pending: true }));
    const timer = setTimeout(() => {
      current().then(
        (preview) => {
          if (asking === asked.current) setState({ preview, pending: false });
        },
        (error: unknown) => {
          if (asking === asked.current) setState({ error, pending: false });
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [active, key]);
  return state;
}

/** "Finish P85 moves from … to …; chance by target 61% → 88%", per roadmap the change moves. */
export function PreviewLines({
  state,
  only,
}: {
  state: ReturnType<typeof useSettingsPreview>;
  /** Show this roadmap even when it does not move (the one the form is about). */
  only?: string;
}) {
  const { preview, error, pending } = state;
  const lines = preview?.roadmaps.filter((entry) => entry.changed || entry.roadmapId === only) ?? [];
  return (
    <div className="preview" data-testid="settings-preview">
      <output aria-live="polite" aria-busy={pending}>
        {pending && <span className="muted small">Working out the new finish…</span>}
        {!pending && preview && (
          <>
            <strong>If you save: </strong>
            {lines.length === 0 ? (
              <span>no finish date moves.</span>
            ) : (
              <ul>
                {lines.map((entry) => (
                  <li key={entry.roadmapId}>
                    {preview.roadmaps.length > 1 && <>{entry.title}: </>}
                    <KeepDates text={entry.line} />
                  </li>
                ))}
              </ul>
            )}
            <span className="muted small"> Nothing is saved until you press Save.</span>
          </>
        )}
      </output>
      {!pending && <ActionError error={error} />}
    </div>
  );
}

/** A date is one token: "2027-04-02" never breaks at its hyphens, whatever the width. */
function KeepDates({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\d{4}-\d{2}-\d{2})/).map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <span key={index} className="date-token">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
