import { api } from '../api/client';
import { ActionError } from '../components/action-error';

/** Kinds a learner can give an item (the roadmap model's kinds). */
const KINDS = [
  'topic',
  'course',
  'project',
  'certificate',
  'milestone',
  'resource',
  'section',
  'phase',
  'habit',
  'review',
  'info',
] as const;

/** Meta keys the corrections set; shown here rather than among the item's own facts. */
export const CORRECTION_META = new Set(['excluded', 'included', 'importedKind']);

interface Props {
  itemRef: string;
  node: { kind: string; trackable: boolean; meta?: Record<string, string> };
  busy: boolean;
  /** The last correction's failure, shown here beside its controls. */
  error: unknown;
  /** Runs the correction; `message` ("Left out of the work") becomes its toast, with Undo. */
  run: (action: () => Promise<unknown>, message: string) => Promise<unknown>;
}

/**
 * "How the importer read this": work or not, and its kind, each correctable in one click (as
 * `waymark exclude|include|kind`); the plan and every view follow, and Undo reverts it.
 */
export function ItemCorrections({ itemRef, node, busy, error, run }: Props) {
  const meta = node.meta ?? {};
  const correct = (body: { work: boolean } | { kind: string }) =>
    void run(
      () => api.post('/api/corrections', { item: itemRef, ...body }),
      'work' in body ? (body.work ? 'Counted as work' : 'Left out of the work') : `Kind set to ${body.kind}`,
    );
  const yours = [
    meta.excluded === 'true' && 'left out by you',
    meta.included === 'true' && 'included by you',
    meta.importedKind && `kind set by you (the importer read ${meta.importedKind})`,
  ].filter(Boolean);
  return (
    <fieldset className="corrections" data-testid="item-corrections">
      <legend>Reading</legend>
      <p className="small">
        {node.trackable ? 'Counted as work' : 'Not counted as work'}
        {meta.optional === 'true' && ' · optional: left out of the plan until you include it'}
        {yours.length > 0 && <span className="muted"> · {yours.join(' · ')}</span>}
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => correct({ work: !node.trackable || meta.optional === 'true' })}
      >
        {node.trackable && meta.optional !== 'true' ? 'Not work' : 'Include as work'}
      </button>{' '}
      <label>
        Kind{' '}
        <select value={node.kind} disabled={busy} onChange={(event) => correct({ kind: event.target.value })}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <ActionError error={error} />
    </fieldset>
  );
}
