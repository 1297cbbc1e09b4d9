/**
 * The race harness: an editor process saves the roadmap in a tight loop (in place and by rename) while
 * sync writes ticks into the same file hundreds of times. Every editor save must survive: either it is in
 * the file when the editor next reloads, or sync reported a conflict and left the learner's bytes alone.
 * A longer run on a bigger file: `npm run bench files`.
 */
import { expect, it } from 'vitest';
import { runSyncRace } from '../src/testing/sync-race.js';

it('sync never loses an editor’s save, whether the editor saves in place or by rename', async () => {
  const figures = await runSyncRace({ syncRuns: 300, noteBytes: 50_000, maxMs: 15_000 });
  const summary = JSON.stringify({ ...figures, lost: figures.lost.length });
  expect(figures.lost, summary).toEqual([]);
  expect(figures.inPlace, summary).toBeGreaterThan(20);
  expect(figures.byRename, summary).toBeGreaterThan(20);
  expect(figures.written, summary).toBeGreaterThan(0);
}, 40_000);
