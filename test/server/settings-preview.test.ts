/**
 * The settings preview: the finish a change would give, computed by the forecast every view uses, with
 * nothing stored; and where each setting comes from (provenance) as GET /api/settings[/:id] tells it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSandbox, apiSandbox } from './api-harness.js';

let s: ApiSandbox;
beforeAll(() => {
  s = apiSandbox(['ai-engineer', 'dev-to-ai-engineer']);
});
afterAll(() => s.cleanup());

const ROADMAP = 'ai-engineer';

async function planForecast(id: string) {
  const plan = await s.get(`/api/roadmaps/${id}/plan`);
  expect(plan.status).toBe(200);
  return plan.json.forecast;
}

describe('POST /api/settings/preview and /api/settings/:id/preview', () => {
  it('shows the finish with more study time, stores nothing, and saving gives exactly that', async () => {
    const forecastBefore = await planForecast(ROADMAP);
    const events = s.eventCount();
    const change = { capacity: { weekdays: '8h', weekend: '8h' } }; // the routine gives 35 h a week
    const preview = await s.send('POST', '/api/settings/preview', change);
    expect(preview.status).toBe(200);
    expect(s.eventCount()).toBe(events);
    expect(preview.json.roadmapId).toBeNull();
    expect(preview.json.settingsChanged).toBeGreaterThan(0);
    const entry = preview.json.roadmaps.find((r: { roadmapId: string }) => r.roadmapId === ROADMAP);
    expect(entry.before.p85).toBe(forecastBefore.p85);
    expect(entry.after.p85 < entry.before.p85).toBe(true);
    expect(entry.changed).toBe(true);
    expect(entry.line).toBe(`Finish P85 moves from ${entry.before.p85} to ${entry.after.p85}.`);
    // The preview left no trace: the stored plan is still the one before it.
    expect((await planForecast(ROADMAP)).p85).toBe(forecastBefore.p85);

    const saved = await s.send('PUT', '/api/settings', change);
    expect(saved.status).toBe(200);
    expect((await planForecast(ROADMAP)).p85).toBe(entry.after.p85);
    const undone = await s.send('POST', '/api/undo', { change: saved.json.events[0].changeId });
    expect(undone.status).toBe(201);
    expect((await planForecast(ROADMAP)).p85).toBe(forecastBefore.p85);
  });

  it("previews a roadmap's target with the chance to make it, this roadmap first", async () => {
    const events = s.eventCount();
    const preview = await s.send('POST', `/api/settings/${ROADMAP}/preview`, { targetDate: '2027-12-31' });
    expect(preview.status).toBe(200);
    expect(s.eventCount()).toBe(events);
    const [first] = preview.json.roadmaps;
    expect(first.roadmapId).toBe(ROADMAP);
    expect(first.after.target).toBe('2027-12-31');
    expect(first.after.chanceByTarget).toBeGreaterThanOrEqual(0);
    expect(first.line).toMatch(/chance by 2027-12-31 \d+%/);
    expect(first.after.summary).toMatch(/chance to finish by 2027-12-31/);
  });

  it('moving one roadmap to a bigger share moves the other one later', async () => {
    const preview = await s.send('POST', `/api/settings/${ROADMAP}/preview`, { share: 90 });
    expect(preview.status).toBe(200);
    const [own, other] = preview.json.roadmaps;
    expect(own.after.p85 <= own.before.p85).toBe(true);
    expect(other.roadmapId).toBe('dev-to-ai-engineer');
    expect(other.after.p85 >= other.before.p85).toBe(true);
  });

  it('pausing says so instead of a date', async () => {
    const preview = await s.send('POST', `/api/settings/${ROADMAP}/preview`, { paused: true });
    const [own] = preview.json.roadmaps;
    expect(own.after).toMatchObject({ state: 'paused', p85: null });
    expect(own.line).toMatch(/^Paused: no time planned \(was: /);
  });

  it('an empty form changes nothing and says the finish stays', async () => {
    const preview = await s.send('POST', `/api/settings/${ROADMAP}/preview`, {});
    expect(preview.status).toBe(200);
    expect(preview.json.settingsChanged).toBe(0);
    for (const entry of preview.json.roadmaps) {
      expect(entry.changed).toBe(false);
      expect(entry.line).toMatch(/^Finish P85 stays /);
    }
  });

  it('refuses what saving would refuse, with the same message, and stores nothing', async () => {
    const events = s.eventCount();
    const past = await s.send('POST', `/api/settings/${ROADMAP}/preview`, { targetDate: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.json.error.message).toMatch(/in the past/);
    const unknown = await s.send('POST', '/api/settings/nope/preview', { targetDate: '2027-01-01' });
    expect(unknown.status).toBe(404);
    const wrongScope = await s.send('POST', '/api/settings/preview', { targetDate: '2027-01-01' });
    expect(wrongScope.status).toBe(400);
    expect(s.eventCount()).toBe(events);
  });

  it('never records an event, whatever the hours (and saving them gives the previewed finish)', async () => {
    const hours = fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 7, maxLength: 7 });
    await fc.assert(
      fc.asyncProperty(hours, async (hoursByWeekday) => {
        const events = s.eventCount();
        const change = { capacity: { hoursByWeekday } };
        const preview = await s.send('POST', '/api/settings/preview', change);
        expect(s.eventCount()).toBe(events);
        if (hoursByWeekday.every((h) => h === 0)) {
          expect(preview.status).toBe(400); // no study time at all is refused, as a save is
          return;
        }
        expect(preview.status).toBe(200);
        const saved = await s.send('PUT', '/api/settings', change);
        expect(saved.status).toBe(200);
        const entry = preview.json.roadmaps.find((r: { roadmapId: string }) => r.roadmapId === ROADMAP);
        expect((await planForecast(ROADMAP)).p85).toBe(entry.after.p85);
        await s.send('POST', '/api/undo', { change: saved.json.events[0].changeId });
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});

describe('where each setting comes from', () => {
  it('defaults, then global, then the roadmap own, and back', async () => {
    const fresh = await s.get(`/api/settings/${ROADMAP}`);
    expect(fresh.json).toMatchObject({
      allocationFrom: 'default',
      habitsFrom: 'default',
      studyWindowFrom: 'default',
      startDateFrom: 'default',
      allotment: { shareFrom: 'default' },
    });
    expect(['default', 'routine', 'roadmaps']).toContain(fresh.json.capacity.source);

    const global = await s.send('PUT', '/api/settings', {
      capacity: { weekdays: 2, weekend: 4 },
      allocation: 'shares',
    });
    expect(global.status).toBe(200);
    const own = await s.send('PUT', `/api/settings/${ROADMAP}`, { share: 60, startDate: '2026-12-01' });
    expect(own.status).toBe(200);
    const after = await s.get(`/api/settings/${ROADMAP}`);
    expect(after.json).toMatchObject({
      capacity: { source: 'global' },
      allocationFrom: 'global',
      startDateFrom: 'roadmap',
      allotment: { shareFrom: 'roadmap', share: 60 },
    });
    // Back to inherited: a null drops the roadmap's own value.
    const back = await s.send('PUT', `/api/settings/${ROADMAP}`, { share: null, startDate: null });
    expect(back.status).toBe(200);
    expect((await s.get(`/api/settings/${ROADMAP}`)).json).toMatchObject({
      startDateFrom: 'default',
      allotment: { shareFrom: 'default' },
    });
  });
});
