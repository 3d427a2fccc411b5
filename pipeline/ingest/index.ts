import type { Party } from '../result/call-result.ts';
import type { Effects } from '../../core/effects.ts';
import { decodePcm } from './decode.ts';
import { defaultInputLimits, type InputLimits } from './input-limits.ts';
import { probeRecording } from './probe.ts';
import type { CallAudio, DecodeSampleRateHz } from './types.ts';

export type { CallAudio, PcmBlock, RecordingProbe, DecodeSampleRateHz } from './types.ts';
export { findRecordings } from './find-recordings.ts';
export { resolveFfmpegBinaries } from './ffmpeg-binaries.ts';
export { safeInputArgs } from './input-format.ts';
export { defaultInputLimits, type InputLimits } from './input-limits.ts';

export interface IngestOptions {
  /** Which stereo channel carries the agent; the other carries the customer. */
  agentChannel: 0 | 1;
  /** Longest recording accepted, in seconds; input-limits.json holds the default. */
  maxDurationS?: number;
}

/**
 * Ingest stage: probes and fingerprints a recording and hands back a re-openable PCM source.
 * Decoding happens when a later stage pulls blocks, so each pass over the audio streams.
 */
export async function ingestRecording(source: string, options: IngestOptions, effects: Effects): Promise<CallAudio> {
  const limits: InputLimits = { ...defaultInputLimits, maxDurationS: options.maxDurationS ?? defaultInputLimits.maxDurationS };
  const probe = await probeRecording(source, limits);
  const partyOfChannel: readonly Party[] =
    probe.channels === 1 ? ['unknown'] : options.agentChannel === 0 ? ['agent', 'customer'] : ['customer', 'agent'];
  effects.log(`${source}: ${probe.codec} in ${probe.container}, ${probe.sampleRateHz} Hz, ${probe.channels} ch`);
  return Object.freeze({ probe, partyOfChannel, openPcm: (sampleRateHz: DecodeSampleRateHz) => decodePcm(probe, sampleRateHz, limits) });
}
