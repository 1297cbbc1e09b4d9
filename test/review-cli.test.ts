import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WaymarkEvent } from '../src/core/progress/events.js';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite-store.js';
import { BIN, type CliSandbox, cliSandbox } from './cli-harness.js';
import { ID, writeRetroLog } from './fixtures/retro-log.js';

/*
 * `waymark review|rate|stats|streak|retro` through the real binary; the interactive parts run in a
 * pseudo-terminal (test/fixtures/review-pty.py, python3's pty module): keys in, screen out, then the
 * store is read to check what was recorded. `npm test` builds dist/ first.
 */

const PTY = join(import.meta.dirname, 'fixtures', 'review-pty.py');
const EXPECTED_RETRO = join(import.meta.dirname, 'fixtures', 'retro-week.md');
const UTC = { WAYMARK_TZ: 'UTC' };

let sandbox: CliSandbox | undefined;
afterEach(() => sandbox?.cleanup());

/** A sandbox holding the fixed log of test/fixtures/retro-log.ts. */
function withLog(): CliSandbox {
  sandbox = cliSandbox('waymark-review-');
  writeRetroLog(sandbox.db).store.close();
  return sandbox;
}

function events(db: string): WaymarkEvent[] {
  const store = openSqliteStore(db);
  try {
    return store.listEvents();
  } finally {
    store.close();
  }
}

/** Runs `waymark --db DB ...args` in a pseudo-terminal, typing each step's keys once its text is on screen. */
function inTerminal(
  db: string,
  args: string[],
  steps: [string, string][],
  env: Record<string, string | undefined> = {},
) {
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    WAYMARK_NOW: '2026-11-20T12:00:00Z',
    WAYMARK_TZ: 'UTC',
    ...env,
  };
  delete merged.WAYMARK_DEBUG;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
  const run = spawnSync(
    'python3',
    [PTY, JSON.stringify(steps), '--', process.execPath, BIN, '--db', db, ...args],
    { env: merged, encoding: 'utf8', timeout: 60_000 },
  );
  if (run.error) throw run.error;
  const screen = run.stdout.replace(/\r\n/g, '\n');
  expect(screen, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  return { status: run.status, screen };
}

