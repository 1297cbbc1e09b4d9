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

export type JournalEntryType = 'log' | 'note' | 'status' | 'evidence';

export interface JournalEntry {
  /** The event id. */
  id: string;
  at: string;
  /** The learner's calendar date of `at`. */
  date: string;
  roadmapId: string;
  nodeId: string | null;
  title: string | null;
  type: JournalEntryType;
  minutes?: number;
  text?: string;
  status?: string;
  ref?: string;
  /** The evidence's kind, or `review` on the time of a review session. */
  kind?: string;
}

/** GET /api/journal: one page, newest first, and the totals of its days over the whole filter. */
export interface JournalPage {
  entries: JournalEntry[];
  total: number;
  offset: number;
  days: { date: string; minutes: number; entries: number }[];
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

/** A card of GET /api/review/due (`waymark review --json`). */
export interface DueCard {
  roadmapId: string;
  nodeId: string;
  /** roadmapId:nodeId, what POST /api/review takes. */
  ref: string;
  title: string;
  kind: string;
  /** Titles of the ancestors, outermost first. */
  path: string[];
  due: string;
  dueDate: string;
  overdueDays: number;
  reps: number;
  lapses: number;
  lastReview?: string;
  notes: { at: string; text: string }[];
  evidence: { at: string; kind: string; ref: string }[];
}

export interface DueList {
  date: string;
  totalCards: number;
  cards: DueCard[];
}

/** POST /api/review. */
export interface RatedCard {
  ref: string;
  title: string;
  rating: 1 | 2 | 3 | 4;
  ratingName: string;
  next: { due: string };
  event: { id: string; changeId: string; at: string };
}

/** GET /api/review/stats: only what the end of a session shows. */
export interface ReviewStatsSummary {
  today: string;
  load: { date: string; due: number }[];
}

/** POST /api/review/session. */
export interface LoggedReviewTime {
  minutes: number;
  events: { changeId: string }[];
}

/** `POST /api/status` (`waymark done --json`): the leaves changed, as "roadmapId:nodeId", and their events. */
export interface StatusChangeResult {
  status: Status;
  items: string[];
  events: { changeId: string }[];
}

/** An item planned on the day (GET /api/today `items`, `waymark today --json`). */
export interface DayItem {
  roadmapId: string;
  nodeId: string;
  title: string;
  /** Minutes of it planned on the day. */
  minutes: number;
  phaseTitle: string | null;
  /** Its status now (at the end of the day for a past day). */
  status: Status;
  part: number;
  parts: number;
  /** Minutes logged on it on the day, and what is left of the planned minutes (0 once done). */
  loggedMinutes: number;
  leftMinutes: number;
}

export interface HabitDue {
  roadmapId: string;
  nodeId: string;
  title: string;
  block: string;
  minutes: number | null;
}

export interface LoggedOnDay {
  roadmapId: string;
  nodeId: string | null;
  title: string;
  minutes: number;
  review: boolean;
}

/** GET /api/today: the day's plan as it began, with what was done on it set against it. */
export interface Agenda {
  date: string;
  today: string;
  weekday: string;
  capacityMinutes: number;
  dayOff: boolean;
  plannedMinutes: number;
  habitMinutes: number;
  habitsExtra: boolean;
  reviewMinutes: number;
  items: DayItem[];
  habits: HabitDue[];
  milestones: { roadmapId: string; nodeId: string; title: string; reached: boolean }[];
  inProgress: {
    roadmapId: string;
    nodeId: string;
    title: string;
    remainingMinutes: number;
    loggedMinutes: number;
    plannedOnDay: boolean;
    status: Status;
  }[];
  roadmaps: { roadmapId: string; title: string; nothingLeft: boolean; paused: boolean; status?: string }[];
  /** Every minute logged on the day, against `capacityMinutes`. */
  loggedMinutes: number;
  logged: LoggedOnDay[];
  /** Review cards due today; null for another day. */
  reviewsDue: number | null;
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
