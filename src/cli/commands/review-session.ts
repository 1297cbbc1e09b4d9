/**
 * The interactive review session in a terminal (raw mode): one card at a time, most overdue first.
 * Keys: 1-4 rate, space/enter reveal notes and evidence, n add a note, s skip, q (or Ctrl-C) quit.
 * Every rating and note is stored as it happens (one event each), so quitting loses nothing.
 */

import { type DueCardView, logReviewSessionTime, RATING_NAMES, rateCard } from '../../app/review-service.js';
import { addNote } from '../../app/tracking-service.js';
import type { Workspace } from '../../app/workspace.js';
import { diffDays } from '../../core/plan/calendar-date.js';
import { localDate } from '../../core/plan/local-date.js';
import type { ReviewRating } from '../../core/progress/events.js';
import { activeMsAt, startActiveTime, touchActiveTime } from '../../core/review/active-time.js';
import { formatMinutes } from '../format/progress-bar.js';
import type { Styler } from '../format/style.js';

export interface Terminal {
  input: NodeJS.ReadableStream & { setRawMode?(mode: boolean): unknown; isTTY?: boolean };
  write(text: string): void;
  style: Styler;
  /** Milliseconds, for the time the session took (logged as review study time). */
  clock(): number;
}

export interface SessionResult {
  reviewed: number;
  skipped: number;
  notes: number;
  left: number;
  minutesLogged: number;
}

/** Reads keypresses; an escape sequence (arrow keys…) arrives as one key. `null` at end of input. */
function keyReader(input: Terminal['input']) {
  const queue: (string | null)[] = [];
  let waiting: ((key: string | null) => void) | undefined;
  const push = (key: string | null) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(key);
    } else queue.push(key);
  };
  const onData = (chunk: Buffer | string) => {
    const text = chunk.toString();
    if (text.startsWith('\u001b') && text.length > 1) push(text);
    else for (const char of text) push(char);
  };
  const onEnd = () => push(null);
  input.on('data', onData);
  input.on('end', onEnd);
  return {
    next(): Promise<string | null> {
      if (queue.length > 0) return Promise.resolve(queue.shift() as string | null);
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    close() {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
    },
  };
}

const QUIT_KEYS = new Set(['q', 'Q', '\u0003', '\u0004', null]);
const INDENT = '      ';

function describeDue(card: DueCardView): string {
  if (card.overdueDays === 0) return 'due today';
  return `${card.overdueDays} day${card.overdueDays === 1 ? '' : 's'} overdue`;
}

/** The next review as the learner's calendar date, and how many days away it is. */
function nextReview(reviewedAt: string, dueIso: string, timeZone: string): string {
  const date = localDate(dueIso, timeZone);
  const days = diffDays(localDate(reviewedAt, timeZone), date);
  return `${date} (in ${days} day${days === 1 ? '' : 's'})`;
}

