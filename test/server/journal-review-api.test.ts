/**
 * The journal a page at a time with day totals over the whole filter, and the review session's API: due cards
 * with their notes and evidence, a rating with a change to undo, the session's time logged as review time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence, addNote, setStatus } from '../../src/app/tracking-service.js';
import { stampChange } from '../../src/app/workspace.js';
import { type ApiSandbox, apiSandbox, type Json } from './api-harness.js';

let s: ApiSandbox;
/** Logs seeded per day, 2026-10-01 .. 2026-11-19: `LOGS_PER_DAY` of `MINUTES` each, on alternating items. */
const DAYS = 50;
const LOGS_PER_DAY = 21;
const MINUTES = 5;

beforeAll(() => {
  s = apiSandbox(['ai-engineer', 'dev-to-ai-engineer']);
  const seeded = [];
  for (let day = 0; day < DAYS; day++) {
    const date = new Date(Date.UTC(2026, 9, 1 + day));
    for (let i = 0; i < LOGS_PER_DAY; i++) {
      const at = new Date(date.getTime() + (8 * 60 + i * 20) * 60_000).toISOString();
      seeded.push(
        ...stampChange(s.workspace, at, [
          {
            type: 'log',
            roadmapId: 'ai-engineer',
            nodeId: i % 2 === 0 ? '1.1.1.1' : '2.1.1',
            minutes: MINUTES,
            note: `session ${day}.${i}`,
          },
        ]),
      );
    }
  }
  s.workspace.store.appendEvents(seeded);
});
afterAll(() => s.cleanup());

describe('GET /api/journal a page at a time', () => {
  it('serves 50 entries a page with the total, and the next page starts where the last one ended', async () => {
    const first = await s.get('/api/journal?limit=50');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ total: DAYS * LOGS_PER_DAY, offset: 0 });
    expect(first.json.entries).toHaveLength(50);
    const second = await s.get('/api/journal?limit=50&offset=50');
    expect(second.json.offset).toBe(50);
    const all = await s.get('/api/journal?limit=100000');
    expect([...first.json.entries, ...second.json.entries].map((e: Json) => e.id)).toEqual(
      all.json.entries.slice(0, 100).map((e: Json) => e.id),
    );
    const last = await s.get(`/api/journal?limit=50&offset=${DAYS * LOGS_PER_DAY - 10}`);
    expect(last.json.entries).toHaveLength(10);
  });

  it('totals each day on the page over the whole filter, also a day split across pages', async () => {
    // 21 entries a day: the page of 50 ends two entries into its third day (2026-11-17).
    const first = await s.get('/api/journal?limit=50');
    expect(first.json.days).toEqual([
      { date: '2026-11-19', minutes: LOGS_PER_DAY * MINUTES, entries: LOGS_PER_DAY },
      { date: '2026-11-18', minutes: LOGS_PER_DAY * MINUTES, entries: LOGS_PER_DAY },
      { date: '2026-11-17', minutes: LOGS_PER_DAY * MINUTES, entries: LOGS_PER_DAY },
    ]);
    expect(first.json.entries.filter((e: Json) => e.date === '2026-11-17')).toHaveLength(8);
    const second = await s.get('/api/journal?limit=50&offset=50');
    expect(second.json.days[0]).toEqual({
      date: '2026-11-17',
      minutes: LOGS_PER_DAY * MINUTES,
      entries: LOGS_PER_DAY,
    });
    // Within an item filter the day's time is that item's (and beneath it).
    const item = await s.get('/api/journal?limit=5&item=ai-engineer:2.1.1');
    expect(item.json.days[0]).toEqual({ date: '2026-11-19', minutes: 10 * MINUTES, entries: 10 });
    expect(item.json.total).toBe(DAYS * 10);
  });

  it('pages by cursor: the next page follows on from the last one even when an entry is logged in between', async () => {
    const first = await s.get('/api/journal?limit=50');
    expect(first.json.next).toMatch(/^\d+-\d+$/);
    expect(first.json.newer).toBeNull();
    const all = await s.get('/api/journal?limit=100000');
    expect(all.json.next).toBeNull();
    // The same store with one more entry, as if logged while page 1 was read (a sandbox of its own keeps
    // the totals the other tests count).
    const s2 = apiSandbox(['ai-engineer']);
    try {
      const seeded = all.json.entries
        .slice(0, 120)
        .reverse()
        .flatMap((entry: Json) =>
          stampChange(s2.workspace, entry.at, [
            {
              type: 'log',
              roadmapId: 'ai-engineer',
              nodeId: entry.nodeId,
              minutes: MINUTES,
              note: entry.text,
            },
          ]),
        );
      s2.workspace.store.appendEvents(seeded);
      const page1 = await s2.get('/api/journal?limit=50');
      const logged = await s2.send('POST', '/api/log', { duration: '10m', item: 'ai-engineer:1.1.1.1' });
      expect(logged.status).toBe(201);
      const page2 = await s2.get(`/api/journal?limit=50&before=${page1.json.next}`);
      const whole = await s2.get('/api/journal?limit=100000');
      const ids = whole.json.entries.map((e: Json) => e.id);
      // One more entry on top; page 2 still starts right after page 1's last entry.
      expect(ids.indexOf(page2.json.entries[0].id)).toBe(ids.indexOf(page1.json.entries.at(-1).id) + 1);
      expect(page2.json).toMatchObject({ offset: 51, total: 121 });
      expect(page2.json.entries).toHaveLength(50);
      // The page by offset instead shifts by one: its first entry is the one page 1 ended with.
      const shifted = await s2.get('/api/journal?limit=50&offset=50');
      expect(shifted.json.entries[0].id).toBe(page1.json.entries.at(-1).id);
      // `newer` goes back to the first page.
      const back = await s2.get(
        `/api/journal?limit=50${page2.json.newer ? `&before=${page2.json.newer}` : ''}`,
      );
      expect(back.json.offset).toBe(1);
    } finally {
      s2.cleanup();
    }
  });

  it('refuses a cursor that no page gave', async () => {
    for (const bad of ['abc', '12', '-1-2', '1.5-2']) {
      const refused = await s.get(`/api/journal?before=${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.json.error.message).toMatch(/before/);
    }
  });

  it('filters by dates and types with paging, and refuses a bad offset', async () => {
    const week = await s.get('/api/journal?from=2026-11-01&to=2026-11-07&limit=50&offset=100');
    expect(week.json.total).toBe(7 * LOGS_PER_DAY);
    expect(week.json.entries).toHaveLength(7 * LOGS_PER_DAY - 100);
    expect(week.json.entries.every((e: Json) => e.date >= '2026-11-01' && e.date <= '2026-11-07')).toBe(true);
    const notes = await s.get('/api/journal?type=note&limit=50');
    expect(notes.json).toMatchObject({ total: 0, entries: [], days: [] });
    for (const bad of ['-1', 'abc', '1.5']) {
      const refused = await s.get(`/api/journal?offset=${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.json.error.message).toMatch(/offset/);
    }
  });
});

