/**
 * The streaming half of speech analysis: cuts decoded blocks into 32 ms frames, whatever the
 * block sizes, and keeps four numbers per frame and channel (speech probability, steady-tonal
 * flag, level, F0). A 2-hour stereo call is 225,000 frames per channel, under 7 MB in all, so the
 * decisions that need context on both sides run afterwards on these columns.
 */
import type { DecodeSampleRateHz, PcmBlock } from '../ingest/index.ts';
import { createColumn } from './column.ts';
import { createPitchTracker } from './pitch.ts';
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
  /** Per channel: the frame's level in dBFS, DC removed (its variance), floored at −120 dB. */
  levelDb: Float32Array[];
  /** Per channel: the frame's F0 in Hz (pitch.ts), 0 where quiet or not periodic. */
  pitchHz: Float32Array[];
}

export interface FrameStream {
  add(block: PcmBlock): Promise<void>;
  /** Analyses the last, zero-padded partial frame and hands back the columns. */
  finish(): Promise<FrameSeries>;
}

/**
 * A first-order DC blocker (y[n] = x[n] − x[n−1] + r·y[n−1], corner ≈ 1.3 Hz at 8 kHz): a DC
 * offset from a cheap sound card or line makes Silero miss speech (robustness corpus), and
 * nothing a listener hears lies that low.
 */
function createDcBlocker(pole = 0.999) {
  let previousInput = 0;
  let previousOutput = 0;
  return (input: Float32Array, output: Float32Array, at: number): void => {
    for (let i = 0; i < input.length; i++) {
      const sample = input[i]!;
      previousOutput = sample - previousInput + pole * previousOutput;
      previousInput = sample;
      output[at + i] = previousOutput;
    }
  };
}

/** Level of a frame in dBFS from its variance, so a DC offset does not read as sound. */
function frameLevelDb(frame: Float32Array): number {
  let sum = 0;
  let sumSquares = 0;
  for (const sample of frame) {
    sum += sample;
    sumSquares += sample * sample;
  }
  const mean = sum / frame.length;
  const variance = Math.max(0, sumSquares / frame.length - mean * mean);
  return variance > 1e-12 ? 10 * Math.log10(variance) : -120;
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
    level: createColumn((length) => new Float32Array(length)),
    pitch: createColumn((length) => new Float32Array(length)),
    tracker: createPitchTracker(frameSamples, sampleRateHz, thresholds.pitch),
    removeDc: createDcBlocker(),
  }));
  const windows = channels.map((channel) => channel.window);
  let filled = 0;
  let frameCount = 0;

  async function analyseFrame(): Promise<void> {
    for (const channel of channels) {
      channel.steady.push(channel.meter.isSteadyTonal(channel.window) ? 1 : 0);
      const levelDb = frameLevelDb(channel.window);
      channel.level.push(levelDb);
      channel.pitch.push(channel.tracker.pitchHz(channel.window, levelDb));
    }
    await vad.push(windows);
    frameCount++;
    filled = 0;
  }

  return {
    async add(block) {
      const blockLength = block.channels[0]?.length ?? 0;
      for (let offset = 0; offset < blockLength; ) {
        const take = Math.min(frameSamples - filled, blockLength - offset);
        channels.forEach((channel, index) => channel.removeDc(block.channels[index]!.subarray(offset, offset + take), channel.window, filled));
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
        levelDb: channels.map((channel) => channel.level.values()),
        pitchHz: channels.map((channel) => channel.pitch.values()),
      };
    },
  };
}
