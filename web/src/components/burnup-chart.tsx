import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Burnup } from '../api/types';
import { burnupSeries, markers } from './burnup-series';

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
          {
            label: 'Done',
            stroke: stroke('--chart-done', '#1a7f37'),
            width: 2,
            spanGaps: true,
            // A short history is a few dots; show them, or a single day would draw nothing.
            points: { show: burnup.points.length < 40, size: 6, fill: stroke('--chart-done', '#1a7f37') },
          },
          { label: 'Scope', stroke: stroke('--chart-scope', '#777'), width: 1, dash: [4, 4], spanGaps: true },
          {
            label: 'Plan',
            stroke: stroke('--chart-plan', '#0969da'),
            width: 2,
            dash: [6, 3],
            spanGaps: true,
          },
          {
            label: 'P50 (half the futures finish by)',
            stroke: stroke('--chart-cone', '#bc4c00'),
            width: 1,
            spanGaps: true,
          },
          {
            label: 'P85 (85% finish by)',
            stroke: stroke('--chart-cone', '#bc4c00'),
            width: 1,
            dash: [2, 2],
            spanGaps: true,
          },
        ],
        bands: [{ series: [4, 5], fill: stroke('--chart-cone-fill', 'rgba(188,76,0,0.15)') }],
        hooks: {
          // Today and the target as labelled vertical lines over the plot area.
          draw: [
            (plot) => {
              const { ctx } = plot;
              const { top, height } = plot.bbox;
              ctx.save();
              ctx.strokeStyle = text;
              ctx.fillStyle = text;
              ctx.font = `${Math.round(11 * devicePixelRatio)}px sans-serif`;
              ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
              for (const marker of markers(burnup)) {
                const x = plot.valToPos(marker.x, 'x', true);
                ctx.beginPath();
                ctx.moveTo(x, top);
                ctx.lineTo(x, top + height);
                ctx.stroke();
                ctx.fillText(marker.label, x + 3 * devicePixelRatio, top + 12 * devicePixelRatio);
              }
              ctx.restore();
            },
          ],
        },
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
