/**
 * One chunk through Whisper: features, the encoder once, a first decoder step for the language
 * (when none is given) and the no-speech probability, then decoding at rising temperatures
 * until an attempt passes the guards (./decoding-guards.ts), with word timestamps
 * (cross-attention DTW) where the export supports them, segment timestamps otherwise.
 */
import { LogitsProcessorList, type Tensor } from '@huggingface/transformers';
import type { ChunkRecognition, DecodingMeasures, DropReason, RecognitionRequest, RecognisedSegment } from '../types.ts';
import { compressionRatio, judgeAttempt, RepetitionStop } from './decoding-guards.ts';
import { readFirstStep } from './first-step.ts';
import type { LoadedWhisper } from './load-whisper.ts';
import { groupWords, meanOrNull, splitSegments, type TimedToken } from './token-text.ts';
import { TokenLogProbs } from './token-log-probs.ts';

export const whisperSampleRateHz = 16000;
/** Whisper's encoder frame and timestamp step: 30 s over 1500 positions. */
const timestampStepS = 0.02;

interface GeneratedWithAttentions {
  sequences: Tensor;
  cross_attentions: Tensor[][];
}

/** One decode at one temperature, before its words are timed. */
interface Attempt {
  temperature: number;
  sequence: number[];
  promptLength: number;
  logProbs: number[];
  text: string;
  repeated: boolean;
  /** Present when decoded with cross-attentions (word timing). */
  generated: GeneratedWithAttentions | null;
}

async function encode(whisper: LoadedWhisper, features: Tensor): Promise<Tensor> {
  const prepared = (await whisper.model._prepare_encoder_decoder_kwargs_for_generation({
    inputs_tensor: features,
    model_inputs: { input_features: features },
    model_input_name: 'input_features',
    generation_config: whisper.model.generation_config,
  })) as { encoder_outputs: Tensor };
  return prepared.encoder_outputs;
}

/** The prompt <|startoftranscript|> <|lang|> <|transcribe|>, plus <|notimestamps|> when timestamps are not decoded. */
function promptLengthOf(whisper: LoadedWhisper): number {
  return whisper.wordTimestamps ? 4 : 3;
}

function textOf(whisper: LoadedWhisper, ids: readonly number[]): string {
  const textIds = ids.filter((id) => id < whisper.endOfTextId);
  // transformers.js's decode rejects an empty list: a chunk that ends at once says nothing.
  return textIds.length === 0 ? '' : whisper.tokenizer.decode(textIds).trim();
}

async function decodeAttempt(whisper: LoadedWhisper, features: Tensor, encoderOutputs: Tensor, language: string, temperature: number, request: RecognitionRequest): Promise<Attempt> {
  const scores = new TokenLogProbs(temperature);
  const promptLength = promptLengthOf(whisper);
  const repetition = new RepetitionStop(promptLength, whisper.endOfTextId, request.guards);
  // A fresh list per call: Whisper's generate appends its own processors to it.
  const logitsProcessor = new LogitsProcessorList();
  logitsProcessor.push(scores);
  logitsProcessor.push(repetition);
  const sampling = temperature > 0 ? { do_sample: true, temperature, top_k: 0 } : { do_sample: false };
  const options = {
    inputs: features,
    encoder_outputs: encoderOutputs,
    language,
    task: 'transcribe',
    // Setting max_new_tokens also keeps transformers.js off its 30 s seek loop, which would re-read the padding.
    max_new_tokens: request.maxNewTokens,
    logits_processor: logitsProcessor,
    ...sampling,
    ...(whisper.wordTimestamps ? { output_attentions: true, return_dict_in_generate: true } : { return_timestamps: true }),
  };
  const output = (await whisper.model.generate(options as never)) as unknown;
  const generated = whisper.wordTimestamps ? (output as GeneratedWithAttentions) : null;
  const sequences = generated ? generated.sequences : (output as Tensor);
  const rawSequence = (sequences.tolist() as bigint[][])[0]!;
  scores.settle(rawSequence);
  const sequence = rawSequence.map(Number);
  return { temperature, sequence, promptLength, logProbs: scores.logProbs, text: textOf(whisper, sequence.slice(promptLength)), repeated: repetition.tripped, generated };
}

