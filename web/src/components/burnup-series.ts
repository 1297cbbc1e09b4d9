import type { Burnup } from '../api/types';

const toSeconds = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

type Column = (number | null)[];

/** Aligns actual points, the plan and the forecast cone on one x axis (uPlot wants shared x values). */
export function burnupSeries(burnup: Burnup): [number[], Column, Column, Column, Column, Column] {
  const xs = new Set<number>();
  for (const point of burnup.points) xs.add(toSeconds(point.date));
  for (const point of burnup.plan) xs.add(toSeconds(point.date));
  const last = burnup.points.at(-1);
  const total = last?.total ?? 0;
  const coneStart = last ? toSeconds(last.date) : undefined;
  const p50 = burnup.forecast.p50 ? toSeconds(burnup.forecast.p50) : undefined;
  const p85 = burnup.forecast.p85 ? toSeconds(burnup.forecast.p85) : undefined;
  for (const x of [p50, p85, ...markers(burnup).map((marker) => marker.x)]) if (x !== undefined) xs.add(x);
  const x = [...xs].sort((a, b) => a - b);
  const done = new Map(burnup.points.map((p) => [toSeconds(p.date), p.done]));
  const totals = new Map(burnup.points.map((p) => [toSeconds(p.date), p.total]));
  const plan = new Map(burnup.plan.map((p) => [toSeconds(p.date), p.done]));
  // The cone: straight lines from today's done count to the total at P50 (fast edge) and P85 (slow edge).
  const cone = (end: number | undefined) => (t: number) => {
    if (coneStart === undefined || end === undefined || last === undefined || t < coneStart || t > end)
      return null;
    if (end === coneStart) return total;
    return last.done + ((total - last.done) * (t - coneStart)) / (end - coneStart);
  };
  const fast = cone(p50);
  const slow = cone(p85);
  return [
    x,
    x.map((t) => done.get(t) ?? null),
    scopeLine(x, totals),
    x.map((t) => plan.get(t) ?? null),
    x.map((t) => fast(t)),
    x.map((t) => slow(t)),
  ];
}

/** The scope as a step line: each day's total, carried forward to the end of the chart (the finish line). */
function scopeLine(x: number[], totals: ReadonlyMap<number, number>): Column {
  let current: number | null = null;
  return x.map((t) => {
    current = totals.get(t) ?? current;
    return current;
  });
}

/** Vertical markers the chart draws: today and the target (its x is on the axis, see burnupSeries). */
export function markers(burnup: Burnup): { x: number; label: string }[] {
  const list: { x: number; label: string }[] = [];
  if (burnup.today) list.push({ x: toSeconds(burnup.today), label: 'Today' });
  if (burnup.target) list.push({ x: toSeconds(burnup.target), label: `Target ${burnup.target}` });
  return list;
}

/** How each line of the chart is drawn; the legend draws the same stroke, so it shows what to look for. */
export interface SeriesStyle {
  key: 'done' | 'scope' | 'plan' | 'p50' | 'p85';
  label: string;
  /** CSS custom property of its colour (read from the theme at draw time). */
  color: string;
  fallback: string;
  /** Canvas line dash in CSS pixels; [] is solid. */
  dash: number[];
  width: number;
}

/** In the column order of burnupSeries. P50 and P85 differ in colour and in dash (long dashes vs dots). */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { key: 'done', label: 'Done', color: '--chart-done', fallback: '#1a7f37', dash: [], width: 2 },
  { key: 'scope', label: 'Scope', color: '--chart-scope', fallback: '#6e7781', dash: [4, 4], width: 1 },
  { key: 'plan', label: 'Plan', color: '--chart-plan', fallback: '#0550ae', dash: [6, 3], width: 2 },
  {
    key: 'p50',
    label: 'P50 forecast (half the futures finish by)',
    color: '--chart-p50',
    fallback: '#bc4c00',
    dash: [12, 4],
    width: 2,
  },
  {
    key: 'p85',
    label: 'P85 forecast (85% finish by)',
    color: '--chart-p85',
    fallback: '#8250df',
    dash: [2, 3],
    width: 2.5,
  },
];

const SHORT: Record<SeriesStyle['key'], string> = {
  done: 'done',
  scope: 'scope',
  plan: 'plan',
  p50: 'P50',
  p85: 'P85',
};

/** The values at one x of the chart in words: "2026-11-20: 12 done, scope 140, plan 13". */
export function readout(
  data: ReturnType<typeof burnupSeries>,
  index: number,
  visible: ReadonlySet<SeriesStyle['key']>,
): string {
  const x = data[0][index];
  if (x === undefined) return '';
  const date = new Date(x * 1000).toISOString().slice(0, 10);
  const parts: string[] = [];
  SERIES_STYLES.forEach((style, column) => {
    if (!visible.has(style.key)) return;
    const value = data[column + 1]?.[index];
    if (value === null || value === undefined) return;
    const rounded = Math.round(value);
    parts.push(style.key === 'done' ? `${rounded} done` : `${SHORT[style.key]} ${rounded}`);
  });
  return `${date}: ${parts.length > 0 ? parts.join(', ') : 'no value shown'}`;
}

/** The index of the last actual point (today's count), where the readout starts. */
export function lastDoneIndex(data: ReturnType<typeof burnupSeries>): number {
  for (let i = data[1].length - 1; i >= 0; i--) if (data[1][i] !== null) return i;
  return data[0].length - 1;
}
