/**
 * Cuts planned chunks out of one streaming pass over the call's PCM. Only the chunks being
 * filled are held (one per channel at most), so a long call costs no more memory than a short one.
 */
import type { PcmBlock } from '../ingest/index.ts';
import type { ChunkPlan } from './chunk-plan.ts';

/** A planned chunk with its samples: the pieces copied end to end, zeros in the separators. */
export interface SpeechChunk {
  plan: ChunkPlan;
  samples: Float32Array;
}

interface PieceFrames {
  firstFrame: number;
  endFrame: number;
  chunkOffset: number;
}

interface ChannelCursor {
  plans: readonly ChunkPlan[];
  next: number;
  filling: { pieces: PieceFrames[]; samples: Float32Array } | null;
}

function toFrames(plan: ChunkPlan, sampleRateHz: number): PieceFrames[] {
  return plan.pieces.map((piece) => ({
    firstFrame: Math.round(piece.recordingStartS * sampleRateHz),
    endFrame: Math.round(piece.recordingEndS * sampleRateHz),
    chunkOffset: Math.round(piece.chunkStartS * sampleRateHz),
  }));
}

function startFilling(plan: ChunkPlan, sampleRateHz: number): NonNullable<ChannelCursor['filling']> {
  const pieces = toFrames(plan, sampleRateHz);
  const length = Math.max(...pieces.map((piece) => piece.chunkOffset + piece.endFrame - piece.firstFrame));
  return { pieces, samples: new Float32Array(length) };
}

function copyOverlap(filling: NonNullable<ChannelCursor['filling']>, block: Float32Array, blockStartFrame: number): void {
  const blockEndFrame = blockStartFrame + block.length;
  for (const piece of filling.pieces) {
    const from = Math.max(piece.firstFrame, blockStartFrame);
    const to = Math.min(piece.endFrame, blockEndFrame);
    if (to > from) filling.samples.set(block.subarray(from - blockStartFrame, to - blockStartFrame), piece.chunkOffset + from - piece.firstFrame);
  }
}

/** Chunks that are complete once the block ending at `blockEndFrame` has been copied in. */
function* advance(cursor: ChannelCursor, block: Float32Array, blockStartFrame: number, sampleRateHz: number): Generator<SpeechChunk> {
  const blockEndFrame = blockStartFrame + block.length;
  while (cursor.next < cursor.plans.length) {
    const plan = cursor.plans[cursor.next]!;
    const firstFrame = Math.round(plan.pieces[0]!.recordingStartS * sampleRateHz);
    if (blockEndFrame <= firstFrame) return;
    cursor.filling ??= startFilling(plan, sampleRateHz);
    copyOverlap(cursor.filling, block, blockStartFrame);
    if (blockEndFrame < cursor.filling.pieces.at(-1)!.endFrame) return;
    yield { plan, samples: cursor.filling.samples };
    cursor.filling = null;
    cursor.next++;
  }
}

/**
 * Yields each planned chunk as soon as the stream has passed its end; chunks of different
 * channels interleave in the order they complete. A chunk cut short by the end of the audio
 * is yielded with zeros where audio was missing.
 */
export async function* cutSpeechChunks(pcm: AsyncIterable<PcmBlock>, plansPerChannel: readonly (readonly ChunkPlan[])[], sampleRateHz: number): AsyncGenerator<SpeechChunk> {
  const cursors: ChannelCursor[] = plansPerChannel.map((plans) => ({ plans, next: 0, filling: null }));
  for await (const block of pcm) {
    for (const [channel, cursor] of cursors.entries()) {
      const samples = block.channels[channel];
      if (samples) yield* advance(cursor, samples, block.startFrame, sampleRateHz);
    }
    if (cursors.every((cursor) => cursor.next === cursor.plans.length)) return;
  }
  for (const cursor of cursors) {
    if (cursor.filling) yield { plan: cursor.plans[cursor.next]!, samples: cursor.filling.samples };
  }
}
