import { enc } from '../api/client';
import type { Activity, Burnup, Plan, RoadmapSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { BurnupChart } from '../components/burnup-chart';
import { Heatmap } from '../components/heatmap';
import { ProgressBar } from '../components/progress-bar';
import { LoadState } from '../components/status-view';
import { formatMinutes, percent } from '../format';
import { href } from '../router';

export function OverviewPage({ theme }: { theme: string }) {
  const roadmaps = useApi<RoadmapSummary[]>('/api/roadmaps');
  const activity = useApi<Activity>('/api/activity?days=365');
  return (
    <>
      <h1>Overview</h1>
      <ActivityPanel activity={activity.data} loading={activity.loading} error={activity.error} />
      <LoadState loading={roadmaps.loading && !roadmaps.data} error={roadmaps.error} what="roadmaps" />
      {roadmaps.data?.length === 0 && (
        <p>
          No roadmap imported yet. Run <code>waymark import FILE.md</code> and this page fills in.
        </p>
      )}
      {roadmaps.data?.map((roadmap) => (
        <RoadmapCard key={roadmap.id} roadmap={roadmap} theme={theme} />
      ))}
    </>
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

function RoadmapCard({ roadmap, theme }: { roadmap: RoadmapSummary; theme: string }) {
  const plan = useApi<Plan>(`/api/roadmaps/${enc(roadmap.id)}/plan`);
  const burnup = useApi<Burnup>(`/api/roadmaps/${enc(roadmap.id)}/burnup`);
  const titleId = `roadmap-${roadmap.id}`;
  const target = plan.data?.target ?? roadmap.targetDate ?? undefined;
  const forecast = plan.data?.forecast ?? burnup.data?.forecast ?? undefined;
  const phaseEnd = new Map((plan.data?.phases ?? []).map((phase) => [phase.id, phase.end]));
  return (
    <section className="card roadmap-card" aria-labelledby={titleId} data-roadmap={roadmap.id}>
      <h2 id={titleId}>
        <a href={href('roadmap', [roadmap.id])}>{roadmap.title}</a>
      </h2>
      <div className="stats">
        <div className="stat">
          <span className="stat-value" data-testid="effort-progress">
            {percent(roadmap.progress.effortRatio)}
          </span>
          <span className="stat-label">done by effort</span>
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="count-progress">
            {roadmap.progress.done}/{roadmap.progress.total}
          </span>
          <span className="stat-label">items finished</span>
        </div>
        <div className="stat">
          <span className="stat-value">{formatMinutes(roadmap.minutes)}</span>
          <span className="stat-label">logged</span>
        </div>
        <div className="stat">
          <TargetVerdict plan={plan.data} target={target} />
        </div>
        <div className="stat">
          <span className="stat-value" data-testid="forecast">
            {forecast?.p50 ? `${forecast.p50} / ${forecast.p85 ?? '—'}` : 'No forecast yet'}
          </span>
          <span className="stat-label">
            forecast P50 / P85
            {plan.data?.forecast?.explanation ? ` · ${plan.data.forecast.explanation}` : ''}
          </span>
        </div>
      </div>
      <ProgressBar ratio={roadmap.progress.effortRatio} label={`${roadmap.title}: progress by effort`} />
      {roadmap.doing.length > 0 && (
        <p className="small">
          In progress:{' '}
          {roadmap.doing.map((item, index) => (
            <span key={item.id}>
              {index > 0 ? ', ' : ''}
              <a href={href('roadmap', [roadmap.id], { item: item.id })}>{item.title}</a>
            </span>
          ))}
        </p>
      )}
      <div className="two-col">
        <div>
          <h3>Phases</h3>
          {roadmap.phases.length === 0 && <p className="muted">This roadmap has no phases.</p>}
          <ul className="phase-list">
            {roadmap.phases.map((phase) => (
              <li key={phase.id}>
                <div className="phase-head">
                  <a href={href('roadmap', [roadmap.id], { item: phase.id })}>{phase.title}</a>
                  <span className="muted small">
                    {percent(phase.effortRatio)} · {phase.done}/{phase.total}
                    {phase.done < phase.total && phaseEnd.get(phase.id)
                      ? ` · plan ${phaseEnd.get(phase.id)}`
                      : ''}
                  </span>
                </div>
                <ProgressBar ratio={phase.effortRatio} label={`${phase.title}: progress by effort`} />
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Burn-up</h3>
          {burnup.data ? (
            <BurnupChart
              burnup={burnup.data}
              theme={theme}
              label={`Burn-up of ${roadmap.title}: finished items over time with plan and forecast`}
            />
          ) : (
            <LoadState loading={burnup.loading} error={burnup.error} what="the burn-up" />
          )}
        </div>
      </div>
    </section>
  );
}

function TargetVerdict({ plan, target }: { plan: Plan | undefined; target: string | undefined }) {
  if (!target) {
    return (
      <>
        <span className="stat-value">No target</span>
        <span className="stat-label">
          finish {plan?.finish?.min ?? '—'}
          {plan?.finish?.max && plan.finish.max !== plan.finish.min ? ` – ${plan.finish.max}` : ''}
        </span>
      </>
    );
  }
  const verdict = plan?.onTrack == null ? 'unknown' : plan.onTrack ? 'on track' : 'behind';
  return (
    <>
      <span className={`stat-value verdict-${verdict.replace(' ', '-')}`} data-testid="verdict">
        {verdict === 'unknown' ? '—' : verdict === 'on track' ? 'On track' : 'Behind'}
      </span>
      {/* The one verdict, word for word as the CLI says it: judged by the forecast's P85. */}
      <span className="stat-label">{plan?.forecast?.summary ?? `for ${target}`}</span>
    </>
  );
}
