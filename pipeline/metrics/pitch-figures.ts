/** Pitch range and monotony from the F0 of a party's voiced speech frames. Definitions: README.md. */
import type { PartyMetrics } from '../result/call-result.ts';
import { quantileOf, roundTo } from './frames.ts';
import type { MetricsThresholds } from './thresholds.ts';

const semitonesBetween = (hz: number, referenceHz: number) => 12 * Math.log2(hz / referenceHz);

export function describePitch(pitchHz: Float32Array, windows: readonly number[][], speechFrames: readonly number[], frameS: number, thresholds: MetricsThresholds['pitch']): PartyMetrics['pitch'] {
  const voiced = Float64Array.from(speechFrames.map((frame) => pitchHz[frame]!).filter((hz) => hz > 0)).sort();
  const voicedS = voiced.length * frameS;
  const medianHz = voiced.length > 0 ? quantileOf(voiced, 0.5) : null;
  const series = windows.map((frames) => {
    const hz = Float64Array.from(frames.map((frame) => pitchHz[frame]!).filter((value) => value > 0)).sort();
    return hz.length >= thresholds.minVoicedFramesPerWindow ? Math.round(quantileOf(hz, 0.5)) : null;
  });
  if (medianHz === null || voicedS < thresholds.minVoicedS) return { voiced_s: roundTo(voicedS, 3), median_hz: medianHz && Math.round(medianHz), range_st: null, monotony_st: null, series_hz: series };
  const semitones = voiced.map((hz) => semitonesBetween(hz, medianHz));
  const mean = semitones.reduce((sum, value) => sum + value, 0) / semitones.length;
  const variance = semitones.reduce((sum, value) => sum + (value - mean) ** 2, 0) / semitones.length;
  return {
    voiced_s: roundTo(voicedS, 3),
    median_hz: Math.round(medianHz),
    range_st: roundTo(quantileOf(semitones, thresholds.highPercentile) - quantileOf(semitones, thresholds.lowPercentile), 2),
    monotony_st: roundTo(Math.sqrt(variance), 2),
    series_hz: series,
  };
}
