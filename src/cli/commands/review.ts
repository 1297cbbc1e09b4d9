/** `waymark review [ROADMAP]`, `waymark rate ITEM RATING`, `waymark review-opt-out|review-opt-in TARGET`. */

import { learnerTimeZone } from '../../app/learner-clock.js';
import { type DueList, dueCards, rateCard, setReviewOptOut } from '../../app/review-service.js';
import { localDate } from '../../core/plan/local-date.js';
import type { Io } from '../io.js';
import { type StoreOptions, withWorkspace } from '../with-workspace.js';
import { runReviewSession, type Terminal } from './review-session.js';

export interface ReviewCommandOptions extends StoreOptions {
  json?: boolean;
  date?: string;
}

/** The real terminal, or undefined when stdin or stdout is not one (pipes, CI, scripts). */
export function processTerminal(io: Io): Terminal | undefined {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  return {
    input: process.stdin,
    write: (text) => process.stdout.write(text),
    style: io.style,
    clock: () => performance.now(),
  };
}

export async function reviewCommand(
  roadmapId: string | undefined,
  options: ReviewCommandOptions,
  io: Io,
  terminal: Terminal | undefined = processTerminal(io),
): Promise<void> {
  await withWorkspace(
    options,
    io,
    async (workspace) => {
      const list = dueCards(workspace, {
        ...(roadmapId ? { roadmapId } : {}),
        ...(options.date ? { date: options.date } : {}),
        timeZone: learnerTimeZone(io.env),
      });
      if (options.json) {
        io.out(JSON.stringify(list));
        return;
      }
      if (list.cards.length === 0) {
        io.out(
          list.totalCards === 0
            ? 'No review cards yet: every topic you mark done becomes one (`waymark done ITEM`).'
            : `Nothing to review on ${list.date}: all ${list.totalCards} cards are scheduled later (see \`waymark stats\`).`,
        );
        return;
      }
      if (!terminal) {
        printDueList(list, io);
        io.out('');
        io.out('Run `waymark review` in a terminal to review them one by one,');
        io.out('or rate one directly: `waymark rate ROADMAP:ID 1|2|3|4` (1 Again, 2 Hard, 3 Good, 4 Easy).');
        return;
      }
      await runReviewSession(workspace, list.cards, terminal, list.date, list.timeZone);
    },
    options.json || !terminal ? 'read' : 'write',
  );
}

function printDueList(list: DueList, io: Io): void {
  io.out(
    `${list.cards.length} card${list.cards.length === 1 ? '' : 's'} due on ${list.date} (most overdue first):`,
  );
  for (const card of list.cards) {
    const late = card.overdueDays > 0 ? `${card.overdueDays}d overdue` : 'due today';
    io.out(
      `  ${card.ref}  ${card.title}  ${io.style('dim', `(${late}, ${card.reps} review${card.reps === 1 ? '' : 's'})`)}`,
    );
  }
}

export async function rateCommand(
  item: string,
  rating: string,
  options: StoreOptions & { json?: boolean; at?: string },
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const rated = rateCard(workspace, item, rating, options.at ? { at: options.at } : {});
    if (options.json) {
      io.out(JSON.stringify(rated));
      return;
    }
    io.out(
      `${rated.ratingName}: ${rated.ref} ${rated.title}. Next review ${localDate(rated.next.due, learnerTimeZone(io.env))}.`,
    );
  });
}

export async function reviewOptCommand(
  target: string,
  optOut: boolean,
  options: StoreOptions & { json?: boolean },
  io: Io,
): Promise<void> {
  await withWorkspace(options, io, (workspace) => {
    const change = setReviewOptOut(workspace, target, optOut);
    if (options.json) {
      io.out(JSON.stringify(change));
      return;
    }
    const what =
      change.scope === 'roadmap' ? `roadmap ${change.target}` : `${change.target} and everything beneath it`;
    io.out(optOut ? `No reviews for ${what} from now on.` : `Reviews are back on for ${what}.`);
  });
}
