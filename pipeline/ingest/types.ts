import type { Party } from '../result/call-result.ts';

/** What ffprobe and the file itself say about a recording, before any decoding. */
export interface RecordingProbe {
  /** The path as the user gave it. */
  source: string;
  absolutePath: string;
  sizeBytes: number;
  sha256: string;
  container: string;
  codec: string;
  sampleRateHz: number;
  channels: 1 | 2;
  /** Duration the container declares; null when it declares none (e.g. raw streams). */
  declaredDurationS: number | null;
  hasVideo: boolean;
  /** The container's and the audio stream's tags (WAV LIST/INFO, ID3, Vorbis comments), as text. */
  tags: Readonly<Record<string, string>>;
}

/** One decoded block: a Float32Array per channel, all the same length. */
export interface PcmBlock {
  channels: Float32Array[];
  /** Index of the block's first sample frame from the start of the recording. */
  startFrame: number;
}

export type DecodeSampleRateHz = 8000 | 16000;

/** A recording ready to be listened to: its probe, who speaks on each channel, and its PCM. */
export interface CallAudio {
  probe: RecordingProbe;
  /** Party per channel index: [agent, customer] for stereo, ['unknown'] for mono. */
  partyOfChannel: readonly Party[];
  /**
   * Starts a fresh streaming decode of the whole recording at the given rate. Blocks arrive in
   * order; the iterator throws a CallqaError when the file turns out truncated or corrupt.
   * Breaking out of the loop stops ffmpeg.
   */
  openPcm(sampleRateHz: DecodeSampleRateHz): AsyncIterable<PcmBlock>;
}
