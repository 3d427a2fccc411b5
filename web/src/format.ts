/** How numbers and times read on screen. */

/** 75.3 → "1:15.3"; the tenth matters when jumping to an interruption. */
export function formatClock(seconds: number, withTenths = false): string {
  const whole = Math.floor(seconds);
  const clock = `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  return withTenths ? `${clock}.${Math.floor((seconds - whole) * 10)}` : clock;
}

export function formatSpan(start: number, end: number): string {
  return `${formatClock(start, true)}–${formatClock(end, true)}`;
}

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : String(Math.round(score));
}

export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

export function formatNumber(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

/** The contact centre's own clock as the call's metadata gives it ("2024-03-04T09:15:00"): shown as written, no zone. */
export function formatWallClock(text: string): string {
  return `${dateTime.format(new Date(`${text.slice(0, 19)}Z`))}${text.length > 19 ? ` (${text.slice(19)})` : ''}`;
}

export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

/** Unix seconds → "9 Nov": chart ticks, where the year would crowd the axis. */
export function formatDayMonth(unixSeconds: number): string {
  return dayMonth.format(new Date(unixSeconds * 1000));
}
