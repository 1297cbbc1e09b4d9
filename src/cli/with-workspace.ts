import { openWorkspace, type Workspace } from '../app/workspace.js';
import type { Io } from './io.js';

export interface StoreOptions {
  db?: string;
}

/**
 * Opens the store for one command and always closes it, so the WAL is checkpointed and locks released.
 * A command that only reads passes `'read'`: it then works on a read-only store and never waits for a writer.
 */
export async function withWorkspace<T>(
  options: StoreOptions,
  io: Io,
  run: (workspace: Workspace) => T | Promise<T>,
  access: 'read' | 'write' = 'write',
): Promise<T> {
  const workspace = openWorkspace({
    ...(options.db ? { db: options.db } : {}),
    env: io.env,
    readOnly: access === 'read',
  });
  try {
    return await run(workspace);
  } finally {
    workspace.store.close();
  }
}
