import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Node, Roadmap } from '../core/model/roadmap.js';
import { addDays, diffDays } from '../core/plan/calendar-date.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { agendaView, nextAgenda, weekView } from './agenda-view.js';
import {
  chooseOption,
  estimateItem,
  globalSettingsView,
  planView,
  settingsView,
  updateSettings,
} from './planning-service.js';
import { logTime, setStatus, undoLastChange } from './tracking-service.js';
import type { Workspace } from './workspace.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const node = (id: string, kind: Node['kind'], children: Node[] = [], extra: Partial<Node> = {}): Node => ({
  id,
  title: `Title ${id}`,
  kind,
  trackable: kind !== 'habit' && kind !== 'info' && kind !== 'section',
  source: { line: 1, endLine: 1 },
  children,
  ...extra,
});

/** Two phases of `perPhase` 3-hour topics, an elective group of three options, and a daily routine. */
function testRoadmap(perPhase = 10): Roadmap {
  const topics = (prefix: string) =>
    Array.from({ length: perPhase }, (_, i) => node(`${prefix}${i + 1}`, 'topic'));
  return {
    schemaVersion: 1,
    id: 'test',
    title: 'Test roadmap',
    source: { sha256: '0'.repeat(64), format: 'markdown' },
    nodes: [
      node('p1', 'phase', topics('a')),
      node('p2', 'phase', topics('b')),
      node('electives', 'phase', [node('opt-x', 'topic'), node('opt-y', 'topic'), node('opt-z', 'topic')], {
        choose: { min: 1, max: 2 },
      }),
      node('routine', 'section', [node('h1', 'habit'), node('h2', 'habit')], {
        recurrence: 'daily',
        hours: { min: 1, max: 1 },
      }),
    ],
  };
}

function workspace(now: string, roadmaps: Roadmap[] = [testRoadmap()]): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-plan-'));
  dirs.push(dir);
  const store = openSqliteStore(join(dir, 'store.db'));
  let id = 0;
  const ws: Workspace = { store, now: new Date(now), newId: () => `id-${++id}` };
  for (const roadmap of roadmaps) {
    store.saveRoadmap({
      id: roadmap.id,
      title: roadmap.title,
      sha256: roadmap.source.sha256,
      model: roadmap,
      importedAt: now,
    });
  }
  return ws;
}

const UTC = { timeZone: 'UTC' };
const extraHabits = (ws: Workspace) => updateSettings(ws, undefined, { habits: 'extra' }, UTC);
const at = (ws: Workspace, iso: string) => {
  ws.now = new Date(iso);
};

