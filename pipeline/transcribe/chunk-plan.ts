/**
 * Which audio Whisper hears. Speech regions are padded and joined across short pauses into
 * pieces; pieces are packed into chunks of at most `maxChunkS` with a short silence between
 * them, so the pauses, hold music and silence between regions never reach the model. An
 * overfull chunk is cut at its longest pause (a turn boundary more often than not); a single
 * piece longer than a chunk is cut into equal parts, as no pause inside it is known.
 */
import type { TranscribeConfig } from './transcribe-config.ts';
import type { TimeSpan } from './types.ts';

/** A padded speech region, copied from the recording to `chunkStartS` within its chunk. */
export interface ChunkPiece {
  recordingStartS: number;
  recordingEndS: number;
  chunkStartS: number;
}

export interface ChunkPlan {
  channel: number;
  pieces: ChunkPiece[];
  /** Length of the chunk's audio: its pieces plus the separators between them. */
  durationS: number;
}

export type ChunkPlanSettings = Pick<TranscribeConfig, 'maxChunkS' | 'padS' | 'joinGapS' | 'separatorS'>;

const lengthS = (span: TimeSpan) => span.endS - span.startS;

function padAndJoin(regions: readonly TimeSpan[], recordingDurationS: number, settings: ChunkPlanSettings): TimeSpan[] {
  const padded = regions
    .map((region) => ({ startS: Math.max(0, region.startS - settings.padS), endS: Math.min(recordingDurationS, region.endS + settings.padS) }))
    .filter((span) => span.endS > span.startS)
    .sort((a, b) => a.startS - b.startS);
  const joined: TimeSpan[] = [];
  for (const span of padded) {
    const last = joined.at(-1);
    if (last && span.startS - last.endS <= settings.joinGapS) last.endS = Math.max(last.endS, span.endS);
    else joined.push({ ...span });
  }
  return joined;
}

function splitEvenly(span: TimeSpan, maxS: number): TimeSpan[] {
  const count = Math.ceil(lengthS(span) / maxS);
  const partS = lengthS(span) / count;
  return Array.from({ length: count }, (_, index) => ({ startS: span.startS + index * partS, endS: index === count - 1 ? span.endS : span.startS + (index + 1) * partS }));
}

function packedLengthS(spans: readonly TimeSpan[], separatorS: number): number {
  return spans.reduce((sum, span) => sum + lengthS(span), 0) + separatorS * Math.max(0, spans.length - 1);
}

/** Index to cut `spans` before: the longest pause that leaves a first part of at least half a chunk. */
function chooseCut(spans: readonly TimeSpan[], settings: ChunkPlanSettings): number {
  let best = 1;
  let bestGapS = -1;
  for (let cut = 1; cut < spans.length; cut++) {
    const firstS = packedLengthS(spans.slice(0, cut), settings.separatorS);
    if (firstS > settings.maxChunkS) break;
    const gapS = spans[cut]!.startS - spans[cut - 1]!.endS;
    const longEnough = firstS >= settings.maxChunkS / 2;
    if (longEnough && gapS > bestGapS) [best, bestGapS] = [cut, gapS];
    else if (bestGapS < 0) best = cut;
  }
  return best;
}

function toPlan(channel: number, spans: readonly TimeSpan[], separatorS: number): ChunkPlan {
  let chunkStartS = 0;
  const pieces = spans.map((span) => {
    const piece = { recordingStartS: span.startS, recordingEndS: span.endS, chunkStartS };
    chunkStartS += lengthS(span) + separatorS;
    return piece;
  });
  return { channel, pieces, durationS: packedLengthS(spans, separatorS) };
}

/** Plans one channel's chunks, in recording order, from its speech regions (seconds; pass Infinity for an unknown length). */
export function planSpeechChunks(
  channel: number,
  regions: readonly TimeSpan[],
  recordingDurationS: number,
  settings: ChunkPlanSettings,
): ChunkPlan[] {
  const spans = padAndJoin(regions, recordingDurationS, settings).flatMap((span) => splitEvenly(span, settings.maxChunkS));
  const plans: ChunkPlan[] = [];
  let current: TimeSpan[] = [];
  for (const span of spans) {
    current.push(span);
    while (packedLengthS(current, settings.separatorS) > settings.maxChunkS) {
      const cut = chooseCut(current, settings);
      plans.push(toPlan(channel, current.slice(0, cut), settings.separatorS));
      current = current.slice(cut);
    }
  }
  if (current.length > 0) plans.push(toPlan(channel, current, settings.separatorS));
  return plans;
}

/** Where seconds within a chunk fall in the recording; times in a separator snap to the end of the piece before. */
export function locateInRecording(plan: ChunkPlan, chunkS: number): { pieceIndex: number; recordingS: number } {
  let pieceIndex = 0;
  plan.pieces.forEach((piece, index) => {
    if (piece.chunkStartS <= chunkS) pieceIndex = index;
  });
  const piece = plan.pieces[pieceIndex]!;
  return { pieceIndex, recordingS: Math.min(piece.recordingEndS, piece.recordingStartS + Math.max(0, chunkS - piece.chunkStartS)) };
}
