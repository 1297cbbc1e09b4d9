import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStoreContract } from '../store-contract.js';
import { openSqliteStore } from './open-sqlite-store.js';

describeStoreContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-store-'));
  const store = openSqliteStore(join(dir, 'waymark.db'));
  return {
    store,
    async cleanup() {
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