describe('capacity settings', () => {
  it('the total is the routine until a global capacity is set; a roadmap’s own hours never copy it', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    expect(settingsView(ws, 'test').capacity).toMatchObject({ source: 'routine', weeklyHours: 7 });
    updateSettings(ws, undefined, { capacity: { weekdays: '2h', weekend: '4h' } }, UTC);
    expect(settingsView(ws, 'test').capacity).toMatchObject({ source: 'global', weeklyHours: 18 });
    expect(settingsView(ws, 'test').allotment).toMatchObject({
      kind: 'share',
      share: 100,
      shareFrom: 'default',
    });
    updateSettings(ws, 'test', { capacity: { days: { mon: '90m' }, daysOff: ['2026-01-07'] } }, UTC);
    const view = settingsView(ws, 'test');
    // The total stays the global 18 h; the roadmap's own hours are only what was typed (Monday 1.5 h).
    expect(view.capacity).toMatchObject({ source: 'global', weeklyHours: 18 });
    expect(view.allotment.kind).toBe('fixed');
    expect(view.allotment.own?.hoursByWeekday).toEqual([0, 1.5, 0, 0, 0, 0, 0]);
    expect(view.allotment.own?.daysOff).toEqual([{ from: '2026-01-07', to: '2026-01-07' }]);
    expect(globalSettingsView(ws).capacity.hoursByWeekday).toEqual([4, 2, 2, 2, 2, 2, 4]);
    updateSettings(ws, 'test', { capacity: { reset: true } }, UTC);
    expect(settingsView(ws, 'test').allotment.kind).toBe('share');
  });

  it('global days off apply to every roadmap, even one with its own hours', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    extraHabits(ws);
    updateSettings(ws, undefined, { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3] } }, UTC);
    updateSettings(
      ws,
      'test',
      { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3], daysOff: ['2026-01-09'] } },
      UTC,
    );
    updateSettings(ws, undefined, { capacity: { daysOff: ['2026-01-06..2026-01-07'] } }, UTC);
    expect(settingsView(ws, 'test').capacity.daysOff).toEqual([{ from: '2026-01-06', to: '2026-01-07' }]);
    expect(settingsView(ws, 'test').allotment.own?.daysOff).toEqual([
      { from: '2026-01-09', to: '2026-01-09' },
    ]);
    const week = weekView(ws, { timeZone: 'UTC' });
    expect(week.days.map((day) => day.items.length)).toEqual([1, 0, 0, 1, 0, 1, 1]);
    // Clearing the roadmap's own days off leaves the global ones.
    updateSettings(ws, 'test', { capacity: { clearDaysOff: true } }, UTC);
    expect(settingsView(ws, 'test').allotment.own?.daysOff).toEqual([]);
    expect(weekView(ws, { timeZone: 'UTC' }).days.map((day) => day.items.length)).toEqual([
      1, 0, 0, 1, 1, 1, 1,
    ]);
  });

  it('recomputes a past plan with the settings of that day (settings are events)', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    extraHabits(ws); // this test is about something else: the routine's habits stay out of the day
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [1, 1, 1, 1, 1, 1, 1] } }, UTC);
    at(ws, '2026-01-10T12:00:00Z');
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [6, 6, 6, 6, 6, 6, 6] } }, UTC);
    const then = planView(ws, 'test', { today: '2026-01-08' }, UTC);
    const now = planView(ws, 'test', {}, UTC);
    expect(then.capacity.weeklyHours).toBe(7);
    expect(now.capacity.weeklyHours).toBe(42);
    // 21 items of 3 h: 63 days at 1 h a day from 2026-01-08; 10.5 days at 6 h from 2026-01-10.
    expect(then.finish.max).toBe(addDays('2026-01-08', 62));
    expect(now.finish.max).toBe('2026-01-20');
  });

  it('more capacity never finishes later', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    let previous = '9999-12-31';
    for (const hours of [0.5, 1, 1.5, 2, 3, 5, 8, 13, 24]) {
      updateSettings(ws, 'test', { capacity: { weekdays: hours, weekend: hours / 2 } }, UTC);
      const { finish } = planView(ws, 'test', {}, UTC);
      expect(finish.max <= previous).toBe(true);
      previous = finish.max;
    }
  });

  it('a target typed in the past is refused and nothing is stored', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    const before = ws.store.listEvents().length;
    expect(() => updateSettings(ws, 'test', { targetDate: '2026-01-04' }, UTC)).toThrow(/in the past/);
    expect(() =>
      updateSettings(ws, 'test', { capacity: { weekdays: '25h' }, targetDate: '2026-06-01' }, UTC),
    ).toThrow(/more than a day has/);
    expect(ws.store.listEvents().length).toBe(before);
  });
});

