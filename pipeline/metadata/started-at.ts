/**
 * Call start times as sources write them, read into one form: ISO 8601 wall-clock time
 * `YYYY-MM-DDTHH:mm:ss`, with the offset kept when the source gave one. Like the CDR's times,
 * a time without an offset is the contact centre's own clock.
 */
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const compactPattern = /^(\d{4})(\d{2})(\d{2})[T_-]?(\d{2})(\d{2})(\d{2})?$/;
const dateOnlyPattern = /^(\d{4})-?(\d{2})-?(\d{2})$/;

const pad = (value: number) => String(value).padStart(2, '0');

/** A valid calendar date and clock time, formatted; null when a part is out of range (2024-02-30, 25:00). */
export function formatStartedAt(parts: { year: number; month: number; day: number; hour: number; minute: number; second: number }, offset = ''): string | null {
  const { year, month, day, hour, minute, second } = parts;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    && hour < 24 && minute < 60 && second < 60;
  if (!valid) return null;
  const normalisedOffset = offset.toUpperCase() === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${normalisedOffset}`;
}

/** Reads ISO 8601, `YYYYMMDDHHmmss`-like and date-only forms; null for anything else. */
export function parseStartedAt(text: string): string | null {
  const value = text.trim();
  const iso = isoPattern.exec(value) ?? compactPattern.exec(value);
  if (iso) {
    const [, year, month, day, hour, minute, second, offset] = iso;
    return formatStartedAt(
      { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) },
      offset ?? '',
    );
  }
  const dateOnly = dateOnlyPattern.exec(value);
  if (!dateOnly) return null;
  const [, year, month, day] = dateOnly;
  return formatStartedAt({ year: Number(year), month: Number(month), day: Number(day), hour: 0, minute: 0, second: 0 });
}
