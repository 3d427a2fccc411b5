import { describe, expect, it } from 'vitest';
import { findSpeechSegments } from './speech-segments.ts';
import type { AudioThresholds } from './thresholds.ts';

const frameS = 0.032;
/** Silero's reference values (utils_vad.py), so the tests read against its documentation. */
const vad: AudioThresholds['vad'] = { speechProbability: 0.5, releaseMargin: 0.15, minSpeechS: 0.25, minSilenceS: 0.1, padS: 0.03, endLatencyS: 0 };

/** Probabilities from runs of [value, frame count]. */
function probabilities(...runs: [number, number][]): Float32Array {
  return Float32Array.from(runs.flatMap(([value, frames]) => Array<number>(frames).fill(value)));
}

const durationOf = (values: Float32Array) => values.length * frameS;

describe('speech segments (Silero reference post-processing)', () => {
  it('starts at the first frame above the threshold and ends where the probability falls, padded by 30 ms', () => {
    const values = probabilities([0.01, 50], [0.9, 40], [0.01, 50]);
    const [segment, ...rest] = findSpeechSegments(values, frameS, durationOf(values), vad);
    expect(rest).toHaveLength(0);
    expect(segment!.startS).toBeCloseTo(50 * frameS - 0.03, 6);
    expect(segment!.endS).toBeCloseTo(90 * frameS + 0.03, 6);
  });

  it('moves each end back by endLatencyS, never before its start', () => {
    const values = probabilities([0.01, 50], [0.9, 40], [0.01, 50], [0.9, 9], [0.01, 50]);
    const [long, short] = findSpeechSegments(values, frameS, durationOf(values), { ...vad, padS: 0, minSpeechS: 0.2, endLatencyS: 0.064 });
    expect(long!.endS).toBeCloseTo(90 * frameS - 0.064, 6);
    expect(short!.endS - short!.startS).toBeCloseTo(9 * frameS - 0.064, 6);
  });

  it('keeps speech through pauses shorter than 100 ms and through the hysteresis band', () => {
    const values = probabilities([0.01, 10], [0.9, 20], [0.01, 3], [0.9, 20], [0.4, 20], [0.9, 10], [0.01, 20]);
    expect(findSpeechSegments(values, frameS, durationOf(values), vad)).toHaveLength(1);
  });

  it('splits at pauses of 100 ms or more and drops bursts of 250 ms or less', () => {
    const values = probabilities([0.01, 10], [0.9, 20], [0.01, 5], [0.9, 20], [0.01, 30], [0.9, 7], [0.01, 30]);
    const segments = findSpeechSegments(values, frameS, durationOf(values), vad);
    expect(segments).toHaveLength(2);
    expect(segments[1]!.endS).toBeCloseTo(55 * frameS + 0.03, 6);
  });

  it('splits the pause between two segments closer than twice the padding', () => {
    const values = probabilities([0.9, 20], [0.01, 5], [0.9, 20]);
    const [first, second] = findSpeechSegments(values, frameS, durationOf(values), { ...vad, padS: 0.1 });
    expect(first!.startS).toBe(0);
    expect(first!.endS).toBeCloseTo(second!.startS, 6);
  });

  it('closes speech still running at the end of the call at the call end', () => {
    const values = probabilities([0.01, 10], [0.9, 20]);
    const segments = findSpeechSegments(values, frameS, durationOf(values), vad);
    expect(segments.at(-1)!.endS).toBeCloseTo(durationOf(values), 6);
  });
});
