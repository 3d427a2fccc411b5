/**
 * Music (hold music, ringback and other tones) from the steady-tonal frame flags: a frame is
 * music when at least `minSteadyShare` of the frames within ±windowS/2 of it are
 * steady-tonal. One second is long enough to span several syllables of speech, which never
 * stays that steady, and short enough to locate the start and end of music to ±0.5 s.
 */
import { mergeIntervals, type Interval } from './intervals.ts';
import type { AudioThresholds } from './thresholds.ts';

/** 1 for each frame that is music, by a sliding count of steady-tonal frames (O(1) per frame). */
export function findMusicFrames(steadyTonal: Uint8Array, frameS: number, music: AudioThresholds['music']): Uint8Array {
  const frameCount = steadyTonal.length;
  const halfWindow = Math.max(0, Math.round(music.windowS / frameS / 2));
  const isMusic = new Uint8Array(frameCount);
  let steadyInWindow = 0;
  // The window of frame f is [f - halfWindow, f + halfWindow], clipped to the call.
  for (let frame = 0; frame < Math.min(halfWindow, frameCount); frame++) steadyInWindow += steadyTonal[frame]!;
  for (let frame = 0; frame < frameCount; frame++) {
    const entering = frame + halfWindow;
    const leaving = frame - halfWindow - 1;
    if (entering < frameCount) steadyInWindow += steadyTonal[entering]!;
    if (leaving >= 0) steadyInWindow -= steadyTonal[leaving]!;
    const windowFrames = Math.min(frameCount - 1, entering) - Math.max(0, frame - halfWindow) + 1;
    isMusic[frame] = steadyInWindow >= music.minSteadyShare * windowFrames ? 1 : 0;
  }
  growOverSteadyFrames(isMusic, steadyTonal);
  return isMusic;
}

/**
 * Extends each run of music frames over the steady-tonal frames right next to it: where music
 * starts or stops the window is half empty, and Silero fires on just those onsets.
 */
function growOverSteadyFrames(isMusic: Uint8Array, steadyTonal: Uint8Array): void {
  for (let frame = 1; frame < isMusic.length; frame++) {
    if (!isMusic[frame] && isMusic[frame - 1] && steadyTonal[frame]) isMusic[frame] = 1;
  }
  for (let frame = isMusic.length - 2; frame >= 0; frame--) {
    if (!isMusic[frame] && isMusic[frame + 1] && steadyTonal[frame]) isMusic[frame] = 1;
  }
}

/** Runs of flagged frames as intervals in seconds. */
function framesToIntervals(flags: Uint8Array, frameS: number): Interval[] {
  const intervals: Interval[] = [];
  let runStart = -1;
  for (let frame = 0; frame <= flags.length; frame++) {
    const flagged = frame < flags.length && flags[frame] === 1;
    if (flagged && runStart < 0) runStart = frame;
    if (!flagged && runStart >= 0) {
      intervals.push({ startS: runStart * frameS, endS: frame * frameS });
      runStart = -1;
    }
  }
  return intervals;
}

/**
 * Music regions of one channel: music frames as intervals, merged across gaps shorter than
 * `bridgeGapS` (a ringback cadence, the pause between two tunes), shorter regions dropped.
 */
export function findMusicRegions(musicFrames: Uint8Array, frameS: number, music: AudioThresholds['music']): Interval[] {
  return mergeIntervals(framesToIntervals(musicFrames, frameS), music.bridgeGapS).filter(
    (region) => region.endS - region.startS >= music.minDurationS,
  );
}
