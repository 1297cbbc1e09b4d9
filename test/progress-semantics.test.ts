/**
 * Issue 9, points 1, 2, 5, 6 and 7 (progress model), each as it was reported: parents derived from their
 * items, one definition of an item, attribution of time, undo and dates, and the smaller points.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveRoadmapPath } from '../src/app/bundled-roadmaps.js';
import { logReviewSession } from '../src/app/review-service.js';
import { openWorkspace } from '../src/app/workspace.js';
import { todayCommand } from '../src/cli/commands/agenda.js';
import { estimateCommand } from '../src/cli/commands/estimate.js';
import { importCommand, listCommand, removeCommand } from '../src/cli/commands/import.js';
import { planCommand } from '../src/cli/commands/plan.js';
import { retroCommand } from '../src/cli/commands/retro.js';
import { statsCommand } from '../src/cli/commands/stats.js';
import { showCommand, statusCommand } from '../src/cli/commands/status.js';
import { streakCommand } from '../src/cli/commands/streak.js';
import { syncCommand } from '../src/cli/commands/sync.js';
import {
  evidenceCommand,
  logCommand,
  noteCommand,
  statusChangeCommand,
  undoCommand,
} from '../src/cli/commands/track.js';
import type { Status } from '../src/core/progress/events.js';
import { ENV, flatten, importCopy, type Json, type Sandbox, sandbox, showJson } from './progress-harness.js';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const mark = (status: Status, ...refs: string[]) =>
  box.cli((options, io) => statusChangeCommand(status, refs, options, io));
const markText = (status: Status, ...refs: string[]) =>
  box.cliText((options, io) => statusChangeCommand(status, refs, options, io));
const status = (id: string): Promise<Json> => box.cli((options, io) => statusCommand(id, options, io));
const nodeOf = async (roadmap: string, id: string): Promise<Json> =>
  flatten((await status(roadmap)).nodes).find((node: Json) => node.id === id);
const plan = (id: string): Promise<Json> => box.cli((options, io) => planCommand(id, options, io));
const eventCount = () => {
  const workspace = openWorkspace({ db: box.db, env: ENV });
  try {
    return workspace.store.listEvents().length;
  } finally {
    workspace.store.close();
  }
};

describe('1. a parent is derived from the items beneath it', () => {
  beforeEach(async () => {
    await importCopy(box, 'ai-engineer');
  });

  it('start Parent, then done on all its items: the parent is done, not in progress, and not offered today', async () => {
    await mark('doing', 'ai-engineer:1.1.1');
    const items = (await nodeOf('ai-engineer', '1.1.1')).children.map(
      (child: Json) => `ai-engineer:${child.id}`,
    );
    await mark('done', ...items);
    const parent = await nodeOf('ai-engineer', '1.1.1');
    expect(parent).toMatchObject({ status: 'done', done: 4, total: 4 });
    const roadmap = await status('ai-engineer');
    expect(roadmap.doing).toEqual([]);
    const today = await box.cli((options, io) => todayCommand(options, io));
    const offered = [...today.planned, ...today.inProgress].map((entry: Json) => entry.nodeId);
    expect(offered).not.toContain('1.1.1');
  });

  it('done Parent, then reset one item: the parent is in progress, 3/4, and the item is in the plan', async () => {
    await mark('done', 'ai-engineer:1.1.1');
    await mark('todo', 'ai-engineer:1.1.1.2');
    const parent = await nodeOf('ai-engineer', '1.1.1');
    expect(parent).toMatchObject({ status: 'doing', done: 3, total: 4 });
    expect(parent.children.find((child: Json) => child.id === '1.1.1.2').status).toBe('todo');
    const planned = (await plan('ai-engineer')).items.map((item: Json) => item.nodeId);
    expect(planned).toContain('1.1.1.2');
    expect(planned.filter((id: string) => id.startsWith('1.1.1.'))).toEqual(['1.1.1.2']);
  });

  it('done Parent, then its item unticked in the file and synced: the parent box is cleared too', async () => {
    const path = join(box.dir, 'ai-engineer.md');
    await mark('done', 'ai-engineer:1.1.1');
    expect((await box.cli((options, io) => syncCommand('ai-engineer', options, io)))[0].written.length).toBe(
      5,
    );
    let text = readFileSync(path, 'utf8');
    expect(text).toContain('- [x] 1.1.1 Linear Algebra');
    text = text.replace('[x] 1.1.1.2 Matrix operations', '[ ] 1.1.1.2 Matrix operations');
    writeFileSync(path, text);
    const synced = (await box.cli((options, io) => syncCommand('ai-engineer', options, io)))[0];
    expect(synced.recorded).toEqual([expect.objectContaining({ id: '1.1.1.2', done: false })]);
    expect(synced.written).toEqual([expect.objectContaining({ id: '1.1.1', checked: false })]);
    expect(await nodeOf('ai-engineer', '1.1.1')).toMatchObject({ status: 'doing', done: 3, total: 4 });
  });

  it('ticking a parent box in the file marks its unfinished items done', async () => {
    const path = join(box.dir, 'ai-engineer.md');
    await box.cli((options, io) => syncCommand('ai-engineer', options, io));
    await mark('skipped', 'ai-engineer:1.1.2.1');
    const text = readFileSync(path, 'utf8').replace('- [ ] 1.1.2 Calculus', '- [x] 1.1.2 Calculus');
    writeFileSync(path, text);
    await box.cli((options, io) => syncCommand('ai-engineer', options, io));
    const calculus = await nodeOf('ai-engineer', '1.1.2');
    expect(calculus).toMatchObject({ status: 'done', done: 4, total: 4 });
    expect(calculus.children.map((child: Json) => child.status)).toEqual(['skipped', 'done', 'done', 'done']);
  });

  it('marking a phase acts on every item beneath it, those with time or evidence too, as one change', async () => {
    await box.cli((options, io) => logCommand('45m', 'ai-engineer:1.1.1.1', options, io));
    await box.cli((options, io) =>
      evidenceCommand('ai-engineer:1.2.1.1', 'https://github.com/me/notebook', options, io),
    );
    const before = eventCount();
    const lines = await markText('done', 'ai-engineer:1');
    expect(lines[0]).toMatch(/^Done: 1 Phase 1.*: 26 items beneath it$/);
    expect(lines).toContain('One change: `waymark undo` reverts it all.');
    expect(eventCount()).toBe(before + 26);
    const phase = await nodeOf('ai-engineer', '1');
    expect(phase).toMatchObject({ status: 'done', done: 26, total: 26 });
    for (const leaf of flatten(phase.children).filter((node: Json) => node.children.length === 0))
      expect(leaf.status).toBe('done');
    await box.cli((options, io) => undoCommand(options, io));
    expect(await nodeOf('ai-engineer', '1')).toMatchObject({ status: 'todo', done: 0 });
  });

  it('done on a done item records nothing and says so', async () => {
    await mark('done', 'ai-engineer:1.1.1.1');
    const before = eventCount();
    expect(await markText('done', 'ai-engineer:1.1.1.1')).toEqual([
      'Already done: 1.1.1.1 Vectors and matrices (nothing recorded)',
    ]);
    expect((await mark('done', 'ai-engineer:1.1.1.1')).events).toEqual([]);
    expect(eventCount()).toBe(before);
  });
});

describe('2. one definition of an item, in every view', () => {
  it.each([
    ['ai-infra-journey-2026', 14, 8],
    // 445 leaves, less its six certificates under "16. Certification Path (Optional)": optional items are
    // out of scope until started or included, like unchosen electives.
    ['ai-engineer', 439, 10],
  ])(
    '%s: import, list, status, plan and the dashboard phases count %d items',
    async (name, items, phases) => {
      const id = await importCopy(box, name);
      const list = ((await box.cli((options, io) => listCommand(options, io))) as Json[])[0];
      expect(list.total).toBe(items);
      expect((await status(id)).progress.total).toBe(items);
      const planned = await plan(id);
      expect(planned.remaining.items).toBe(items);
      expect(planned.phases).toHaveLength(phases);
      const summary = (await box.api('/api/roadmaps')).json[0];
      expect(summary.phases.reduce((sum: number, phase: Json) => sum + phase.total, 0)).toBe(items);
    },
  );

  it('import reports the items list counts; options of an elective group not chosen are said apart', async () => {
    const path = join(box.dir, 'dev.md');
    writeFileSync(path, readFileSync(resolveRoadmapPath('dev-to-ai-engineer')));
    const imported = await box.cli((options, io) => importCommand(path, options, io));
    const list = ((await box.cli((options, io) => listCommand(options, io))) as Json[])[0];
    expect(imported.counts).toMatchObject({ items: list.total, notChosen: 7 });
    expect((await plan(imported.id)).remaining.items).toBe(list.total);
  });

  it('finishing the phases under a heading that is not trackable moves the headline (seed 000)', async () => {
    const id = await importCopy(box, 'ai-infra-journey-2026');
    await mark('done', `${id}:roadmap-overview/setup`, `${id}:roadmap-overview/ml-foundations`);
    expect((await status(id)).progress).toMatchObject({ done: 2, total: 14 });
    const text = (await box.cliText((options, io) => statusCommand(id, options, io))).join('\n');
    expect(text).toContain('[x] roadmap-overview/setup Setup');
  });
});

describe('5. attribution of time', () => {
  beforeEach(async () => {
    await importCopy(box, 'ai-engineer');
    await importCopy(box, 'ai-ml-career');
  });
  const log = (duration: string, ref?: string, extra: Json = {}) =>
    box.cli((options, io) => logCommand(duration, ref, { ...options, ...extra }, io));

  it('refuses time without an item or --roadmap when several roadmaps are active, naming them', async () => {
    const refused = await log('40m');
    expect(refused).toMatchObject({ error: 'USAGE' });
    expect(refused.message).toMatch(/ai-engineer, ai-ml-career/);
    expect(eventCount()).toBe(0);
  });

  it('takes --roadmap, and otherwise the roadmap of the one item in progress, saying so', async () => {
    expect(await log('40m', undefined, { roadmap: 'ai-ml-career' })).toMatchObject({
      roadmapId: 'ai-ml-career',
      nodeId: null,
      minutes: 40,
    });
    expect((await status('ai-ml-career')).minutes).toBe(40);
    expect((await status('ai-engineer')).minutes).toBe(0);
    await mark('doing', 'ai-engineer:1.1.1.1');
    const lines = await box.cliText((options, io) => logCommand('25m', undefined, options, io));
    expect(lines[0]).toMatch(
      /Logged 25m on roadmap ai-engineer \(the roadmap of 1\.1\.1\.1 .*the one item in progress/,
    );
    expect((await status('ai-engineer')).minutes).toBe(25);
    expect(await log('10m', 'ai-engineer:1.1.1.1', { roadmap: 'ai-ml-career' })).toMatchObject({
      error: 'USAGE',
    });
  });

  it('records review-session time as review time: not a roadmap’s work, still the pace per card', async () => {
    const workspace = openWorkspace({ db: box.db, env: ENV });
    try {
      const event = logReviewSession(workspace, 'ai-engineer', 6, 12);
      expect(event).toMatchObject({ kind: 'review', nodeId: null, minutes: 12 });
    } finally {
      workspace.store.close();
    }
    expect((await status('ai-engineer')).minutes).toBe(0);
    const stats = await box.cli((options, io) => statsCommand(undefined, options, io));
    expect(stats.expected).toMatchObject({ minutesPerCard: 2, paceSource: 'logged' });
    const streak = await box.cli((options, io) => streakCommand(options, io));
    expect(streak.studiedToday).toBe(true);
  });
});

describe('6. undo and dates', () => {
  beforeEach(async () => {
    await importCopy(box, 'ai-engineer');
  });

  /** Every --json view a learner reads, and the API's. */
  const everyView = async () => {
    const show = await showJson(box, 'ai-engineer:1.1.1');
    const { history: _history, ...shown } = show;
    return {
      status: await status('ai-engineer'),
      list: await box.cli((options, io) => listCommand(options, io)),
      plan: await plan('ai-engineer'),
      today: await box.cli((options, io) => todayCommand(options, io)),
      retro: await box.cli((options, io) =>
        retroCommand('ai-engineer', { ...options, edit: false }, io, false),
      ),
      stats: await box.cli((options, io) => statsCommand(undefined, options, io)),
      streak: await box.cli((options, io) => streakCommand(options, io)),
      show: shown,
      activity: (await box.api('/api/activity')).json,
      burnup: (await box.api('/api/roadmaps/ai-engineer/burnup')).json,
      journal: (await box.api('/api/journal')).json,
      roadmaps: (await box.api('/api/roadmaps')).json,
    };
  };

  it.each<[string, (s: Sandbox) => Promise<unknown>]>([
    [
      'a backfilled log',
      (s) =>
        s.cli((o, io) =>
          logCommand('2h', 'ai-engineer:1.1.1.1', { ...o, at: '2026-08-01', force: true }, io),
        ),
    ],
    ['a parent marked done', (s) => s.cli((o, io) => statusChangeCommand('done', ['ai-engineer:1'], o, io))],
    ['a start', (s) => s.cli((o, io) => statusChangeCommand('doing', ['ai-engineer:1.1.1.1'], o, io))],
    ['a note', (s) => s.cli((o, io) => noteCommand('ai-engineer:1.1.1.1', ['remember'], o, io))],
  ])('undo of %s leaves every view exactly as before', async (_what, change) => {
    await mark('done', 'ai-engineer:1.1.2.1');
    await box.cli((options, io) =>
      logCommand('30m', 'ai-engineer:1.1.2.1', { ...options, at: '2026-11-16' }, io),
    );
    const before = await everyView();
    await change(box);
    expect(await everyView()).not.toEqual(before);
    await box.cli((options, io) => undoCommand(options, io));
    expect(await everyView()).toEqual(before);
  });

  it('history marks undone events, in words too', async () => {
    await mark('done', 'ai-engineer:1.1.1.1');
    await box.cli((options, io) => undoCommand(options, io));
    const lines = await box.cliText((options, io) => showCommand('ai-engineer:1.1.1.1', options, io));
    expect(lines.some((line) => /status done \(undone\)$/.test(line))).toBe(true);
    expect((await showJson(box, 'ai-engineer:1.1.1.1')).history).toEqual([
      expect.objectContaining({ type: 'status', undone: true }),
    ]);
  });

  it('an --at far before the first activity needs --force; nothing is stored without it', async () => {
    const refused = await box.cli((options, io) =>
      logCommand('1h', 'ai-engineer:1.1.1.1', { ...options, at: '1999-01-01' }, io),
    );
    expect(refused).toMatchObject({ error: 'INPUT' });
    expect(refused.message).toMatch(/1999-01-01 is \d+ days before your first activity/);
    expect(eventCount()).toBe(0);
    for (const run of [
      () =>
        box.cli((o, io) =>
          statusChangeCommand('done', ['ai-engineer:1.1.1.1'], { ...o, at: '1999-01-01' }, io),
        ),
      () => box.cli((o, io) => noteCommand('ai-engineer:1.1.1.1', ['x'], { ...o, at: '1999-01-01' }, io)),
    ])
      expect(await run()).toMatchObject({ error: 'INPUT' });
    expect(eventCount()).toBe(0);
    // Months of earlier work, backfilled right after the import, are taken as they are.
    const months = await box.cli((o, io) =>
      statusChangeCommand('done', ['ai-engineer:1.1.1.2'], { ...o, at: '2026-03-01' }, io),
    );
    expect(months.events).toHaveLength(1);
    const forced = await box.cli((options, io) =>
      logCommand('1h', 'ai-engineer:1.1.1.1', { ...options, at: '1999-01-01', force: true }, io),
    );
    expect(forced).toMatchObject({ minutes: 60, at: '1999-01-01T12:00:00.000Z' });
  });

  it('refuses more than 24 h of logs on one calendar day', async () => {
    await box.cli((options, io) =>
      logCommand('20h', 'ai-engineer:1.1.1.1', { ...options, at: '2026-11-19' }, io),
    );
    const refused = await box.cli((options, io) =>
      logCommand('8h30', 'ai-engineer:1.1.1.2', { ...options, at: '2026-11-19T18:00' }, io),
    );
    expect(refused).toMatchObject({ error: 'INPUT' });
    expect(refused.message).toMatch(/2026-11-19 already has 20h logged; 8h 30m more would make 28h 30m/);
    expect(eventCount()).toBe(1);
    // Another day is another day.
    expect(
      await box.cli((options, io) =>
        logCommand('8h30', 'ai-engineer:1.1.1.2', { ...options, at: '2026-11-18' }, io),
      ),
    ).toMatchObject({ minutes: 510 });
  });

  it('an undone backfilled log is no first activity: the forecast does not move', async () => {
    const before = (await plan('ai-engineer')).forecast;
    await box.cli((options, io) =>
      logCommand('1h', 'ai-engineer:1.1.1.1', { ...options, at: '1999-01-01', force: true }, io),
    );
    await box.cli((options, io) => undoCommand(options, io));
    expect((await plan('ai-engineer')).forecast).toEqual(before);
  });
});

