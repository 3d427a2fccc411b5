/**
 * Message times as exports write them: ISO 8601, the Russian and Hungarian spreadsheet forms
 * (`DD.MM.YYYY HH:mm`, `YYYY.MM.DD. HH:mm`) and RFC 5322 mail dates. Only the gaps between
 * messages matter to the rules, so a time without an offset is read as UTC; the text keeps
 * what the file said.
 */
export interface SentAt {
  ms: number;
  /** ISO 8601, with the offset the source gave, if any. */
  iso: string;
}

interface Parts { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number; offset: string }

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const dottedDayFirst = /^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const dottedYearFirst = /^(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const mailPattern = /^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|UT|UTC|GMT|Z|[ECMP][SD]T)?(?:\s*\(.*\))?$/i;
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// RFC 5322 §4.3: the obsolete North American zone names a mailer may still write.
const namedZones: Readonly<Record<string, string>> = { UT: 'Z', UTC: 'Z', GMT: 'Z', Z: 'Z', EST: '-0500', EDT: '-0400', CST: '-0600', CDT: '-0500', MST: '-0700', MDT: '-0600', PST: '-0800', PDT: '-0700' };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function offsetMinutes(offset: string): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function toSentAt(parts: Parts): SentAt | null {
  const { year, month, day, hour, minute, second, millisecond, offset } = parts;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const wall = new Date(wallMs);
  const valid = wall.getUTCFullYear() === year && wall.getUTCMonth() === month - 1 && wall.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  if (!valid) return null;
  const isoOffset = offset === '' || offset === 'Z' ? offset : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const fraction = millisecond > 0 ? `.${pad(millisecond, 3)}` : '';
  return {
    ms: wallMs - offsetMinutes(offset) * 60_000,
    iso: `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction}${isoOffset}`,
  };
}

const clock = (hour?: string, minute?: string, second?: string) => ({ hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) });

/** Reads a message time; null when it is none of the forms above or not a real date (2024-02-30). */
export function parseSentAt(text: string): SentAt | null {
  const value = text.trim();
  const iso = isoPattern.exec(value);
  if (iso) {
    const [, year, month, day, hour, minute, second, fraction, offset] = iso;
    const millisecond = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
    return toSentAt({ year: Number(year), month: Number(month), day: Number(day), ...clock(hour, minute, second), millisecond, offset: offset?.toUpperCase() === 'Z' ? 'Z' : offset ?? '' });
  }
  const dayFirst = dottedDayFirst.exec(value);
  if (dayFirst) {
    const [, day, month, year, hour, minute, second] = dayFirst;
    return toSentAt({ year: Number(year), month: Number(month), day: Number(day), ...clock(hour, minute, second), millisecond: 0, offset: '' });
  }
  const yearFirst = dottedYearFirst.exec(value);
  if (yearFirst) {
    const [, year, month, day, hour, minute, second] = yearFirst;
    return toSentAt({ year: Number(year), month: Number(month), day: Number(day), ...clock(hour, minute, second), millisecond: 0, offset: '' });
  }
  const mail = mailPattern.exec(value);
  const month = mail ? months.indexOf(mail[2]!.toLowerCase()) + 1 : 0;
  if (!mail || month === 0) return null;
  const [, day, , year, hour, minute, second, zone] = mail;
  const offset = zone ? namedZones[zone.toUpperCase()] ?? zone : '';
  return toSentAt({ year: Number(year), month, day: Number(day), ...clock(hour, minute, second), millisecond: 0, offset });
}
