import { memo, type ReactNode, useState } from 'react';
import type { Activity, Forecast, ImportResult, Overview, RoadmapOverview } from '../api/types';
import { useApi } from '../api/use-api';
import { BurnupChart } from '../components/burnup-chart';
import { CappedList } from '../components/capped-list';
import { Heatmap } from '../components/heatmap';
import { ImportPanel, ImportReport } from '../components/import-panel';
import { ProgressBar } from '../components/progress-bar';
import { LoadState } from '../components/status-view';
import { formatMinutes, percent } from '../format';
import { href } from '../router';

/** Long lists on a card show this many, then "and N more" linking to where all of them are. */
const IN_PROGRESS_SHOWN = 5;
const PHASES_SHOWN = 12;

/** What the overview reads: main.tsx starts these before the first render when the overview opens. */
export const OVERVIEW_READS = ['/api/overview', '/api/activity?days=365'] as const;

export function OverviewPage() {
  const overview = useApi<Overview>(OVERVIEW_READS[0]);
  const activity = useApi<Activity>(OVERVIEW_READS[1]);
  const [imported, setImported] = useState<ImportResult | undefined>();
  const roadmaps = overview.data?.roadmaps;
  const empty = roadmaps?.length === 0;
  return (
    <>
      <h1>Overview</h1>
      <LoadState loading={overview.loading && !overview.data} error={overview.error} what="roadmaps" />
      {imported && <ImportReport result={imported} onDismiss={() => setImported(undefined)} />}
      {empty && (
        <section className="card" aria-labelledby="empty-title" data-testid="empty-state">
          <h2 id="empty-title">Start with a roadmap</h2>
          <p>
            Nothing is imported yet. Pick one of the roadmaps that come with Waymark, or bring your own
            Markdown file; progress, plan and forecast fill this page in.
          </p>
          <ImportPanel onImported={setImported} />
        </section>
      )}
      {overview.data && !empty && <TodayLine overview={overview.data} />}
      {!empty && <ActivityPanel activity={activity.data} loading={activity.loading} error={activity.error} />}
      {roadmaps?.map((roadmap) => (
        <RoadmapCard key={roadmap.id} roadmap={roadmap} />
      ))}
      {roadmaps && !empty && <ImportMore onImported={setImported} />}
    </>
  );
}

/** Importing one more roadmap, folded away; its forms (and their reads) exist only while it is open. */
function ImportMore({ onImported }: { onImported: (result: ImportResult) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="card import-more" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Import another roadmap</summary>
      {open && <ImportPanel onImported={onImported} />}
    </details>
  );
}

/** The day across roadmaps: work planned against capacity, time logged, reviews waiting. */
function TodayLine({ overview }: { overview: Overview }) {
  const { day, reviewsDue } = overview;
  return (
    <p className="card today-line" data-testid="today-line">
      <strong>
        Today, <time dateTime={overview.today}>{overview.today}</time>:
      </strong>{' '}
      {day.capacityMinutes > 0
        ? `${formatMinutes(day.plannedMinutes)} of work planned in ${formatMinutes(day.capacityMinutes)} of study time`
        : 'a day off (no study time planned)'}
      {' · '}
      {formatMinutes(day.loggedMinutes)} logged ·{' '}
      {reviewsDue > 0 ? (
        <a href={href('review')}>
          {reviewsDue} review{reviewsDue === 1 ? '' : 's'} due
        </a>
      ) : (
        'no reviews due'
      )}{' '}
      · <a href={href('today')}>Open today's list</a>
    </p>
  );
}

function ActivityPanel({
  activity,
  loading,
  error,
}: {
  activity: Activity | undefined;
  loading: boolean;
  error: unknown;
}) {
  if (!activity) return <LoadState loading={loading} error={error} what="study time" />;
  const { week, streak } = activity;
  const capacity = week.capacityMinutes ?? 0;
  const weekRatio = capacity > 0 ? week.minutes / capacity : 0;
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">Study time</h2>
      <div className="stats">
        <div className="stat">
          <span className="stat-value" data-testid="week-minutes">
            {formatMinutes(week.minutes)}
          </span>
          <span className="stat-label">
            this week of {capacity > 0 ? formatMinutes(capacity) : 'no'} capacity
          </span>
        </div>
        <div className="stat">
          <span className="stat-value">{streak.current}</span>
          <span className="stat-label">day streak (longest {streak.longest})</span>
        </div>
      </div>
      {capacity > 0 && <ProgressBar ratio={weekRatio} label="Time this week against capacity" />}
      <Heatmap days={activity.days} />
    </section>
  );
}

const Day = ({ date }: { date: string }) => <time dateTime={date}>{date}</time>;
const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

/** The forecast's verdict in a few words, from the verdict object itself (never judged again here). */
function VerdictWords({ roadmap }: { roadmap: RoadmapOverview }): ReactNode {
  const { forecast } = roadmap;
  if (roadmap.paused) return <span data-testid="verdict">Paused: no time planned</span>;
  if (roadmap.nothingLeft)
    return (
      <span className="verdict-on-track" data-testid="verdict">
        Finished
      </span>
    );
  if (!forecast) return <span data-testid="verdict">No forecast yet</span>;
  const verdict = forecast.verdict;
  const dates = <ForecastDates forecast={forecast} />;
  if (!verdict)
    return (
      <>
        <span data-testid="verdict">No target</span>
        {dates}
      </>
    );
  const chance = forecast.chanceByTarget;
  return (
    <>
      <span className={verdict.onTrack ? 'verdict-on-track' : 'verdict-behind'} data-testid="verdict">
        {verdict.onTrack
          ? `On track${verdict.daysAhead > 0 ? `, ${days(verdict.daysAhead)} ahead` : ''}`
          : forecast.p85
            ? `Behind by ${days(verdict.daysBehind)}`
            : 'Behind'}
      </span>
      {chance !== undefined && (
        <>
          {' '}
          · {Math.round(chance * 100)}% chance by <Day date={verdict.target} />
        </>
      )}
      {dates}
    </>
  );
}