describe('waymark review: the due list', () => {
  it('--json lists the cards due today, most overdue first', () => {
    const box = withLog();
    const list = box.ok(['review', '--json'], UTC).json as {
      date: string;
      totalCards: number;
      cards: { ref: string; overdueDays: number; notes: { text: string }[] }[];
    };
    expect(list.date).toBe('2026-11-20');
    // Linear algebra, calculus, probability, the project (the certificate is no card).
    expect(list.totalCards).toBe(4);
    expect(list.cards.map((card) => [card.ref, card.overdueDays])).toEqual([
      [`retro-roadmap:${ID.probability}`, 1],
      [`retro-roadmap:${ID.project}`, 0],
    ]);
    expect(list.cards[0]?.notes[0]?.text).toBe('Bayes: posterior is likelihood times prior');
  });

  it('without a terminal and without --json: prints the list and how to review', () => {
    const box = withLog();
    const run = box.ok(['review'], UTC);
    expect(run.stdout).toContain('2 cards due on 2026-11-20');
    expect(run.stdout).toContain(`retro-roadmap:${ID.probability}  Probability`);
    expect(run.stdout).toMatch(/waymark review` in a terminal/);
    expect(run.stdout).toMatch(/waymark rate ROADMAP:ID 1\|2\|3\|4/);
  });

  it('"today" follows the learner time zone', () => {
    sandbox = cliSandbox('waymark-review-tz-');
    const box = sandbox;
    box.ok(['import', join(import.meta.dirname, 'fixtures', 'retro-roadmap.md')]);
    // Done at 01:00 UTC on the 19th: first review due 2026-11-20 01:00 UTC = 19th 20:00 in New York.
    box.ok(['done', ID.calculus, '--at', '2026-11-19T01:00:00Z']);
    const now = { WAYMARK_NOW: '2026-11-19T23:00:00Z' }; // 18:00 in New York, 00:00 on the 20th in Berlin
    const due = (tz: string) => {
      const list = box.ok(['review', '--json'], { ...now, WAYMARK_TZ: tz }).json as {
        date: string;
        cards: unknown[];
      };
      return [list.date, list.cards.length];
    };
    expect(due('UTC')).toEqual(['2026-11-19', 0]);
    expect(due('America/New_York')).toEqual(['2026-11-19', 1]);
    expect(due('Europe/Berlin')).toEqual(['2026-11-20', 1]);
    // TZ works too when WAYMARK_TZ is not set.
    expect(due('')).toEqual(['2026-11-19', 0]);
    const viaTz = box.ok(['review', '--json'], { ...now, WAYMARK_TZ: undefined, TZ: 'Europe/Berlin' })
      .json as {
      date: string;
    };
    expect(viaTz.date).toBe('2026-11-20');
  });
});

describe('waymark review: the terminal session', () => {
  it('reveal, rate, add a note, skip: each stored as it happens, time logged', () => {
    const box = withLog();
    const before = events(box.db).length;
    const { status, screen } = inTerminal(
      box.db,
      ['review'],
      [
        ['[1/2]', ' '],
        ['Bayes: posterior', '3'],
        ['[2/2]', 'n'],
        ['Note: ', 'used sklearnn\u007f\r'],
        ['Note saved', 's'],
      ],
    );
    expect(status, screen).toBe(0);
    expect(screen).toContain('Review: 2 cards due on 2026-11-20, most overdue first.');
    expect(screen).toContain('Probability');
    expect(screen).toContain('Phase 1: Foundations');
    expect(screen).toMatch(/Good: next review 2026-11-2\d \(in \d+ days?\)\. 1 left\./);
    expect(screen).toContain('House price predictor');
    expect(screen).toContain('Skipped. 0 left.');
    expect(screen).toContain('Done: 1 reviewed, 1 skipped, 1 note, 0 left. Logged 1m of review.');

    const added = events(box.db).slice(before);
    expect(added.map((event) => event.type)).toEqual(['review', 'note', 'log']);
    expect(added[0]).toMatchObject({ nodeId: ID.probability, rating: 3 });
    expect(added[1]).toMatchObject({ nodeId: ID.project, text: 'used sklearn' });
    expect(added[2]).toMatchObject({ nodeId: null, minutes: 1, note: 'Review session: 1 card' });
    // The rated card is no longer due; the skipped one still is.
    const list = box.ok(['review', '--json'], UTC).json as { cards: { nodeId: string }[] };
    expect(list.cards.map((card) => card.nodeId)).toEqual([ID.project]);
  });

  it('q quits at once and stores nothing', () => {
    const box = withLog();
    const before = events(box.db).length;
    const { status, screen } = inTerminal(box.db, ['review'], [['[1/2]', 'q']]);
    expect(status, screen).toBe(0);
    expect(screen).toContain('Stopped: 0 reviewed, 0 skipped, 0 notes, 2 left.');
    expect(events(box.db)).toHaveLength(before);
  });

  it('Easy on every card ends the session', () => {
    const box = withLog();
    const { status, screen } = inTerminal(
      box.db,
      ['review'],
      [
        ['[1/2]', '4'],
        ['[2/2]', '4'],
      ],
    );
    expect(status, screen).toBe(0);
    expect(screen).toContain('Done: 2 reviewed');
    expect((box.ok(['review', '--json'], UTC).json as { cards: unknown[] }).cards).toEqual([]);
  });
});

describe('waymark rate: bad input stores nothing', () => {
  const cases: [string, string[], RegExp][] = [
    ['a rating outside 1-4', ['rate', ID.probability, '5'], /not 1, 2, 3 or 4/],
    ['a rating of 0', ['rate', ID.probability, '0'], /not 1, 2, 3 or 4/],
    ['a word that is no rating', ['rate', ID.probability, 'great'], /not 1, 2, 3 or 4/],
    ['an item in progress', ['rate', ID.regression, '3'], /is not done \(it is doing\)/],
    ['an item never started', ['rate', 'classification', '3'], /is not done \(it is todo\)/],
    ['a certificate', ['rate', ID.certificate, '3'], /has no review card/],
    [
      'a review before the last one',
      ['rate', ID.linear, '3', '--at', '2026-11-15T10:00:00Z'],
      /before the last review/,
    ],
  ];
  it.each(cases)('%s: exit 1, a clear message', (_name, args, message) => {
    const box = withLog();
    const before = events(box.db).length;
    const run = box.run(args, UTC);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(events(box.db)).toHaveLength(before);
  });

  it('an opted-out item is refused until opted back in; a roadmap opt-out empties the list', () => {
    const box = withLog();
    box.ok(['review-opt-out', ID.probability]);
    const before = events(box.db).length;
    const run = box.run(['rate', ID.probability, '3'], UTC);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/opted out of review/);
    expect(events(box.db)).toHaveLength(before);
    box.ok(['review-opt-in', ID.probability]);
    expect(box.ok(['rate', ID.probability, 'good', '--json'], UTC).json).toMatchObject({ rating: 3 });
    box.ok(['review-opt-out', 'retro-roadmap']);
    expect((box.ok(['review', '--json'], UTC).json as { totalCards: number }).totalCards).toBe(0);
    // Opting one item in inside an opted-out roadmap makes an exception for it alone.
    box.ok(['review-opt-in', ID.calculus]);
    const list = box.ok(['review', '--json'], UTC).json as { totalCards: number };
    expect(list.totalCards).toBe(1);
  });
});

describe('waymark stats and streak', () => {
  it('stats: retention per week, cards by state, the 30-day load, expected minutes', () => {
    const box = withLog();
    const stats = box.ok(['stats', '--json'], UTC).json as {
      totalCards: number;
      dueToday: number;
      byState: Record<string, number>;
      retention: { overall: number; reviews: number; weeks: { week: string; retention: number }[] };
      load: { date: string; due: number }[];
      expected: { minutesPerDay: number; minutesPerCard: number; paceSource: string };
    };
    expect(stats.totalCards).toBe(4);
    expect(stats.dueToday).toBe(2);
    expect(stats.byState).toEqual({ new: 2, learning: 0, review: 2, relearning: 0 });
    expect(stats.retention.reviews).toBe(3);
    expect(stats.retention.weeks).toEqual([
      { week: '2026-11-09', reviews: 1, recalled: 1, retention: 1 },
      { week: '2026-11-16', reviews: 2, recalled: 1, retention: 0.5 },
    ]);
    expect(stats.load).toHaveLength(30);
    expect(stats.load[0]).toEqual({ date: '2026-11-20', due: 2 });
    // Calculus (rated Again today) comes back tomorrow; linear algebra (Good, then Easy) after the 30 days.
    expect(stats.load[1]).toEqual({ date: '2026-11-21', due: 1 });
    expect(stats.load.reduce((sum, day) => sum + day.due, 0)).toBe(3);
    expect(stats.expected.paceSource).toBe('default');
    expect(stats.expected.minutesPerCard).toBe(3);
    expect(stats.expected.minutesPerDay).toBeGreaterThan(0);
    const text = box.ok(['stats'], UTC).stdout;
    expect(text).toContain('Review cards: 4');
    expect(text).toContain('week of 2026-11-16   50%  (1/2)');
  });

  it('streak: a rest day (capacity 0) does not break it, a missed study day does', () => {
    const box = withLog();
    expect(box.ok(['streak', '--json'], UTC).json).toMatchObject({
      current: 2,
      longest: 5,
      since: '2026-11-19',
      studiedToday: true,
    });
    expect(box.ok(['streak'], UTC).stdout).toContain('Streak: 2 days (since 2026-11-19); longest 5 days.');
  });

  it("streak days are the learner's calendar days", () => {
    sandbox = cliSandbox('waymark-streak-tz-');
    const box = sandbox;
    box.ok(['import', join(import.meta.dirname, 'fixtures', 'retro-roadmap.md')]);
    // 02:00 UTC on the 19th and 20th: the 18th and 19th in New York, the 19th and 20th in UTC.
    box.ok(['log', '30m', '--at', '2026-11-19T02:00:00Z']);
    box.ok(['log', '30m', '--at', '2026-11-20T02:00:00Z']);
    const now = { WAYMARK_NOW: '2026-11-20T12:00:00Z' };
    expect(box.ok(['streak', '--json'], { ...now, WAYMARK_TZ: 'UTC' }).json).toMatchObject({
      current: 2,
      since: '2026-11-19',
      studiedToday: true,
    });
    expect(
      box.ok(['streak', '--json'], { ...now, WAYMARK_TZ: undefined, TZ: 'America/New_York' }).json,
    ).toMatchObject({
      current: 2,
      since: '2026-11-18',
      studiedToday: false,
    });
  });
});

describe('waymark retro', () => {
  it('--out writes the reviewed weekly file', () => {
    const box = withLog();
    const out = box.path('week.md');
    const before = events(box.db).length;
    box.ok(['retro', '--week', '--out', out], UTC);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(EXPECTED_RETRO, 'utf8'));
    expect(events(box.db)).toHaveLength(before);
  });

  it('--month covers the calendar month and asks for next month goals', () => {
    const box = withLog();
    const run = box.ok(['retro', '--month', '--no-edit'], UTC);
    expect(run.stdout).toContain('# Monthly review: November 2026 (2026-11-01 to 2026-11-30)');
    expect(run.stdout).toContain('- Linear algebra (2026-11-09)');
    expect(run.stdout).toContain('- Studied 10 h 30 min on 9 days.');
    expect(run.stdout).toContain('## Next month goals');
  });

  it('"this week" follows the learner time zone', () => {
    sandbox = cliSandbox('waymark-retro-tz-');
    const box = sandbox;
    box.ok(['import', join(import.meta.dirname, 'fixtures', 'retro-roadmap.md')]);
    // Monday 03:00 UTC is still Sunday evening in New York: last week there.
    box.ok(['log', '1h', '--at', '2026-11-16T03:00:00Z']);
    const minutes = (tz: string) =>
      (box.ok(['retro', '--json'], { WAYMARK_TZ: tz }).json as { study: { minutes: number } }).study.minutes;
    expect(minutes('UTC')).toBe(60);
    expect(minutes('America/New_York')).toBe(0);
    // The same through TZ, as a shell sets it.
    const viaTz = box.ok(['retro', '--json'], { WAYMARK_TZ: undefined, TZ: 'America/New_York' }).json as {
      period: { from: string };
      study: { minutes: number };
    };
    expect(viaTz.period.from).toBe('2026-11-16');
    expect(viaTz.study.minutes).toBe(0);
  });

  it('a period in the future: exit 1, nothing stored', () => {
    const box = withLog();
    const before = events(box.db).length;
    const run = box.run(['retro', '--date', '2026-11-23'], UTC);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/has not started yet: today is 2026-11-20/);
    expect(box.run(['retro', '--month', '--date', '2026-12-01'], UTC).status).toBe(1);
    expect(box.run(['retro', '--week', '--month'], UTC).status).toBe(2);
    expect(events(box.db)).toHaveLength(before);
  });

  it('interactive: what the learner writes in $EDITOR is stored as a roadmap note', () => {
    const box = withLog();
    const editor = box.path('fake-editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "\\nI learned Bayes rule.\\n" >> "$1"\n');
    chmodSync(editor, 0o755);
    const before = events(box.db).length;
    const { status, screen } = inTerminal(box.db, ['retro'], [], { EDITOR: editor, VISUAL: undefined });
    expect(status, screen).toBe(0);
    expect(screen).toContain('Stored your weekly review as a note on retro-roadmap');
    const added = events(box.db).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ type: 'note', roadmapId: 'retro-roadmap', nodeId: '@retro' });
    const text = (added[0] as { text: string }).text;
    expect(text.startsWith('# Weekly review: 2026-11-16 to 2026-11-22')).toBe(true);
    expect(text.endsWith('I learned Bayes rule.')).toBe(true);
  });

  it.each([
    ['$EDITOR missing', { EDITOR: undefined, VISUAL: undefined }, /no editor: \$EDITOR is not set/],
    [
      '$EDITOR exiting non-zero',
      { EDITOR: 'false', VISUAL: undefined },
      /the editor "false" exited with code 1/,
    ],
    ['$EDITOR not installed', { EDITOR: 'no-such-editor-xyz', VISUAL: undefined }, /exited with code 127/],
  ])('%s: exit 1, a clear message, nothing stored', (_name, env, message) => {
    const box = withLog();
    const before = events(box.db).length;
    const { status, screen } = inTerminal(box.db, ['retro'], [], env);
    expect(status, screen).toBe(1);
    expect(screen).toMatch(message);
    expect(screen).toMatch(/Nothing was stored/);
    expect(events(box.db)).toHaveLength(before);
  });

  it('an editor that saves nothing new stores nothing', () => {
    const box = withLog();
    const before = events(box.db).length;
    const { status, screen } = inTerminal(box.db, ['retro'], [], { EDITOR: 'true', VISUAL: undefined });
    expect(status, screen).toBe(0);
    expect(screen).toContain('left unchanged: nothing stored');
    expect(events(box.db)).toHaveLength(before);
  });
});
