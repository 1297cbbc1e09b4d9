const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})\b`, 'i');

/** Every form above has a four-digit year: text without one holds no date (one cheap test before three). */
const YEAR_DIGITS = /\d{4}/;

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The first calendar date in a phrase as YYYY-MM-DD: "March 15, 2026", "15 March 2026", "2026-03-15". */
export function findDate(text: string): { date: string; index: number } | undefined {
  if (!YEAR_DIGITS.test(text)) return undefined;
  const candidates: { date: string | undefined; index: number }[] = [];
  const iso = ISO.exec(text);
  if (iso)
    candidates.push({ date: isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])), index: iso.index });
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    candidates.push({
      date: isoDate(Number(mdy[3]), monthNumber(mdy[1] ?? ''), Number(mdy[2])),
      index: mdy.index,
    });
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    candidates.push({
      date: isoDate(Number(dmy[3]), monthNumber(dmy[2] ?? ''), Number(dmy[1])),
      index: dmy.index,
    });
  }
  const valid = candidates.filter((c): c is { date: string; index: number } => c.date !== undefined);
  valid.sort((a, b) => a.index - b.index);
  return valid[0];
}

const TARGET_CUE = /\b(by|before|until|deadline|target(?:\s+date)?|due)\b[:\s]*/gi;

/** A target date announced in prose: "by March 15, 2026", "deadline: 2026-03-15". */
export function findTargetDate(text: string): string | undefined {
  if (!YEAR_DIGITS.test(text)) return undefined;
  TARGET_CUE.lastIndex = 0;
  for (let match = TARGET_CUE.exec(text); match; match = TARGET_CUE.exec(text)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    const found = findDate(after);
    if (found && found.index === 0) return found.date;
  }
  return undefined;
}
