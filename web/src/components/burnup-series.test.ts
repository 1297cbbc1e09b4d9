import { describe, expect, it } from 'vitest';
import { burnupSeries, markers } from './burnup-series';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

describe('burnupSeries', () => {
  it('aligns history, plan and the forecast cone on one time axis', () => {
    const [x, done, scope, plan, fast, slow] = burnupSeries({
      points: [
        { date: '2026-11-18', done: 1, total: 10 },
        { date: '2026-11-20', done: 4, total: 10 },
      ],
      plan: [
        { date: '2026-11-21', done: 6 },
        { date: '2026-11-22', done: 10 },
      ],
      forecast: { p50: '2026-11-23', p85: '2026-11-26' },
    });
    expect(x).toEqual(
      ['2026-11-18', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-26'].map(day),
    );
    expect(done).toEqual([1, 4, null, null, null, null]);
    expect(scope).toEqual([10, 10, 10, 10, 10, 10]);
    expect(plan).toEqual([null, null, 6, 10, null, null]);
    // P50 edge: from 4 today to all 10 on its date; P85 edge slower.
    expect(fast).toEqual([null, 4, 6, 8, 10, null]);
    expect(slow).toEqual([null, 4, 5, 6, 7, 10]);
  });

  it('draws no cone without a forecast', () => {
    const series = burnupSeries({
      points: [{ date: '2026-11-20', done: 0, total: 3 }],
      plan: [],
      forecast: { p50: null },
    });
    expect(series[4]).toEqual([null]);
    expect(series[5]).toEqual([null]);
  });

  it('puts today and the target on the axis, as labelled markers', () => {
    const burnup = {
      points: [{ date: '2026-11-20', done: 2, total: 3 }],
      plan: [],
      forecast: { p50: '2026-11-25', p85: '2026-11-30' },
      today: '2026-11-20',
      target: '2026-12-15',
    };
    expect(markers(burnup)).toEqual([
      { x: day('2026-11-20'), label: 'Today' },
      { x: day('2026-12-15'), label: 'Target 2026-12-15' },
    ]);
    expect(burnupSeries(burnup)[0]).toContain(day('2026-12-15'));
    expect(markers({ ...burnup, target: null })).toHaveLength(1);
  });
});

describe('the series styles and the readout', () => {
  it('draws every line distinctly: no two share both colour and dash, P50 and P85 differ in both', async () => {
    const { SERIES_STYLES } = await import('./burnup-series');
    const looks = SERIES_STYLES.map((style) => `${style.color}|${style.dash.join(',')}`);
    expect(new Set(looks).size).toBe(SERIES_STYLES.length);
    const p50 = SERIES_STYLES.find((style) => style.key === 'p50');
    const p85 = SERIES_STYLES.find((style) => style.key === 'p85');
    expect(p50?.color).not.toBe(p85?.color);
    expect(p50?.dash).not.toEqual(p85?.dash);
  });

  it('says the values at a point in words, leaving out hidden and empty series', async () => {
    const { readout, lastDoneIndex } = await import('./burnup-series');
    const data = burnupSeries({
      points: [
        { date: '2026-11-18', done: 1, total: 10 },
        { date: '2026-11-20', done: 4, total: 10 },
      ],
      plan: [{ date: '2026-11-22', done: 10 }],
      forecast: { p50: '2026-11-23', p85: '2026-11-26' },
    });
    const all = new Set(['done', 'scope', 'plan', 'p50', 'p85'] as const);
    expect(lastDoneIndex(data)).toBe(1);
    expect(readout(data, 1, all)).toBe('2026-11-20: 4 done, scope 10, P50 4, P85 4');
    expect(readout(data, 2, all)).toBe('2026-11-22: scope 10, plan 10, P50 8, P85 6');
    expect(readout(data, 2, new Set(['done'] as const))).toBe('2026-11-22: no value shown');
  });
});