describe('the review session over the API', () => {
  it('gives each due card its notes and evidence', async () => {
    setStatus(s.workspace, ['ai-engineer:3.1.1'], 'done', { at: '2026-10-01' });
    addNote(s.workspace, 'ai-engineer:3.1.1', 'Remember the chain rule');
    addEvidence(s.workspace, 'ai-engineer:3.1.1', 'https://example.org/a/very/long/path', { kind: 'link' });
    const due = await s.get('/api/review/due');
    const card = due.json.cards.find((c: Json) => c.nodeId === '3.1.1');
    expect(card).toMatchObject({
      ref: 'ai-engineer:3.1.1',
      path: expect.any(Array),
      notes: [expect.objectContaining({ text: 'Remember the chain rule' })],
      evidence: [expect.objectContaining({ kind: 'link', ref: 'https://example.org/a/very/long/path' })],
    });
  });

  it('rates with a change the dashboard can undo exactly', async () => {
    const rated = await s.send('POST', '/api/review', { item: 'ai-engineer:3.1.1', rating: 3 });
    expect(rated.status).toBe(201);
    expect(rated.json.event.changeId).toEqual(expect.any(String));
    expect(rated.json.next.due).toEqual(expect.any(String));
    const undone = await s.send('POST', '/api/undo', { change: rated.json.event.changeId });
    expect(undone.status).toBe(201);
    expect(undone.json.undone.map((e: Json) => e.type)).toEqual(['review']);
  });

  it('logs the session time as review time, split by cards, in one change', async () => {
    const before = await s.get('/api/roadmaps');
    const logged = await s.send('POST', '/api/review/session', {
      reviewed: [
        { roadmap: 'ai-engineer', cards: 3 },
        { roadmap: 'dev-to-ai-engineer', cards: 1 },
      ],
      seconds: 16 * 60,
    });
    expect(logged.status, JSON.stringify(logged.json)).toBe(201);
    expect(logged.json.minutes).toBe(16);
    expect(logged.json.events).toEqual([
      expect.objectContaining({ roadmapId: 'ai-engineer', minutes: 12, kind: 'review', nodeId: null }),
      expect.objectContaining({ roadmapId: 'dev-to-ai-engineer', minutes: 4, kind: 'review' }),
    ]);
    expect(new Set(logged.json.events.map((e: Json) => e.changeId)).size).toBe(1);
    // One change at one instant: the journal lists it in reverse log order, as every tie.
    const journal = await s.get('/api/journal?limit=2&type=log');
    expect(journal.json.entries.map((e: Json) => [e.roadmapId, e.kind, e.text])).toEqual([
      ['dev-to-ai-engineer', 'review', 'Review session: 1 card'],
      ['ai-engineer', 'review', 'Review session: 3 cards'],
    ]);
    // Study time of the day, not work on the roadmap.
    const activity = await s.get('/api/activity?days=1');
    expect(activity.json.days.at(-1).minutes).toBeGreaterThanOrEqual(16);
    const after = await s.get('/api/roadmaps');
    expect(after.json[0].minutes).toBe(before.json[0].minutes);
    const undone = await s.send('POST', '/api/undo', { change: logged.json.events[0].changeId });
    expect(undone.json.undone).toHaveLength(2);
  });

  it('logs at least a minute for a short session, and refuses what cannot be a session', async () => {
    const short = await s.send('POST', '/api/review/session', {
      reviewed: [{ roadmap: 'ai-engineer', cards: 1 }],
      seconds: 5,
    });
    expect(short.json.minutes).toBe(1);
    const count = s.eventCount();
    const refusals: [unknown, number, RegExp][] = [
      [{ reviewed: [], seconds: 60 }, 400, /reviewed/],
      [{ reviewed: [{ roadmap: 'ai-engineer', cards: 0 }], seconds: 60 }, 400, /cards/],
      [{ reviewed: [{ roadmap: 'ai-engineer', cards: 1 }], seconds: 90_000 }, 400, /24 hours/],
      [{ reviewed: [{ roadmap: 'nope', cards: 1 }], seconds: 60 }, 404, /no roadmap "nope"/i],
    ];
    for (const [body, status, message] of refusals) {
      const refused = await s.send('POST', '/api/review/session', body);
      expect(refused.status, JSON.stringify(body)).toBe(status);
      expect(refused.json.error.message).toMatch(message);
    }
    expect(s.eventCount()).toBe(count);
  });
});
