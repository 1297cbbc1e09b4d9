import type { Duration, DurationUnit } from '../model/roadmap.js';

const UNIT_WORDS: Record<string, DurationUnit> = {
  h: 'hours',
  hr: 'hours',
  hrs: 'hours',
  hour: 'hours',
  hours: 'hours',
  d: 'days',
  day: 'days',
  days: 'days',
  w: 'weeks',
  wk: 'weeks',
  wks: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
  mo: 'months',
  mos: 'months',
  month: 'months',
  months: 'months',
  // Chinese and Japanese units: "10 周", "8-10 小时", "3 个月", "2 ヶ月"
  周: 'weeks',
  週: 'weeks',
  週間: 'weeks',
  小时: 'hours',
  小時: 'hours',
  時間: 'hours',
  天: 'days',
  日間: 'days',
  个月: 'months',
  個月: 'months',
  ヶ月: 'months',
  か月: 'months',
};

const NUMBER = String.raw`(\d{1,4}(?:\.\d+)?)`;
const UNIT =
  '(hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|週間|周|週|小时|小時|時間|天|日間|个月|個月|ヶ月|か月)';
const RANGE = new RegExp(
  String.raw`(?:^|[^\w.])${NUMBER}\s*(?:[-\u2010-\u2015]|to)\s*${NUMBER}\s*\+?\s*${UNIT}(?![\w])`,
  'i',
);
const SINGLE = new RegExp(String.raw`(?:^|[^\w.])${NUMBER}\s*\+?\s*${UNIT}(?![\w])`, 'i');
const ONGOING = /^\s*(ongoing|continuous|continual|self[- ]paced|lifelong)\b/i;

export type ParsedDuration = { min: number; max: number; unit: DurationUnit };

/** Finds the first duration in a phrase: "6-8 weeks", "4 weeks", "1-2 hours", "3 months", "Ongoing". */
export function parseDuration(text: string): Duration | undefined {
  if (ONGOING.test(text)) return { ongoing: true };
  return parseRange(text);
}

/** Like parseDuration, but only numeric ranges (no "Ongoing"). */
export function parseRange(text: string): ParsedDuration | undefined {
  const range = RANGE.exec(text);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    const unit = UNIT_WORDS[(range[3] ?? '').toLowerCase()];
    // A backwards or empty range is a typo, not a shorter duration hiding in it.
    return unit && min > 0 && max >= min ? { min, max, unit } : undefined;
  }
  const single = SINGLE.exec(text);
  if (single) {
    const value = Number(single[1]);
    const unit = UNIT_WORDS[(single[2] ?? '').toLowerCase()];
    if (unit && value > 0) return { min: value, max: value, unit };
  }
  return undefined;
}

/** A parenthetical that is nothing but a duration: "(8 weeks)", "(1-2 hours)", "(Ongoing)". */
export function isDurationOnly(text: string): boolean {
  return (
    /^\s*(?:~|about\s+|approx\.?\s+)?\d{1,4}(?:\.\d+)?\s*(?:(?:[-\u2010-\u2015]|to)\s*\d{1,4}(?:\.\d+)?\s*)?\+?\s*(?:hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?)\s*$/i.test(
      text,
    ) || /^\s*(ongoing|continuous|self[- ]paced)\s*$/i.test(text)
  );
}

/** Schedule words, singular and plural, in the languages SCHEDULE (classify.ts) reads. */
const SPAN_UNITS: Record<string, DurationUnit> = {};
for (const [unit, words] of [
  ['days', 'day days dia dias día días jour jours tag tage'],
  ['weeks', 'week weeks semana semanas semaine semaines woche wochen'],
  ['months', 'month months mes meses mês mois monat monate'],
] as const)
  for (const word of words.split(' ')) SPAN_UNITS[word] = unit;
const SPAN =
  /^\s*(days?|d[ií]as?|jours?|tage?|weeks?|semanas?|semaines?|wochen?|months?|meses|m[eê]s|mois|monate?)\s+(\d{1,3})\s*[-\u2010-\u2015]\s*(\d{1,3})\s*$/iu;

/**
 * A schedule span as a duration: "(Weeks 1-4)" is 4 weeks, "(Months 2-3)" is 2 months. A span from a day,
 * week or month to a later one, counted inclusively; "Months 6+" has no end and gives none.
 */
export function scheduleSpanDuration(text: string): ParsedDuration | undefined {
  const match = SPAN.exec(text);
  if (!match) return undefined;
  const unit = SPAN_UNITS[(match[1] ?? '').toLowerCase()];
  const from = Number(match[2]);
  const to = Number(match[3]);
  if (!unit || from < 1 || to < from) return undefined;
  return { min: to - from + 1, max: to - from + 1, unit };
}
