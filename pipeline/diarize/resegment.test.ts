import { describe, expect, it } from 'vitest';
import { findSpeakerPath } from './resegment.ts';
import { defaultDiarizeThresholds } from './thresholds.ts';

const hopS = 0.01;
const smoothing = { ...defaultDiarizeThresholds.smoothing, switchPenalty: 10, gapSwitchPenalty: 1, gapS: 0.15 };

/** Log-likelihoods favouring speaker 1 by `margin` on the rows in `ones`, speaker 0 elsewhere. */
function scores(rows: number, ones: (row: number) => boolean, margin: number): [Float64Array, Float64Array] {
  return [Float64Array.from({ length: rows }, (_, row) => (ones(row) ? -margin : 0)), Float64Array.from({ length: rows }, (_, row) => (ones(row) ? 0 : -margin))];
}

describe('findSpeakerPath', () => {
  it('follows a long run of the other speaker but not a blip that costs less than a change', () => {
    const times = Float64Array.from({ length: 100 }, (_, row) => row * hopS);
    const path = findSpeakerPath(scores(100, (row) => row >= 50, 1), times, smoothing, hopS);
    expect(Array.from(path.slice(0, 50)).every((label) => label === 0)).toBe(true);
    expect(Array.from(path.slice(50)).every((label) => label === 1)).toBe(true);
    const blip = findSpeakerPath(scores(100, (row) => row >= 40 && row < 44, 1), times, smoothing, hopS);
    expect(Array.from(blip).every((label) => label === 0)).toBe(true);
  });

  it('changes speaker across a pause on evidence too weak to change it within speech', () => {
    // Rows 40–59 favour speaker 1 by 4 in all, less than a change within speech (10), more than one across a pause (1); later rows favour neither.
    const [zero, one] = scores(100, (row) => row >= 40 && row < 60, 0.2);
    for (let row = 60; row < 100; row++) zero[row] = one[row] = 0;
    const adjacent = Float64Array.from({ length: 100 }, (_, row) => row * hopS);
    expect(Array.from(findSpeakerPath([zero, one], adjacent, smoothing, hopS)).every((label) => label === 0)).toBe(true);
    const paused = Float64Array.from({ length: 100 }, (_, row) => row * hopS + (row >= 40 ? 0.3 : 0));
    const path = findSpeakerPath([zero, one], paused, smoothing, hopS);
    expect(path[39]).toBe(0);
    expect(path[40]).toBe(1);
  });
});
