/**
 * Time intervals in seconds and the set operations the audio stage needs. Every list handled
 * here is sorted by start and free of overlaps ("normalised"); each function keeps it so.
 */

export interface Interval {
  readonly startS: number;
  readonly endS: number;
}

export function durationOf(interval: Interval): number {
  return interval.endS - interval.startS;
}

export function totalDurationS(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, interval) => sum + durationOf(interval), 0);
}

/** Sorts, then merges intervals that overlap or lie less than `bridgeGapS` apart. */
export function mergeIntervals(intervals: readonly Interval[], bridgeGapS = 0): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.startS - b.startS);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.startS - last.endS < bridgeGapS + 1e-9) {
      merged[merged.length - 1] = { startS: last.startS, endS: Math.max(last.endS, interval.endS) };
    } else {
      merged.push({ startS: interval.startS, endS: interval.endS });
    }
  }
  return merged;
}

/** The parts of time covered by both lists. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const common: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i]!;
    const right = b[j]!;
    const startS = Math.max(left.startS, right.startS);
    const endS = Math.min(left.endS, right.endS);
    if (endS > startS) common.push({ startS, endS });
    if (left.endS < right.endS) i++;
    else j++;
  }
  return common;
}

/** Seconds of `interval` covered by the normalised list `covering`. */
export function coveredS(interval: Interval, covering: readonly Interval[]): number {
  return totalDurationS(intersectIntervals([interval], covering));
}

/** The gaps between consecutive intervals of a normalised list (before the first and after the last excluded). */
export function gapsBetween(intervals: readonly Interval[]): Interval[] {
  return intervals.slice(1).map((interval, index) => ({ startS: intervals[index]!.endS, endS: interval.startS }));
}

/** The interval of a normalised list that strictly contains `timeS` (start < timeS < end), if any. */
export function findContaining(intervals: readonly Interval[], timeS: number): Interval | undefined {
  let low = 0;
  let high = intervals.length;
  // Binary search for the first interval starting at or after timeS; its predecessor is the candidate.
  while (low < high) {
    const middle = (low + high) >> 1;
    if (intervals[middle]!.startS < timeS) low = middle + 1;
    else high = middle;
  }
  const candidate = intervals[low - 1];
  return candidate && candidate.endS > timeS ? candidate : undefined;
}

/** Seconds as reported: to the millisecond, which is finer than any frame. */
export function roundS(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
