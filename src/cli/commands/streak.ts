/** `waymark streak`: days in a row with logged study (rest days do not break it). */
import { learnerTimeZone } from '../../app/learner-clock.js';
import { streakView } from '../../app/study-streak-view.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

export async function streakCommand(options: StoreOptions & { json?: boolean }, io: Io): Promise<void> {
  await withWorkspace(
    options,
    io,
    (workspace) => {
      const streak = streakView(workspace, { timeZone: learnerTimeZone(io.env) });
      if (options.json) {
        io.out(JSON.stringify(streak));
        return;
      }
      const since = streak.since ? ` (since ${streak.since})` : '';
      io.out(
        `${io.style('bold', 'Streak')}: ${days(streak.current)}${since}; longest ${days(streak.longest)}.`,
      );
      if (!streak.studiedToday && streak.current > 0)
        io.out('Nothing logged today yet: log study to keep it going.');
      io.out(io.style('dim', streak.rule));
    },
    'read',
  );
}
