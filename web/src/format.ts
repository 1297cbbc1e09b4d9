/** Small display helpers shared by the pages. */

export const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** "1h 59m", "45m": the CLI writes the same text (both are core's durationText, bundled by vite). */
export { durationText as formatMinutes } from '../../src/core/format/duration-text.js';

export const dateOf = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');
export const dateTimeOf = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Only http(s) URLs become links; anything else (javascript:, data:, relative) stays plain text. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Today's date in the browser's time zone as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const STATUS_LABEL: Record<string, string> = {
  todo: 'To do',
  doing: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};
