/**
 * Transcription settings: `TranscribeConfigSpec` is what a caller writes (any key may be left
 * out), `TranscribeConfig` the resolved, validated and frozen form the stage runs on.
 */
import os from 'node:os';
import path from 'node:path';
import { CallqaError } from '../../core/errors.ts';
import { languages, type Language } from '../result/call-result.ts';
import type { DecodingGuards } from './types.ts';
import { speechEngines, type SpeechEngine } from '../../models/manifest.ts';
import defaults from './transcribe-defaults.json' with { type: 'json' };

/** Weight formats transformers.js picks a file suffix for (fp32 none, fp16 `_fp16`, q8 `_quantized`, q4 `_q4`). */
export const whisperDtypes = ['fp32', 'fp16', 'q8', 'q4'] as const;
export type WhisperDtype = (typeof whisperDtypes)[number];
export const whisperSessionFiles = ['encoder_model', 'decoder_model_merged'] as const;
export type WhisperSessionFile = (typeof whisperSessionFiles)[number];

export interface TranscribeConfig {
  readonly engine: SpeechEngine;
  /** Directory holding the model: config.json, tokenizer.json, onnx/… of a Whisper export, or encoder/decoder/joiner and tokens.txt of a transducer. */
  readonly modelDir: string;
  /** Registry id of the model, e.g. "onnx-community/whisper-small_timestamped". */
  readonly modelId: string;
  readonly dtype: Readonly<Record<WhisperSessionFile, WhisperDtype>>;
  readonly allowedLanguages: readonly Language[];
  /** Skip detection and transcribe every call in this language. */
  readonly forcedLanguage: Language | null;
  /** Longest chunk fed to Whisper; its window is 30 s. */
  readonly maxChunkS: number;
  /** Speech regions are widened by this much on each side so word edges are not clipped. */
  readonly padS: number;
  /** Regions closer than this are joined with the audio between them; farther ones are cut apart. */
  readonly joinGapS: number;
  /** Silence put between regions that share a chunk, standing in for the pause that was cut out. */
  readonly separatorS: number;
  /** How many of a call's first chunks vote on its language. */
  readonly languageDetectionChunks: number;
  /** Decoding budget per chunk: this many tokens per second of chunk, within [minNewTokens, maxNewTokens]. */
  readonly maxTokensPerSecond: number;
  readonly minNewTokens: number;
  readonly maxNewTokens: number;
  /** 1 runs Whisper in this thread; more starts a worker_threads pool of that size (0 in a spec: one per core). */
  readonly workerCount: number;
  /** onnxruntime intra-op threads per worker; 0 lets onnxruntime choose. */
  readonly threadsPerWorker: number;
  readonly guards: DecodingGuards;
}

export type TranscribeConfigSpec = Partial<Omit<TranscribeConfig, 'dtype' | 'guards'>> &
  Pick<TranscribeConfig, 'modelDir' | 'modelId'> & { dtype?: Partial<Record<WhisperSessionFile, WhisperDtype>>; guards?: Partial<DecodingGuards> };

function invalid(key: string, detail: string): CallqaError {
  return new CallqaError('CQA_ERR_CONFIG_INVALID', `transcribe.${key}: ${detail}; fix the option or the config file`);
}

function requireNumber(key: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) throw invalid(key, `${value} is outside ${min}..${max}`);
  return value;
}

function requireLanguage(key: string, value: string): Language {
  if (!(languages as readonly string[]).includes(value)) throw invalid(key, `"${value}" is not one of ${languages.join(', ')}`);
  return value as Language;
}

function optionalNumber(key: string, value: number | null, min: number, max: number): number | null {
  return value === null ? null : requireNumber(key, value, min, max);
}

function resolveGuards(spec: Partial<DecodingGuards> | undefined): DecodingGuards {
  const { _comment, ...builtIn } = defaults.guards;
  const merged: DecodingGuards = { ...builtIn, ...spec };
  if (merged.temperatures.length === 0) throw invalid('guards.temperatures', 'name at least one temperature');
  return Object.freeze({
    temperatures: Object.freeze(merged.temperatures.map((temperature) => requireNumber('guards.temperatures', temperature, 0, 2))),
    compressionRatioThreshold: optionalNumber('guards.compressionRatioThreshold', merged.compressionRatioThreshold, 1, 100),
    logProbThreshold: optionalNumber('guards.logProbThreshold', merged.logProbThreshold, -100, 0),
    noSpeechThreshold: optionalNumber('guards.noSpeechThreshold', merged.noSpeechThreshold, 0, 1),
    repetitionMaxUnitTokens: Math.round(requireNumber('guards.repetitionMaxUnitTokens', merged.repetitionMaxUnitTokens, 1, 64)),
    repetitionMaxRepeats: Math.round(requireNumber('guards.repetitionMaxRepeats', merged.repetitionMaxRepeats, 1, 100)),
  });
}

/** Resolves a spec over the built-in defaults; throws CQA_ERR_CONFIG_INVALID naming the key. */
export function resolveTranscribeConfig(spec: TranscribeConfigSpec): TranscribeConfig {
  const merged = { ...defaults, ...spec, dtype: { ...defaults.dtype, ...spec.dtype }, guards: resolveGuards(spec.guards) };
  for (const file of whisperSessionFiles) {
    if (!(whisperDtypes as readonly string[]).includes(merged.dtype[file])) throw invalid(`dtype.${file}`, `"${merged.dtype[file]}" is not one of ${whisperDtypes.join(', ')}`);
  }
  const allowedLanguages = merged.allowedLanguages.map((code) => requireLanguage('allowedLanguages', code));
  if (allowedLanguages.length === 0) throw invalid('allowedLanguages', 'name at least one language');
  const forcedLanguage = merged.forcedLanguage === null ? null : requireLanguage('forcedLanguage', merged.forcedLanguage);
  if (!(speechEngines as readonly string[]).includes(merged.engine)) throw invalid('engine', `"${merged.engine}" is not one of ${speechEngines.join(', ')}`);
  return Object.freeze({
    engine: merged.engine as SpeechEngine,
    modelDir: path.resolve(merged.modelDir),
    modelId: merged.modelId,
    dtype: Object.freeze(merged.dtype as Record<WhisperSessionFile, WhisperDtype>),
    allowedLanguages: Object.freeze(allowedLanguages),
    forcedLanguage,
    maxChunkS: requireNumber('maxChunkS', merged.maxChunkS, 1, 30),
    padS: requireNumber('padS', merged.padS, 0, 2),
    joinGapS: requireNumber('joinGapS', merged.joinGapS, 0, 5),
    separatorS: requireNumber('separatorS', merged.separatorS, 0, 2),
    languageDetectionChunks: Math.round(requireNumber('languageDetectionChunks', merged.languageDetectionChunks, 1, 20)),
    maxTokensPerSecond: requireNumber('maxTokensPerSecond', merged.maxTokensPerSecond, 1, 50),
    minNewTokens: Math.round(requireNumber('minNewTokens', merged.minNewTokens, 1, 440)),
    maxNewTokens: Math.round(requireNumber('maxNewTokens', merged.maxNewTokens, 1, 440)),
    // 0 sizes the pool to the machine: one single-threaded worker per core beats one worker
    // with many intra-op threads, because Whisper's small decoder steps do not parallelise well.
    workerCount: Math.round(requireNumber('workerCount', merged.workerCount, 0, 256)) || os.availableParallelism(),
    threadsPerWorker: Math.round(requireNumber('threadsPerWorker', merged.threadsPerWorker, 0, 256)),
    guards: merged.guards,
  });
}
