import type { Effects } from '../../core/effects.ts';
import type { CallAudio, DecodeSampleRateHz } from '../ingest/index.ts';
import { createFrameStream } from './frame-stream.ts';
import { createLevelMeter, type ChannelLevel } from './levels.ts';
import { describeSpeechActivity, type SpeechActivity } from './speech-activity.ts';
import { defaultAudioThresholds, type AudioThresholds } from './thresholds.ts';

export type { SpeechActivity, SpeechSegment, DiarizedChannel } from './speech-activity.ts';
export { describeDiarizedSpeech } from './speech-activity.ts';
// Signal and interval building blocks the diarize and metrics stages share rather than copy.
export { coveredS, durationOf, gapsBetween, intersectIntervals, mergeIntervals, totalDurationS, type Interval } from './intervals.ts';
export { longestS } from './party-stats.ts';
export { createPowerSpectrum } from './fft.ts';
export { createColumn } from './column.ts';
export type { PartyTalk } from './party-stats.ts';
export { resolveAudioThresholds, defaultAudioThresholds, type AudioThresholds, type AudioThresholdsSpec } from './thresholds.ts';

/** What the audio itself says about a call, from one streaming pass over its PCM. */
export interface AudioAnalysis {
  durationS: number;
  analysedSampleRateHz: DecodeSampleRateHz;
  channelLevels: ChannelLevel[];
  speech: SpeechActivity;
  /** Per-frame tracks the conversation metrics read: level (dBFS) and F0 (Hz, 0 unvoiced) per channel. */
  tracks: FrameTracks;
}

export interface FrameTracks {
  frameS: number;
  levelDb: Float32Array[];
  pitchHz: Float32Array[];
}

/** Telephone audio is analysed at its native 8 kHz; everything else at 16 kHz. */
export function chooseAnalysisRate(sourceRateHz: number): DecodeSampleRateHz {
  return sourceRateHz <= 8000 ? 8000 : 16000;
}

/**
 * Audio stage: decodes the call once, streaming, and feeds every block to each analyser (level
 * meter, Silero VAD, music detector and pitch tracker per channel); speech segments, talk figures and events
 * are then derived from the per-frame results. Throws the decoder's CallqaError when the file
 * proves truncated or corrupt, and CQA_ERR_MODEL_INVALID when the VAD model fails verification.
 */
export async function analyzeAudio(audio: CallAudio, effects: Effects, thresholds: AudioThresholds = defaultAudioThresholds): Promise<AudioAnalysis> {
  const rate = chooseAnalysisRate(audio.probe.sampleRateHz);
  const meter = createLevelMeter(audio.probe.channels);
  const frames = await createFrameStream(audio.probe.channels, rate, thresholds);
  const startedMs = effects.now();
  for await (const block of audio.openPcm(rate)) {
    meter.add(block);
    await frames.add(block);
  }
  const durationS = meter.frameCount / rate;
  const series = await frames.finish();
  const speech = describeSpeechActivity(series, audio.partyOfChannel, durationS, thresholds);
  const elapsedS = Math.max(1e-3, (effects.now() - startedMs) / 1000);
  effects.log(`${audio.probe.source}: analysed ${durationS.toFixed(1)} s of audio at ${(durationS / elapsedS).toFixed(0)}x real time`);
  return { durationS, analysedSampleRateHz: rate, channelLevels: meter.levels(audio.partyOfChannel), speech,
    tracks: { frameS: series.frameS, levelDb: series.levelDb, pitchHz: series.pitchHz },
  };
}
