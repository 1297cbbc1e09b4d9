// Test writer for crash-safety.test.ts and concurrency.test.ts, run as a separate process.
// Plain .mjs because the tests spawn plain `node` (no TypeScript loader): it repeats only the store's
// pragmas (open-sqlite-store.ts), its BEGIN IMMEDIATE + busy retry (write-transaction.ts) and its INSERT
// (sqlite-store.ts); the schema comes from the real migrations, run by the test before spawning.
//
// usage: node append-events.mjs DB WRITER CHANGES MAX_SIZE START_AT_MS
//   Waits until START_AT_MS (epoch ms), then appends CHANGES changes (0 = until killed), one transaction
//   each. Change i holds SIZE = 1 + i % MAX_SIZE events, named WRITER-i-k, in change WRITER-i-SIZE.
//   After each commit it prints the change id on stdout: that change is acknowledged.
import Database from 'better-sqlite3';

const [dbPath, writer, changesArg, maxSizeArg, startAtArg] = process.argv.slice(2);
const changes = Number(changesArg);
const maxSize = Number(maxSizeArg);
const db = new Database(dbPath);
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const insert = db.prepare(
  `INSERT INTO events (id, roadmap_id, node_id, type, at, recorded_at, change_id, data)
   VALUES (?, 'r', ?, 'status', ?, ?, ?, '{"status":"done"}')`,
);

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const isBusy = (error) => typeof error?.code === 'string' && error.code.startsWith('SQLITE_BUSY');

function appendChange(i) {
  const size = 1 + (i % maxSize);
  const changeId = `${writer}-${i}-${size}`;
  const now = new Date().toISOString();
  const write = db.transaction(() => {
    for (let k = 0; k < size; k++) insert.run(`${writer}-${i}-${k}`, `n${k}`, now, now, changeId);
  });
  for (let attempt = 0; ; attempt++) {
    try {
      write.immediate();
      return changeId;
    } catch (error) {
      if (!isBusy(error) || attempt >= 3) throw error;
      sleep(25 * 2 ** attempt);
    }
  }
}

sleep(Math.max(0, Number(startAtArg) - Date.now())); // line the writers up to start together
for (let i = 0; changes === 0 || i < changes; i++) {
  const changeId = appendChange(i);
  process.stdout.write(`${changeId}\n`); // after the commit: an acknowledged change
}
db.close();
