import { formatMinutes } from '../format';

const CELL = 11;
const GAP = 2;
const DAY_MS = 86_400_000;

function level(minutes: number): number {
  if (minutes <= 0) return 0;
  if (minutes < 30) return 1;
  if (minutes < 60) return 2;
  if (minutes < 120) return 3;
  return 4;
}

/** A year of study time as a GitHub-style calendar: one column per week, Sunday on top. */
export function Heatmap({ days }: { days: { date: string; minutes: number }[] }) {
  if (days.length === 0) return <p className="muted">No study time logged yet.</p>;
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const first = Date.parse(`${sorted[0]?.date}T00:00:00Z`);
  const startOffset = new Date(first).getUTCDay();
  const total = sorted.reduce((sum, day) => sum + day.minutes, 0);
  const active = sorted.filter((day) => day.minutes > 0).length;
  const cells = sorted.map((day) => {
    const index = Math.round((Date.parse(`${day.date}T00:00:00Z`) - first) / DAY_MS) + startOffset;
    return { ...day, week: Math.floor(index / 7), weekday: index % 7 };
  });
  const weeks = (cells.at(-1)?.week ?? 0) + 1;
  const width = weeks * (CELL + GAP);
  const height = 7 * (CELL + GAP);
  return (
    <figure className="heatmap">
      <div className="heatmap-scroll">
        <svg
          role="img"
          aria-label={`Study time over the past year: ${formatMinutes(total)} on ${active} days`}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
        >
          {cells.map((cell) => (
            <rect
              key={cell.date}
              x={cell.week * (CELL + GAP)}
              y={cell.weekday * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
              className={`heat heat-${level(cell.minutes)}`}
            >
              <title>{`${cell.date}: ${formatMinutes(cell.minutes)}`}</title>
            </rect>
          ))}
        </svg>
      </div>
      <figcaption className="muted small">
        Less <span className="heat-key heat-0" /> <span className="heat-key heat-1" />{' '}
        <span className="heat-key heat-2" /> <span className="heat-key heat-3" />{' '}
        <span className="heat-key heat-4" /> More · {formatMinutes(total)} over {active} days
      </figcaption>
    </figure>
  );
}
