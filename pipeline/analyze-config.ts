/**
 * Analysis settings: `AnalyzeConfigSpec` is what the CLI or server was given, `AnalyzeConfig`
 * the resolved and frozen form with everything loaded once per batch — rule packs, scorecard,
 * and whether the Whisper and sentiment models are installed — so no call pays for it again.
 */
import path from 'node:path';
import type { Effects } from '../core/effects.ts';
import { CallqaError } from '../core/errors.ts';
import { analyzeDefaults } from './analyze-defaults.ts';
import { defaultInputLimits } from './ingest/index.ts';
import { languages, type Language, type RedactionMode } from './result/call-result.ts';
import { loadRedactConfig, type RedactConfig } from './redact-call.ts';
import { compileNamePattern, type NamePattern } from './metadata/index.ts';
import { loadJudgeConfig, type JudgeConfig } from './judge-call.ts';
import { findSentimentModel, type SentimentModelSettings } from './text/sentiment/index.ts';
import { findTransducerFiles, inspectWhisperModelDir, resolveTranscribeConfig, type TranscribeConfig, type WhisperDtype } from './transcribe/index.ts';
import { findSpeechModelFor, loadManifest } from '../models/manifest.ts';
import { loadModelLock } from '../models/pull.ts';

export interface AnalyzeConfigSpec {
  languages?: readonly string[];
  forcedLanguage?: string | null;
  /** A transcript file will stand in for speech-to-text, so a missing model is not worth a notice. */
  transcriptGiven?: boolean;
  /** File-name template (or `^regex`) that reads agent, queue, date… from each recording's name. */
  namePattern?: string | null;
  /** Folder that `callqa models pull` installs into. */
  modelsDir: string;
  /** Registry id of the Whisper model to use when it is installed. */
  whisperModelId: string;
  /** Registry id of the sentiment model to use when it is installed; default sentiment-multilingual. */
  sentimentModelId?: string;
  /** false: the agent's utterances are never scored for sentiment (EU AI Act Art. 5(1)(f)); default true. */
  agentSentiment?: boolean;
  /** Folder of the rule packs; default the shipped ones. */
  rulePacksDir?: string | null;
  /** Scorecard file; default the shipped one. */
  scorecardPath?: string | null;
  /** The resolved settings this analysis was started with and the layer each came from, recorded with each run. */
  settingsRecord: SettingsRecord;
  /** Longest recording accepted, in seconds, as given; default from pipeline/ingest/input-limits.json (6 h). */
  maxDurationS?: number | string;
  /** Personal data masked in stored text (text), also bleeped in served audio (text+audio), or kept (off); default text. */
  redaction?: RedactionMode;
}

/** Setting name → its value and where it came from (`flag --db`, `env CALLQA_DB`, `file <path>`, `default`). */
export type SettingsRecord = Readonly<Record<string, Readonly<{ value: unknown; source: string }>>>;

export interface AnalyzeConfig extends JudgeConfig, RedactConfig {
  readonly maxDurationS: number;
  readonly languages: readonly Language[];
  readonly forcedLanguage: Language | null;
  readonly namePattern: NamePattern | null;
  /** null when no Whisper model is installed: calls without a transcript file get none. */
  readonly transcription: TranscribeConfig | null;
  /** null when no sentiment model is installed: the rules stage reads negativity from its lexicon. */
  readonly sentiment: SentimentModelSettings | null;
  readonly settingsRecord: SettingsRecord;
}

function resolveMaxDurationS(value: number | string | undefined): number {
  if (value === undefined) return defaultInputLimits.maxDurationS;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `--max-duration-s must be a number of seconds above 0, got "${value}"`);
  }
  return seconds;
}

function resolveLanguage(option: string, value: string): Language {
  if (!(languages as readonly string[]).includes(value)) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `${option}: "${value}" is not one of ${languages.join(', ')}`);
  }
  return value as Language;
}

/** File precision per Whisper variant: q8 keeps the encoder in fp32, where 8-bit costs accuracy and saves little time. */
const dtypeOfVariant: Record<string, { encoder_model: WhisperDtype; decoder_model_merged: WhisperDtype }> = {
  q8: { encoder_model: 'fp32', decoder_model_merged: 'q8' },
  fp16: { encoder_model: 'fp16', decoder_model_merged: 'fp16' },
  fp32: { encoder_model: 'fp32', decoder_model_merged: 'fp32' },
};

