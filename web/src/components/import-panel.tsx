import { type FormEvent, useId, useState } from 'react';
import { api } from '../api/client';
import type { ImportResult } from '../api/types';
import { useAction, useApi } from '../api/use-api';
import { href } from '../router';
import { ActionError } from './action-error';
import { CappedList } from './capped-list';

/** As the server's limit for an upload (schemas.ts MAX_UPLOAD_CHARS): refused here before it is sent. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const WARNINGS_SHOWN = 8;

/** Reads a picked file as strict UTF-8, with the same words as the server for what it cannot take. */
async function readUpload(file: File): Promise<{ name: string; text: string }> {
  if (file.size > MAX_UPLOAD_BYTES)
    throw new Error(
      `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; an upload takes up to 5 MB. Import a bigger file by its path instead.`,
    );
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    return { name: file.name, text };
  } catch {
    throw new Error(
      `${file.name} is not UTF-8 text: Waymark imports Markdown. Save the file as UTF-8 in your editor and pick it again.`,
    );
  }
}

/**
 * Import from the dashboard: a bundled roadmap, an uploaded Markdown file, or a file by its path on this
 * computer. Each form shows its own error next to it; the result is handed up (the page shows the report
 * after the empty state it replaces is gone).
 */
export function ImportPanel({ onImported }: { onImported: (result: ImportResult) => void }) {
  const bundled = useApi<{ roadmaps: { name: string }[] }>('/api/bundled-roadmaps');
  const pick = useAction();
  const upload = useAction();
  const byPath = useAction();
  const [file, setFile] = useState<File | undefined>();
  const [path, setPath] = useState('');
  const [readError, setReadError] = useState<unknown>(undefined);
  const fileId = useId();
  const pathId = useId();
  const success = (result: ImportResult) =>
    `${result.created ? 'Imported' : result.unchanged ? 'Already imported' : 'Re-imported'} ${result.title}`;
  const done = (result: ImportResult | undefined) => {
    if (result) onImported(result);
  };

  const submitUpload = async (event: FormEvent) => {
    event.preventDefault();
    setReadError(undefined);
    if (!file) {
      setReadError(new Error('Choose a Markdown file first.'));
      return;
    }
    let body: { name: string; text: string };
    try {
      body = await readUpload(file);
    } catch (error) {
      setReadError(error);
      return;
    }
    done(await upload.run(() => api.post<ImportResult>('/api/import', { upload: body }), { success }));
  };
  const submitPath = async (event: FormEvent) => {
    event.preventDefault();
    done(await byPath.run(() => api.post<ImportResult>('/api/import', { path }), { success }));
  };

  return (
    <div className="import-panel">
      <section aria-labelledby={`${fileId}-bundled`}>
        <h3 id={`${fileId}-bundled`}>A roadmap that comes with Waymark</h3>
        {bundled.data ? (
          <ul className="bundled-list">
            {bundled.data.roadmaps.map((roadmap) => (
              <li key={roadmap.name}>
                <button
                  type="button"
                  disabled={pick.busy}
                  onClick={async () =>
                    done(
                      await pick.run(() => api.post<ImportResult>('/api/import', { bundled: roadmap.name }), {
                        success,
                      }),
                    )
                  }
                >
                  Import {roadmap.name}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{bundled.error ? 'Could not list the bundled roadmaps.' : 'Loading…'}</p>
        )}
        <ActionError error={pick.error} />
      </section>
      <form onSubmit={submitUpload} aria-labelledby={`${fileId}-upload`}>
        <h3 id={`${fileId}-upload`}>Your own Markdown file</h3>
        <div className="inline-form">
          <label htmlFor={fileId}>
            File
            <input
              id={fileId}
              type="file"
              accept=".md,.markdown,.mdown,.mkd,.txt,text/markdown,text/plain"
              onChange={(event) => {
                setReadError(undefined);
                setFile(event.target.files?.[0]);
              }}
            />
          </label>
          <button type="submit" disabled={upload.busy}>
            Upload and import
          </button>
        </div>
        <ActionError error={readError ?? upload.error} />
      </form>
      <form onSubmit={submitPath} aria-labelledby={`${pathId}-title`}>
        <h3 id={`${pathId}-title`}>A file on this computer, by its path</h3>
        <p className="small muted">
          Waymark keeps it linked: edits re-import and ticks sync back into the file.
        </p>
        <div className="inline-form">
          <label htmlFor={pathId}>
            Full path
            <input
              id={pathId}
              type="text"
              value={path}
              spellCheck={false}
              placeholder="/home/you/notes/my-roadmap.md"
              onChange={(event) => setPath(event.target.value)}
            />
          </label>
          <button type="submit" disabled={byPath.busy || path.trim() === ''}>
            Import from path
          </button>
        </div>
        <ActionError error={byPath.error} />
      </form>
    </div>
  );
}

/** What the import found: the verdict ("52 courses in 9 sections…"), its counts and warnings. */
export function ImportReport({ result, onDismiss }: { result: ImportResult; onDismiss: () => void }) {
  const warnings = result.warnings.map((warning, index) => ({ ...warning, id: String(index) }));
  const verb = result.created ? 'Imported' : result.unchanged ? 'Already imported' : 'Re-imported';
  return (
    <section className="card import-report" role="status" aria-labelledby="import-report-title">
      <h2 id="import-report-title">
        {verb} {result.title}
      </h2>
      <p data-testid="import-verdict">
        {result.counts.items} items in {result.counts.phases} phases
        {result.counts.notChosen > 0
          ? ` (and ${result.counts.notChosen} in elective options not chosen)`
          : ''}
        {result.recordedTicks > 0 ? `, ${result.recordedTicks} already ticked and recorded as done` : ''}.
        Found {result.verdict.text}.
      </p>
      {warnings.length > 0 && (
        <div className="small">
          <span id="import-warnings">Warnings:</span>
          <CappedList
            labelledBy="import-warnings"
            items={warnings}
            shown={WARNINGS_SHOWN}
            render={(warning) => (
              <>
                {warning.line ? `line ${warning.line}: ` : ''}
                {warning.message}
              </>
            )}
            more={(count) => <>and {count} more</>}
          />
        </div>
      )}
      <p>
        <a href={href('roadmap', [result.id])}>Open {result.title}</a> ·{' '}
        <a href={href('settings', [result.id])}>Set a target date and study time</a> ·{' '}
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </p>
    </section>
  );
}
