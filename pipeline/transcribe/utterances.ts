/**
 * From chunk time back to the recording: words are placed through the chunk's piece map and
 * grouped per piece (a padded speech region), so an utterance never spans a pause that was cut
 * out; segments (no word timing) become one utterance each.
 */
import type { DroppedChunk, Language, Party, Utterance } from '../result/call-result.ts';
import { locateInRecording, type ChunkPlan } from './chunk-plan.ts';
import type { ChunkRecognition, RecognisedWord } from './types.ts';
import { meanOrNull } from './whisper/token-text.ts';

const roundS = (seconds: number) => Math.round(seconds * 1000) / 1000;

interface PlacedWord {
  pieceIndex: number;
  start: number;
  end: number;
  text: string;
  confidence: number | null;
}

function placeWord(plan: ChunkPlan, word: RecognisedWord): PlacedWord {
  const start = locateInRecording(plan, word.startS);
  const end = locateInRecording(plan, word.endS);
  const pieceEndS = plan.pieces[start.pieceIndex]!.recordingEndS;
  const endS = end.pieceIndex === start.pieceIndex ? end.recordingS : pieceEndS;
  return { pieceIndex: start.pieceIndex, start: roundS(start.recordingS), end: roundS(Math.max(start.recordingS, endS)), text: word.text, confidence: word.confidence };
}

function utteranceOfWords(words: readonly PlacedWord[], party: Party, language: Language): Utterance {
  return {
    start: words[0]!.start,
    end: Math.max(...words.map((word) => word.end)),
    party,
    text: words.map((word) => word.text).join(' '),
    language,
    confidence: meanOrNull(words.map((word) => word.confidence)),
    words: words.map(({ start, end, text, confidence }) => (confidence === null ? { start, end, text } : { start, end, text, confidence })),
  };
}

/** Utterances of one recognised chunk, in recording seconds. */
export function toUtterances(plan: ChunkPlan, recognition: ChunkRecognition, party: Party): Utterance[] {
  const { language } = recognition;
  if (recognition.timing === 'segment') {
    return recognition.segments.map((segment) => {
      const start = roundS(locateInRecording(plan, segment.startS).recordingS);
      return { start, end: Math.max(start, roundS(locateInRecording(plan, segment.endS).recordingS)), party, text: segment.text, language, confidence: segment.confidence };
    });
  }
  const byPiece = new Map<number, PlacedWord[]>();
  for (const word of recognition.segments.flatMap((segment) => segment.words)) {
    const placed = placeWord(plan, word);
    byPiece.set(placed.pieceIndex, [...(byPiece.get(placed.pieceIndex) ?? []), placed]);
  }
  return [...byPiece.values()].map((words) => utteranceOfWords(words, party, language));
}

/** The record of a chunk whose text was dropped, spanning its speech in recording seconds; null for a kept chunk. */
export function toDroppedChunk(plan: ChunkPlan, recognition: ChunkRecognition, party: Party): DroppedChunk | null {
  if (recognition.dropped === null) return null;
  const measures = recognition.decoding;
  return {
    start: roundS(plan.pieces[0]!.recordingStartS),
    end: roundS(plan.pieces.at(-1)!.recordingEndS),
    party,
    reason: recognition.dropped,
    ...(measures && {
      temperature: measures.temperature,
      ...(measures.avgLogProb !== null && { avg_logprob: measures.avgLogProb }),
      ...(measures.compressionRatio !== null && { compression_ratio: measures.compressionRatio }),
      ...(measures.noSpeechProbability !== null && { no_speech_probability: measures.noSpeechProbability }),
    }),
  };
}
