import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaymarkError } from '../core/errors.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { type Backup, exportBackup, restoreBackup } from './backup.js';
import { importRoadmapFile } from './import-service.js';
import { syncRoadmap } from './sync-service.js';
import { addNote, logTime, setStatus, undoLastChange } from './tracking-service.js';
import type { Workspace } from './workspace.js';

/*
 * Restore trusts nothing in the file: every part is checked with the rules of CLI and API input before
 * anything is stored, the first problem is named, and a source path it brings is not synced until confirmed.
 */

let dir: string;
let opened: Workspace[] = [];
let ids = 0;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'waymark backup '));
  opened = [];
});
afterEach(() => {
  for (const workspace of opened) workspace.store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-11-20T12:00:00.000Z');

function workspace(name: string): Workspace {
  const store = openSqliteStore(join(dir, name));
  const opened_ = { store, now: NOW, newId: () => `id-${++ids}` };
  opened.push(opened_);
  return opened_;
}

const ROADMAP = '# Plan\n\n## Phase 1\n\n- [ ] 1.1 Python\n- [x] 1.2 Git\n- [ ] 1.3 Linux\n';

/** A real backup: a roadmap imported from a file, a re-import that archives an item, tracking and an undo. */
function realBackup(): Backup {
  const source = workspace('source.db');
  const file = join(dir, 'plan.md');
  writeFileSync(file, ROADMAP);
  importRoadmapFile(source, file);
  setStatus(source, ['1.1'], 'done');
  logTime(source, '90m', '1.1', { note: 'numpy' });
  addNote(source, '1.3', 'later');
  writeFileSync(file, ROADMAP.replace('- [ ] 1.3 Linux\n', '')); // 1.3 removed: its note is archived
  importRoadmapFile(source, file);
  setStatus(source, ['1.2'], 'todo');
  undoLastChange(source);
  return JSON.parse(JSON.stringify(exportBackup(source))) as Backup;
}

function refusal(backup: unknown, target = workspace(`t${++ids}.db`)): WaymarkError {
  try {
    restoreBackup(target, typeof backup === 'string' ? backup : JSON.stringify(backup), 'b.json');
  } catch (error) {
    expect(error).toBeInstanceOf(WaymarkError);
    expect(target.store.listRoadmaps(), 'nothing restored').toEqual([]);
    expect(target.store.listEvents(), 'nothing restored').toEqual([]);
    return error as WaymarkError;
  }
  throw new Error('expected the restore to be refused');
}

type Mutation = [name: string, mutate: (b: Backup) => void, message: string | RegExp];

const event = (b: Backup, type: string) =>
  b.events.find((e) => e.type === type) as unknown as Record<string, unknown>;
const firstNode = (b: Backup) =>
  ((b.roadmaps[0] as Backup['roadmaps'][0]).model as { nodes: Record<string, unknown>[] }).nodes[0] as Record<
    string,
    unknown
  >;

const MUTATIONS: Mutation[] = [
  ['version 0', (b) => Object.assign(b, { version: 0 }), '"version" must be 1 (got 0)'],
  ['version -1', (b) => Object.assign(b, { version: -1 }), '"version" must be 1 (got -1)'],
  ['version 1.5', (b) => Object.assign(b, { version: 1.5 }), '"version" must be 1 (got 1.5)'],
  ['an unknown top-level field', (b) => Object.assign(b, { extra: 1 }), 'unknown field "extra"'],
  [
    'an event in year 9999',
    (b) => Object.assign(event(b, 'log'), { at: '9999-01-01T00:00:00.000Z' }),
    /event 3 of 7 \(log "[^"]+"\): "at" is in the future/,
  ],
  [
    'an event before 1970',
    (b) => Object.assign(event(b, 'log'), { at: '0026-11-20T12:00:00.000Z' }),
    '"at" must be from 1970 on',
  ],
  [
    '1e12 minutes',
    (b) => Object.assign(event(b, 'log'), { minutes: 1e12 }),
    '"minutes" must be at most 1440',
  ],
  [
    'an unknown roadmap',
    (b) => Object.assign(event(b, 'note'), { roadmapId: 'elsewhere' }),
    'no roadmap "elsewhere" in the backup',
  ],
  ['an unknown node', (b) => Object.assign(event(b, 'status'), { nodeId: '9.9' }), /has no node "9\.9"/],
  [
    'an undo of a change not before it',
    (b) => Object.assign(event(b, 'undo'), { undoes: 'nope' }),
    'it undoes "nope", which is not a change recorded before it',
  ],
  [
    'seqs out of order',
    (b) => Object.assign(b.events[1] as object, { seq: 1 }),
    '"seq" must be present and increase',
  ],
  [
    'two roadmaps with one id',
    (b) => b.roadmaps.push(structuredClone(b.roadmaps[0]) as Backup['roadmaps'][0]),
    'roadmap 2 of 2: the id "plan" is already taken',
  ],
  [
    'a node of an unknown kind',
    (b) => Object.assign(firstNode(b), { kind: 'chapter' }),
    /roadmap 1 of 1: model\.nodes\.0\.kind: Invalid option/,
  ],
  ['a node without children', (b) => delete firstNode(b).children, /model\.nodes\.0\.children/],
  [
    'a node with a negative line',
    (b) => Object.assign(firstNode(b), { source: { line: -3, endLine: 2 } }),
    /model\.nodes\.0\.source\.line/,
  ],
  [
    'a model of another roadmap',
    (b) => Object.assign(b.roadmaps[0]?.model as object, { id: 'other' }),
    '"model.id" must be the roadmap\'s id "plan"',
  ],
  [
    'a relative source path',
    (b) => Object.assign(b.roadmaps[0] as object, { sourcePath: 'plan.md' }),
    '"sourcePath" must be an absolute file path',
  ],
  [
    'a bad sha256',
    (b) => Object.assign(b.roadmaps[0] as object, { sha256: 'abc' }),
    '"sha256" must be 64 lowercase hex digits',
  ],
  [
    'a sync base of no roadmap',
    (b) => Object.assign(b.syncBases, { ghost: b.syncBases.plan }),
    'the sync base of "ghost": no roadmap "ghost"',
  ],
  [
    'a sync base that is not booleans',
    (b) => Object.assign(b.syncBases.plan as object, { checked: { '1.1': 'yes' } }),
    '"checked" must map node ids to true or false',
  ],
];

describe('restore', () => {
  it('restores a real backup exactly, and export gives the same backup back', () => {
    const backup = realBackup();
    expect(backup.events.map((e) => e.type)).toEqual([
      'status',
      'status',
      'log',
      'note',
      'archive',
      'status',
      'undo',
    ]);
    const target = workspace('restored.db');
    const summary = restoreBackup(target, JSON.stringify(backup), 'b.json');
    expect(summary).toMatchObject({ roadmaps: 1, events: 7 });
    expect(JSON.parse(JSON.stringify(exportBackup(target)))).toEqual(backup);
  });

  it.each(MUTATIONS)('refuses %s, naming it, storing nothing', (_name, mutate, message) => {
    const backup = realBackup();
    mutate(backup);
    const error = refusal(backup);
    expect(error.code).toBe('INPUT');
    if (typeof message === 'string') expect(error.message).toContain(message);
    else expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^b\.json /);
  });

  it('refuses a backup from a newer Waymark with the upgrade hint', () => {
    const error = refusal({ ...realBackup(), version: 2 });
    expect(error.message).toBe('b.json was written by a newer Waymark (backup version 2; this one reads 1).');
    expect(error.hint).toBe('Upgrade Waymark, then restore.');
  });

  it('names the first problem when there are several', () => {
    const backup = realBackup();
    Object.assign(event(backup, 'note'), { text: '' });
    Object.assign(event(backup, 'undo'), { undoes: 'nope' });
    expect(refusal(backup).message).toContain('event 4 of 7: note event');
  });

  it('refuses every single corrupted field of any event (property)', () => {
    const backup = realBackup();
    const corruptions: [string, unknown][] = [
      ['at', '2026-13-01T00:00:00.000Z'],
      ['at', 12],
      ['recordedAt', '9999-12-31T00:00:00.000Z'],
      ['roadmapId', 'nowhere'],
      ['id', ''],
      ['changeId', null],
      ['type', 'teleport'],
      ['seq', -1],
      ['surprise', true],
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: backup.events.length - 1 }),
        fc.constantFrom(...corruptions),
        (index, [field, value]) => {
          const copy = structuredClone(backup);
          (copy.events[index] as unknown as Record<string, unknown>)[field] = value;
          // Named: the corrupted event, or an earlier one it was evidence for (an archive makes a node known).
          const message = refusal(copy).message;
          const named = Number(/event (\d+) of 7/.exec(message)?.[1]);
          expect(named, message).toBeLessThanOrEqual(index + 1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps a restored source path unconfirmed: sync neither reads nor writes it until confirmed', async () => {
    const backup = realBackup();
    const victim = join(dir, 'victim.md');
    const victimText = '# Not a roadmap of mine\n\n- [ ] 1.1 Python\n- [ ] 1.2 Git\n';
    writeFileSync(victim, victimText);
    backup.roadmaps[0] = { ...(backup.roadmaps[0] as Backup['roadmaps'][0]), sourcePath: victim };
    const target = workspace('restored.db');
    const summary = restoreBackup(target, JSON.stringify(backup), 'b.json');
    expect(summary.unconfirmedSources).toEqual([{ id: 'plan', path: victim }]);
    expect(target.store.getRoadmap('plan')?.sourceUnconfirmed).toBe(true);
    const error = (() => {
      try {
        syncRoadmap(target, 'plan');
      } catch (caught) {
        return caught as WaymarkError;
      }
      throw new Error('expected sync to refuse');
    })();
    expect(error.message).toContain(`"plan" came from a restored backup, which says its file is ${victim}`);
    expect(error.hint).toContain('waymark sync plan --relink');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(victim, 'utf8')).toBe(victimText);
    // The export of the restored store is the backup as it was: confirmation is this machine's business.
    expect(JSON.parse(JSON.stringify(exportBackup(target)))).toEqual(backup);
    // Importing the file on this machine is the learner naming it: that confirms it too.
    importRoadmapFile(target, victim);
    expect(target.store.getRoadmap('plan')?.sourceUnconfirmed).toBeUndefined();
  });
});
