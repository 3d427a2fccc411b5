/**
 * Loudness per window of speech and raised-voice spans against the party's own running
 * baseline. Definitions: README.md.
 */
import type { PartyMetrics } from '../result/call-result.ts';
import { quantileOf, roundTo } from './frames.ts';
import type { MetricsThresholds } from './thresholds.ts';

/** Power mean of frame levels in dB. */
function powerMeanDb(levelDb: Float32Array, frames: readonly number[]): number {
  const meanPower = frames.reduce((sum, frame) => sum + 10 ** (levelDb[frame]! / 10), 0) / frames.length;
  return 10 * Math.log10(meanPower);
}

interface Raised {
  window: number;
  riseDb: number;
}

/**
 * Windows at least `riseDb` over the median of the party's last `baselineS` of speech windows
 * that were not raised themselves: an outburst is flagged for its whole length rather than
 * becoming the new normal half-way, while the baseline follows slow drift of ordinary speech.
 */
function findRaisedWindows(series: readonly (number | null)[], windowS: number, thresholds: MetricsThresholds['loudness']): Raised[] {
  const baseline: number[] = [];
  const baselineWindows = Math.max(1, Math.round(thresholds.baselineS / windowS));
  const raised: Raised[] = [];
  series.forEach((levelDb, window) => {
    if (levelDb === null) return;
    if (baseline.length * windowS >= thresholds.minBaselineS) {
      const baselineDb = quantileOf([...baseline].sort((a, b) => a - b), 0.5);
      if (levelDb - baselineDb >= thresholds.riseDb) {
        raised.push({ window, riseDb: levelDb - baselineDb });
        return;
      }
    }
    baseline.push(levelDb);
    if (baseline.length > baselineWindows) baseline.shift();
  });
  return raised;
}

export function describeLoudness(levelDb: Float32Array, windows: readonly number[][], speechFrames: readonly number[], windowS: number, frameS: number, thresholds: MetricsThresholds['loudness']): PartyMetrics['loudness'] {
  const minFrames = (thresholds.minSpeechShare * windowS) / frameS;
  const series = windows.map((frames) => (frames.length > 0 && frames.length >= minFrames ? roundTo(powerMeanDb(levelDb, frames), 1) : null));
  const spans: { first: number; last: number; rises: number[] }[] = [];
  for (const { window, riseDb } of findRaisedWindows(series, windowS, thresholds)) {
    const span = spans.at(-1);
    if (span && (window - span.last - 1) * windowS <= thresholds.mergeGapS) {
      span.last = window;
      span.rises.push(riseDb);
    } else spans.push({ first: window, last: window, rises: [riseDb] });
  }
  return {
    speech_dbfs: speechFrames.length > 0 ? roundTo(powerMeanDb(levelDb, speechFrames), 1) : null,
    series_dbfs: series,
    raised_voice: spans
      .filter((span) => span.rises.length * windowS >= thresholds.minRaisedS)
      .map((span) => ({
        start: roundTo(span.first * windowS, 3),
        end: roundTo((span.last + 1) * windowS, 3),
        rise_db: roundTo(span.rises.reduce((sum, rise) => sum + rise, 0) / span.rises.length, 1),
      })),
  };
}
