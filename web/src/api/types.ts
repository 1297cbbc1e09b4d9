/* Shapes of the local HTTP API (see the API contract); only the fields the dashboard reads. */

export type Status = 'todo' | 'doing' | 'done' | 'skipped';
export const STATUSES: readonly Status[] = ['todo', 'doing', 'done', 'skipped'];

export interface Progress {
  done: number;
  total: number;
  ratio: number;
  effortRatio: number;
}

export interface PhaseSummary extends Progress {
  id: string;
  title: string;
}

export interface RoadmapSummary {
  id: string;
  title: string;
  sourcePath?: string;
  progress: Progress;
  minutes: number;
  doing: { id: string; title: string }[];
  targetDate?: string;
  phases: PhaseSummary[];
}

export interface StatusNode {
  id: string;
  title: string;
  kind: string;
  trackable: boolean;
  status: Status;
  done: number;
  total: number;
  effortDone: number;
  effortTotal: number;
  minutes: number;
  line?: number;
  checkbox?: boolean;
  children: StatusNode[];
}

export interface RoadmapStatus {
  id: string;
  title: string;
  sourcePath?: string;
  progress: Progress;
  minutes: number;
  doing: { id: string; title: string }[];
  nodes: StatusNode[];
}

/** The forecast's one verdict: on track means the P85 is on or before the target. */
export interface ForecastVerdict {
  target: string;
  onTrack: boolean;
  daysBehind: number;
  daysAhead: number;
}

export interface Forecast {
  p50?: string | null;
  p85?: string | null;
  verdict?: ForecastVerdict | null;
  chanceByTarget?: number;
  hoursPerWeekFor85?: number | null;
  basis?: { weeksOfHistory: number; itemsFinished: number; speedFactor: number };
  /** The one verdict line, as the CLI prints it. */
  summary?: string;
  explanation?: string;
  message?: string;
}

/** `waymark plan ID --json`; the CLI writes null for what it cannot tell (no target, no history). */
export interface Plan {
  finish?: { min?: string; max?: string } | null;
  phases?: { id: string; title: string; start?: string; end?: string }[];
  target?: string | null;
  onTrack?: boolean | null;
  daysBehind?: number | null;
  daysAhead?: number | null;
  hoursPerWeekNeeded?: number | null;
  feasible?: boolean | null;
  forecast?: Forecast | null;
}

export interface Burnup {
  points: { date: string; done: number; total: number }[];
  plan: { date: string; done: number }[];
  forecast: { p50?: string | null; p85?: string | null };
  today?: string;
  target?: string | null;
}

export interface Activity {
  days: { date: string; minutes: number }[];
  streak: { current: number; longest: number };
  week: { start?: string; minutes: number; capacityMinutes: number | null };
}

export interface JournalEntry {
  at: string;
  roadmapId: string;
  nodeId: string | null;
  title: string | null;
  type: 'log' | 'note' | 'status' | 'evidence';
  minutes?: number;
  text?: string;
  status?: string;
  ref?: string;
}

export interface ShowcaseItem {
  roadmapId: string;
  nodeId: string;
  title: string;
  kind: 'certificate' | 'project';
  status: Status;
  statusAt?: string;
  evidence: { kind: string; ref: string; at: string }[];
  url?: string;
}

export interface Capacity {
  hoursByWeekday: number[];
  daysOff: { from: string; to: string }[];
  start?: string | null;
  /** Read only: where the capacity comes from (settings or the roadmap's routine) and why. */
  source?: string;
  explanation?: string;
}

export interface ElectiveGroup {
  id: string;
  title: string;
  choose: { min: number; max: number };
  options: { id: string; title: string }[];
  /** What the planner includes now (stored choice or its assumption) and how that was decided. */
  included?: string[];
  decidedBy?: string;
}

export interface Settings {
  capacity: Capacity | null;
  targetDate?: string | null;
  startDate?: string | null;
  choices: Record<string, string[]>;
  electiveGroups: ElectiveGroup[];
}

export interface ItemDetail {
  roadmapId: string;
  node: {
    id: string;
    title: string;
    kind: string;
    trackable: boolean;
    source?: { line: number; endLine: number };
    links?: { text: string; url: string }[];
    meta?: Record<string, string>;
  };
  path?: { id: string; title: string }[];
  progress: {
    status: Status;
    statusAt?: string;
    minutes: number;
    notes: { at: string; text: string }[];
    evidence: { at: string; kind: string; ref: string }[];
  };
  history: { id: string; type: string; at: string; status?: string; minutes?: number; undone?: boolean }[];
}

/** One actionable entry (agenda item, review card) found in a response whose exact grouping may vary. */
export interface ItemRef {
  roadmapId: string;
  nodeId: string;
  title: string;
  minutes?: number;
  status?: string;
  due?: string;
  /** Titles of the ancestors, outermost first. */
  path?: string[];
}

/** GET /api/overview: one entry per roadmap answering progress, today's work and the verdict. */
export interface RoadmapOverview extends RoadmapSummary {
  paused: boolean;
  nothingLeft: boolean;
  today: { plannedMinutes: number; loggedMinutes: number; reviewsDue: number };
  forecast: Forecast | null;
  plan: { finish: { min: string; max: string } | null; phaseEnds: Record<string, string> };
  burnup: Burnup;
}

export interface Overview {
  today: string;
  day: { capacityMinutes: number; plannedMinutes: number; loggedMinutes: number; reviewMinutes: number };
  reviewsDue: number;
  roadmaps: RoadmapOverview[];
}

/** POST /api/import: what the import found (`waymark import --json`) and its warnings. */
export interface ImportResult {
  id: string;
  title: string;
  created: boolean;
  unchanged: boolean;
  counts: { items: number; phases: number; notChosen: number; checked: number };
  recordedTicks: number;
  verdict: { text: string };
  warnings: { line?: number; message: string }[];
}
