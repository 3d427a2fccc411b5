import { readFileSync } from 'node:fs';
import { CallqaError } from '../../core/errors.ts';

/** Bounds on the cost of one recording (input-limits.json says why each is what it is). */
export interface InputLimits {
  readonly minSampleRateHz: number;
  readonly maxDurationS: number;
  readonly decodeCpuLimitS: number;
  readonly standardSampleRatesHz: readonly number[];
}

const { minSampleRateHz, maxDurationS, decodeCpuLimitS, standardSampleRatesHz } = JSON.parse(
  readFileSync(new URL('./input-limits.json', import.meta.url), 'utf8'),
) as InputLimits;

export const defaultInputLimits: InputLimits = Object.freeze({
  minSampleRateHz, maxDurationS, decodeCpuLimitS, standardSampleRatesHz: Object.freeze([...standardSampleRatesHz]),
});

/** The refusal of a recording longer than the limit; `what` says how long it is. */
export function tooLong(source: string, what: string, maxDurationS: number): CallqaError {
  return new CallqaError(
    'CQA_ERR_INPUT_TOO_LONG',
    `${source}: the recording ${what}; callqa accepts at most ${maxDurationS} s: split it, or raise the limit with --max-duration-s`,
  );
}
