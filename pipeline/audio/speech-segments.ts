/**
 * Speech segments from per-frame speech probabilities, following Silero's reference
 * post-processing (snakers4/silero-vad, `get_speech_timestamps`; no max-speech splitting):
 * speech starts at the first frame at or above the threshold, ends at the first frame below
 * threshold − margin that is followed by at least `minSilenceS` without a frame back above
 * the threshold, moved back by `endLatencyS` (Silero's recurrent state holds the probability
 * up after the voice stops: on the samples, segment ends came a median 0.1 s after the truth
 * while starts were on time); segments shorter than `minSpeechS` are dropped, the rest padded
 * by `padS`.
 */
import type { Interval } from './intervals.ts';
import type { AudioThresholds } from './thresholds.ts';

function padSegments(segments: Interval[], durationS: number, padS: number): Interval[] {
  const padded = segments.map((segment) => ({ ...segment }));
  padded.forEach((segment, index) => {
    const next = padded[index + 1];
    if (index === 0) segment.startS = Math.max(0, segment.startS - padS);
    if (!next) {
      segment.endS = Math.min(durationS, segment.endS + padS);
      return;
    }
    // Two paddings that would collide split the pause between them instead.
    const pauseS = next.startS - segment.endS;
    const stretchS = pauseS < 2 * padS ? pauseS / 2 : padS;
    segment.endS = Math.min(durationS, segment.endS + stretchS);
    next.startS = Math.max(0, next.startS - stretchS);
  });
  return padded;
}

/**
 * Speech segments in seconds of one channel, normalised (sorted, not overlapping).
 * `probabilities[f]` belongs to the frame starting at f·frameS.
 */
export function findSpeechSegments(probabilities: Float32Array, frameS: number, durationS: number, vad: AudioThresholds['vad']): Interval[] {
  const releaseBelow = vad.speechProbability - vad.releaseMargin;
  const segments: { startS: number; endS: number }[] = [];
  let startS: number | null = null;
  let silenceFromS: number | null = null;
  const close = (endS: number): void => {
    if (startS !== null && endS - startS > vad.minSpeechS) segments.push({ startS, endS });
    startS = null;
    silenceFromS = null;
  };
  for (let frame = 0; frame < probabilities.length; frame++) {
    const probability = probabilities[frame]!;
    const timeS = frame * frameS;
    if (probability >= vad.speechProbability) silenceFromS = null;
    if (startS === null) {
      if (probability >= vad.speechProbability) startS = timeS;
      continue;
    }
    if (probability >= releaseBelow) continue;
    silenceFromS ??= timeS;
    if (timeS - silenceFromS >= vad.minSilenceS) close(Math.max(startS, silenceFromS - vad.endLatencyS));
  }
  close(durationS);
  return padSegments(segments, durationS, vad.padS);
}