function toTimedTokens(attempt: Attempt, startTimes: readonly (number | null)[]): TimedToken[] {
  return attempt.sequence.slice(attempt.promptLength).map((id, index) => ({ id, startS: startTimes[index] ?? null, probability: Math.exp(attempt.logProbs[index] ?? Number.NaN) }));
}

function wordSegments(whisper: LoadedWhisper, attempt: Attempt, durationS: number): RecognisedSegment[] {
  // The DTW needs two or more generated tokens; one is just <|endoftext|> (nothing said).
  if (attempt.sequence.length - attempt.promptLength < 2 || !attempt.generated) return [];
  const alignmentHeads = (whisper.model.generation_config as unknown as { alignment_heads: number[][] }).alignment_heads;
  const numFrames = Math.ceil(durationS / timestampStepS);
  const times = whisper.model._extract_token_timestamps(attempt.generated, alignmentHeads, numFrames, timestampStepS, attempt.promptLength);
  const startTimes = (times.tolist() as number[][])[0]!.slice(attempt.promptLength).map((timeS) => Math.min(durationS, timeS));
  const tokens = toTimedTokens(attempt, startTimes);
  const words = groupWords(whisper.tokenizer, tokens, whisper.endOfTextId, durationS);
  if (words.length === 0) return [];
  const text = words.map((word) => word.text).join(' ');
  return [{ startS: words[0]!.startS, endS: words.at(-1)!.endS, text, words, confidence: meanOrNull(tokens.filter((token) => token.id < whisper.endOfTextId).map((token) => token.probability)) }];
}

function timestampSegments(whisper: LoadedWhisper, attempt: Attempt, durationS: number): RecognisedSegment[] {
  const ids = { firstSpecialId: whisper.endOfTextId, timestampBeginId: whisper.timestampBeginId, timestampStepS };
  return splitSegments(whisper.tokenizer, toTimedTokens(attempt, []), ids, durationS);
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length);

function measure(attempt: Attempt, noSpeechProbability: number): DecodingMeasures {
  return { temperature: attempt.temperature, avgLogProb: mean(attempt.logProbs), compressionRatio: compressionRatio(attempt.text), noSpeechProbability };
}

/** Transcribes one chunk of ≤ 30 s of 16 kHz mono audio; times in the result are chunk seconds. */
export async function recogniseChunk(whisper: LoadedWhisper, request: RecognitionRequest): Promise<ChunkRecognition> {
  const durationS = request.samples.length / whisperSampleRateHz;
  const features = await whisper.extractFeatures(request.samples);
  const encoderOutputs = await encode(whisper, features);
  const firstStep = await readFirstStep(whisper, encoderOutputs, request.allowedLanguages);
  const language = request.language ?? firstStep.language;
  const timing = whisper.wordTimestamps ? 'word' : 'segment';
  const recognition = { language, languageProbabilities: request.language === null ? firstStep.languageProbabilities : null, timing } as const;
  let dropped: DropReason = 'avg_logprob';
  let last: Attempt | null = null;
  for (const temperature of request.guards.temperatures) {
    last = await decodeAttempt(whisper, features, encoderOutputs, language, temperature, request);
    const verdict = judgeAttempt({ text: last.text, avgLogProb: mean(last.logProbs), repeated: last.repeated }, firstStep.noSpeechProbability, request.guards);
    if (verdict === null) {
      const segments = whisper.wordTimestamps ? wordSegments(whisper, last, durationS) : timestampSegments(whisper, last, durationS);
      return { ...recognition, segments, decoding: measure(last, firstStep.noSpeechProbability), dropped: null };
    }
    dropped = verdict;
    if (verdict === 'no_speech') break;
  }
  return { ...recognition, segments: [], decoding: last && measure(last, firstStep.noSpeechProbability), dropped };
}
