import { describe, expect, it } from 'vitest';
import { collectItems, groupTitle } from './collect-items';

describe('collectItems', () => {
  it('groups the items of an agenda by the property that holds them', () => {
    const today = {
      date: '2026-11-20',
      planned: [{ roadmapId: 'r', nodeId: '1.1', title: 'Vectors', minutes: 90, status: 'todo' }],
      inProgress: [],
      habits: [{ roadmapId: 'r', nodeId: 'h', title: 'Read a paper', minutes: 30 }],
      roadmaps: [{ roadmapId: 'r', title: 'R', finish: { min: '2027-01-01' } }],
    };
    expect(collectItems(today)).toEqual([
      {
        key: 'planned',
        items: [{ roadmapId: 'r', nodeId: '1.1', title: 'Vectors', minutes: 90, status: 'todo' }],
      },
      { key: 'habits', items: [{ roadmapId: 'r', nodeId: 'h', title: 'Read a paper', minutes: 30 }] },
    ]);
  });

  it('reads cards whose item is nested, and ignores what is not an item', () => {
    const due = {
      cards: [{ item: { roadmapId: 'r', id: '2.1', title: 'Trees' }, due: '2026-11-19' }],
      total: 1,
    };
    expect(collectItems(due)).toEqual([
      { key: 'cards', items: [{ roadmapId: 'r', nodeId: '2.1', title: 'Trees', due: '2026-11-19' }] },
    ]);
    expect(collectItems(null)).toEqual([]);
    expect(collectItems({ cards: [] })).toEqual([]);
  });

  it('names groups for people', () => {
    expect(groupTitle('inProgress')).toBe('In progress');
    expect(groupTitle('somethingNew')).toBe('Something New');
  });
});
