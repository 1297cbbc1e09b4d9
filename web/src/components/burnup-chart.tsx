import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
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
  for (const x of [p50, p85]) if (x !== undefined) xs.add(x);
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
    x.map((t) => totals.get(t) ?? null),
    x.map((t) => plan.get(t) ?? null),
    x.map((t) => fast(t)),
    x.map((t) => slow(t)),
  ];
}

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

/** Done over time with the total scope, the planned path and the P50–P85 forecast cone. */
export function BurnupChart({ burnup, label, theme }: { burnup: Burnup; label: string; theme: string }) {
  const host = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `theme` redraws the chart in the new colours
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const data = burnupSeries(burnup);
    if (data[0].length === 0) return;
    const text = cssVar('--text', '#222');
    const grid = cssVar('--border', '#ccc');
    const stroke = (name: string, fallback: string) => cssVar(name, fallback);
    const width = Math.max(240, element.clientWidth);
    const chart = new uPlot(
      {
        width,
        height: 220,
        legend: { show: true, live: false },
        cursor: { show: true, drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [
          { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
          { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 44 },
        ],
        series: [
          {},
          { label: 'Done', stroke: stroke('--chart-done', '#1a7f37'), width: 2, spanGaps: true },
          { label: 'Scope', stroke: stroke('--chart-scope', '#777'), width: 1, dash: [4, 4], spanGaps: true },
          {
            label: 'Plan',
            stroke: stroke('--chart-plan', '#0969da'),
            width: 2,
            dash: [6, 3],
            spanGaps: true,
          },
          { label: 'P50', stroke: stroke('--chart-cone', '#bc4c00'), width: 1, spanGaps: true },
          { label: 'P85', stroke: stroke('--chart-cone', '#bc4c00'), width: 1, dash: [2, 2], spanGaps: true },
        ],
        bands: [{ series: [4, 5], fill: stroke('--chart-cone-fill', 'rgba(188,76,0,0.15)') }],
      },
      data as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(240, element.clientWidth), height: 220 });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [burnup, theme]);
  const hasData = burnup.points.length > 0 || burnup.plan.length > 0;
  return (
    <figure className="burnup" data-done={burnup.points.at(-1)?.done ?? 0}>
      <figcaption className="visually-hidden">{label}</figcaption>
      {hasData ? (
        <div ref={host} className="burnup-chart" role="img" aria-label={label} data-testid="burnup" />
      ) : (
        <p className="muted">No history yet: the chart starts with the first change.</p>
      )}
    </figure>
  );
}