describe('planView', () => {
  it('gives phases, a finish range, and the target check with the hours a week needed', () => {
    const ws = workspace('2026-01-05T12:00:00Z'); // a Monday
    extraHabits(ws); // this test is about something else: the routine's habits stay out of the day
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3] } }, UTC);
    const plan = planView(ws, 'test', { target: '2026-01-15' }, UTC);
    // 20 topics + 1 elective option (the minimum until chosen), 3 h each, one a day.
    expect(plan.remaining).toEqual({ items: 21, hours: { min: 63, max: 63 } });
    expect(plan.finish).toEqual({ min: '2026-01-25', max: '2026-01-25' });
    expect(plan.phases.map((phase) => [phase.id, phase.start, phase.end])).toEqual([
      ['p1', '2026-01-05', '2026-01-14'],
      ['p2', '2026-01-15', '2026-01-24'],
      ['electives', '2026-01-25', '2026-01-25'],
    ]);
    expect(plan).toMatchObject({
      target: '2026-01-15',
      onTrack: false,
      daysAhead: 0,
      targetSource: 'option',
    });
    // One verdict: judged by the forecast's P85, never a negative count
    expect(plan.daysBehind).toBe(diffDays('2026-01-15', plan.forecast.p85 as string));
    expect(plan.forecast.summary).toBe(
      `${Math.round((plan.forecast.chanceByTarget ?? 0) * 100)}% chance to finish by 2026-01-15 (P50 ${plan.forecast.p50}, P85 ${plan.forecast.p85}): behind by ${plan.daysBehind} days; ${plan.forecast.hoursPerWeekFor85} h a week would give 85%.`,
    );
    // 63 h in the 11 days up to the target: 63 / 11 * 7 = 40.1 h a week.
    expect(plan.hoursPerWeekNeeded).toBeCloseTo(40.1, 1);
  });

  it('a stored target that has passed is reported, not refused', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    updateSettings(ws, 'test', { targetDate: '2026-01-10' }, UTC);
    at(ws, '2026-02-01T12:00:00Z');
    const plan = planView(ws, 'test', {}, UTC);
    expect(plan).toMatchObject({
      target: '2026-01-10',
      targetPassed: true,
      onTrack: false,
      hoursPerWeekNeeded: null,
    });
    expect(plan.daysBehind).toBeGreaterThan(22);
  });

  it('refuses a roadmap with nothing left', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    setStatus(ws, ['p1', 'p2', 'electives'], 'done', { all: true });
    expect(() => planView(ws, 'test', {}, UTC)).toThrow(/nothing left to plan/);
  });

  it('forecasts from the first day: the plan is the prior, and it says it rests on no history', () => {
    const ws = workspace('2026-01-05T10:00:00Z');
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3] } }, UTC);
    const plan = planView(ws, 'test', {}, UTC);
    expect(plan.forecast.basis).toMatchObject({ weeksOfHistory: 0, itemsFinished: 0, historyWeight: 0 });
    expect(plan.forecast.p50).not.toBeNull();
    expect((plan.forecast.p50 as string) <= (plan.forecast.p85 as string)).toBe(true);
    expect(plan.forecast.explanation).toMatch(/no history yet: the plan's .* h a week with wide bands/);
    expect(plan.forecast.verdict).toBeNull();
    expect(plan.forecast.summary).toBe(`Forecast: P50 ${plan.forecast.p50}, P85 ${plan.forecast.p85}.`);
  });

  it('a steady history of logged hours takes over from the plan', () => {
    // 41 items (40 topics, 1 elective) of 3 h; 5 done and 10 h logged in each of the eight weeks before 2026-03-02.
    // (another import time than the 10-topic roadmaps': the model cache keys on id, sha and import time)
    const ws = workspace('2026-01-05T09:00:00Z', [testRoadmap(20)]);
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [6, 6, 6, 6, 6, 6, 6] } }, UTC);
    const ids = [
      ...Array.from({ length: 20 }, (_, i) => `a${i + 1}`),
      ...Array.from({ length: 20 }, (_, i) => `b${i + 1}`),
    ];
    for (let week = 0; week < 8; week++) {
      at(ws, `${addDays('2026-01-06', week * 7)}T10:00:00Z`);
      setStatus(ws, ids.slice(week * 2, week * 2 + 2), 'done');
      logTime(ws, '10h', undefined);
    }
    at(ws, '2026-03-02T10:00:00Z');
    const plan = planView(ws, 'test', {}, UTC);
    expect(plan.forecast.basis).toMatchObject({ weeksOfHistory: 8, itemsFinished: 16, hoursFrom: 'logged' });
    expect(plan.forecast.basis.historyWeight).toBeCloseTo(8 / 11, 2);
    // The plan gives 42 h a week; the learner studies 10: the forecast is far later than the plan
    expect(plan.finish.max < (plan.forecast.p50 as string)).toBe(true);
    expect(plan.forecast.explanation).toMatch(/8 weeks of your history \(10 h a week, 73% of the weight/);
  });

  it('a learner who logs no time is paced by the estimates of what they finished', () => {
    const ws = workspace('2026-01-05T10:00:00Z');
    for (let week = 0; week < 4; week++) {
      at(ws, `${addDays('2026-01-06', week * 7)}T10:00:00Z`);
      setStatus(ws, [`a${week * 2 + 1}`, `a${week * 2 + 2}`], 'done');
    }
    at(ws, '2026-02-02T10:00:00Z');
    const plan = planView(ws, 'test', {}, UTC);
    expect(plan.forecast.basis).toMatchObject({
      weeksOfHistory: 4,
      itemsFinished: 8,
      hoursFrom: 'estimates',
    });
    expect(plan.forecast.basis.hoursPerWeek).toBeGreaterThan(0);
    expect(plan.forecast.p85).not.toBeNull();
  });

  it('a history of only undone events forecasts from the plan, with nothing finished', () => {
    const ws = workspace('2026-01-05T10:00:00Z');
    setStatus(ws, ['a1', 'a2'], 'done');
    undoLastChange(ws);
    at(ws, '2026-01-20T10:00:00Z');
    const plan = planView(ws, 'test', { target: '2026-06-30' }, UTC);
    expect(plan.forecast.basis.itemsFinished).toBe(0);
    expect(plan.forecast.p85).not.toBeNull();
    expect(plan.forecast.chanceByTarget).toBeGreaterThan(0);
  });

  it('one verdict: on track exactly when P85 is on or before the target; ahead is "ahead"', () => {
    const ws = workspace('2026-01-05T10:00:00Z');
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3] } }, UTC);
    for (const target of ['2026-01-20', '2026-02-10', '2026-03-10', '2026-09-30']) {
      const plan = planView(ws, 'test', { target }, UTC);
      const p85 = plan.forecast.p85 as string;
      expect(plan.onTrack).toBe(p85 <= target);
      expect(plan.onTrack).toBe((plan.forecast.chanceByTarget ?? 0) >= 0.85);
      expect(plan.daysBehind).toBe(Math.max(0, diffDays(target, p85)));
      expect(plan.daysAhead).toBe(Math.max(0, diffDays(p85, target)));
      if (plan.onTrack && (plan.daysAhead ?? 0) > 0)
        expect(plan.forecast.summary).toMatch(/on track, \d+ days? ahead\.$/);
      if (!plan.onTrack)
        expect(plan.forecast.summary).toMatch(/behind by \d+ days?; [\d.]+ h a week would give 85%\.$/);
    }
  });

  it('counts the learner day in their time zone (America/New_York, across the DST change)', () => {
    // 2026-11-01 is the day New York leaves DST; 04:30Z on the 2nd is 23:30 on the 1st there.
    const ws = workspace('2026-11-02T04:30:00Z');
    expect(planView(ws, 'test', {}, { timeZone: 'America/New_York' }).today).toBe('2026-11-01');
    expect(planView(ws, 'test', {}, { timeZone: 'Europe/Berlin' }).today).toBe('2026-11-02');
    // Berlin leaves DST on 2026-10-25: 22:30Z on the 24th is 00:30 on the 25th there.
    at(ws, '2026-10-24T22:30:00Z');
    expect(agendaView(ws, { timeZone: 'Europe/Berlin' }).date).toBe('2026-10-25');
  });

  it('spreads estimates, elective choices and time logged into the plan', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    const base = planView(ws, 'test', {}, UTC);
    expect(base.electives[0]).toMatchObject({ included: ['opt-x'], decidedBy: 'assumed' });
    estimateItem(ws, 'test:a1', 9);
    expect(planView(ws, 'test', {}, UTC).remaining.hours.max).toBe(base.remaining.hours.max + 6);
    chooseOption(ws, 'test:opt-y');
    chooseOption(ws, 'test:opt-z');
    const chosen = planView(ws, 'test', {}, UTC);
    expect(chosen.electives[0]).toMatchObject({ included: ['opt-y', 'opt-z'], decidedBy: 'choice' });
    expect(chosen.remaining.items).toBe(22);
    expect(() => chooseOption(ws, 'test:opt-x')).toThrow(/at most 2/);
    expect(() => chooseOption(ws, 'test:a2')).toThrow(/not an option of an elective group/);
    // An item in progress keeps only what is left of it.
    setStatus(ws, ['a2'], 'doing');
    logTime(ws, '2h', 'test:a2');
    const item = planView(ws, 'test', {}, UTC).items.find((entry) => entry.nodeId === 'a2');
    expect(item?.hours).toEqual({ min: 1, max: 1 });
  });
});

