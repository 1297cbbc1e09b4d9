import { Command, CommanderError } from 'commander';
import { WaymarkError } from '../core/errors.js';
import type { Status } from '../core/progress/events.js';
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
    .description('Parse a Markdown roadmap and print what Waymark sees in it (stores nothing)')
    .argument('<file>', 'a Markdown file, or the name of a bundled roadmap (e.g. ai-engineer)')
    .option('--json', 'print the roadmap model as JSON (see schema/roadmap.schema.json)')
    .action(async (file: string, options: { json?: boolean }) => {
      const { inspect } = await import('./commands/inspect.js');
      await inspect(file, options, io);
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
    .option('--json', 'print [{id, title, progress, ...}] as JSON')
    .action(async (_options, command: Command) => {
      const { listCommand } = await import('./commands/import.js');
      await listCommand(command.optsWithGlobals(), io);
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
      .option('--all', 'also every item beneath (one change: one undo reverts it)')
      .option('--at <when>', 'when it happened: yesterday, 2026-11-20, 2026-11-20T19:30')
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
    .description('Log study time, optionally on an item')
    .argument('<duration>', '90m, 1h30, 1h 30m, 2h, 1.5h')
    .argument('[item]', 'roadmap:id, an id, or part of a title')
    .option('-m, --message <note>', 'what you did')
    .option('--at <when>', 'when it happened: yesterday, 2026-11-20, 2026-11-20T19:30')
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
    .option('--json', 'print the recorded event as JSON')
    .action(async (item: string, text: string[], _options, command: Command) => {
      const { noteCommand } = await import('./commands/track.js');
      await noteCommand(item, text, command.optsWithGlobals(), io);
    });

  program
    .command('evidence')
    .description('Attach evidence to an item: a certificate, project link, commit or file')
    .argument('<item>', 'roadmap:id, an id, or part of a title')
    .argument('<ref>', 'a URL or a path')
    .option('--kind <kind>', 'certificate, project, commit, link or file (guessed when omitted)')
    .option('--at <when>', 'when it happened')
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
    .option('--prefer <side>', 'resolve conflicts: "file" or "store"')
    .option('--json', 'print the result as JSON')
    .action(async (roadmap: string | undefined, _options, command: Command) => {
      const { syncCommand } = await import('./commands/sync.js');
      await syncCommand(roadmap, command.optsWithGlobals(), io);
    });

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

function reportError(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
    if (error.code === 'commander.help') return EXIT_OK;
    return EXIT_USAGE;
  }
  if (error instanceof WaymarkError) {
    io.warn(`waymark: ${error.message}`);
    if (error.hint) io.warn(`  ${error.hint}`);
    return error.code === 'USAGE' ? EXIT_USAGE : EXIT_ERROR;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.warn(`waymark: unexpected error: ${message}`);
  if (io.env.WAYMARK_DEBUG && error instanceof Error && error.stack) io.warn(error.stack);
  else io.warn('  This is a bug in Waymark. Run again with WAYMARK_DEBUG=1 and report the output.');
  return EXIT_ERROR;
}
