/**
 * `npm run calibrate [-- --learners N --seed S]`: the forecast's backtest over simulated learners
 * (src/testing/calibrate.ts). Exits 1 when a checkpoint misses the coverage target.
 */
import { calibrate, calibrationTable } from '../src/testing/calibrate.js';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`waymark calibrate: --${name} needs a whole number ≥ 1.\n`);
    process.exit(2);
  }
  return value;
}

const result = calibrate({ learners: option('learners', 300), seed: option('seed', 2026) });
process.stdout.write(`${calibrationTable(result)}\n`);
process.exitCode = result.pass ? 0 : 1;
