/**
 * The Markdown of a weekly or monthly retro: what the log says about the period, then the seed roadmaps'
 * own review prompts as empty headings for the learner to fill in. Pure: the app layer gathers the facts.
 */
import type { CalendarDate } from '../plan/calendar-date.js';
import type { EvidenceKind } from '../progress/events.js';
import type { RetroPeriod } from './retro-period.js';
import type { Streak } from './study-streak.js';

export interface RetroFacts {
  period: RetroPeriod;
  today: CalendarDate;
  roadmaps: { id: string; title: string }[];
  /** Items finished in the period, grouped by phase, in roadmap order (projects and certificates apart). */
  finished: {
    roadmapId: string;
    phase: string;
    items: { id: string; title: string; date: CalendarDate }[];
  }[];
  showcase: {
    roadmapId: string;
    id: string;
    title: string;
    kind: 'project' | 'certificate';
    date: CalendarDate;
    evidence: { kind: EvidenceKind; ref: string }[];
  }[];
  study: { minutes: number; days: number; capacityMinutes: number | null; capacityThrough: CalendarDate };
  streak: Streak;
  /** Finish-date movement per roadmap over the period; a string explains why there is none. */
  drift:
    | {
        roadmapId: string;
        title: string;
        before: CalendarDate;
        after: CalendarDate;
        /** The forecast verdict as of today, word for word as `plan` and `today` say it. */
        forecast?: string;
      }[]
    | string;
  reviews: { reviews: number; recalled: number; retention: number | null; dueNow: number };
}

export const RETRO_PROMPTS = {
  week: ['What I learned', 'Projects completed', 'Challenges faced', 'Next week goals'],
  month: ['What I learned', 'Projects completed', 'Challenges faced', 'Next month goals'],
} as const;

/**
 * "1 h 59 min": prose, on purpose. The retro is a document the learner keeps and edits (a Markdown note,
 * read as sentences: "Studied 10 h 30 min on 9 days."), not a view that sits beside the CLI's and the
 * dashboard's numbers, which share core/format/duration-text.ts ("1h 59m").
 */
export function formatDuration(minutes: number): string {
  const rounded = Math.round(minutes);
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

export function renderRetro(facts: RetroFacts): string {
  const { period } = facts;
  const noun = period.kind;
  const lines: string[] = [];
  const span = `${period.from} to ${period.to}`;
  lines.push(
    period.kind === 'week' ? `# Weekly review: ${span}` : `# Monthly review: ${period.label} (${span})`,
    '',
  );
  const names = facts.roadmaps.map((roadmap) => `${roadmap.title} (${roadmap.id})`).join(', ');
  lines.push(`Roadmaps: ${names || 'none'}.`);
  if (facts.today < period.to) lines.push(`As of ${facts.today}: the ${noun} is not over yet.`);
  lines.push('');

  lines.push('## Finished', '');
  const multi = facts.roadmaps.length > 1;
  let count = 0;
  for (const group of facts.finished) {
    lines.push(`### ${group.phase}${multi ? ` (${group.roadmapId})` : ''}`, '');
    for (const item of group.items) lines.push(`- ${item.title} (${item.date})`);
    lines.push('');
    count += group.items.length;
  }
  lines.push(count === 0 ? `Nothing finished this ${noun}.` : `${plural(count, 'item')} finished.`, '');

  lines.push('## Projects and certificates completed', '');
  if (facts.showcase.length === 0) lines.push(`None this ${noun}.`);
  for (const item of facts.showcase) {
    lines.push(`- **${item.title}** (${item.kind}, ${item.date})`);
    if (item.evidence.length === 0) lines.push('  - no evidence attached yet');
    for (const evidence of item.evidence) lines.push(`  - ${evidence.kind}: ${evidence.ref}`);
  }
  lines.push('');

  lines.push('## Study time', '');
  const { study } = facts;
  lines.push(`- Studied ${formatDuration(study.minutes)} on ${plural(study.days, 'day')}.`);
  if (study.capacityMinutes === null) {
    lines.push('- No capacity set, so nothing to compare with (see `waymark capacity`).');
  } else {
    const through = study.capacityThrough < period.to ? ` up to ${study.capacityThrough}` : '';
    const share = study.capacityMinutes > 0 ? ` (${percent(study.minutes / study.capacityMinutes)})` : '';
    lines.push(`- Capacity${through}: ${formatDuration(study.capacityMinutes)}${share}.`);
  }
  lines.push('');

  lines.push('## Streak', '');
  const { streak } = facts;
  const since = streak.since ? ` (since ${streak.since})` : '';
  const asOf = study.capacityThrough < facts.today ? `On ${study.capacityThrough}` : 'Current';
  lines.push(
    `- ${asOf}: ${plural(streak.current, 'study day')}${since}; longest: ${plural(streak.longest, 'study day')}.`,
    '- Days with no capacity (rest days) do not break a streak.',
    '',
  );

  lines.push('## Plan drift', '');
  if (typeof facts.drift === 'string') lines.push(facts.drift);
  else if (facts.drift.length === 0) lines.push('No plan to compare.');
  for (const drift of typeof facts.drift === 'string' ? [] : facts.drift) {
    const days = Math.round((Date.parse(drift.after) - Date.parse(drift.before)) / 86_400_000);
    const verdict =
      days === 0 ? 'no change' : days > 0 ? `${plural(days, 'day')} lost` : `${plural(-days, 'day')} gained`;
    lines.push(`- ${drift.title}: finish ${drift.before} -> ${drift.after} (${verdict}).`);
    if (drift.forecast) lines.push(`  ${drift.forecast}`);
  }
  lines.push('');

  lines.push('## Reviews', '');
  const { reviews } = facts;
  if (reviews.reviews === 0) lines.push(`- No cards reviewed this ${noun}.`);
  else {
    const retention = reviews.retention === null ? '' : `, retention ${percent(reviews.retention)}`;
    lines.push(
      `- ${plural(reviews.reviews, 'card')} reviewed${retention} (${reviews.recalled} rated Good or Easy).`,
    );
  }
  lines.push(`- Due now: ${plural(reviews.dueNow, 'card')}.`, '');

  for (const prompt of RETRO_PROMPTS[period.kind]) lines.push(`## ${prompt}`, '', '');
  return `${lines.join('\n').trimEnd()}\n`;
}
