import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaView, WeekView } from '../src/app/agenda-view.js';
import type { PlanView, SettingsView } from '../src/app/planning-service.js';
import { type CliSandbox, cliSandbox } from './cli-harness.js';

/*
 * The planning commands through the real binary against SQLite files in temp dirs, the clock frozen with
 * WAYMARK_NOW. `npm test` builds dist/ first; run `npm run build` before running this file alone.
 */

const JAN = { WAYMARK_NOW: '2026-01-05T12:00:00Z', TZ: 'Europe/Berlin' };

let cli: CliSandbox;

function eventCount(): number {
  const db = new Database(cli.db, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const json = <T>(args: string[], env: Record<string, string> = JAN): T =>
  cli.ok([...args, '--json'], env).json as T;

beforeAll(() => {
  cli = cliSandbox('waymark-plan-');
  for (const name of ['ai-infra-journey-2026', 'ai-engineer', 'dev-to-ai-engineer'])
    cli.ok(['import', name], JAN);
});

afterAll(() => cli?.cleanup());

describe('waymark plan', () => {
  it('ai-infra-journey-2026 plans against its own 2026-03-15 target', () => {
    const plan = json<PlanView>(['plan', 'ai-infra-journey-2026']);
    expect(plan).toMatchObject({
      roadmapId: 'ai-infra-journey-2026',
      today: '2026-01-05',
      target: '2026-03-15',
      targetSource: 'roadmap',
      // Its 90 days of work (no durations, a 90-day horizon) do not fit the 69 days left at 10 h a week.
      onTrack: false,
      targetPassed: false,
    });
    expect(plan.finish.min <= plan.finish.max).toBe(true);
    expect(plan.phases.length).toBeGreaterThan(5);
    for (const phase of plan.phases) expect(phase.start && phase.end && phase.start <= phase.end).toBe(true);
    // The hours it needs against the hours it gets now: its part of the learner's shared time.
    expect(plan.hoursPerWeekNeeded).toBeGreaterThan(plan.weeklyHoursNow ?? 0);
    expect(plan.allotment).toMatchObject({ kind: 'share', shareFrom: 'default' });
    // From the first day: a forecast from the plan's capacity, saying it rests on no history
    expect(plan.forecast).toMatchObject({ trials: 10_000, basis: { weeksOfHistory: 0, itemsFinished: 0 } });
    expect(plan.forecast.p85).not.toBeNull();
    expect(plan.daysBehind).toBeGreaterThan(0);
    const text = cli.ok(['plan', 'ai-infra-journey-2026'], JAN).stdout;
    expect(text).toContain(plan.forecast.summary);
    expect(text).toMatch(
      /\d+% chance to finish by 2026-03-15 \(P50 [\d-]+, P85 [\d-]+\): behind by \d+ days; [\d.]+ h a week would give 85%/,
    );
    expect(text).toMatch(/no history yet: the plan's [\d.]+ h a week with wide bands/);
    const withMoreHours = { ...JAN };
    cli.ok(['capacity', 'ai-infra-journey-2026', '--weekdays', '6h', '--weekend', '8h'], withMoreHours);
    const more = json<PlanView>(['plan', 'ai-infra-journey-2026'], withMoreHours);
    expect(more.forecast.chanceByTarget ?? 0).toBeGreaterThan(plan.forecast.chanceByTarget ?? 1);
    cli.ok(['capacity', 'ai-infra-journey-2026', '--reset'], JAN);
  });

  it('says the roadmap date has passed when the clock is past it, and checks a new --target', () => {
    const late = { ...JAN, WAYMARK_NOW: '2026-11-20T12:00:00Z' };
    const plan = json<PlanView>(['plan', 'ai-infra-journey-2026'], late);
    expect(plan).toMatchObject({ target: '2026-03-15', targetPassed: true, onTrack: false });
    const retarget = json<PlanView>(['plan', 'ai-infra-journey-2026', '--target', '2026-12-01'], late);
    expect(retarget).toMatchObject({ target: '2026-12-01', targetSource: 'option', targetPassed: false });
    expect(typeof retarget.onTrack).toBe('boolean');
  });

  it('ai-engineer plans its ten phases within the routine capacity (5 h a day) it shares', () => {
    const shown = json<SettingsView>(['capacity', 'ai-engineer']);
    expect(shown.capacity).toMatchObject({ source: 'routine', weeklyHours: 35 });
    const plan = json<PlanView>(['plan', 'ai-engineer', '--target', '2031-12-31']);
    expect(plan.phases.map((phase) => phase.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const ends = plan.phases.map((phase) => phase.end ?? '');
    expect([...ends].sort()).toEqual(ends);
    expect(plan).toMatchObject({ onTrack: true, capacity: { source: 'routine' } });
    expect(plan.items.every((item) => !item.nodeId.startsWith('13.'))).toBe(true); // the routine is not work
  });

  it('`capacity --from-routine` stores the routine as the roadmap capacity; more capacity is never later', () => {
    const before = json<PlanView>(['plan', 'dev-to-ai-engineer']);
    cli.ok(['capacity', 'dev-to-ai-engineer', '--weekdays', '3h', '--weekend', '6h'], JAN);
    const more = json<PlanView>(['plan', 'dev-to-ai-engineer']);
    // Its own hours are a slice of the learner's total, which stays what it was.
    expect(more.allotment).toMatchObject({ kind: 'fixed', own: { source: 'roadmap', weeklyHours: 27 } });
    expect(more.capacity).toMatchObject({
      source: before.capacity.source,
      weeklyHours: before.capacity.weeklyHours,
    });
    expect(more.finish.max <= before.finish.max).toBe(true);
    cli.ok(['capacity', 'ai-engineer', '--from-routine', '--sun', '0'], JAN);
    expect(json<SettingsView>(['capacity', 'ai-engineer']).allotment).toMatchObject({
      kind: 'fixed',
      own: { weeklyHours: 30 },
    });
    cli.ok(['capacity', 'ai-engineer', '--reset'], JAN);
    expect(json<SettingsView>(['capacity', 'ai-engineer']).allotment.kind).toBe('share');
    cli.ok(['capacity', 'dev-to-ai-engineer', '--reset'], JAN);
  });

  it('holidays: no work planned on days off', () => {
    // Days off are the learner's: a roadmap without its own hours points to the global ones.
    const refused = cli.run(['capacity', 'dev-to-ai-engineer', '--off', '2026-01-06'], JAN);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/days off are yours/);
    cli.ok(['capacity', '--off', '2026-01-06..2026-01-08', '--off', '2026-01-10'], JAN);
    const week = json<WeekView>(['week', '--roadmap', 'dev-to-ai-engineer']);
    expect(week.days.map((day) => [day.date, day.items.length > 0])).toEqual([
      ['2026-01-05', true],
      ['2026-01-06', false],
      ['2026-01-07', false],
      ['2026-01-08', false],
      ['2026-01-09', true],
      ['2026-01-10', false],
      ['2026-01-11', true],
    ]);
    cli.ok(['capacity', '--reset'], JAN);
  });

  it('estimate and choose change the plan; undo reverts them', () => {
    const base = json<PlanView>(['plan', 'dev-to-ai-engineer']);
    const estimate = json<{ hours: number; previous: { max: number } }>([
      'estimate',
      'dev-to-ai-engineer:specialized-areas/application-development/llm-applications/api-integration',
      '40h',
    ]);
    expect(estimate.hours).toBe(40);
    const after = json<PlanView>(['plan', 'dev-to-ai-engineer']);
    expect(after.remaining.hours.max).toBeCloseTo(base.remaining.hours.max + 40 - estimate.previous.max, 1);
    const choice = json<{ chosen: string[]; included: string[] }>(['choose', 'Computer Vision']);
    expect(choice.chosen).toEqual(['specialized-areas/application-development/computer-vision']);
    const chosen = json<PlanView>(['plan', 'dev-to-ai-engineer']);
    expect(chosen.electives[0]).toMatchObject({ decidedBy: 'choice' });
    expect(chosen.items.some((item) => item.nodeId.includes('/llm-applications/'))).toBe(false);
    cli.ok(['undo'], JAN);
    cli.ok(['undo'], JAN);
    expect(json<PlanView>(['plan', 'dev-to-ai-engineer']).remaining).toEqual(base.remaining);
  });
});

describe('waymark plan: the forecast from a fixed history', () => {
  it('four weeks of history weigh in: the basis says so, in plan and today alike', () => {
    const history = cliSandbox('waymark-plan-history-');
    try {
      const monday = { WAYMARK_NOW: '2026-02-02T12:00:00Z', TZ: 'Europe/Berlin' };
      history.ok(['import', 'ai-engineer'], monday);
      const first = history.ok(['plan', 'ai-engineer', '--json'], monday).json as PlanView;
      const ids = first.items.slice(0, 16).map((item) => `ai-engineer:${item.nodeId}`);
      ['2026-01-06', '2026-01-13', '2026-01-20', '2026-01-27'].forEach((day, week) => {
        history.ok(['done', ...ids.slice(week * 4, week * 4 + 4), '--at', day], monday);
        history.ok(['log', '3h', '--at', day], monday);
      });
      const plan = history.ok(['plan', 'ai-engineer', '--json', '--target', '2031-12-31'], monday)
        .json as PlanView;
      expect(plan.forecast.basis).toMatchObject({
        weeksOfHistory: 4,
        itemsFinished: 16,
        hoursFrom: 'logged',
      });
      expect(plan.forecast.basis.hoursPerWeek).toBe(3);
      // 3 h a week against a 35 h plan: the forecast is far later than the plan's finish
      expect(plan.finish.max < (plan.forecast.p50 as string)).toBe(true);
      expect(plan.forecast.explanation).toMatch(/4 weeks of your history \(3 h a week, 57% of the weight/);
      const text = history.ok(['plan', 'ai-engineer', '--target', '2031-12-31'], monday).stdout;
      expect(text).toContain(plan.forecast.summary);
      // The same verdict, word for word, in today's one-line status, its JSON and the retro
      history.ok(['target', 'ai-engineer', '2031-12-31'], monday);
      const stored = (history.ok(['plan', 'ai-engineer', '--json'], monday).json as PlanView).forecast
        .summary;
      expect(stored).toBe(plan.forecast.summary);
      expect(history.ok(['today'], monday).stdout).toContain(stored);
      const agenda = history.ok(['today', '--json'], monday).json as AgendaView;
      expect(agenda.roadmaps.find((entry) => entry.roadmapId === 'ai-engineer')?.status).toBe(stored);
      expect(history.ok(['retro'], monday).stdout).toContain(stored);
    } finally {
      history.cleanup();
    }
  });
});

describe('waymark today / next / week', () => {
  it('today lists planned items, items in progress and habits due with minutes', () => {
    cli.ok(['start', 'ai-engineer:1.1.1.3'], JAN);
    const agenda = json<AgendaView>(['today', '--roadmap', 'ai-engineer']);
    expect(agenda).toMatchObject({ date: '2026-01-05', weekday: 'Monday' });
    expect(agenda.planned.length).toBeGreaterThan(0);
    // One day of the learner's time: work, habits and review together never exceed it.
    expect(agenda.capacityMinutes).toBe(300);
    expect(agenda.plannedMinutes + agenda.habitMinutes + agenda.reviewMinutes).toBeLessThanOrEqual(300);
    expect(agenda.habitMinutes).toBeGreaterThan(0);
    expect(agenda.inProgress).toMatchObject([{ roadmapId: 'ai-engineer', nodeId: '1.1.1.3' }]);
    expect(agenda.habits.map((habit) => habit.nodeId)).toEqual([
      '13.1.1',
      '13.1.2',
      '13.1.3',
      '13.2.1',
      '13.2.2',
      '13.2.3',
      '13.3.1',
      '13.3.2',
      '13.3.3',
    ]);
    const saturday = json<AgendaView>(['today', '--roadmap', 'ai-engineer', '--date', '2026-01-10']);
    expect(saturday.habits.some((habit) => habit.nodeId === '13.4.1')).toBe(true);
    expect(cli.ok(['today'], JAN).stdout).toMatch(
      /Today: Monday 2026-01-05[\s\S]*Habits \(inside your study time\)/,
    );
    expect(cli.ok(['next'], JAN).stdout).toMatch(/2026-01-05/);
    cli.ok(['undo'], JAN);
  });

  it('uses the local date: 23:30 in New York is still the 1st (DST ends that day)', () => {
    const ny = { WAYMARK_NOW: '2026-11-02T04:30:00Z', TZ: 'America/New_York' };
    expect(json<AgendaView>(['today'], ny).date).toBe('2026-11-01');
    expect(json<AgendaView>(['today'], { ...ny, TZ: 'Europe/Berlin' }).date).toBe('2026-11-02');
    const week = json<WeekView>(['week', '--date', '2026-02-26'], {
      ...ny,
      WAYMARK_NOW: '2026-02-20T12:00:00Z',
    });
    expect(week.days.map((day) => day.date)).toEqual([
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
    const leap = json<WeekView>(['week', '--date', '2028-02-27'], {
      ...ny,
      WAYMARK_NOW: '2028-02-20T12:00:00Z',
    });
    expect(leap.days.map((day) => day.date).slice(0, 4)).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
  });
});

describe('bad input: a clear message, exit 1, stored settings unchanged', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a target date in the past',
      ['target', 'ai-engineer', '2025-12-31'],
      /in the past \(today is 2026-01-05\)/,
    ],
    ['a --target in the past', ['plan', 'ai-engineer', '--target', '2026-01-04'], /in the past/],
    ['zero capacity', ['capacity', 'ai-engineer', '--weekdays', '0', '--weekend', '0'], /zero capacity/],
    ['more than 24 h a day', ['capacity', 'ai-engineer', '--tue', '25h'], /more than a day has/],
    ['a backwards holiday range', ['capacity', '--off', '2026-12-26..2026-12-24'], /run backwards/],
    ['a holiday that is no date', ['capacity', '--off', '2026-02-30'], /not a calendar date/],
    ['a negative share', ['capacity', 'ai-engineer', '--share', '-10%'], /share -10% is negative/],
    [
      'a share that is no number',
      ['capacity', 'ai-engineer', '--share', 'half'],
      /"half" is not a percentage/,
    ],
    ['a share over 100%', ['capacity', 'ai-engineer', '--share', '120%'], /more than all of your time/],
    ['a study window across midnight', ['capacity', '--window', '22:00-02:00'], /does not fit in a day/],
    ['a study window that is no time', ['capacity', '--window', '18:00-25:00'], /not a study window/],
    ['an unknown way to share', ['capacity', '--split', 'random'], /not a way to share time/],
    [
      'an elective choice outside the group',
      ['choose', 'dev-to-ai-engineer:essential-skills'],
      /not an option of an elective group/,
    ],
    ['a zero estimate', ['estimate', 'ai-engineer:1.1.1.1', '0h'], /not usable/],
    ['an unreadable estimate', ['estimate', 'ai-engineer:1.1.1.1', 'lots'], /not a number of hours/],
    ['an unknown roadmap', ['plan', 'no-such-roadmap'], /no roadmap "no-such-roadmap"/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const before = eventCount();
    const run = cli.run(args, JAN);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    expect(eventCount()).toBe(before);
  });

  it('shares summing over 100% and a paused roadmap asked for today are refused, nothing stored', () => {
    const shared = cliSandbox('waymark-plan-shares-');
    const count = () => {
      const db = new Database(shared.db, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    try {
      for (const name of ['ai-engineer', 'dev-to-ai-engineer', 'ai-ml-career'])
        shared.ok(['import', name], JAN);
      shared.ok(['capacity', 'ai-engineer', '--share', '60%'], JAN);
      shared.ok(['capacity', 'dev-to-ai-engineer', '--share', '30'], JAN);
      const before = count();
      const over = shared.run(['capacity', 'ai-ml-career', '--share', '20%'], JAN);
      expect(over.status).toBe(1);
      expect(over.stderr).toMatch(
        /shares would add up to 110%: ai-ml-career 20%, ai-engineer 60%, dev-to-ai-engineer 30%/,
      );
      expect(count()).toBe(before);
      // The one without a share gets what the others leave: 10%.
      const view = shared.ok(['capacity', 'ai-ml-career', '--json'], JAN).json as SettingsView;
      expect(view.allotment).toMatchObject({ kind: 'share', share: 10, shareFrom: 'default' });
      shared.ok(['capacity', 'ai-ml-career', '--pause'], JAN);
      const paused = count();
      const today = shared.run(['today', '--roadmap', 'ai-ml-career'], JAN);
      expect(today.status).toBe(1);
      expect(today.stderr).toMatch(/ai-ml-career is paused: no time is planned for it[\s\S]*--resume/);
      expect(shared.run(['plan', 'ai-ml-career'], JAN).status).toBe(1);
      expect(count()).toBe(paused);
      // Paused, its time goes to the others: ai-engineer 60/90 of the day, dev-to-ai-engineer 30/90.
      const week = shared.ok(['week', '--json'], JAN).json as WeekView;
      for (const day of week.days) {
        expect(day.items.every((item) => item.roadmapId !== 'ai-ml-career')).toBe(true);
        expect(day.plannedMinutes + day.habitMinutes + day.reviewMinutes).toBeLessThanOrEqual(
          day.capacityMinutes,
        );
      }
      expect(shared.ok(['capacity'], JAN).stdout).toMatch(/ai-ml-career: paused/);
      shared.ok(['capacity', 'ai-ml-career', '--resume'], JAN);
      expect(shared.ok(['today', '--roadmap', 'ai-ml-career'], JAN).status).toBe(0);
    } finally {
      shared.cleanup();
    }
  });

  it('a roadmap with nothing left', () => {
    const done = cliSandbox('waymark-plan-done-');
    try {
      done.ok(['import', 'ai-infra-journey-2026'], JAN);
      const plan = done.ok(['plan', 'ai-infra-journey-2026', '--json'], JAN).json as PlanView;
      expect(plan.remaining.items).toBeGreaterThan(0);
      done.ok(['done', ...plan.items.map((item) => `ai-infra-journey-2026:${item.nodeId}`)], JAN);
      const run = done.run(['plan', 'ai-infra-journey-2026'], JAN);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/nothing left to plan in ai-infra-journey-2026/);
    } finally {
      done.cleanup();
    }
  });
});
