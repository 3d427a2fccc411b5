/**
 * The streaming half of speech analysis: cuts decoded blocks into 32 ms frames, whatever the
 * block sizes, and keeps two numbers per frame and channel (speech probability, steady-tonal
 * flag). A 2-hour stereo call is 225,000 frames per channel, under 3 MB in all, so the
 * decisions that need context on both sides run afterwards on these columns.
 */
import type { DecodeSampleRateHz, PcmBlock } from '../ingest/index.ts';
import { createColumn } from './column.ts';
import { sileroWindowSamples } from './silero-session.ts';
import { createSteadyToneMeter } from './steady-tone.ts';
import type { AudioThresholds } from './thresholds.ts';
import { createVadStream, defaultLaneLayout, type VadLaneLayout } from './vad-stream.ts';

/** Per-frame columns of a whole call; frame f covers [f·frameS, (f+1)·frameS). */
export interface FrameSeries {
  frameS: number;
  frameCount: number;
  /** Per channel: Silero's speech probability of each frame. */
  speechProbability: Float32Array[];
  /** Per channel: 1 where the frame is steady-tonal (see steady-tone.ts). */
  steadyTonal: Uint8Array[];
}

export interface FrameStream {
  add(block: PcmBlock): Promise<void>;
  /** Analyses the last, zero-padded partial frame and hands back the columns. */
  finish(): Promise<FrameSeries>;
}

/** Creates the frame stream of one call; the Silero session is loaded (once per process) here. */
export async function createFrameStream(
  channelCount: number,
  sampleRateHz: DecodeSampleRateHz,
  thresholds: AudioThresholds,
  laneLayout: VadLaneLayout = defaultLaneLayout(channelCount, sampleRateHz),
): Promise<FrameStream> {
  const frameSamples = sileroWindowSamples(sampleRateHz);
  const vad = await createVadStream(channelCount, sampleRateHz, laneLayout);
  const channels = Array.from({ length: channelCount }, () => ({
    window: new Float32Array(frameSamples),
    meter: createSteadyToneMeter(frameSamples, sampleRateHz, thresholds.music),
    steady: createColumn((length) => new Uint8Array(length)),
  }));
  const windows = channels.map((channel) => channel.window);
  let filled = 0;
  let frameCount = 0;

  async function analyseFrame(): Promise<void> {
    for (const channel of channels) channel.steady.push(channel.meter.isSteadyTonal(channel.window) ? 1 : 0);
    await vad.push(windows);
    frameCount++;
    filled = 0;
  }

  return {
    async add(block) {
      const blockLength = block.channels[0]?.length ?? 0;
      for (let offset = 0; offset < blockLength; ) {
        const take = Math.min(frameSamples - filled, blockLength - offset);
        channels.forEach((channel, index) => channel.window.set(block.channels[index]!.subarray(offset, offset + take), filled));
        offset += take;
        filled += take;
        if (filled === frameSamples) await analyseFrame();
      }
    },
    async finish() {
      if (filled > 0) {
        for (const channel of channels) channel.window.fill(0, filled);
        await analyseFrame();
      }
      return {
        frameS: frameSamples / sampleRateHz,
        frameCount,
        speechProbability: await vad.finish(),
        steadyTonal: channels.map((channel) => channel.steady.values()),
      };
    },
  };
}
