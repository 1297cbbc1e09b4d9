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
