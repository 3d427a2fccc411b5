/** Per-frame helpers: which frames are a party's speech, and how frames fall into windows. */
import type { Interval } from '../audio/index.ts';

/** 1 for each frame whose centre lies inside one of the (normalised) intervals. */
export function speechMask(speech: readonly Interval[], frameS: number, frameCount: number): Uint8Array {
  const mask = new Uint8Array(frameCount);
  for (const { startS, endS } of speech) {
    const from = Math.max(0, Math.ceil(startS / frameS - 0.5));
    const to = Math.min(frameCount, Math.ceil(endS / frameS - 0.5));
    mask.fill(1, from, to);
  }
  return mask;
}

/** The speech frames of each window of `windowS`, by window (a frame belongs to the window holding its centre). */
export function framesByWindow(mask: Uint8Array, frameS: number, windowS: number, durationS: number): number[][] {
  const windows: number[][] = Array.from({ length: Math.ceil(durationS / windowS - 1e-9) }, () => []);
  mask.forEach((isSpeech, frame) => {
    if (isSpeech) windows[Math.min(windows.length - 1, Math.floor(((frame + 0.5) * frameS) / windowS))]?.push(frame);
  });
  return windows;
}

/** Value at quantile q (0…1) of sorted values, linearly interpolated. */
export function quantileOf(sorted: ArrayLike<number>, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export const roundTo = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
