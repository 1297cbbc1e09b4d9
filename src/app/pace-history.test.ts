import { describe, expect, it } from 'vitest';
import { foldEvents } from '../core/progress/fold.js';
import { paceHistory } from './pace-history.js';
import { events, node, roadmap } from './view-fixtures.test-helpers.js';

const r = roadmap('r', [node('p', 'phase', [node('a', 'topic'), node('b', 'topic')])]);

describe('paceHistory', () => {
  it('starts at the first activity that was not undone (an undone --at 1999 moves nothing)', () => {
    const log = events(
      { type: 'status', nodeId: 'a', status: 'done', at: '2026-11-10T10:00:00.000Z' },
      { type: 'log', nodeId: 'a', minutes: 60, at: '1999-01-01T12:00:00.000Z', changeId: 'typo' },
      { type: 'undo', nodeId: null, undoes: 'typo', at: '2026-11-20T10:00:00.000Z' },
    );
    const weeks = paceHistory(r, foldEvents(log), log, 'UTC');
    expect(weeks.map((week) => week.weekStart)).toEqual(['2026-11-09']);
    expect(weeks[0]).toMatchObject({ itemsDone: 1, hoursLogged: 0 });
  });

  it('leaves review-session time out of the hours worked on the roadmap', () => {
    const log = events(
      { type: 'log', nodeId: 'a', minutes: 60, at: '2026-11-10T10:00:00.000Z' },
      { type: 'log', nodeId: null, minutes: 30, at: '2026-11-10T11:00:00.000Z', kind: 'review' },
      {
        type: 'log',
        nodeId: null,
        minutes: 15,
        at: '2026-11-10T12:00:00.000Z',
        note: 'Review session: 5 cards',
      },
    );
    expect(paceHistory(r, foldEvents(log), log, 'UTC')[0]).toMatchObject({ hoursLogged: 1 });
  });
});