describe('sizing assumptions', () => {
  it('the default item estimate and the hours of a roadmap week are settings the learner can change', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    extraHabits(ws); // this test is about something else: the routine's habits stay out of the day
    expect(settingsView(ws, 'test').estimates).toEqual({
      defaultItemHours: 3,
      defaultItemHoursFrom: 'default',
      weekHours: 10,
      weekHoursFrom: 'default',
    });
    updateSettings(ws, 'test', { defaultItemHours: '2h', weekHours: 15 }, UTC);
    expect(settingsView(ws, 'test').estimates).toEqual({
      defaultItemHours: 2,
      defaultItemHoursFrom: 'roadmap',
      weekHours: 15,
      weekHoursFrom: 'options',
    });
    expect(planView(ws, 'test', {}, UTC).remaining.hours).toEqual({ min: 42, max: 42 });
    expect(() => updateSettings(ws, undefined, { defaultItemHours: 2 }, UTC)).toThrow(/belong to a roadmap/);
    updateSettings(ws, 'test', { defaultItemHours: null }, UTC);
    expect(planView(ws, 'test', {}, UTC).remaining.hours.max).toBe(63);
  });
});

describe('agenda', () => {
  it('lists the day planned items, the items in progress and the habits due, with minutes', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [2, 2, 2, 2, 2, 2, 2] } }, UTC);
    setStatus(ws, ['b5'], 'doing');
    const agenda = agendaView(ws, { timeZone: 'UTC' });
    expect(agenda.date).toBe('2026-01-05');
    // 2 h a day; the routine's hour of habits is inside it, so 1 h is left for roadmap work.
    expect(agenda.planned.map((item) => [item.nodeId, item.minutes, item.part, item.parts])).toEqual([
      ['a1', 60, 1, 3],
    ]);
    expect(agenda).toMatchObject({
      capacityMinutes: 120,
      plannedMinutes: 60,
      habitMinutes: 60,
      habitsExtra: false,
    });
    // In progress but not planned today: today's load is 0, what is left of it is a separate number.
    expect(agenda.inProgress).toMatchObject([
      { nodeId: 'b5', minutes: 0, remainingMinutes: 180, plannedOnDay: false },
    ]);
    expect(agenda.habits.map((habit) => [habit.nodeId, habit.minutes])).toEqual([
      ['h1', 30],
      ['h2', 30],
    ]);
    expect(agendaView(ws, { date: '2026-01-06', timeZone: 'UTC' }).planned).toMatchObject([
      { nodeId: 'a1', minutes: 60, part: 2 },
    ]);
    // Habits declared extra: the whole day goes to work, and the habits are listed on top.
    extraHabits(ws);
    expect(agendaView(ws, { timeZone: 'UTC' })).toMatchObject({
      plannedMinutes: 120,
      habitMinutes: 60,
      habitsExtra: true,
    });
  });

  it('respects days off in the day, the week and the next day with work', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    extraHabits(ws); // this test is about something else: the routine's habits stay out of the day
    updateSettings(
      ws,
      'test',
      { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3], daysOff: ['2026-01-05..2026-01-07'] } },
      UTC,
    );
    expect(agendaView(ws, { timeZone: 'UTC' }).planned).toEqual([]);
    expect(nextAgenda(ws, { timeZone: 'UTC' })).toMatchObject({
      date: '2026-01-08',
      planned: [{ nodeId: 'a1' }],
    });
    const week = weekView(ws, { timeZone: 'UTC' });
    expect(week.days.map((day) => day.items.length)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    expect(week.plannedMinutes).toBe(4 * 180);
  });

  it('a past day shows the plan as it stood then', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [3, 3, 3, 3, 3, 3, 3] } }, UTC);
    at(ws, '2026-01-06T12:00:00Z');
    setStatus(ws, ['a1', 'a2', 'a3'], 'done');
    at(ws, '2026-01-08T12:00:00Z');
    expect(agendaView(ws, { date: '2026-01-05', timeZone: 'UTC' }).planned).toMatchObject([{ nodeId: 'a1' }]);
    expect(agendaView(ws, { timeZone: 'UTC' }).planned).toMatchObject([{ nodeId: 'a4' }]);
  });

  it('keeps review minutes free before roadmap work', () => {
    const ws = workspace('2026-01-05T12:00:00Z');
    extraHabits(ws); // this test is about something else: the routine's habits stay out of the day
    updateSettings(ws, 'test', { capacity: { hoursByWeekday: [2, 2, 2, 2, 2, 2, 2] } }, UTC);
    const agenda = agendaView(ws, { timeZone: 'UTC', reviewMinutesPerDay: 30 });
    expect(agenda.reviewMinutes).toBe(30);
    expect(agenda.plannedMinutes).toBe(90);
  });
});

