import { type KeyboardEvent, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Burnup } from '../api/types';
import { useDocumentTheme } from '../theme';
import {
  burnupSeries,
  lastDoneIndex,
  markers,
  readout,
  SERIES_STYLES,
  type SeriesStyle,
} from './burnup-series';

const HEIGHT = 220;

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

type Key = SeriesStyle['key'];

/**
 * Done over time with the total scope, the planned path and the P50–P85 forecast cone; today and the target
 * as vertical markers. Values show on hover and, with the chart focused, on the arrow keys; the legend's
 * buttons hide and show lines. Colours come from the theme shown now and are re-read when it changes.
 */
export function BurnupChart({ burnup, label }: { burnup: Burnup; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const theme = useDocumentTheme();
  const data = useMemo(() => burnupSeries(burnup), [burnup]);
  const [hidden, setHidden] = useState<ReadonlySet<Key>>(new Set());
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;
  const [cursor, setCursor] = useState<number | null>(null);
  // The palette of the theme shown, read once per theme: the chart and the legend's swatches share it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `theme` changes the CSS variables read here
  const colors = useMemo(
    () => Object.fromEntries(SERIES_STYLES.map((s) => [s.key, cssVar(s.color, s.fallback)])),
    [theme],
  );
  const readoutId = useId();

  // A layout effect: the chart is drawn before the first paint, not in a second frame after it. A new theme
  // gives new `colors`, so the chart is drawn again in the new palette.
  useLayoutEffect(() => {
    const element = host.current;
    if (!element || data[0].length === 0) return;
    const text = cssVar('--text', '#222');
    const grid = cssVar('--border', '#ccc');
    const palette = colors;
    const px = (values: number[]) => values.map((value) => value * devicePixelRatio);
    const instance = new uPlot(
      {
        width: Math.max(240, element.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        cursor: { show: true, drag: { x: false, y: false, setScale: false }, points: { show: true } },
        scales: { x: { time: true } },
        // Dates are calendar days (UTC midnights here): label them in UTC, not the browser's zone.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        axes: [
          { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
          { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, size: 44 },
        ],
        series: [
          {},
          ...SERIES_STYLES.map((style) => ({
            label: style.label,
            stroke: palette[style.key],
            width: style.width,
            dash: style.dash,
            spanGaps: true,
            show: !hiddenRef.current.has(style.key),
            // A short history is a few dots; show them, or a single day would draw nothing.
            ...(style.key === 'done'
              ? { points: { show: burnup.points.length < 40, size: 6, fill: palette.done } }
              : {}),
          })),
        ],
        bands: [{ series: [4, 5], fill: cssVar('--chart-cone-fill', 'rgba(188,76,0,0.15)') }],
        hooks: {
          setCursor: [(plot) => setCursor(plot.cursor.idx ?? null)],
          // Today and the target as labelled vertical lines over the plot area.
          draw: [
            (plot) => {
              const { ctx } = plot;
              const { top, height, left, width } = plot.bbox;
              ctx.save();
              ctx.strokeStyle = text;
              ctx.fillStyle = text;
              ctx.font = `${Math.round(11 * devicePixelRatio)}px sans-serif`;
              // uPlot leaves its axis text alignment behind; the labels start at their line.
              ctx.textAlign = 'left';
              ctx.textBaseline = 'alphabetic';
              ctx.setLineDash(px([3, 3]));
              markers(burnup).forEach((marker, index) => {
                const x = plot.valToPos(marker.x, 'x', true);
                ctx.beginPath();
                ctx.moveTo(x, top);
                ctx.lineTo(x, top + height);
                ctx.stroke();
                // Labels on their own rows, kept inside the plot (a target near the edge reads leftwards).
                const textWidth = ctx.measureText(marker.label).width;
                const gap = 3 * devicePixelRatio;
                const labelX = x + gap + textWidth > left + width ? x - gap - textWidth : x + gap;
                ctx.fillText(marker.label, labelX, top + (12 + index * 13) * devicePixelRatio);
              });
              ctx.restore();
            },
          ],
        },
      },
      data as uPlot.AlignedData,
      element,
    );
    chart.current = instance;
    const resize = new ResizeObserver(() => {
      instance.setSize({ width: Math.max(240, element.clientWidth), height: HEIGHT });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      chart.current = null;
    };
  }, [data, burnup, colors]);

  const toggle = (key: Key) => {
    const next = new Set(hidden);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setHidden(next);
    const index = SERIES_STYLES.findIndex((style) => style.key === key) + 1;
    chart.current?.setSeries(index, { show: !next.has(key) });
  };

  /** Arrow keys walk the chart day by day (the points it has), Home/End jump to its ends. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const plot = chart.current;
    const count = data[0].length;
    if (!plot || count === 0) return;
    const current = cursor ?? lastDoneIndex(data);
    const next =
      event.key === 'ArrowRight'
        ? Math.min(count - 1, current + 1)
        : event.key === 'ArrowLeft'
          ? Math.max(0, current - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? count - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const x = data[0][next] as number;
    const y = data[1][next] ?? data[3][next] ?? data[4][next] ?? data[2][next] ?? 0;
    plot.setCursor({ left: plot.valToPos(x, 'x'), top: plot.valToPos(y, 'y') });
    setCursor(next);
  };

  const hasData = burnup.points.length > 0 || burnup.plan.length > 0;
  const visible = new Set(SERIES_STYLES.map((s) => s.key).filter((key) => !hidden.has(key)));
  const shown = cursor ?? lastDoneIndex(data);
  return (
    <figure
      className="burnup"
      data-done={burnup.points.at(-1)?.done ?? 0}
      data-theme-drawn={theme}
      data-markers={markers(burnup)
        .map((marker) => marker.label)
        .join('|')}
    >
      <figcaption className="visually-hidden">{label}</figcaption>
      {hasData ? (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: a chart is a named group, not a form's fieldset */}
          <div
            ref={host}
            className="burnup-chart"
            role="group"
            aria-roledescription="chart"
            aria-label={`${label}. Arrow keys read the values day by day.`}
            aria-describedby={readoutId}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the focused chart takes arrow keys to read its values
            tabIndex={0}
            onKeyDown={onKeyDown}
            onMouseLeave={() => setCursor(null)}
            data-testid="burnup"
          />
          <p id={readoutId} className="burnup-readout small" aria-live="polite" data-testid="burnup-readout">
            {readout(data, shown, visible)}
          </p>
          <ul className="burnup-legend" aria-label="Lines of the chart">
            {SERIES_STYLES.map((style) => (
              <li key={style.key}>
                <button
                  type="button"
                  aria-pressed={!hidden.has(style.key)}
                  onClick={() => toggle(style.key)}
                  data-series={style.key}
                >
                  <Swatch style={style} color={colors[style.key]} />
                  {style.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No history yet: the chart starts with the first change.</p>
      )}
    </figure>
  );
}

/** The line as the chart draws it: colour, width and dash. */
function Swatch({ style, color }: { style: SeriesStyle; color: string | undefined }) {
  return (
    <svg className="swatch" width="28" height="10" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        stroke={color ?? `var(${style.color})`}
        strokeWidth={style.width}
        strokeDasharray={style.dash.length > 0 ? style.dash.join(' ') : undefined}
      />
    </svg>
  );
}
