/**
 * A `date-time` query value as DuckDB can read it. RFC 3339 (and so the schema's format
 * check) allows a lowercase `t`/`z`, a space for `T`, offsets without a colon and the leap
 * second `23:59:60`; DuckDB's TIMESTAMPTZ cast refuses some of these. DuckDB, like POSIX
 * time, has no leap seconds, so `:60` is the instant one second after `:59` (the next
 * minute's `:00`), which keeps `from`/`to` ranges half-open and gap-free.
 */
import { CallqaError } from '../../core/errors.ts';

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([Zz])|([+-])(\d{2}):?(\d{2})?)$/;

/** DuckDB keeps microseconds; further digits are cut (an instant within the same microsecond). */
const maxFractionDigits = 6;

/** `value` (already checked as `date-time`) as `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`, UTC. */
export function resolveTimestampParam(name: string, value: string): string {
  const match = dateTimePattern.exec(value);
  if (!match) {
    throw new CallqaError('CQA_ERR_API_BAD_REQUEST', `${name} "${value}" is not an ISO 8601 date-time; write it as 2024-05-01T09:30:00Z`);
  }
  const [, year, month, day, hour, minute, second, fraction = '', , sign, offsetHours = '0', offsetMinutes = '0'] = match;
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 : 0;
  const leapMs = second === '60' ? 1000 : 0;
  const epochMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), leapMs ? 59 : Number(second)) + leapMs - offsetMs;
  const instant = new Date(epochMs);
  if (Number.isNaN(instant.getTime()) || instant.getUTCFullYear() > 9999 || instant.getUTCFullYear() < 1) {
    throw new CallqaError('CQA_ERR_API_BAD_REQUEST', `${name} "${value}" lies outside the years 0001–9999`);
  }
  return `${instant.toISOString().slice(0, 19)}${fraction.slice(0, maxFractionDigits + 1)}Z`;
}
