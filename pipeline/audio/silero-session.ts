/**
 * Silero VAD v5 applied through onnxruntime-node: one 32 ms window per row per run, every row
 * an independent stream (a channel, or a stretch of one: see vad-stream.ts) batched
 * into one session call. Loading is shared per process (models/onnx-session.ts); each batch
 * gets its own recurrent state and context.
 */
import { Tensor } from 'onnxruntime-node';
import { loadOnnxSession } from '../../models/onnx-session.ts';
import type { DecodeSampleRateHz } from '../ingest/index.ts';

export const sileroModelId = 'silero-vad-v5';

/** Window and context lengths the v5 model was trained with (snakers4/silero-vad, utils_vad.py). */
const windowSamplesAt = { 8000: 256, 16000: 512 } as const satisfies Record<DecodeSampleRateHz, number>;
const contextSamplesAt = { 8000: 32, 16000: 64 } as const satisfies Record<DecodeSampleRateHz, number>;
const stateUnits = 128;

export function sileroWindowSamples(sampleRateHz: DecodeSampleRateHz): number {
  return windowSamplesAt[sampleRateHz];
}

/** Speech probabilities for consecutive windows of a fixed number of independent rows. */
export interface SileroVad {
  /** Probability (0–1) per row that `windows[row]` holds speech; each row's windows must follow each other. */
  next(windows: readonly Float32Array[]): Promise<Float32Array>;
}

/**
 * Creates a batch of `rowCount` streams starting from silence: the recurrent state
 * [2, rows, 128] and each row's last context samples carry from one window to the next, as
 * the model expects of a stream.
 */
export async function createSileroVad(rowCount: number, sampleRateHz: DecodeSampleRateHz): Promise<SileroVad> {
  const session = await loadOnnxSession(sileroModelId);
  const windowSamples = windowSamplesAt[sampleRateHz];
  const contextSamples = contextSamplesAt[sampleRateHz];
  const rowSamples = contextSamples + windowSamples;
  // Each row is [context | window]; the context starts as silence, like the reference's reset.
  const rows = new Float32Array(rowCount * rowSamples);
  const input = new Tensor('float32', rows, [rowCount, rowSamples]);
  const rate = new Tensor('int64', BigInt64Array.from([BigInt(sampleRateHz)]), []);
  let state: Tensor = new Tensor('float32', new Float32Array(2 * rowCount * stateUnits), [2, rowCount, stateUnits]);
  return {
    async next(windows) {
      windows.forEach((window, row) => rows.set(window, row * rowSamples + contextSamples));
      const outputs = await session.run({ input, state, sr: rate });
      state = outputs.stateN as Tensor;
      // The next window's context is this window's tail.
      for (let row = 0; row < rowCount; row++) {
        const rowStart = row * rowSamples;
        rows.copyWithin(rowStart, rowStart + rowSamples - contextSamples, rowStart + rowSamples);
      }
      return outputs.output!.data as Float32Array;
    },
  };
}
