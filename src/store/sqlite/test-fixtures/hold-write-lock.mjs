// Test helper for concurrency.test.ts: takes the write lock of DB, prints "locked", keeps it HOLD_MS, exits.
// usage: node hold-write-lock.mjs DB HOLD_MS
import Database from 'better-sqlite3';

const [dbPath, holdArg] = process.argv.slice(2);
const db = new Database(dbPath);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\n');
setTimeout(() => {
  db.exec('COMMIT');
  db.close();
}, Number(holdArg));
