/**
 * One chunk through a NeMo transducer: sherpa-onnx returns SentencePiece tokens with their start
 * times (and, for TDT models, durations) in chunk seconds; a token starting with a space starts a
 * word. Transducers decode without an autoregressive loop over text, so there is nothing for
 * Whisper's decoding guards to catch, and they do not identify the language.
 */
import type { ChunkRecognition, RecognisedWord, RecognitionRequest } from '../types.ts';
import { meanOrNull } from '../whisper/token-text.ts';
import type { LoadedTransducer } from './load-transducer.ts';

const sampleRateHz = 16000;

interface TimedPiece {
  text: string;
  startS: number;
  endS: number | null;
  probability: number | null;
}

function groupPieces(pieces: readonly TimedPiece[], chunkEndS: number): RecognisedWord[] {
  const words: { pieces: TimedPiece[] }[] = [];
  for (const piece of pieces) {
    const last = words.at(-1);
    if (last && !piece.text.startsWith(' ')) last.pieces.push(piece);
    else words.push({ pieces: [piece] });
  }
  return words
    .map(({ pieces: wordPieces }, index) => {
      const startS = Math.min(chunkEndS, wordPieces[0]!.startS);
      const nextStartS = words[index + 1]?.pieces[0]!.startS ?? chunkEndS;
      const endS = Math.min(chunkEndS, wordPieces.at(-1)!.endS ?? nextStartS);
      return { startS, endS: Math.max(startS, endS), text: wordPieces.map((piece) => piece.text).join('').trim(), confidence: meanOrNull(wordPieces.map((piece) => piece.probability)) };
    })
    .filter((word) => word.text.length > 0);
}

/**
 * Transcribes one chunk of ≤ 30 s of 16 kHz mono audio; times in the result are chunk seconds.
 * The language is the one asked for, else the first allowed one: analysis picks a transducer
 * only for a call whose language is forced (see models/manifest.json `speech_to_text`).
 */
export async function recogniseTransducerChunk(transducer: LoadedTransducer, request: RecognitionRequest): Promise<ChunkRecognition> {
  const durationS = request.samples.length / sampleRateHz;
  const stream = transducer.recognizer.createStream();
  stream.acceptWaveform({ samples: request.samples, sampleRate: sampleRateHz });
  const result = await transducer.recognizer.decodeAsync(stream);
  const pieces = result.tokens.map((text, index) => ({
    text,
    startS: result.timestamps[index] ?? 0,
    endS: result.durations ? (result.timestamps[index] ?? 0) + (result.durations[index] ?? 0) : null,
    probability: result.ys_log_probs?.[index] === undefined ? null : Math.exp(result.ys_log_probs[index]!),
  }));
  const words = groupPieces(pieces, durationS);
  const segments = words.length === 0 ? [] : [{ startS: words[0]!.startS, endS: words.at(-1)!.endS, text: words.map((word) => word.text).join(' '), words, confidence: meanOrNull(words.map((word) => word.confidence)) }];
  return { language: request.language ?? request.allowedLanguages[0]!, languageProbabilities: null, timing: 'word', segments, decoding: null, dropped: null };
}
