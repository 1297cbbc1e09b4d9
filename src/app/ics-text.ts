/**
 * A small RFC 5545 writer for the plan's calendar: text escaping, 75-octet line folding, CRLF. Written here
 * rather than through a general library because a plan has thousands of blocks and each must cost
 * microseconds (the `ics` package validated every event and took seconds for 1,500).
 */

export interface IcsEvent {
  uid: string;
  summary: string;
  description?: string;
  categories?: string[];
  /** Floating local date-time "YYYYMMDDTHHMMSS", or an all-day date "YYYYMMDD". */
  start: string;
  end: string;
  allDay?: boolean;
  busy: boolean;
}

const escapeText = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const encoder = new TextEncoder();

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  if (line.length <= 75 && isAscii(line)) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = char.length === 1 && char.charCodeAt(0) < 0x80 ? 1 : encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function icsCalendar(
  options: { productId: string; name: string; stamp: string },
  events: readonly IcsEvent[],
): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.productId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    fold(`X-WR-CALNAME:${escapeText(options.name)}`),
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      fold(`UID:${event.uid}`),
      `DTSTAMP:${options.stamp}`,
      event.allDay ? `DTSTART;VALUE=DATE:${event.start}` : `DTSTART:${event.start}`,
      event.allDay ? `DTEND;VALUE=DATE:${event.end}` : `DTEND:${event.end}`,
      fold(`SUMMARY:${escapeText(event.summary)}`),
    );
    if (event.description) lines.push(fold(`DESCRIPTION:${escapeText(event.description)}`));
    if (event.categories?.length)
      lines.push(fold(`CATEGORIES:${event.categories.map(escapeText).join(',')}`));
    lines.push(event.busy ? 'TRANSP:OPAQUE' : 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** "20260105T120000Z" for an instant. */
export function icsStamp(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}
