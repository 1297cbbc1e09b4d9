import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { href, parseHash } from '../router';
import {
  ENTRY_TYPES,
  filterProblem,
  filtersFromQuery,
  filtersToQuery,
  type JournalFilters,
  journalApiParams,
  pageCount,
} from './journal-filters';

const filters = fc
  .record<JournalFilters>({
    roadmap: fc.constantFrom('', 'ai-engineer', 'a b&c=d'),
    types: fc.subarray(ENTRY_TYPES.map((t) => t.type)).filter((t) => t.length < ENTRY_TYPES.length),
    from: fc.constantFrom('', '2026-11-01'),
    to: fc.constantFrom('', '2026-11-30'),
    item: fc.constantFrom('', 'ai-engineer:1.2', 'Linear Algebra & more?'),
    page: fc.integer({ min: 1, max: 500 }),
    before: fc.constantFrom('', '1763542800000-42'),
  })
  // A cursor names the page: the page number is not kept beside it.
  .map((f) => (f.before ? { ...f, page: 1 } : f));

describe('journal filters in the URL', () => {
  it('survive a round trip through the hash (reload, Back, a shared link)', () => {
    fc.assert(
      fc.property(filters, (f) => {
        const route = parseHash(href('journal', [], filtersToQuery(f)));
        expect(route.page).toBe('journal');
        expect(filtersFromQuery(route.query)).toEqual(f);
      }),
    );
  });

  it('drop what they cannot read instead of failing the page', () => {
    const parsed = filtersFromQuery(
      new URLSearchParams('type=log,tweet,log&from=yesterday&page=-2&to=2026-13'),
    );
    expect(parsed).toMatchObject({ types: ['log'], from: '', page: 1 });
    expect(filtersFromQuery(new URLSearchParams('type=evidence,log,note,status')).types).toEqual([]);
    expect(filtersFromQuery(new URLSearchParams('page=2.5')).page).toBe(1);
  });

  it('ask the API for the page: 50 a page, offset from the page number', () => {
    const f = filtersFromQuery(new URLSearchParams('roadmap=ai&type=note,log&page=3'));
    expect(journalApiParams(f)).toMatchObject({ roadmap: 'ai', type: 'log,note', limit: 50, offset: 100 });
    expect([pageCount(0), pageCount(50), pageCount(51), pageCount(1000)]).toEqual([1, 1, 2, 20]);
  });

  it('ask the API for the page after a cursor, and drop a cursor no page gave', () => {
    const f = filtersFromQuery(new URLSearchParams('before=1763542800000-42&page=3'));
    expect(journalApiParams(f)).toMatchObject({ limit: 50, before: '1763542800000-42' });
    expect(journalApiParams(f)).not.toHaveProperty('offset');
    expect(filtersFromQuery(new URLSearchParams('before=x-1')).before).toBe('');
  });

  it('say when From is after To', () => {
    expect(filterProblem({ from: '2026-11-20', to: '2026-11-01' })).toMatch(/after/);
    expect(filterProblem({ from: '2026-11-01', to: '2026-11-01' })).toBeUndefined();
  });
});