export async function runReviewSession(
  workspace: Workspace,
  cards: readonly DueCardView[],
  terminal: Terminal,
  date: string,
  timeZone: string,
): Promise<SessionResult> {
  const { write, style } = terminal;
  const keys = keyReader(terminal.input);
  terminal.input.setRawMode?.(true);
  terminal.input.resume?.();
  // The session's study time: the gaps between keys, each up to the idle limit (active-time.ts).
  let active = startActiveTime(terminal.clock());
  const result: SessionResult = { reviewed: 0, skipped: 0, notes: 0, left: cards.length, minutesLogged: 0 };
  const reviewedByRoadmap = new Map<string, number>();
  const help = style('dim', '1 Again  2 Hard  3 Good  4 Easy   space reveal  n note  s skip  q quit');
  try {
    write(
      `${style('bold', 'Review')}: ${cards.length} card${cards.length === 1 ? '' : 's'} due on ${date}, most overdue first.\n`,
    );
    session: for (let index = 0; index < cards.length; index++) {
      const card = cards[index] as DueCardView;
      write(
        `\n${style('bold', `[${index + 1}/${cards.length}]`)} ${style('bold', card.title)}  ${style('dim', `${card.ref} · ${describeDue(card)}`)}\n`,
      );
      if (card.path.length) write(`${INDENT}${style('dim', card.path.join(' › '))}\n`);
      write(`${INDENT}Recall what you know about it, then rate it (space shows your notes and evidence).\n`);
      write(`${INDENT}${help}\n`);
      let revealed = false;
      for (;;) {
        const key = await keys.next();
        active = touchActiveTime(active, terminal.clock());
        if (QUIT_KEYS.has(key)) break session;
        if (key === ' ' || key === '\r' || key === '\n') {
          if (!revealed) write(reveal(card, style, timeZone));
          revealed = true;
        } else if (key === 's' || key === 'S') {
          result.skipped += 1;
          result.left -= 1;
          write(`${INDENT}Skipped. ${result.left} left.\n`);
          break;
        } else if (key === 'n' || key === 'N') {
          const text = await readLine(keys, write, `${INDENT}Note: `);
          active = touchActiveTime(active, terminal.clock());
          if (text === undefined || text.trim() === '') write(`${INDENT}No note added.\n`);
          else {
            addNote(workspace, card.ref, text.trim());
            result.notes += 1;
            write(`${INDENT}Note saved.\n`);
          }
        } else if (key && /^[1-4]$/.test(key)) {
          const rated = rateCard(workspace, card.ref, Number(key) as ReviewRating);
          result.reviewed += 1;
          result.left -= 1;
          reviewedByRoadmap.set(card.roadmapId, (reviewedByRoadmap.get(card.roadmapId) ?? 0) + 1);
          write(
            `${INDENT}${style('green', RATING_NAMES[rated.rating])}: next review ${nextReview(rated.event.at, rated.next.due, timeZone)}. ${result.left} left.\n`,
          );
          break;
        } else if (key !== undefined) {
          write(`${INDENT}${help}\n`);
        }
      }
    }
  } finally {
    terminal.input.setRawMode?.(false);
    keys.close();
    terminal.input.pause?.();
  }
  result.minutesLogged = logReviewSessionTime(
    workspace,
    reviewedByRoadmap,
    activeMsAt(active, terminal.clock()),
  ).minutes;
  const logged = result.minutesLogged > 0 ? ` Logged ${formatMinutes(result.minutesLogged)} of review.` : '';
  const verb = result.left === 0 ? 'Done' : 'Stopped';
  write(
    `\n${verb}: ${result.reviewed} reviewed, ${result.skipped} skipped, ${result.notes} note${result.notes === 1 ? '' : 's'}, ${result.left} left.${logged}\n`,
  );
  return result;
}

function reveal(card: DueCardView, style: Styler, timeZone: string): string {
  const lines: string[] = [];
  if (card.notes.length === 0 && card.evidence.length === 0) {
    lines.push(`${INDENT}${style('dim', 'No notes or evidence yet (press n to add a note).')}`);
  }
  if (card.notes.length) lines.push(`${INDENT}Your notes:`);
  for (const note of card.notes) lines.push(`${INDENT}  - ${localDate(note.at, timeZone)}  ${note.text}`);
  if (card.evidence.length) lines.push(`${INDENT}Evidence:`);
  for (const evidence of card.evidence) lines.push(`${INDENT}  - ${evidence.kind}: ${evidence.ref}`);
  return `${lines.join('\n')}\n`;
}

/** A line typed in raw mode: printable keys echo, backspace erases, enter ends, Esc/Ctrl-C cancels. */
async function readLine(
  keys: ReturnType<typeof keyReader>,
  write: (text: string) => void,
  prompt: string,
): Promise<string | undefined> {
  write(prompt);
  let text = '';
  for (;;) {
    const key = await keys.next();
    if (key === null || key === '\u0003' || key === '\u001b') {
      write('\n');
      return undefined;
    }
    if (key === '\r' || key === '\n') {
      write('\n');
      return text;
    }
    if (key === '\u007f' || key === '\b') {
      if (text.length > 0) {
        text = Array.from(text).slice(0, -1).join('');
        write('\b \b');
      }
    } else if (!key.startsWith('\u001b') && key >= ' ') {
      text += key;
      write(key);
    }
  }
}
