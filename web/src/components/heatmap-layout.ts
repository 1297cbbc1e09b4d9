/** The heatmap's calendar layout (pure): weeks as columns, Monday first, month spans for the header. */

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface HeatCell {
  date: string;
  minutes: number;
  week: number;
  /** 0 = Monday. */
  weekday: number;
}

export interface HeatmapLayout {
  /** Days in date order; an index into it names a day. */
  cells: HeatCell[];
  /** rows[weekday][week]: the day's index, or null where the calendar has no day (before the first). */
  rows: (number | null)[][];
  /** Header spans: each month over the weeks whose Monday-or-first-day falls in it. */
  months: { label: string; column: number; span: number }[];
  total: number;
  active: number;
}

export function heatLevel(minutes: number): number {
  if (minutes <= 0) return 0;
  if (minutes < 30) return 1;
  if (minutes < 60) return 2;
  if (minutes < 120) return 3;
  return 4;
}

const epochDay = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

export function heatmapLayout(days: readonly { date: string; minutes: number }[]): HeatmapLayout {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const first = sorted[0];
  if (!first) return { cells: [], rows: [], months: [], total: 0, active: 0 };
  const firstDay = epochDay(first.date);
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  const offset = (((firstDay + 3) % 7) + 7) % 7;
  const cells = sorted.map((day) => {
    const position = epochDay(day.date) - firstDay + offset;
    return { ...day, week: Math.floor(position / 7), weekday: position % 7 };
  });
  const weeks = (cells.at(-1)?.week ?? 0) + 1;
  const rows = Array.from({ length: 7 }, () => Array.from({ length: weeks }, (): number | null => null));
  cells.forEach((cell, index) => {
    (rows[cell.weekday] as (number | null)[])[cell.week] = index;
  });
  const months: HeatmapLayout['months'] = [];
  for (let week = 0; week < weeks; week++) {
    // The week's label month: that of its first day in the calendar.
    const index = rows.map((row) => row[week]).find((value) => value !== null && value !== undefined);
    const date = index === null || index === undefined ? undefined : cells[index]?.date;
    const label = date ? `${MONTHS[Number(date.slice(5, 7)) - 1]}` : '';
    const last = months.at(-1);
    if (last && last.label === label) last.span++;
    else months.push({ label, column: week, span: 1 });
  }
  return {
    cells,
    rows,
    months,
    total: cells.reduce((sum, cell) => sum + cell.minutes, 0),
    active: cells.filter((cell) => cell.minutes > 0).length,
  };
}

/** Where a key moves the focus in the grid: a day (±1), a week (±7), the first or last day; else undefined. */
export function moveFocus(current: number, key: string, count: number): number | undefined {
  const clamp = (value: number) => Math.max(0, Math.min(count - 1, value));
  switch (key) {
    case 'ArrowUp':
      return clamp(current - 1);
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowLeft':
      return clamp(current - 7);
    case 'ArrowRight':
      return clamp(current + 7);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}
