/**
 * The day's agenda is a stable checklist: work done during the day (time logged, items started or finished,
 * undone again) never re-plans the day; it is set against it, per item and in total.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { type AgendaView, agendaView, type DayView, weekView } from './agenda-view.js';
import { overviewView } from './overview-view.js';
import { estimateItem, planView, updateSettings } from './planning-service.js';
import { logTime, setStatus, undoLastChange } from './tracking-service.js';
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
  hours: { min: 1, max: 1 },
});

const ROADMAP: Roadmap = {
  schemaVersion: 1,
  id: 'day',
  title: 'Day roadmap',
  source: { sha256: '1'.repeat(64), format: 'markdown' },
  nodes: [
    {
      id: 'p1',
      title: 'Phase 1',
      kind: 'phase',
      trackable: true,
      source: { line: 1, endLine: 1 },
      children: Array.from({ length: 8 }, (_, i) => topic(`t${i + 1}`)),
    },
  ],
};

const UTC = { timeZone: 'UTC' };

function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-day-'));
  dirs.push(dir);
  const store = openSqliteStore(join(dir, 'store.db'));
  let id = 0;
  const now = '2026-01-05T09:00:00Z';
  const ws: Workspace = { store, now: new Date('2026-01-04T09:00:00Z'), newId: () => `id-${++id}` };
  store.saveRoadmap({
    id: 'day',
    title: ROADMAP.title,
    sha256: ROADMAP.source.sha256,
    model: ROADMAP,
    importedAt: now,
  });
  // 3 h a day, no review reserve: the day plans three one-hour topics.
  updateSettings(ws, 'day', { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3] } }, UTC);
  for (let i = 1; i <= 8; i++) estimateItem(ws, `day:t${i}`, 1);
  // Set up yesterday, so that today's plan starts from it.
  ws.now = new Date(now);
  return ws;
}

const rows = (agenda: AgendaView) => agenda.items.map((item) => [item.nodeId, item.minutes]);

type Action =
  | { kind: 'log'; row: number; minutes: number }
  | { kind: 'status'; row: number; status: 'doing' | 'done' | 'todo' }
  | { kind: 'undo' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('log' as const), row: fc.nat(2), minutes: fc.integer({ min: 5, max: 90 }) }),
  fc.record({
    kind: fc.constant('status' as const),
    row: fc.nat(2),
    status: fc.constantFrom('doing' as const, 'done' as const, 'todo' as const),
  }),
  fc.constant({ kind: 'undo' as const }),
);

describe("the day's agenda", () => {
  it('keeps its rows whatever is done during the day, and counts the logged time against them', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 6 }), (actions) => {
        const ws = workspace();
        const morning = agendaView(ws, { reviewMinutesPerDay: 0, ...UTC });
        expect(morning.items.length).toBe(3);
        const refs = morning.items.map((item) => `day:${item.nodeId}`);
        // What the log should say: each change's minutes per item, undone changes dropped.
        const changes: { ref: string; minutes: number }[][] = [];
        let minute = 0;
        for (const step of actions) {
          ws.now = new Date(Date.parse('2026-01-05T09:00:00Z') + ++minute * 60_000);
          if (step.kind === 'log') {
            logTime(ws, `${step.minutes}m`, refs[step.row]);
            changes.push([{ ref: refs[step.row] as string, minutes: step.minutes }]);
          } else if (step.kind === 'status') {
            // The status it already has records nothing (or is refused): then there is no change to undo.
            const before = ws.store.listEvents().length;
            try {
              setStatus(ws, [refs[step.row] as string], step.status);
            } catch {
              // refused, nothing recorded
            }
            if (ws.store.listEvents().length > before) changes.push([]);
          } else if (changes.length > 0) {
            undoLastChange(ws);
            changes.pop();
          }
        }
        const later = agendaView(ws, { reviewMinutesPerDay: 0, ...UTC });
        expect(rows(later)).toEqual(rows(morning));
        const expected = new Map<string, number>();
        for (const change of changes)
          for (const entry of change) expected.set(entry.ref, (expected.get(entry.ref) ?? 0) + entry.minutes);
        for (const item of later.items) {
          const logged = expected.get(`day:${item.nodeId}`) ?? 0;
          const open = item.status === 'todo' || item.status === 'doing';
          expect(item).toMatchObject({
            loggedMinutes: logged,
            leftMinutes: open ? Math.max(0, item.minutes - logged) : 0,
          });
        }
        expect(later.loggedMinutes).toBe([...expected.values()].reduce((sum, minutes) => sum + minutes, 0));
      }),
      { numRuns: 40 },
    );
  });

  it('shows an item finished today as done, still on the list, and tomorrow plans past it', () => {
    const ws = workspace();
    const morning = agendaView(ws, UTC);
    const first = morning.items[0];
    if (!first) throw new Error('nothing planned');
    logTime(ws, '40m', `day:${first.nodeId}`);
    setStatus(ws, [`day:${first.nodeId}`], 'done');
    const later = agendaView(ws, UTC);
    expect(rows(later)).toEqual(rows(morning));
    expect(later.items[0]).toMatchObject({ status: 'done', loggedMinutes: 40 });
    expect(later.logged).toEqual([
      { roadmapId: 'day', nodeId: first.nodeId, title: first.title, minutes: 40, review: false },
    ]);
    // The next day starts from what was done: the finished item is not planned again.
    ws.now = new Date('2026-01-06T09:00:00Z');
    expect(agendaView(ws, UTC).items.map((item) => item.nodeId)).not.toContain(first.nodeId);
  });

  it('reads a past day as it began, with what was logged on it', () => {
    const ws = workspace();
    const monday = agendaView(ws, UTC);
    const first = monday.items[0];
    if (!first) throw new Error('nothing planned');
    logTime(ws, '1h', `day:${first.nodeId}`);
    setStatus(ws, [`day:${first.nodeId}`], 'done');
    logTime(ws, '15m', undefined);
    ws.now = new Date('2026-01-07T09:00:00Z');
    const past = agendaView(ws, { date: '2026-01-05', ...UTC });
    expect(rows(past)).toEqual(rows(monday));
    expect(past).toMatchObject({ loggedMinutes: 75, reviewsDue: null, today: '2026-01-07' });
    expect(past.items[0]).toMatchObject({ status: 'done', loggedMinutes: 60, leftMinutes: 0 });
    expect(past.logged.map((entry) => [entry.nodeId, entry.minutes])).toEqual([
      [first.nodeId, 60],
      [null, 15],
    ]);
    // Today counts only today's time, and its reviews due (one finished topic, due a day later).
    expect(agendaView(ws, UTC)).toMatchObject({ loggedMinutes: 0, reviewsDue: 1 });
  });
});

describe('the plan from now', () => {
  it('leaves today only the study time not yet spent, in the week and the plan alike', () => {
    const log = fc.record({
      row: fc.option(fc.nat(2), { nil: undefined }),
      minutes: fc.integer({ min: 5, max: 120 }),
    });
    fc.assert(
      fc.property(fc.array(log, { minLength: 1, maxLength: 4 }), (logs) => {
        const ws = workspace();
        const refs = agendaView(ws, UTC).items.map((item) => `day:${item.nodeId}`);
        let studied = 0;
        logs.forEach((entry, i) => {
          ws.now = new Date(Date.parse('2026-01-05T09:00:00Z') + (i + 1) * 60_000);
          if (entry.row === undefined)
            logTime(ws, `${entry.minutes}m`, undefined, { roadmap: 'day', ...UTC });
          else logTime(ws, `${entry.minutes}m`, refs[entry.row], UTC);
          studied += entry.minutes;
        });
        const today = weekView(ws, UTC).days[0] as DayView;
        expect(today.studiedMinutes).toBe(studied);
        const planned = today.plannedMinutes + today.reviewMinutes + today.habitMinutes;
        const left = Math.max(0, today.capacityMinutes - studied);
        // Never more than what the day still holds, and that is planned while work is left.
        expect(planned).toBeLessThanOrEqual(left);
        expect(today.freeMinutes).toBe(left - planned);
        if (studied < today.capacityMinutes) expect(today.freeMinutes).toBe(0);
        // The Overview's line for today is the Today page's: the day as it began, the logged time against it.
        const overview = overviewView(ws, { today: '2026-01-05', timeZone: 'UTC' });
        const list = agendaView(ws, UTC);
        expect(overview.day).toMatchObject({
          plannedMinutes: list.plannedMinutes,
          loggedMinutes: studied,
          capacityMinutes: today.capacityMinutes,
        });
        expect(list.loggedMinutes).toBe(studied);
        // The plan's first day is today with what is left of it, or tomorrow once today is spent.
        const plan = planView(ws, 'day', {}, UTC);
        // One verdict: Today's line is the forecast `plan` prints.
        expect(list.roadmaps[0]?.status).toBe(plan.forecast.summary);
        const first = plan.items[0];
        if (today.plannedMinutes > 0) expect(first?.start).toBe('2026-01-05');
        else expect(first?.start).toBe('2026-01-06');
      }),
      { numRuns: 30 },
    );
  });
});
