/** `waymark stats`: retention per week, cards by state, the review load of the next 30 days. */
import { learnerTimeZone } from '../../app/learner-clock.js';
import { reviewStats } from '../../app/review-service.js';
import { formatMinutes } from '../format/progress-bar.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';

const percent = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);

export async function statsCommand(
  roadmapId: string | undefined,
  options: StoreOptions & { json?: boolean },
  io: Io,
): Promise<void> {
  await withWorkspace(
    options,
    io,
    (workspace) => {
      const stats = reviewStats(workspace, {
        ...(roadmapId ? { roadmapId } : {}),
        timeZone: learnerTimeZone(io.env),
      });
      if (options.json) {
        io.out(JSON.stringify(stats));
        return;
      }
      const { byState, retention, expected } = stats;
      io.out(
        io.style('bold', `Review cards: ${stats.totalCards}`) +
          `  (${stats.dueToday} due today, ${stats.today})`,
      );
      io.out(
        `  new ${byState.new} · learning ${byState.learning} · review ${byState.review} · relearning ${byState.relearning}`,
      );
      io.out('');
      io.out(
        `${io.style('bold', 'Retention')} (rated Good or Easy): ${percent(retention.overall)} of ${retention.reviews} reviews; last 30 days ${percent(retention.last30Days)}`,
      );
      for (const week of retention.weeks.slice(-8)) {
        io.out(
          `  week of ${week.week}  ${percent(week.retention).padStart(4)}  (${week.recalled}/${week.reviews})`,
        );
      }
      io.out('');
      io.out(io.style('bold', 'Due in the next 30 days'));
      const peak = Math.max(1, ...stats.load.map((day) => day.due));
      for (const day of stats.load) {
        if (day.due === 0) continue;
        const bar = '█'.repeat(Math.max(1, Math.round((day.due / peak) * 20)));
        io.out(`  ${day.date}  ${String(day.due).padStart(3)}  ${bar}`);
      }
      if (stats.load.every((day) => day.due === 0)) io.out('  nothing due');
      io.out('');
      const pace =
        expected.paceSource === 'logged'
          ? `your logged pace of ${expected.minutesPerCard.toFixed(1)} min a card`
          : `${expected.minutesPerCard} min a card until you have timed review sessions`;
      io.out(
        `Expected review time: ${formatMinutes(expected.minutesPerDay)} a day (${pace}); the plan reserves it.`,
      );
      if (stats.optedOut.roadmaps.length || stats.optedOut.items.length) {
        io.out(`Opted out: ${[...stats.optedOut.roadmaps, ...stats.optedOut.items].join(', ')}`);
      }
    },
    'read',
  );
}