describe('7. smaller points', () => {
  beforeEach(async () => {
    await importCopy(box, 'ai-engineer');
  });

  it('evidence refuses a missing file and "not a url", and stores a file by its absolute path', async () => {
    const add = (ref: string, extra: Json = {}) =>
      box.cli((options, io) => evidenceCommand('ai-engineer:1.1.1.1', ref, { ...options, ...extra }, io));
    expect(await add('./does-not-exist.pdf')).toMatchObject({ error: 'INPUT' });
    expect(await add('not a url')).toMatchObject({ error: 'INPUT' });
    expect(await add('ftp://example.com/x')).toMatchObject({ error: 'INPUT' });
    expect(await add('notes.txt', { kind: 'link' })).toMatchObject({ error: 'INPUT' });
    expect(eventCount()).toBe(0);
    writeFileSync(join(box.dir, 'proof.pdf'), 'pdf');
    const cwd = process.cwd();
    process.chdir(box.dir);
    try {
      expect(await add('./proof.pdf')).toMatchObject({ kind: 'file', ref: join(box.dir, 'proof.pdf') });
    } finally {
      process.chdir(cwd);
    }
    expect(await add('https://coursera.org/verify/ABC')).toMatchObject({ kind: 'certificate' });
    expect(await add('AWS-SAA-12345', { kind: 'certificate' })).toMatchObject({ ref: 'AWS-SAA-12345' });
  });

  it('numbers without a unit are refused with a hint, in `log` and in `estimate` alike', async () => {
    const logged = await box.cli((options, io) => logCommand('90', 'ai-engineer:1.1.1.1', options, io));
    expect(logged).toMatchObject({ error: 'INPUT', message: '"90" has no unit.' });
    const estimated = await box.cli((options, io) =>
      estimateCommand('ai-engineer:1.1.1.1', '6', options, io),
    );
    expect(estimated).toMatchObject({ error: 'INPUT' });
    expect(estimated.message).toMatch(/"6" has no unit/);
    expect(eventCount()).toBe(0);
  });

  it('undo says what it reverted and the state the items are in now', async () => {
    await mark('doing', 'ai-engineer:1.1.1.1');
    await mark('done', 'ai-engineer:1.1.1.1');
    expect(await box.cliText((options, io) => undoCommand(options, io))).toEqual([
      'Undone: done on 1.1.1.1 Vectors and matrices (now doing)',
    ]);
    await box.cli((options, io) => logCommand('40m', 'ai-engineer:1.1.1.1', options, io));
    expect(await box.cliText((options, io) => undoCommand(options, io))).toEqual([
      'Undone: log of 40m on 1.1.1.1 Vectors and matrices',
    ]);
  });

  it('remove ROADMAP drops it from every view, keeps its events, and re-import brings it back', async () => {
    const id = await importCopy(box, 'ai-ml-career');
    await mark('done', 'ai-engineer:1.1.1');
    await box.cli((options, io) => logCommand('30m', 'ai-engineer:1.1.1.1', options, io));
    const before = await status('ai-engineer');
    const events = eventCount();
    expect(await box.cli((options, io) => removeCommand('ai-engineer', options, io))).toEqual({
      removed: 'ai-engineer',
      eventsKept: 5,
    });
    expect(((await box.cli((options, io) => listCommand(options, io))) as Json[]).map((r) => r.id)).toEqual([
      id,
    ]);
    expect((await box.api('/api/roadmaps')).json.map((r: Json) => r.id)).toEqual([id]);
    expect(eventCount()).toBe(events);
    expect(await box.cli((options, io) => removeCommand('ai-engineer', options, io))).toMatchObject({
      error: 'NOT_FOUND',
    });
    await importCopy(box, 'ai-engineer');
    expect(await status('ai-engineer')).toEqual(before);
    expect(eventCount()).toBe(events);
  });
});
