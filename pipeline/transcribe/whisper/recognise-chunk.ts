/**
 * One chunk through Whisper: features, the encoder once, language detection from the encoder
 * output when no language is given, then greedy decoding with word timestamps (cross-attention
 * DTW) where the export supports them, segment timestamps otherwise.
 */
import { LogitsProcessorList, type Tensor } from '@huggingface/transformers';
import type { ChunkRecognition, RecognitionRequest, RecognisedSegment } from '../types.ts';
import { ChoiceProbe, tokenProbabilities } from './choice-probe.ts';
import { detectLanguage } from './detect-language.ts';
import type { LoadedWhisper } from './load-whisper.ts';
import { groupWords, meanOrNull, splitSegments, type TimedToken } from './token-text.ts';

export const whisperSampleRateHz = 16000;
/** Whisper's encoder frame and timestamp step: 30 s over 1500 positions. */
const timestampStepS = 0.02;

/** The subset of WhisperForConditionalGeneration.generate options this stage passes. */
interface WhisperGenerateOptions {
  inputs: Tensor;
  encoder_outputs: Tensor;
  language: string;
  task: 'transcribe';
  max_new_tokens: number;
  logits_processor: LogitsProcessorList;
  return_timestamps?: boolean;
  output_attentions?: boolean;
  return_dict_in_generate?: boolean;
}

interface GeneratedWithAttentions {
  sequences: Tensor;
  cross_attentions: Tensor[][];
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

/** Length of the prompt <|startoftranscript|> <|lang|> <|transcribe|> [<|notimestamps|>] at the head of a sequence. */
function promptLength(sequence: readonly number[], whisper: LoadedWhisper): number {
  return sequence[3] === whisper.timestampBeginId - 1 ? 4 : 3;
}

function toTimedTokens(ids: readonly number[], startTimes: readonly (number | null)[], probe: ChoiceProbe): TimedToken[] {
  const probabilities = tokenProbabilities(probe.choices, ids);
  return ids.map((id, index) => ({ id, startS: startTimes[index] ?? null, probability: probabilities[index]! }));
}

async function decodeWithWords(whisper: LoadedWhisper, options: WhisperGenerateOptions, probe: ChoiceProbe, durationS: number): Promise<RecognisedSegment[]> {
  const generated = (await whisper.model.generate({ ...options, output_attentions: true, return_dict_in_generate: true } as never)) as unknown as GeneratedWithAttentions;
  const sequence = (generated.sequences.tolist() as bigint[][])[0]!.map(Number);
  const prompt = promptLength(sequence, whisper);
  // The DTW needs two or more generated tokens; one is just <|endoftext|> (nothing said).
  if (sequence.length - prompt < 2) return [];
  const alignmentHeads = (whisper.model.generation_config as unknown as { alignment_heads: number[][] }).alignment_heads;
  const numFrames = Math.ceil(durationS / timestampStepS);
  const times = whisper.model._extract_token_timestamps(generated, alignmentHeads, numFrames, timestampStepS, prompt);
  const startTimes = (times.tolist() as number[][])[0]!.slice(prompt).map((timeS) => Math.min(durationS, timeS));
  const tokens = toTimedTokens(sequence.slice(prompt), startTimes, probe);
  const words = groupWords(whisper.tokenizer, tokens, whisper.endOfTextId, durationS);
  if (words.length === 0) return [];
  const text = words.map((word) => word.text).join(' ');
  return [{ startS: words[0]!.startS, endS: words.at(-1)!.endS, text, words, confidence: meanOrNull(tokens.filter((token) => token.id < whisper.endOfTextId).map((token) => token.probability)) }];
}

async function decodeWithSegments(whisper: LoadedWhisper, options: WhisperGenerateOptions, probe: ChoiceProbe, durationS: number): Promise<RecognisedSegment[]> {
  const generated = (await whisper.model.generate({ ...options, return_timestamps: true } as never)) as Tensor;
  const sequence = (generated.tolist() as bigint[][])[0]!.map(Number);
  const prompt = promptLength(sequence, whisper);
  const tokens = toTimedTokens(sequence.slice(prompt), [], probe);
  const ids = { firstSpecialId: whisper.endOfTextId, timestampBeginId: whisper.timestampBeginId, timestampStepS };
  return splitSegments(whisper.tokenizer, tokens, ids, durationS);
}

/** Transcribes one chunk of ≤ 30 s of 16 kHz mono audio; times in the result are chunk seconds. */
export async function recogniseChunk(whisper: LoadedWhisper, request: RecognitionRequest): Promise<ChunkRecognition> {
  const durationS = request.samples.length / whisperSampleRateHz;
  const features = await whisper.extractFeatures(request.samples);
  const encoderOutputs = await encode(whisper, features);
  const guess = request.language === null ? await detectLanguage(whisper, encoderOutputs, request.allowedLanguages) : null;
  const language = request.language ?? guess!.language;
  const probe = new ChoiceProbe();
  // A fresh list per call: Whisper's generate appends its own processors to it.
  const logitsProcessor = new LogitsProcessorList();
  logitsProcessor.push(probe);
  const options: WhisperGenerateOptions = {
    inputs: features,
    encoder_outputs: encoderOutputs,
    language,
    task: 'transcribe',
    // Setting max_new_tokens also keeps transformers.js off its 30 s seek loop, which would re-read the padding.
    max_new_tokens: request.maxNewTokens,
    logits_processor: logitsProcessor,
  };
  const segments = whisper.wordTimestamps ? await decodeWithWords(whisper, options, probe, durationS) : await decodeWithSegments(whisper, options, probe, durationS);
  return { language, languageProbabilities: guess?.probabilities ?? null, timing: whisper.wordTimestamps ? 'word' : 'segment', segments };
}
