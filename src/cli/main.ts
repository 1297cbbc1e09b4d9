import { Command, CommanderError } from 'commander';
import type { Correction } from '../app/correction-service.js';
import { describeFileError } from '../app/file-errors.js';
import { WaymarkError } from '../core/errors.js';
import { NODE_KINDS } from '../core/model/roadmap.js';
import type { Status } from '../core/progress/events.js';
import { describeStoreFailure } from '../store/sqlite/sqlite-errors.js';
import { type Io, processIo } from './io.js';

const EXIT_OK = 0;
const EXIT_ERROR = 1;
const EXIT_USAGE = 2;

/** Builds the command tree. Each action lazy-loads its command module so a command pays only for itself. */
export function buildProgram(io: Io): Command {
  const program = new Command('waymark')
    .description('Follow a long learning roadmap to the end: import, track, plan, review.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.warn(text.trimEnd()),
    });

  program.option('--db <path>', 'the store file (default: WAYMARK_DB, else your data directory)');

  program
    .command('inspect')
    .description(
      'Print what Waymark sees in a Markdown roadmap (stores nothing), or in a stored roadmap with your corrections',
    )
    .argument('<file>', 'a Markdown file, an imported roadmap id, or the name of a bundled roadmap')
    .option('--json', 'print the roadmap model as JSON (see schema/roadmap.schema.json)')
    .action(async (file: string, _options, command: Command) => {
      const { inspect } = await import('./commands/inspect.js');
      await inspect(file, command.optsWithGlobals(), io);
    });

  program
    .command('import')
    .description('Add a roadmap to your store, or re-import an edited one keeping its progress')
    .argument('[file]', 'a Markdown file, or the name of a bundled roadmap; omit to list the bundled ones')
    .option('--list', 'list the bundled roadmaps')
    .option('--json', 'print the result as JSON')
    .action(async (file: string | undefined, _options, command: Command) => {
      const { importCommand } = await import('./commands/import.js');
      await importCommand(file, command.optsWithGlobals(), io);
    });

  program
    .command('list')
    .description('The roadmaps in your store with their progress')
    .option('--archived', 'instead, the items re-imports archived (gone from the file, progress kept)')
    .option('--json', 'print [{id, title, progress, ...}] as JSON')
    .action(async (_options, command: Command) => {
      const { listCommand } = await import('./commands/import.js');
      await listCommand(command.optsWithGlobals(), io);
    });

  program
    .command('remove')
    .description(
      'Remove a roadmap from every view (its events stay: importing the file again brings it back)',
    )
    .argument('<roadmap>', 'a roadmap id')
    .option('--json', 'print {removed, eventsKept} as JSON')
    .action(async (roadmap: string, _options, command: Command) => {
      const { removeCommand } = await import('./commands/import.js');
      await removeCommand(roadmap, command.optsWithGlobals(), io);
    });

  program
    .command('status')
    .description('Progress per phase and section (by count and by effort), time logged, work in progress')
    .argument('[roadmap]', 'a roadmap id (default: all)')
    .option('--depth <n>', 'how many levels of the tree to show', '2')
    .option('--json', 'print every node with id, title, kind, status, counts and time, nested')
    .action(async (roadmap: string | undefined, _options, command: Command) => {
      const { statusCommand } = await import('./commands/status.js');
      await statusCommand(roadmap, command.optsWithGlobals(), io);
    });

  program
    .command('show')
    .description('One item with its history, notes, evidence and time')
    .argument('<item>', 'roadmap:id, an id, or part of a title')
    .option('--json', 'print as JSON')
    .action(async (item: string, _options, command: Command) => {
      const { showCommand } = await import('./commands/status.js');
      await showCommand(item, command.optsWithGlobals(), io);
    });

  program
    .command('reattach')
    .description("Give an archived item's progress (status, time, notes, evidence, reviews) to an item")
    .argument(
      '<archived>',
      'the archived item: roadmap:id, an id, or part of its title (see list --archived)',
    )
    .argument('<item>', 'the item of the same roadmap to carry it')
    .option('--json', 'print the recorded event and the resulting progress as JSON')
    .action(async (archived: string, item: string, _options, command: Command) => {
      const { reattachCommand } = await import('./commands/reattach.js');
      await reattachCommand(archived, item, command.optsWithGlobals(), io);
    });

  const statusVerbs: [string, Status, string][] = [
    ['start', 'doing', 'Mark items as in progress'],
    ['done', 'done', 'Mark items as done'],
    ['skip', 'skipped', 'Mark items as skipped (they count as finished)'],
    ['reset', 'todo', 'Mark items as not started'],
  ];
  for (const [verb, status, description] of statusVerbs) {
    program
      .command(verb)
      .description(description)
      .argument('<items...>', 'roadmap:id, an id, or part of a title')
      .option('--all', 'kept for older scripts: a parent always acts on every item beneath it')
      .option('--at <when>', 'when it happened: yesterday, 2026-11-20, 2026-11-20T19:30')
      .option('--force', 'accept an --at date far before your first activity')
      .option('--json', 'print the recorded events as JSON')
      .action(async (items: string[], _options, command: Command) => {
        const { statusChangeCommand } = await import('./commands/track.js');
        await statusChangeCommand(status, items, command.optsWithGlobals(), io);
      });
  }

  program
    .command('undo')
    .description('Revert the last change (recorded as a new event; nothing is deleted)')
    .option('--json', 'print the undone events as JSON')
    .action(async (_options, command: Command) => {
      const { undoCommand } = await import('./commands/track.js');
      await undoCommand(command.optsWithGlobals(), io);
    });

  program
    .command('log')
    .description('Log study time, on an item or on a roadmap')
    .argument('<duration>', '90m, 1h30, 1h 30m, 2h, 1.5h (a bare number is refused: minutes or hours?)')
    .argument('[item]', 'roadmap:id, an id, or part of a title')
    .option('--roadmap <id>', 'the roadmap of time not tied to an item')
    .option('-m, --message <note>', 'what you did')
    .option('--at <when>', 'when it happened: yesterday, 2026-11-20, 2026-11-20T19:30')
    .option('--force', 'accept an --at date far before your first activity')
    .option('--json', 'print the recorded event as JSON')
    .action(async (duration: string, item: string | undefined, _options, command: Command) => {
      const { logCommand } = await import('./commands/track.js');
      await logCommand(duration, item, command.optsWithGlobals(), io);
    });

  program
    .command('note')
    .description('Add a note to an item')
    .argument('<item>', 'roadmap:id, an id, or part of a title')
    .argument('<text...>', 'the note')
    .option('--at <when>', 'when it happened')
    .option('--force', 'accept an --at date far before your first activity')
    .option('--json', 'print the recorded event as JSON')
    .action(async (item: string, text: string[], _options, command: Command) => {
      const { noteCommand } = await import('./commands/track.js');
      await noteCommand(item, text, command.optsWithGlobals(), io);
    });

  program
    .command('evidence')
    .description('Attach evidence to an item: a certificate, project link, commit or file')
    .argument('<item>', 'roadmap:id, an id, or part of a title')
    .argument(
      '<ref>',
      'an http(s) URL, a commit, a certificate ID (with --kind certificate) or an existing file',
    )
    .option('--kind <kind>', 'certificate, project, commit, link or file (guessed when omitted)')
    .option('--at <when>', 'when it happened')
    .option('--force', 'accept an --at date far before your first activity')
    .option('--json', 'print the recorded event as JSON')
    .action(async (item: string, ref: string, _options, command: Command) => {
      const { evidenceCommand } = await import('./commands/track.js');
      await evidenceCommand(item, ref, command.optsWithGlobals(), io);
    });

  program
    .command('sync')
    .description(
      "Two-way sync of checkboxes with the roadmap's Markdown file (only the bytes inside [ ] change)",
    )
    .argument('[roadmap]', 'a roadmap id (default: every roadmap imported from a file)')
    .option(
      '--prefer <side>',
      'where the file and Waymark disagree: "store" keeps Waymark\'s state and rewrites the box, "file" records the box',
    )
    .option(
      '--relink',
      'confirm the file path(s) a restored backup brought (sync leaves them alone until then)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (roadmap: string | undefined, _options, command: Command) => {
      const { syncCommand } = await import('./commands/sync.js');
      await syncCommand(roadmap, command.optsWithGlobals(), io);
    });

  program
    .command('export')
    .description('A full backup of roadmaps and events (json), or the study plan as a calendar (ics)')
    .option('--format <format>', 'json (backup, restorable with `waymark restore`) or ics (the plan)', 'json')
    .option('--roadmap <id>', 'with --format ics: only this roadmap')
    .option('--day-start <HH:MM>', "with --format ics: when each day's study blocks start (default 18:00)")
    .option('--days <n>', 'with --format ics: only the next N days of the plan')
    .option('--out <file>', 'write to a file (atomically) instead of standard output')
    .action(async (_options, command: Command) => {
      const { exportCommand } = await import('./commands/backup.js');
      await exportCommand(command.optsWithGlobals(), io);
    });

  program
    .command('restore')
    .description('Restore a backup made by `waymark export` into an empty store')
    .argument('<file>', 'the backup file')
    .option('--json', 'print what was restored as JSON')
    .action(async (file: string, _options, command: Command) => {
      const { restoreCommand } = await import('./commands/backup.js');
      await restoreCommand(file, command.optsWithGlobals(), io);
    });

  program
    .command('serve')
    .description('The dashboard and its API on 127.0.0.1 (default port 4747), until Ctrl-C')
    .option('--port <n>', 'the port (default: PORT, else 4747; 0 picks a free one)')
    .option('--open', 'open the dashboard in your browser')
    .option('--bundled', 'first import the bundled roadmaps that are not in the store yet (keeps progress)')
    .action(async (_options, command: Command) => {
      const { serveCommand } = await import('./commands/serve.js');
      await serveCommand(command.optsWithGlobals(), io);
    });

  program
    .command('review')
    .description('Spaced review (FSRS) of finished topics: an interactive session over the cards due today')
    .argument('[roadmap]', 'a roadmap id (default: all)')
    .option('--date <date>', 'the cards due on this day (YYYY-MM-DD; default today)')
    .option('--json', 'print the due cards as JSON instead of starting a session')
    .action(async (roadmap: string | undefined, _options, command: Command) => {
      const { reviewCommand } = await import('./commands/review.js');
      await reviewCommand(roadmap, command.optsWithGlobals(), io);
    });

  program
    .command('rate')
    .description('Record one review of a finished topic: 1 Again, 2 Hard, 3 Good, 4 Easy')
    .argument('<item>', 'roadmap:id, an id, or part of a title')
    .argument('<rating>', '1, 2, 3 or 4 (or again, hard, good, easy)')
    .option('--at <when>', 'when you reviewed it')
    .option('--json', 'print the review and the next due date as JSON')
    .action(async (item: string, rating: string, _options, command: Command) => {
      const { rateCommand } = await import('./commands/review.js');
      await rateCommand(item, rating, command.optsWithGlobals(), io);
    });

  for (const [verb, optOut, description] of [
    ['review-opt-out', true, 'Stop reviewing a roadmap, or an item and everything beneath it'],
    ['review-opt-in', false, 'Review a roadmap or item again after opting it out'],
  ] as const) {
    program
      .command(verb)
      .description(description)
      .argument('<target>', 'a roadmap id, or an item (roadmap:id, an id, or part of a title)')
      .option('--json', 'print the recorded setting as JSON')
      .action(async (target: string, _options, command: Command) => {
        const { reviewOptCommand } = await import('./commands/review.js');
        await reviewOptCommand(target, optOut, command.optsWithGlobals(), io);
      });
  }

  program
    .command('stats')
    .description('Review statistics: retention per week, cards by state, the load of the next 30 days')
    .argument('[roadmap]', 'a roadmap id (default: all)')
    .option('--json', 'print as JSON')
    .action(async (roadmap: string | undefined, _options, command: Command) => {
      const { statsCommand } = await import('./commands/stats.js');
      await statsCommand(roadmap, command.optsWithGlobals(), io);
    });

  program
    .command('streak')
    .description('Days in a row with logged study (rest days with 0 capacity do not break it)')
    .option('--json', 'print as JSON')
    .action(async (_options, command: Command) => {
      const { streakCommand } = await import('./commands/streak.js');
      await streakCommand(command.optsWithGlobals(), io);
    });

  program
    .command('retro')
    .description('A weekly or monthly review from your log; opens $EDITOR and keeps what you write as a note')
    .argument('[roadmap]', 'a roadmap id (default: all)')
    .option('--week', 'the week (Monday to Sunday) holding --date (the default)')
    .option('--month', 'the month holding --date')
    .option('--date <date>', 'a day in the period (YYYY-MM-DD; default today)')
    .option('--out <path>', 'write the Markdown to this file instead of opening an editor')
    .option('--no-edit', 'print the Markdown instead of opening an editor')
    .option('--json', 'print the facts and the Markdown as JSON')
    .action(async (roadmap: string | undefined, _options, command: Command) => {
      const { retroCommand } = await import('./commands/retro.js');
      await retroCommand(roadmap, command.optsWithGlobals(), io);
    });

  // ---- planning (capacity, target, estimate, choose, plan, today/next/week) ----
  const collect = (value: string, previous: string[]) => [...previous, value];
  const capacityCommand = program
    .command('capacity')
    .description(
      'Your study time (shared by every roadmap) and how roadmaps share it; no options shows where each value comes from',
    )
    .argument('[roadmap]', 'a roadmap id: its share, priority, pause or own hours (default: your total time)')
    .option('--weekdays <hours>', 'hours Monday to Friday, e.g. 2h, 90m, 1h30')
    .option('--weekend <hours>', 'hours on Saturday and Sunday');
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
    capacityCommand.option(`--${day} <hours>`, `hours on ${day}`);
  }
  capacityCommand
    .option('--off <days>', 'days off: 2026-12-24..2026-12-26 or 2026-12-31 (repeatable)', collect, [])
    .option('--clear-off', 'remove the stored days off first')
    .option('--start <date>', 'plan no work before this date (none to clear); needs a roadmap')
    .option('--from-routine', "take the hours from the roadmap's routine (e.g. Morning 1-2 h, daily)")
    .option('--reset', "drop this scope's own hours (a roadmap goes back to a share of your time)")
    .option('--share <percent>', "this roadmap's part of your time, e.g. 60% (none: an equal part)")
    .option('--priority <n>', 'place in priority order, 1 first (none to drop)')
    .option('--pause', 'plan no time for this roadmap (it stays imported)')
    .option('--resume', 'plan this roadmap again')
    .option('--split <how>', 'how roadmaps share your time: shares (default) or priority')
    .option('--habits <where>', 'routine habits inside your study time (default) or extra on top of it')
    .option('--window <HH:MM-HH:MM>', 'study window for calendar blocks (default 18:00-22:00)')
    .option('--json', 'print the settings as JSON')
    .action(async (roadmap: string | undefined, _options, command: Command) => {
      const { capacityCommand: run } = await import('./commands/capacity.js');
      await run(roadmap, command.optsWithGlobals(), io);
    });

  program
    .command('target')
    .description('Set, show or clear the date you want to finish a roadmap by')
    .argument('<roadmap>', 'a roadmap id')
    .argument('[date]', 'YYYY-MM-DD, from today on (omit to show the target)')
    .option('--clear', "remove the target (the roadmap's own date too)")
    .option('--reset', "drop your own target or clearing: the roadmap's own date applies again")
    .option('--json', 'print {roadmapId, targetDate, targetSource} as JSON')
    .action(async (roadmap: string, date: string | undefined, _options, command: Command) => {
      const { targetCommand } = await import('./commands/capacity.js');
      await targetCommand(roadmap, date, command.optsWithGlobals(), io);
    });

  program
    .command('estimate')
    .description(
      "Your own estimate for an item (it wins over the roadmap's durations), or a roadmap's sizing assumptions",
    )
    .argument('<item>', 'roadmap:id, an id, or part of a title; a roadmap id with --default/--week')
    .argument('[hours]', '6h, 90m, 1h30, or a number of hours')
    .option('--default <hours>', 'hours for an item with no duration above it (default 3h)')
    .option('--week <hours>', 'study hours a roadmap "week" means when sizing "6-8 weeks" (default 10h)')
    .option('--json', 'print the recorded estimate as JSON')
    .action(async (item: string, hours: string | undefined, _options, command: Command) => {
      const { estimateCommand } = await import('./commands/estimate.js');
      await estimateCommand(item, hours, command.optsWithGlobals(), io);
    });

  program
    .command('choose')
    .description(
      'Choose an option of an elective group ("Choose 1-2"); until you do, the plan assumes the minimum',
    )
    .argument('<item>', 'an option (or, with --clear, the group)')
    .option('--clear', 'drop this option from the choice, or the whole choice when ITEM is the group')
    .option('--json', 'print the choice as JSON')
    .action(async (item: string, _options, command: Command) => {
      const { chooseCommand } = await import('./commands/choose.js');
      await chooseCommand(item, command.optsWithGlobals(), io);
    });

  // ---- corrections of the importer's reading ----
  const correction = (name: string, description: string, make: (kind?: string) => Correction) => {
    const command = program.command(name).description(description);
    command.argument('<item>', 'roadmap:id, an id, or part of a title');
    if (name === 'kind') command.argument('<kind>', `one of ${NODE_KINDS.join(', ')}`);
    command
      .option('--json', 'print the correction as JSON')
      .action(async (item: string, ...rest: unknown[]) => {
        const kind = name === 'kind' ? (rest[0] as string) : undefined;
        const cmd = rest[rest.length - 1] as Command;
        const { correctCommand } = await import('./commands/correct.js');
        await correctCommand(item, make(kind), cmd.optsWithGlobals(), io);
      });
  };
  correction(
    'exclude',
    'Not work: leave an item (and what is beneath it) out of the plan and the counts',
    () => ({
      type: 'exclude',
    }),
  );
  correction(
    'include',
    'Work after all: plan an item the importer left out (information, a resource, optional)',
    () => ({
      type: 'include',
    }),
  );
  correction('kind', "Correct an item's kind (course, project, resource, info, ...)", (kind) => ({
    type: 'kind',
    kind: kind ?? '',
  }));

  program
    .command('plan')
    .description(
      'Plan the remaining work into your capacity: phase dates, finish range, target check, forecast',
    )
    .argument('[roadmap]', 'a roadmap id (default: every roadmap with work left)')
    .option('--target <date>', 'check against this date instead of the stored target')
    .option('--date <date>', 'plan as of this date (only what was logged up to it counts)')
    .option('--review-minutes <n>', 'minutes a day kept free for spaced review')
    .option('--items', 'also list every remaining item with its dates')
    .option('--json', 'print the plan as JSON (finish, phases, target, onTrack, forecast, items)')
    .action(async (roadmap: string | undefined, _options, command: Command) => {
      const { planCommand } = await import('./commands/plan.js');
      await planCommand(roadmap, command.optsWithGlobals(), io);
    });

  const agendaCommands: [string, string, 'todayCommand' | 'nextCommand' | 'weekCommand'][] = [
    [
      'today',
      "Today's agenda: planned items, items in progress, habits due, with the time each takes",
      'todayCommand',
    ],
    ['next', 'The agenda of the next day with planned work (today when it has some)', 'nextCommand'],
    ['week', 'The week ahead, day by day', 'weekCommand'],
  ];
  for (const [name, description, handler] of agendaCommands) {
    program
      .command(name)
      .description(description)
      .option(
        '--date <date>',
        name === 'week' ? 'first day of the week (default today)' : 'another day (YYYY-MM-DD)',
      )
      .option('--roadmap <id>', 'only this roadmap')
      .option('--review-minutes <n>', 'minutes a day kept free for spaced review')
      .option('--json', 'print as JSON')
      .action(async (_options, command: Command) => {
        const commands = await import('./commands/agenda.js');
        await commands[handler](command.optsWithGlobals(), io);
      });
  }

  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
}

function isSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
    if (error.code === 'commander.help') return EXIT_OK;
    // `waymark log -5m` reaches commander as an option; say what the learner most likely meant.
    if (error.code === 'commander.unknownOption' && /'-\d/.test(error.message)) {
      io.warn('  A duration or amount cannot be negative: use a positive value such as 30m.');
      return EXIT_ERROR;
    }
    return EXIT_USAGE;
  }
  if (error instanceof WaymarkError) {
    io.warn(`waymark: ${error.message}`);
    if (error.hint) io.warn(`  ${error.hint}`);
    return error.code === 'USAGE' ? EXIT_USAGE : EXIT_ERROR;
  }
  const fileError = describeFileError(error);
  if (fileError) return reportError(fileError, io);
  // A SQLite failure that escaped the store's own translation (it names no path: the store is the only one).
  const storeError = isSqliteError(error) ? describeStoreFailure(error, 'the store') : undefined;
  if (storeError) return reportError(storeError, io);
  const message = error instanceof Error ? error.message : String(error);
  io.warn(`waymark: unexpected error: ${message}`);
  if (io.env.WAYMARK_DEBUG && error instanceof Error && error.stack) io.warn(error.stack);
  else io.warn('  This is a bug in Waymark. Run again with WAYMARK_DEBUG=1 and report the output.');
  return EXIT_ERROR;
}
