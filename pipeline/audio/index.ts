import type { Effects } from '../effects.ts';
import type { CallAudio, DecodeSampleRateHz } from '../ingest/index.ts';
import { createLevelMeter, type ChannelLevel } from './levels.ts';

/** What the audio itself says about a call, from one streaming pass over its PCM. */
export interface AudioAnalysis {
  durationS: number;
  analysedSampleRateHz: DecodeSampleRateHz;
  channelLevels: ChannelLevel[];
}

/** Telephone audio is analysed at its native 8 kHz; everything else at 16 kHz. */
export function chooseAnalysisRate(sourceRateHz: number): DecodeSampleRateHz {
  return sourceRateHz <= 8000 ? 8000 : 16000;
}

/**
 * Audio stage: decodes the call once, streaming, and feeds every block to each analyser.
 * Throws the decoder's CallqaError when the file proves truncated or corrupt.
 */
export async function analyzeAudio(audio: CallAudio, effects: Effects): Promise<AudioAnalysis> {
  const rate = chooseAnalysisRate(audio.probe.sampleRateHz);
  const meter = createLevelMeter(audio.probe.channels);
  const startedMs = effects.now();
  for await (const block of audio.openPcm(rate)) meter.add(block);
  const durationS = meter.frameCount / rate;
  const elapsedS = Math.max(1e-3, (effects.now() - startedMs) / 1000);
  effects.log(`${audio.probe.source}: decoded ${durationS.toFixed(1)} s at ${(durationS / elapsedS).toFixed(0)}x real time`);
  return { durationS, analysedSampleRateHz: rate, channelLevels: meter.levels(audio.partyOfChannel) };
}
