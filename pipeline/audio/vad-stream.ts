/**
 * Streams a call's frames through Silero VAD in *lanes*: the call is cut into stretches of
 * `stretchFrames`; `lanes` consecutive stretches of every channel run side by side as rows of
 * one batch, each starting from silence and warmed up on the `warmUpFrames` before it. A batch
 * of 2 rows (one per stereo channel) runs ≈ 210× real time per core here; 8 rows ≈ 390×,
 * because a session call costs mostly its fixed overhead. The stretches depend only on frame
 * numbers, never on how blocks arrive, so results are the same for any block sizes.
 */
import type { DecodeSampleRateHz } from '../ingest/index.ts';
import { createColumn } from './column.ts';
import { createSileroVad, sileroWindowSamples } from './silero-session.ts';

export interface VadLaneLayout {
  lanes: number;
  stretchFrames: number;
  warmUpFrames: number;
}

/** Batch rows per session call; the gain flattens beyond 8 (models-notes: 562× at 8, 701× at 32). */
const targetRows = 8;
/**
 * Half a minute per stretch, so a 2-minute stereo call already fills 4 lanes. Silero's state
 * remembers far back: after a 1 s warm-up the probabilities differ from one sequential stream
 * by 0.007 on average (espeak-ng speech), about what any other earlier audio would cause.
 */
const stretchS = 30;
const warmUpS = 1;

/** The layout used unless a test asks for another: about 8 rows per batch, 2 minutes of audio buffered. */
export function defaultLaneLayout(channelCount: number, sampleRateHz: DecodeSampleRateHz): VadLaneLayout {
  const frameS = sileroWindowSamples(sampleRateHz) / sampleRateHz;
  return { lanes: Math.max(1, Math.round(targetRows / channelCount)), stretchFrames: Math.round(stretchS / frameS), warmUpFrames: Math.round(warmUpS / frameS) };
}

export interface VadStream {
  /** Takes the next frame of every channel (the arrays are copied, so callers may reuse them). */
  push(windows: readonly Float32Array[]): Promise<void>;
  /** Runs what is buffered; returns each channel's speech probability for every frame pushed. */
  finish(): Promise<Float32Array[]>;
}

/** Creates the VAD stream of one call; frames are buffered until a round of lanes is full. */
export async function createVadStream(channelCount: number, sampleRateHz: DecodeSampleRateHz, layout: VadLaneLayout): Promise<VadStream> {
  const frameSamples = sileroWindowSamples(sampleRateHz);
  const { lanes, stretchFrames, warmUpFrames } = layout;
  const roundFrames = lanes * stretchFrames;
  // Each channel's buffer holds frames [roundStart - warmUpFrames, roundStart + roundFrames).
  const buffers = Array.from({ length: channelCount }, () => new Float32Array((warmUpFrames + roundFrames) * frameSamples));
  const columns = Array.from({ length: channelCount }, () => createColumn((length) => new Float32Array(length)));
  const silentWindow = new Float32Array(frameSamples);
  let roundStart = 0;
  let buffered = 0;

  const windowOf = (channel: number, frame: number): Float32Array => {
    const offset = (frame - roundStart + warmUpFrames) * frameSamples;
    return buffers[channel]!.subarray(offset, offset + frameSamples);
  };

  async function runRound(): Promise<void> {
    const laneSpans = Array.from({ length: Math.ceil(buffered / stretchFrames) }, (_, lane) => {
      const outputFrom = roundStart + lane * stretchFrames;
      return { from: Math.max(0, outputFrom - warmUpFrames), outputFrom, to: Math.min(outputFrom + stretchFrames, roundStart + buffered) };
    });
    const vad = await createSileroVad(laneSpans.length * channelCount, sampleRateHz);
    const probabilities = Array.from({ length: channelCount }, () => new Float32Array(buffered));
    const steps = Math.max(...laneSpans.map((span) => span.to - span.from));
    for (let step = 0; step < steps; step++) {
      // A lane that has run out of frames is fed silence; its outputs are not kept.
      const windows = laneSpans.flatMap((span) =>
        buffers.map((_, channel) => (span.from + step < span.to ? windowOf(channel, span.from + step) : silentWindow)),
      );
      const rowProbabilities = await vad.next(windows);
      laneSpans.forEach((span, lane) => {
        const frame = span.from + step;
        if (frame < span.outputFrom || frame >= span.to) return;
        for (let channel = 0; channel < channelCount; channel++) {
          probabilities[channel]![frame - roundStart] = rowProbabilities[lane * channelCount + channel]!;
        }
      });
    }
    probabilities.forEach((values, channel) => values.forEach((value) => columns[channel]!.push(value)));
    // The round's last frames are the next round's warm-up.
    for (const buffer of buffers) buffer.copyWithin(0, roundFrames * frameSamples);
    roundStart += buffered;
    buffered = 0;
  }

  return {
    async push(windows) {
      windows.forEach((window, channel) => buffers[channel]!.set(window, (warmUpFrames + buffered) * frameSamples));
      buffered++;
      if (buffered === roundFrames) await runRound();
    },
    async finish() {
      if (buffered > 0) await runRound();
      return columns.map((column) => column.values());
    },
  };
}