function ForecastDates({ forecast }: { forecast: Forecast }) {
  return (
    <span data-testid="forecast">
      {' '}
      · P50 {forecast.p50 ? <Day date={forecast.p50} /> : 'over 10 years'} · P85{' '}
      {forecast.p85 ? <Day date={forecast.p85} /> : 'over 10 years'}
    </span>
  );
}

function TodayWork({ roadmap }: { roadmap: RoadmapOverview }) {
  const { plannedMinutes, loggedMinutes, reviewsDue } = roadmap.today;
  const parts = [
    roadmap.paused || roadmap.nothingLeft ? 'nothing planned' : `${formatMinutes(plannedMinutes)} planned`,
    `${formatMinutes(loggedMinutes)} logged`,
  ];
  return (
    <span data-testid="today-work">
      {parts.join(', ')},{' '}
      {reviewsDue > 0 ? (
        <a href={href('review')}>
          {reviewsDue} review{reviewsDue === 1 ? '' : 's'} due
        </a>
      ) : (
        'no reviews due'
      )}
    </span>
  );
}

/** Memoised: the study-time read arriving after the overview's leaves the cards (and their charts) as they are. */
const RoadmapCard = memo(function RoadmapCard({ roadmap }: { roadmap: RoadmapOverview }) {
  const titleId = `roadmap-${roadmap.id}`;
  const { forecast } = roadmap;
  const phaseEnds = roadmap.plan.phaseEnds;
  return (
    <section className="card roadmap-card" aria-labelledby={titleId} data-roadmap={roadmap.id}>
      <h2 id={titleId}>
        <a href={href('roadmap', [roadmap.id])}>{roadmap.title}</a>
      </h2>
      {/* The three daily questions in one line: where am I, what today, will I make it. */}
      <p className="answer-line" data-testid="answer-line">
        <span className="answer">
          <strong data-testid="effort-progress">{percent(roadmap.progress.effortRatio)}</strong> done by
          effort (
          <span data-testid="count-progress">{`${roadmap.progress.done}/${roadmap.progress.total}`}</span>{' '}
          items)
        </span>
        <span className="answer">
          Today: <TodayWork roadmap={roadmap} />
        </span>
        <span className="answer">
          <VerdictWords roadmap={roadmap} />
        </span>
      </p>
      <ProgressBar ratio={roadmap.progress.effortRatio} label={`${roadmap.title}: progress by effort`} />
      {forecast?.summary && (
        // The one verdict, word for word as the CLI says it, and what it rests on.
        <p className="small muted verdict-line">
          {forecast.summary} {forecast.explanation}
        </p>
      )}
      <p className="small muted">
        {formatMinutes(roadmap.minutes)} logged in all
        {roadmap.plan.finish && (
          <>
            {' '}
            · plan finishes <Day date={roadmap.plan.finish.min} />
            {roadmap.plan.finish.max !== roadmap.plan.finish.min && (
              <>
                {' – '}
                <Day date={roadmap.plan.finish.max} />
              </>
            )}
          </>
        )}
      </p>
      {roadmap.doing.length > 0 && (
        <div className="small in-progress">
          <span id={`${titleId}-doing`}>In progress ({roadmap.doing.length}):</span>{' '}
          <CappedList
            labelledBy={`${titleId}-doing`}
            items={roadmap.doing}
            shown={IN_PROGRESS_SHOWN}
            render={(item) => <a href={href('roadmap', [roadmap.id], { item: item.id })}>{item.title}</a>}
            more={(count) => (
              <a href={href('roadmap', [roadmap.id], { status: 'doing' })}>and {count} more</a>
            )}
          />
        </div>
      )}
      <div className="two-col">
        <div>
          <h3>Phases</h3>
          {roadmap.phases.length === 0 && <p className="muted">This roadmap has no phases.</p>}
          <ul className="phase-list">
            {roadmap.phases.slice(0, PHASES_SHOWN).map((phase) => (
              <li key={phase.id}>
                <div className="phase-head">
                  <a href={href('roadmap', [roadmap.id], { item: phase.id })}>{phase.title}</a>
                  <span className="muted small phase-numbers">
                    {percent(phase.effortRatio)} · {phase.done}/{phase.total}
                    {phase.done < phase.total && phaseEnds[phase.id] && (
                      <>
                        {' '}
                        · plan <Day date={phaseEnds[phase.id] as string} />
                      </>
                    )}
                  </span>
                </div>
                <ProgressBar ratio={phase.effortRatio} label={`${phase.title}: progress by effort`} />
              </li>
            ))}
          </ul>
          {roadmap.phases.length > PHASES_SHOWN && (
            <p className="small">
              <a href={href('roadmap', [roadmap.id])}>
                and {roadmap.phases.length - PHASES_SHOWN} more phases
              </a>
            </p>
          )}
        </div>
        <div>
          <h3>Burn-up</h3>
          <BurnupChart
            burnup={roadmap.burnup}
            label={`Burn-up of ${roadmap.title}: finished items over time with plan and forecast`}
          />
        </div>
      </div>
    </section>
  );
});
