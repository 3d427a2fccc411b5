/**
 * One figure of the evaluation: a value with the number of items it rests on, or the reason
 * there is none. A stage that has not been built yields `value: null` with a reason, never a
 * zero, so a missing stage can neither pass nor drag a figure down.
 */
import type { CallResult } from '../pipeline/result/call-result.ts';
import type { CallTruth } from './load-truth.ts';
import type { TimeSpan } from './match-events.ts';

/** A sample recording's ground truth next to what the CLI printed for it. */
export interface EvaluatedCall {
  truth: CallTruth;
  result: CallResult;
}

/** `score`: precision, recall, F1 (0–1); `share`: a proportion (0–1); `seconds`: a time. */
export type MeasureUnit = 'score' | 'share' | 'seconds';

export type AvailableMeasure = { value: number; n: number; unit: MeasureUnit };
export type MissingMeasure = { value: null; reason: string; unit: MeasureUnit };
export type Measure = AvailableMeasure | MissingMeasure;

/** Figures of one group of calls (a language or all), keyed like `hold.f1`, in display order. */
export type Figures = Record<string, Measure>;

export const notAvailable = (reason: string, unit: MeasureUnit): MissingMeasure => ({ value: null, reason, unit });

export const isAvailable = (measure: Measure): measure is AvailableMeasure => measure.value !== null;

/** `hits / total`, or not available with `emptyReason` when there is nothing to count. */
export function shareOf(hits: number, total: number, unit: MeasureUnit, emptyReason: string): Measure {
  return total === 0 ? notAvailable(emptyReason, unit) : { value: hits / total, n: total, unit };
}

/** The median (mean of the middle two for an even count); callers ensure `values` is non-empty. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

export function medianOf(values: readonly number[], unit: MeasureUnit, emptyReason: string): Measure {
  return values.length === 0 ? notAvailable(emptyReason, unit) : { value: median(values), n: values.length, unit };
}

export function maxOf(values: readonly number[], unit: MeasureUnit, emptyReason: string): Measure {
  return values.length === 0 ? notAvailable(emptyReason, unit) : { value: Math.max(...values), n: values.length, unit };
}

/** Seconds covered by the union of `spans`: overlapping utterances of one party count once. */
export function mergedDurationS(spans: readonly TimeSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let totalS = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  for (const { start, end } of sorted) {
    const from = Math.max(start, coveredUntil);
    if (end > from) totalS += end - from;
    coveredUntil = Math.max(coveredUntil, end);
  }
  return totalS;
}