/** The transcription settings for `modelId` when it is installed in `modelsDir`, else null; the registry says which engine runs it. */
async function findInstalledSpeechModel(modelId: string, modelsDir: string, allowed: readonly Language[], forcedLanguage: Language | null): Promise<TranscribeConfig | null> {
  const modelDir = path.join(modelsDir, modelId);
  const engine = loadManifest().models.find((model) => model.id === modelId)?.engine ?? 'whisper';
  const common = { engine, modelDir, modelId, allowedLanguages: allowed, forcedLanguage };
  if (engine === 'nemo-transducer') return (await findTransducerFiles(modelDir)).files ? resolveTranscribeConfig(common) : null;
  const installedVariant = (await loadModelLock(modelDir))?.variant;
  const dtype = installedVariant ? dtypeOfVariant[installedVariant] : undefined;
  const whisperConfig = resolveTranscribeConfig({ ...common, ...(dtype && { dtype }) });
  return (await inspectWhisperModelDir(modelDir, whisperConfig.dtype)).complete ? whisperConfig : null;
}

/**
 * A call of a forced language goes to the registry's model for that language when it is
 * installed (models/manifest.json `speech_to_text`): Parakeet and GigaAM identify no language,
 * so a call whose language is to be detected goes to Whisper (`whisperModelId`).
 */
async function resolveTranscription(spec: AnalyzeConfigSpec, allowed: readonly Language[], forcedLanguage: Language | null): Promise<TranscribeConfig | null> {
  const perLanguage = forcedLanguage ? findSpeechModelFor(forcedLanguage) : null;
  const fromRegistry = perLanguage && (await findInstalledSpeechModel(perLanguage.id, spec.modelsDir, allowed, forcedLanguage));
  return fromRegistry || findInstalledSpeechModel(spec.whisperModelId, spec.modelsDir, allowed, forcedLanguage);
}

/** Resolves and loads everything an analysis batch needs; says once when transcription is off. */
export async function resolveAnalyzeConfig(spec: AnalyzeConfigSpec, effects: Effects): Promise<AnalyzeConfig> {
  const allowed = (spec.languages ?? analyzeDefaults.languages).map((code) => resolveLanguage('--languages', code));
  const forcedLanguage = spec.forcedLanguage ? resolveLanguage('--language', spec.forcedLanguage) : null;
  const transcription = await resolveTranscription(spec, allowed, forcedLanguage);
  if (!transcription && !spec.transcriptGiven) {
    effects.log(
      `speech-to-text is off: model ${spec.whisperModelId} is not installed in ${spec.modelsDir}; ` +
        `calls without a transcript file (<name>.transcript.json, .vtt, .srt) get acoustic results only. ` +
        `Enable it with: callqa models pull ${spec.whisperModelId}`,
    );
  }
  const sentimentModelId = spec.sentimentModelId ?? analyzeDefaults.sentimentModelId;
  const sentiment = await findSentimentModel(spec.modelsDir, sentimentModelId);
  if (!sentiment) {
    effects.log(
      `sentiment model ${sentimentModelId} is not installed in ${spec.modelsDir}; calm-under-pressure reads negativity from the rule pack's lexicon. ` +
        `Enable it with: callqa models pull ${sentimentModelId}`,
    );
  }
  const judging = await loadJudgeConfig({
    languages: allowed, rulePacksDir: spec.rulePacksDir ?? null, scorecardPath: spec.scorecardPath ?? null, agentSentiment: spec.agentSentiment ?? true,
  });
  return Object.freeze({
    maxDurationS: resolveMaxDurationS(spec.maxDurationS),
    languages: Object.freeze(allowed),
    forcedLanguage,
    namePattern: spec.namePattern ? compileNamePattern(spec.namePattern) : null,
    transcription,
    sentiment,
    ...judging,
    ...loadRedactConfig(spec.redaction ?? analyzeDefaults.redaction, judging.rulePacks),
    settingsRecord: Object.freeze(Object.fromEntries(Object.entries(spec.settingsRecord).map(([key, entry]) => [key, Object.freeze({ ...entry })]))),
  });
}
