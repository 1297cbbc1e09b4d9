import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { blockUid, exportPlanIcs } from './calendar-export.js';
import { updateSettings } from './planning-service.js';
import { setStatus } from './tracking-service.js';
import type { Workspace } from './workspace.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const topic = (id: string): Node => ({
  id,
  title: `Topic ${id}`,
  kind: 'topic',
  trackable: true,
  source: { line: 1, endLine: 1 },
  children: [],
});

const roadmap: Roadmap = {
  schemaVersion: 1,
  id: 'cal',
  title: 'Calendar roadmap',
  source: { sha256: '0'.repeat(64), format: 'markdown' },
  nodes: [
    {
      id: 'phase-1',
      title: 'Phase one',
      kind: 'phase',
      trackable: true,
      source: { line: 1, endLine: 1 },
      children: ['1.1', '1.2', 'a/b', '1.3'].map(topic),
    },
  ],
};

function workspace(now: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-ics-'));
  dirs.push(dir);
  const store = openSqliteStore(join(dir, 'store.db'));
  let id = 0;
  store.saveRoadmap({ id: roadmap.id, title: roadmap.title, sha256: '0', model: roadmap, importedAt: now });
  return { store, now: new Date(now), newId: () => `id-${++id}` };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  floating: boolean;
}

function parse(ics: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      floating: event.startDate.zone === ICAL.Timezone.localTimezone,
    };
  });
}

const UTC = { timeZone: 'UTC' };

describe('exportPlanIcs', () => {
  it('writes one event per planned study block, back to back from the day start, with stable UIDs', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    updateSettings(ws, 'cal', { capacity: { hoursByWeekday: [4, 4, 4, 4, 4, 4, 4] } }, UTC);
    const events = parse(exportPlanIcs(ws, 'cal', { timeZone: 'UTC' }));
    // 4 topics of 3 h at 4 h a day: 1.1 (Mon 3 h), 1.2 (Mon 1 h + Tue 2 h), a/b (Tue 2 h + Wed 1 h), 1.3 (Wed 3 h).
    expect(events.map((event) => [event.summary, event.start, event.end])).toEqual([
      ['Topic 1.1', '2026-01-05T18:00:00', '2026-01-05T21:00:00'],
      ['Topic 1.2', '2026-01-05T21:00:00', '2026-01-05T22:00:00'],
      ['Topic 1.2', '2026-01-06T18:00:00', '2026-01-06T20:00:00'],
      ['Topic a/b', '2026-01-06T20:00:00', '2026-01-06T22:00:00'],
      ['Topic a/b', '2026-01-07T18:00:00', '2026-01-07T19:00:00'],
      ['Topic 1.3', '2026-01-07T19:00:00', '2026-01-07T22:00:00'],
    ]);
    expect(events.every((event) => event.floating)).toBe(true);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    expect(events[0]?.uid).toBe(blockUid('cal', '1.1', '2026-01-05'));
    expect(events[3]?.uid).toBe('cal.a%2Fb.2026-01-06@waymark');
    // The same plan exported again (an hour later) has the same UIDs: a calendar updates, never duplicates.
    ws.now = new Date('2026-01-05T13:00:00Z');
    expect(parse(exportPlanIcs(ws, 'cal', { timeZone: 'UTC' })).map((event) => event.uid)).toEqual(
      events.map((event) => event.uid),
    );
  });

  it('after progress the remaining blocks keep their UIDs where they stay on the same day', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    updateSettings(ws, 'cal', { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3] } }, UTC);
    const before = parse(exportPlanIcs(ws, 'cal', { timeZone: 'UTC' })).map((event) => event.uid);
    ws.now = new Date('2026-01-06T08:00:00Z'); // Monday's topic done on time: the rest stays where it was
    setStatus(ws, ['1.1'], 'done');
    // No review time reserved: the finished topic would otherwise ask for some.
    const after = parse(
      exportPlanIcs(ws, 'cal', { timeZone: 'UTC', dayStart: '07:30', reviewMinutesPerDay: 0 }),
    );
    expect(after).toHaveLength(3);
    expect(after[0]).toMatchObject({ summary: 'Topic 1.2', start: '2026-01-06T07:30:00' });
    expect(after.map((event) => event.uid)).toEqual(before.slice(1));
  });

  it('limits the horizon with `days` and refuses bad options or nothing left', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    updateSettings(ws, 'cal', { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3] } }, UTC);
    expect(parse(exportPlanIcs(ws, 'cal', { timeZone: 'UTC', days: 2 }))).toHaveLength(2);
    expect(() => exportPlanIcs(ws, 'cal', { dayStart: '25:00' })).toThrow(/not a time of day/);
    expect(() => exportPlanIcs(ws, 'nope')).toThrow(/no roadmap "nope"/);
    setStatus(ws, ['phase-1'], 'done', { all: true });
    expect(() => exportPlanIcs(ws, 'cal', { timeZone: 'UTC' })).toThrow(/nothing left to plan/);
  });
});
