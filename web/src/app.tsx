import { lazy, Suspense } from 'react';
import { AlertProvider, AlertRegion } from './api/alerts';
import { LiveProvider, useLive } from './api/live';
import { ToastProvider, ToastRegion } from './api/toasts';
import { STATUSES, type Status } from './api/types';
import { usePageTitle } from './page-title';
import { OverviewPage } from './pages/overview';
import { href, useRoute } from './router';
import { type ThemeChoice, useTheme } from './theme';

const TodayPage = lazy(() => import('./pages/today').then((m) => ({ default: m.TodayPage })));
const RoadmapPage = lazy(() => import('./pages/roadmap').then((m) => ({ default: m.RoadmapPage })));
const ShowcasePage = lazy(() => import('./pages/showcase').then((m) => ({ default: m.ShowcasePage })));
const JournalPage = lazy(() => import('./pages/journal').then((m) => ({ default: m.JournalPage })));
const ReviewPage = lazy(() => import('./pages/review').then((m) => ({ default: m.ReviewPage })));
const SettingsPage = lazy(() => import('./pages/settings').then((m) => ({ default: m.SettingsPage })));

const NAV: [string, string][] = [
  ['overview', 'Overview'],
  ['today', 'Today'],
  ['roadmap', 'Roadmap'],
  ['showcase', 'Certificates & projects'],
  ['journal', 'Journal'],
  ['review', 'Review'],
  ['settings', 'Settings'],
];

export function App() {
  return (
    <AlertProvider>
      <LiveProvider>
        <ToastProvider>
          <Shell />
        </ToastProvider>
      </LiveProvider>
    </AlertProvider>
  );
}

function Shell() {
  const route = useRoute();
  const theme = useTheme();
  const { connected } = useLive();
  // Each page may refine this with its subject (usePageTitle in the page); this names the route at least.
  usePageTitle(NAV.find(([page]) => page === route.page)?.[1] ?? 'Page not found');
  return (
    <>
      <button type="button" className="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <header className="top">
        <span className="brand">Waymark</span>
        <nav aria-label="Pages">
          <ul>
            {NAV.map(([page, label]) => (
              <li key={page}>
                <a href={href(page)} aria-current={route.page === page ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="top-tools">
          <span className={connected ? 'live on' : 'live'} title="Live updates from the server">
            {connected ? 'Live' : 'Offline'}
          </span>
          <label className="theme-pick">
            <span className="visually-hidden">Theme</span>
            <select
              value={theme.choice}
              onChange={(event) => theme.setChoice(event.target.value as ThemeChoice)}
            >
              <option value="system">System theme</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
      </header>
      <AlertRegion />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <Page page={route.page} params={route.params} query={route.query} />
        </Suspense>
      </main>
      <ToastRegion />
    </>
  );
}

function skipToMain() {
  document.getElementById('main')?.focus();
}

function Page({ page, params, query }: { page: string; params: string[]; query: URLSearchParams }) {
  switch (page) {
    case 'overview':
      return <OverviewPage />;
    case 'today':
      return <TodayPage />;
    case 'roadmap':
      return (
        <RoadmapPage
          roadmapId={params[0]}
          view={query.get('view') === 'diagram' ? 'diagram' : 'tree'}
          selected={query.get('item') ?? undefined}
          statusFilter={statusParam(query.get('status'))}
        />
      );
    case 'showcase':
      return <ShowcasePage />;
    case 'journal':
      return <JournalPage query={query} />;
    case 'review':
      return <ReviewPage />;
    case 'settings':
      return <SettingsPage roadmapId={params[0]} />;
    default:
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            There is no page “{page}”. <a href={href('overview')}>Go to the overview</a>.
          </p>
        </section>
      );
  }
}

/** A status filter from the URL, if it names one (anything else shows the whole tree). */
function statusParam(value: string | null): Status | undefined {
  return STATUSES.find((status) => status === value);
}