describe('the target date', () => {
  it("goes back to the roadmap's own date after you set or cleared your own, and undo undoes that", () => {
    const ws = workspace('2026-11-02T09:00:00Z', [{ ...testRoadmap(), goal: { targetDate: '2027-03-15' } }]);
    const target = () => {
      const view = settingsView(ws, 'test');
      return [view.targetDate, view.targetSource, view.roadmapTargetDate];
    };
    expect(target()).toEqual(['2027-03-15', 'roadmap', '2027-03-15']);
    updateSettings(ws, 'test', { targetDate: '2027-01-31' });
    expect(target()).toEqual(['2027-01-31', 'setting', '2027-03-15']);
    expect(planView(ws, 'test').target).toBe('2027-01-31');
    updateSettings(ws, 'test', { resetTarget: true });
    expect(target()).toEqual(['2027-03-15', 'roadmap', '2027-03-15']);
    expect(planView(ws, 'test').target).toBe('2027-03-15');
    updateSettings(ws, 'test', { targetDate: null });
    expect(target()).toEqual([null, null, '2027-03-15']);
    expect(planView(ws, 'test').target).toBeNull();
    updateSettings(ws, 'test', { resetTarget: true });
    expect(target()).toEqual(['2027-03-15', 'roadmap', '2027-03-15']);
    undoLastChange(ws);
    expect(target()).toEqual([null, null, '2027-03-15']);
    expect(() => updateSettings(ws, 'test', { resetTarget: true, targetDate: '2027-02-01' })).toThrow(
      /not two of them/,
    );
    expect(() => updateSettings(ws, undefined, { resetTarget: true })).toThrow(/belong to a roadmap/);
  });
});
