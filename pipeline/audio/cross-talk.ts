/**
 * Cross-channel leakage: headset bleed and line echo put a quieter copy of one party into the
 * other party's channel, time-aligned (bleed) or delayed (echo), and Silero takes it for speech.
 * A frame of channel B is *leakage* of channel A when
 *
 * 1. it is at least `crossTalk.minLevelDifferenceDb` quieter than A's frame `d` frames earlier,
 *    where `d` is the call's echo delay from A to B (below), and
 * 2. over ±`crossTalk.windowS`/2 around it, B's level in dB follows A's (delayed by `d`): their
 *    Pearson correlation is at least `crossTalk.minCorrelation`. A copy follows its source
 *    syllable by syllable; a party who really speaks over the other does not.
 *
 * The echo delay is estimated once per call and direction: among lags 0…`crossTalk.maxDelayS`,
 * the one at which B's level correlates best with A's over the frames where A is loud (at least
 * `crossTalk.loudAboveFloorDb` over its noise floor). Levels are the per-frame columns of
 * frame-stream.ts, so this costs a few passes over 2 × 31 numbers per second of audio.
 */
import type { AudioThresholds } from './thresholds.ts';

/**
 * A channel's noise floor (line noise, hiss, codec noise): the level that `quantile` of its
 * frames do not exceed. Each party is silent while the other talks, so a low quantile lands
 * in the pauses whatever the party's speech level.
 */
export function noiseFloorDb(levelDb: Float32Array, quantile: number): number {
  const sorted = Float32Array.from(levelDb).sort();
  return sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]! : -120;
}

/**
 * Pearson correlation of target[f] with source[f − lag] over frames f in [from, to) for which
 * `include(f − lag, f)` holds; 0 when either side is flat.
 */
function correlationOver(source: Float32Array, target: Float32Array, lag: number, from: number, to: number, include: (sourceFrame: number, targetFrame: number) => boolean): number {
  let n = 0;
  let sumX = 0;
  let sumY = 0;
  let sumXX = 0;
  let sumYY = 0;
  let sumXY = 0;
  for (let frame = Math.max(from, lag); frame < to; frame++) {
    if (!include(frame - lag, frame)) continue;
    const x = source[frame - lag]!;
    const y = target[frame]!;
    n++;
    sumX += x;
    sumY += y;
    sumXX += x * x;
    sumYY += y * y;
    sumXY += x * y;
  }
  if (n === 0) return 0;
  const covariance = sumXY - (sumX * sumY) / n;
  const spread = Math.sqrt(Math.max(0, sumXX - (sumX * sumX) / n) * Math.max(0, sumYY - (sumY * sumY) / n));
  return spread > 0 ? covariance / spread : 0;
}

/** The lag in frames (0…maxLag) at which `target` follows `source` best over the frames where the source is loud. */
export function estimateEchoDelayFrames(source: Float32Array, target: Float32Array, maxLag: number, loudFromDb: number): number {
  let bestLag = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let lag = 0; lag <= maxLag; lag++) {
    const correlation = correlationOver(source, target, lag, 0, target.length, (sourceFrame) => source[sourceFrame]! >= loudFromDb);
    if (correlation > best) {
      best = correlation;
      bestLag = lag;
    }
  }
  return bestLag;
}

/** 1 for each frame of `target` that is leakage of `source` (see above). */
function findLeakage(source: Float32Array, target: Float32Array, frameS: number, crossTalk: AudioThresholds['crossTalk'], floorQuantile: number): Uint8Array {
  const frames = target.length;
  const leakage = new Uint8Array(frames);
  const loudFromDb = noiseFloorDb(source, floorQuantile) + crossTalk.loudAboveFloorDb;
  const quietBelowDb = noiseFloorDb(target, floorQuantile) + crossTalk.quietAboveFloorDb;
  const lag = estimateEchoDelayFrames(source, target, Math.round(crossTalk.maxDelayS / frameS), loudFromDb);
  const half = Math.max(1, Math.round(crossTalk.windowS / frameS / 2));
  const always = () => true;
  for (let frame = lag; frame < frames; frame++) {
    const sourceDb = source[frame - lag]!;
    // Near its own floor while the other party is loud: nothing of this party's is there.
    if (target[frame]! < quietBelowDb && sourceDb >= loudFromDb) leakage[frame] = 1;
    else if (target[frame]! <= sourceDb - crossTalk.minLevelDifferenceDb
      && correlationOver(source, target, lag, frame - half, Math.min(frames, frame + half + 1), always) >= crossTalk.minCorrelation) leakage[frame] = 1;
  }
  return leakage;
}

/**
 * Per channel of a stereo call, 1 where the frame is the other channel's leakage; mono and
 * other channel counts have nothing to leak from (all zero).
 */
export function findLeakageFrames(levelDb: readonly Float32Array[], frameS: number, thresholds: AudioThresholds): Uint8Array[] {
  if (levelDb.length !== 2) return levelDb.map((levels) => new Uint8Array(levels.length));
  const [first, second] = levelDb as [Float32Array, Float32Array];
  const { crossTalk, noiseFloor } = thresholds;
  return [findLeakage(second, first, frameS, crossTalk, noiseFloor.quantile), findLeakage(first, second, frameS, crossTalk, noiseFloor.quantile)];
}
