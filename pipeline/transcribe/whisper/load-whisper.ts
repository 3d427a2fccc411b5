/**
 * Loads a Whisper export through transformers.js, offline, once per thread: concurrent callers
 * share one in-flight promise, so a worker never holds two copies of the same model.
 */
import { AutoProcessor, AutoTokenizer, WhisperForConditionalGeneration, type PreTrainedTokenizer, type Tensor } from '@huggingface/transformers';
import { CallqaError } from '../../../core/errors.ts';
import { languages, type Language } from '../../result/call-result.ts';
import type { TranscribeConfig } from '../transcribe-config.ts';
import { inspectWhisperModelDir } from './model-files.ts';
import { createLoadOnce } from '../../../models/load-once.ts';
import { configureOfflineTransformers } from '../../../models/transformers-env.ts';

export type WhisperLoadSettings = Pick<TranscribeConfig, 'modelDir' | 'modelId' | 'dtype' | 'threadsPerWorker'>;

/** The generation_config.json keys this stage relies on. */
interface WhisperGenerationFacts {
  lang_to_id: Record<string, number>;
  decoder_start_token_id: number;
  eos_token_id: number;
  no_timestamps_token_id: number;
  alignment_heads?: [number, number][] | null;
}

export interface LoadedWhisper {
  modelId: string;
  model: WhisperForConditionalGeneration;
  tokenizer: PreTrainedTokenizer;
  /** Log-mel features of up to 30 s of 16 kHz audio, zero-padded to the 30 s window. */
  extractFeatures(samples: Float32Array): Promise<Tensor>;
  /** True when the export returns cross-attentions and names alignment heads (the `_timestamped` exports). */
  wordTimestamps: boolean;
  /** Token id of every language the model knows, for detection over all of them. */
  languageTokenIds: ReadonlyMap<string, number>;
  callqaLanguageTokenIds: ReadonlyMap<Language, number>;
  startOfTranscriptId: number;
  endOfTextId: number;
  /** <|nospeech|> (large-v3) or <|nocaptions|> (earlier multilingual models): the token just before <|notimestamps|>. */
  noSpeechId: number;
  /** First timestamp token (<|0.00|>); every id from here on is a timestamp. */
  timestampBeginId: number;
  loadMs: number;
}

/**
 * transformers.js 4.3.1's generate keeps only the model's `forward_params` from its arguments, so
 * `encoder_outputs` handed to it is dropped and the encoder runs a second time. Declaring it a
 * forward parameter of this instance lets the chunk's one encoding reach every decoder step.
 */
function acceptEncoderOutputs(model: WhisperForConditionalGeneration): void {
  const withParams = model as unknown as { forward_params: string[] };
  if (!withParams.forward_params.includes('encoder_outputs')) withParams.forward_params = [...withParams.forward_params, 'encoder_outputs'];
}

async function loadUncached(settings: WhisperLoadSettings): Promise<LoadedWhisper> {
  const check = await inspectWhisperModelDir(settings.modelDir, settings.dtype);
  if (!check.complete) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `Whisper model ${settings.modelId} in ${settings.modelDir} lacks ${check.missing.join(', ')}; run callqa models pull or copy the files there`);
  }
  configureOfflineTransformers();
  const startedMs = Date.now();
  const sessionOptions = settings.threadsPerWorker > 0 ? { intraOpNumThreads: settings.threadsPerWorker, interOpNumThreads: 1 } : {};
  const [processor, tokenizer, model] = await Promise.all([
    AutoProcessor.from_pretrained(settings.modelDir),
    AutoTokenizer.from_pretrained(settings.modelDir),
    WhisperForConditionalGeneration.from_pretrained(settings.modelDir, { dtype: { ...settings.dtype }, session_options: sessionOptions }),
  ]).catch((cause: unknown) => {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `Whisper model ${settings.modelId} in ${settings.modelDir} failed to load (${String(cause)}); pull it again`, { cause });
  });
  acceptEncoderOutputs(model as WhisperForConditionalGeneration);
  const facts = model.generation_config as unknown as WhisperGenerationFacts;
  const languageTokenIds = new Map(Object.entries(facts.lang_to_id).map(([token, id]) => [token.slice(2, -2), id] as const));
  const decoderOutputs: readonly string[] = (model.sessions['decoder_model_merged'] as { outputNames: string[] }).outputNames;
  return {
    modelId: settings.modelId,
    model: model as WhisperForConditionalGeneration,
    tokenizer,
    extractFeatures: async (samples) => ((await processor(samples)) as { input_features: Tensor }).input_features,
    wordTimestamps: (facts.alignment_heads?.length ?? 0) > 0 && decoderOutputs.includes('cross_attentions.0'),
    languageTokenIds,
    callqaLanguageTokenIds: new Map(languages.flatMap((code) => (languageTokenIds.has(code) ? [[code, languageTokenIds.get(code)!] as const] : []))),
    startOfTranscriptId: facts.decoder_start_token_id,
    endOfTextId: facts.eos_token_id,
    noSpeechId: facts.no_timestamps_token_id - 1,
    timestampBeginId: facts.no_timestamps_token_id + 1,
    loadMs: Date.now() - startedMs,
  };
}

/** Loads the model once per thread and settings. */
export const loadWhisper: (settings: WhisperLoadSettings) => Promise<LoadedWhisper> = createLoadOnce(
  (settings) => JSON.stringify([settings.modelDir, settings.dtype, settings.threadsPerWorker]),
  loadUncached,
);
