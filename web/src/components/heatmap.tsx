import { type KeyboardEvent, memo, useLayoutEffect, useRef, useState } from 'react';
import { formatMinutes } from '../format';
import { heatLevel, heatmapLayout, moveFocus, WEEKDAY_NAMES } from './heatmap-layout';

/**
 * A year of study time as a calendar: one column per week (Monday on top), month names above, weekday
 * names beside. It is an ARIA grid with one tab stop: arrow keys move by day and week, Home/End to the
 * first and last day, and each day's name says its date and minutes. It opens scrolled to the recent weeks.
 */
/** The day index of the cell an event happened on (`data-index`), if it was a day. */
function cellIndex(target: EventTarget): number | undefined {
  const index = target instanceof HTMLElement ? target.dataset.index : undefined;
  return index === undefined ? undefined : Number(index);
}

/** Memoised: the page re-renders when its other reads arrive, and a year of cells need not be diffed again. */
export const Heatmap = memo(function Heatmap({ days }: { days: { date: string; minutes: number }[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLTableElement>(null);
  const scrolled = useRef(false);
  const layout = heatmapLayout(days);
  const [focused, setFocused] = useState<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  // On a narrow screen the recent weeks are what matters: start at the end, once (not on every live update).
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || scrolled.current || layout.cells.length === 0) return;
    element.scrollLeft = element.scrollWidth;
    scrolled.current = true;
  });
  if (layout.cells.length === 0) return <p className="muted">No study time logged yet.</p>;
  const current = focused ?? layout.cells.length - 1;
  const shown = active ?? focused;
  const shownCell = shown === null ? undefined : layout.cells[shown];

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const next = moveFocus(current, event.key, layout.cells.length);
    if (next === undefined) return;
    event.preventDefault();
    setFocused(next);
    grid.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
  };

  return (
    <figure className="heatmap">
      <div className="heatmap-scroll" ref={scroller} data-testid="heatmap-scroll">
        <table
          ref={grid}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an ARIA grid over a table, whose rows and cells give the grid its rows and gridcells
          role="grid"
          className="heatmap-grid"
          aria-label={`Study time per day over the past year: ${formatMinutes(layout.total)} on ${layout.active} days. Arrow keys move between days.`}
          onKeyDown={onKeyDown}
          onFocus={(event) => {
            const index = cellIndex(event.target);
            if (index !== undefined) setFocused(index);
          }}
          onMouseOver={(event) => setActive(cellIndex(event.target) ?? null)}
          onMouseLeave={() => setActive(null)}
        >
          <thead>
            <tr>
              <td className="heat-corner" />
              {layout.months.map((month) => (
                <th key={`${month.column}`} scope="colgroup" colSpan={month.span} className="heat-month">
                  {month.span >= 2 ? month.label : <span className="visually-hidden">{month.label}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAY_NAMES.map((name, weekday) => (
              <tr key={name}>
                <th scope="row" className="heat-weekday">
                  {weekday % 2 === 0 ? name.slice(0, 3) : <span className="visually-hidden">{name}</span>}
                </th>
                {layout.rows[weekday]?.map((index, column) => {
                  const cell = index === null ? undefined : layout.cells[index];
                  if (index === null || !cell)
                    // biome-ignore lint/suspicious/noArrayIndexKey: a day-less cell is only its place in the row
                    return <td key={`pad-${column}`} className="heat-pad" aria-hidden="true" />;
                  const text = `${name} ${cell.date}: ${cell.minutes > 0 ? formatMinutes(cell.minutes) : 'no study time'}`;
                  // No per-cell handlers or title: a year is 371 cells, and the table's own handlers (by
                  // `data-index`) and the caption's readout of the day under the pointer do the same for all.
                  return (
                    <td
                      key={cell.date}
                      data-index={index}
                      data-date={cell.date}
                      className={`heat heat-${heatLevel(cell.minutes)}`}
                      tabIndex={index === current ? 0 : -1}
                      aria-label={text}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figcaption className="muted small heatmap-caption">
        <span>
          Less <span className="heat-key heat-0" /> <span className="heat-key heat-1" />{' '}
          <span className="heat-key heat-2" /> <span className="heat-key heat-3" />{' '}
          <span className="heat-key heat-4" /> More · {formatMinutes(layout.total)} over {layout.active} days
        </span>
        <span className="heat-day" data-testid="heat-day">
          {shownCell
            ? `${shownCell.date}: ${shownCell.minutes > 0 ? formatMinutes(shownCell.minutes) : 'no study time'}`
            : ''}
        </span>
      </figcaption>
    </figure>
  );
});
