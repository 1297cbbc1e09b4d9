import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agenda, DayItem } from '../api/types';
import { checklistRows, planChanged, rowsOf, statusChanges, withPending } from './today-checklist';

const item = (nodeId: string, minutes: number, extra: Partial<DayItem> = {}): DayItem => ({
  roadmapId: 'r',
  nodeId,
  title: `Title ${nodeId}`,
  minutes,
  phaseId: null,
  phaseTitle: null,
  status: 'todo',
  part: 1,
  parts: 1,
  loggedMinutes: 0,
  leftMinutes: minutes,
  ...extra,
});

const agenda = (items: DayItem[], extra: Partial<Agenda> = {}): Agenda => ({
  date: '2026-11-20',
  today: '2026-11-20',
  weekday: 'Friday',
  capacityMinutes: 120,
  studiedMinutes: 0,
  dayOff: false,
  plannedMinutes: items.reduce((sum, entry) => sum + entry.minutes, 0),
  habitMinutes: 0,
  habitMinutesAsked: 0,
  habitsExtra: false,
  reviewMinutes: 0,
  freeMinutes: 0,
  planned: items,
  items,
  habits: [],
  milestones: [],
  inProgress: [],
  roadmaps: [],
  loggedMinutes: 0,
  logged: [],
  reviewsDue: 0,
  ...extra,
});

describe("Today's checklist", () => {
  it('keeps the rows it opened with, in order, whatever the server plans next, with the fresh numbers', () => {
    const ids: fc.Arbitrary<string[]> = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), {
      minLength: 1,
    });
    fc.assert(
      fc.property(ids, ids, fc.nat(60), (before, after, logged) => {
        const shown = agenda(before.map((id) => item(id, 45)));
        const first = before[0] as string;
        const latest = agenda(
          after.map((id) =>
            item(id, 30, id === first ? { loggedMinutes: logged, leftMinutes: 0, status: 'done' } : {}),
          ),
          {
            logged: [{ roadmapId: 'r', nodeId: first, title: first, minutes: logged, review: false }],
          },
        );
        const rows = checklistRows(shown, latest);
        expect(rows.map((row) => [row.nodeId, row.plannedMinutes])).toEqual(before.map((id) => [id, 45]));
        // The acted-on row shows what the log says now, planned elsewhere in the new plan or not at all.
        expect(rows[0]?.loggedMinutes).toBe(logged);
        if (after.includes(first)) expect(rows[0]?.status).toBe('done');
        // 45 minutes each before, 30 after: always a different plan, offered as a refresh.
        expect(planChanged(shown, latest)).toBe(true);
      }),
    );
  });

  it('sees a re-plan only when the rows or their planned minutes differ, not when time is logged', () => {
    const shown = agenda([item('a', 45), item('b', 30)]);
    const logged = agenda([item('a', 45, { loggedMinutes: 25, leftMinutes: 20 }), item('b', 30)]);
    expect(planChanged(shown, logged)).toBe(false);
    expect(checklistRows(shown, logged)[0]).toMatchObject({ loggedMinutes: 25, leftMinutes: 20 });
    expect(planChanged(shown, agenda([item('a', 45), item('b', 40)]))).toBe(true);
    expect(planChanged(shown, agenda([item('b', 30), item('a', 45)]))).toBe(true);
  });

  it('counts a recorded log on its row until the agenda holds it', () => {
    const rows = rowsOf(agenda([item('a', 45), item('b', 30, { status: 'done', leftMinutes: 0 })]));
    const counted = withPending(rows, [
      { ref: 'r:a', minutes: 20 },
      { ref: 'r:a', minutes: 5 },
      { ref: 'r:b', minutes: 10 },
    ]);
    expect(counted.map((row) => [row.nodeId, row.loggedMinutes, row.leftMinutes])).toEqual([
      ['a', 25, 20],
      ['b', 10, 0],
    ]);
    expect(withPending(rows, [])).toEqual(rows);
  });

  it('announces a row whose status changed', () => {
    const before = rowsOf(agenda([item('a', 45), item('b', 30)]));
    const after = rowsOf(agenda([item('a', 45, { status: 'done' }), item('b', 30)]));
    expect(statusChanges(before, after).map((change) => [change.row.nodeId, change.from, change.to])).toEqual(
      [['a', 'todo', 'done']],
    );
  });
});
