/**
 * Fundamental frequency (F0) of one 32 ms frame, YIN-style (de Cheveigné & Kawahara 2002):
 * the cumulative-mean-normalised difference function, the first lag under
 * `pitch.maxAperiodicity` taken to its local minimum and refined by a parabola. Frames are
 * decimated to 4 kHz first (runs of 2 or 4 samples averaged): voice F0 and its first harmonics
 * lie far below 2 kHz, and the difference function costs lags × window, so this is 4× cheaper
 * than at 8 kHz (0.19 s instead of 0.7 s of CPU for a 15-minute stereo call) and still finds
 * synthesised tones within 1 % (pitch.test.ts).
 */
import type { DecodeSampleRateHz } from '../ingest/index.ts';
import type { AudioThresholds } from './thresholds.ts';

const pitchRateHz = 4000;

export interface PitchTracker {
  /** The frame's F0 in Hz, or 0 when it is quieter than `pitch.minLevelDbfs` or not periodic. */
  pitchHz(frame: Float32Array, levelDb: number): number;
}

export function createPitchTracker(frameSamples: number, sampleRateHz: DecodeSampleRateHz, thresholds: AudioThresholds['pitch']): PitchTracker {
  const decimation = sampleRateHz / pitchRateHz;
  const signal = new Float32Array(frameSamples / decimation);
  const minLag = Math.max(2, Math.floor(pitchRateHz / thresholds.maxHz));
  const maxLag = Math.ceil(pitchRateHz / thresholds.minHz);
  const window = signal.length - maxLag - 1;
  if (window < maxLag / 2) throw new RangeError(`pitch.minHz ${thresholds.minHz} Hz needs longer frames than ${frameSamples} samples`);
  const difference = new Float32Array(maxLag + 2);
  const refine = (lag: number): number => {
    const before = difference[lag - 1]!;
    const at = difference[lag]!;
    const after = difference[lag + 1]!;
    const curvature = before - 2 * at + after;
    const offset = curvature > 0 ? (before - after) / (2 * curvature) : 0;
    return pitchRateHz / (lag + offset);
  };

  return {
    pitchHz(frame, levelDb) {
      if (levelDb < thresholds.minLevelDbfs) return 0;
      for (let i = 0; i < signal.length; i++) {
        let sum = 0;
        for (let k = 0; k < decimation; k++) sum += frame[i * decimation + k]!;
        signal[i] = sum / decimation;
      }
      let runningSum = 0;
      let dipAt = 0;
      difference[0] = 1;
      // Lags are computed only until the first dip has passed its minimum: most voices stop far below maxLag.
      for (let lag = 1; lag <= maxLag + 1; lag++) {
        let sum = 0;
        for (let j = 0; j < window; j++) {
          const delta = signal[j]! - signal[j + lag]!;
          sum += delta * delta;
        }
        runningSum += sum;
        difference[lag] = runningSum > 0 ? (sum * lag) / runningSum : 1;
        if (dipAt === 0 && lag >= minLag && lag <= maxLag && difference[lag]! < thresholds.maxAperiodicity) dipAt = lag;
        if (dipAt > 0 && (lag > maxLag || difference[lag]! >= difference[lag - 1]!)) {
          const at = lag - 1 > dipAt ? lag - 1 : dipAt;
          return refine(at);
        }
      }
      return 0;
    },
  };
}
