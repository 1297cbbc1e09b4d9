import { describe, expect, it } from 'vitest';
import { foldEvents } from '../core/progress/fold.js';
import { activityView } from './activity-view.js';
import { events } from './view-fixtures.test-helpers.js';

const capacity = {
  hoursByWeekday: [5, 1, 1, 1, 1, 1, 0] as const,
  daysOff: [{ from: '2026-11-19', to: '2026-11-19' }],
};

describe('activityView', () => {
  const log = events(
    { type: 'log', nodeId: 'a', minutes: 30, at: '2026-11-16T10:00:00.000Z' },
    { type: 'log', nodeId: null, minutes: 15, at: '2026-11-16T20:00:00.000Z' },
    { type: 'log', roadmapId: 'other', nodeId: 'x', minutes: 60, at: '2026-11-17T10:00:00.000Z' },
    { type: 'log', nodeId: 'a', minutes: 40, at: '2026-11-18T23:30:00.000Z' },
    { type: 'log', nodeId: 'a', minutes: 99, at: '2026-11-20T08:00:00.000Z', changeId: 'oops' },
    { type: 'undo', nodeId: null, undoes: 'oops', at: '2026-11-20T08:01:00.000Z' },
  );
  const state = foldEvents(log);

  it('sums minutes per day over the window, zero days included, undone sessions left out', () => {
    const activity = activityView({ state, today: '2026-11-20', timeZone: 'UTC', days: 7 });
    expect(activity.days).toEqual([
      { date: '2026-11-14', minutes: 0 },
      { date: '2026-11-15', minutes: 0 },
      { date: '2026-11-16', minutes: 45 },
      { date: '2026-11-17', minutes: 60 },
      { date: '2026-11-18', minutes: 40 },
      { date: '2026-11-19', minutes: 0 },
      { date: '2026-11-20', minutes: 0 },
    ]);
  });

  it('narrows minutes to one roadmap and counts the Monday-to-Sunday week against capacity (days off excluded)', () => {
    const activity = activityView({
      state,
      today: '2026-11-20',
      timeZone: 'UTC',
      days: 3,
      roadmapId: 'r',
      capacity,
    });
    expect(activity.days.map((day) => day.minutes)).toEqual([40, 0, 0]);
    // Mon 16 .. Sun 22: 1+1+1+0(day off)+1+0+5 hours.
    expect(activity.week).toEqual({ start: '2026-11-16', minutes: 85, capacityMinutes: 9 * 60 });
    expect(
      activityView({ state, today: '2026-11-20', timeZone: 'UTC', days: 1 }).week.capacityMinutes,
    ).toBeNull();
  });

  it("takes the streak from `waymark streak`'s rule: rest days do not break it, today is not over yet", () => {
    const noRest = activityView({ state, today: '2026-11-20', timeZone: 'UTC', days: 1 });
    expect(noRest.streak).toMatchObject({ current: 0, longest: 3, studiedToday: false });
    const restOn19 = activityView({
      state,
      today: '2026-11-20',
      timeZone: 'UTC',
      days: 1,
      isRestDay: (date) => date === '2026-11-19',
    });
    expect(restOn19.streak).toMatchObject({ current: 3, studiedToday: false });
  });

  it('uses the learner time zone for days', () => {
    const tokyo = activityView({ state, today: '2026-11-20', timeZone: 'Asia/Tokyo', days: 3 });
    // 23:30 UTC on the 18th is the 19th in Tokyo.
    expect(tokyo.days.map((day) => day.minutes)).toEqual([0, 40, 0]);
  });
});
