/**
 * Every setting callqa reads, as data: its type (TypeBox), built-in default, environment
 * variable, CLI flag and meaning. The README's Configuration table lists the same keys and a
 * test keeps the two in sync. Defaults that belong to a lower layer (the database file, the
 * Whisper model, the analysis languages) are read from there, so each is written once.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { defaultHubUrl, defaultModelsDir, defaultWhisperModelId } from '../models/locations.ts';
import { analyzeDefaults } from '../pipeline/analyze-defaults.ts';
import { defaultInputLimits } from '../pipeline/ingest/index.ts';
import { Language, redactionModes } from '../pipeline/result/call-result.ts';
import { defaultDbPath } from '../store/open-store.ts';

export interface SettingDefinition<S extends TSchema = TSchema> {
  readonly schema: S;
  readonly default: Static<S>;
  readonly env: `CALLQA_${string}`;
  /** The long flag, without its dashes. */
  readonly flag: string;
  readonly description: string;
  /** What a valid value looks like, for error messages. */
  readonly expected: string;
  /** How the text of a flag or environment variable becomes a value; file values are JSON already. */
  readonly fromText: (text: string) => unknown;
}

const asText = (text: string): unknown => text;
/** Anything but a plain integer stays text, so the schema check reports it as it was written. */
const asInteger = (text: string): unknown => (/^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : text);
/** Anything but a plain decimal number stays text, for the same reason. */
const asNumber = (text: string): unknown => (/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(text) ? Number(text) : text);
/** true/false (any case) become booleans; anything else stays text for the schema check to report. */
const asBoolean = (text: string): unknown => ({ true: true, false: false } as Record<string, boolean>)[text.trim().toLowerCase()] ?? text;
const asList = (text: string): unknown => text.split(',').map((item) => item.trim()).filter(Boolean);

const defineSetting = <S extends TSchema>(definition: SettingDefinition<S>): SettingDefinition<S> => Object.freeze(definition);

const Path = Type.String({ minLength: 1 });
const ModelId = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]*$' });

export const settingsSchema = Object.freeze({
  dbPath: defineSetting({
    schema: Path, default: defaultDbPath, env: 'CALLQA_DB', flag: 'db', fromText: asText,
    description: 'DuckDB file (created and migrated if needed)', expected: 'a file path',
  }),
  modelsDir: defineSetting({
    schema: Path, default: defaultModelsDir, env: 'CALLQA_MODELS_DIR', flag: 'models-dir', fromText: asText,
    description: 'Folder that `callqa models pull` installs into', expected: 'a folder path',
  }),
  whisperModelId: defineSetting({
    schema: ModelId, default: defaultWhisperModelId, env: 'CALLQA_WHISPER_MODEL', flag: 'whisper-model', fromText: asText,
    description: 'Speech-to-text model id from `callqa models list`', expected: 'a model id such as whisper-base',
  }),
  sentimentModelId: defineSetting({
    schema: ModelId, default: analyzeDefaults.sentimentModelId, env: 'CALLQA_SENTIMENT_MODEL', flag: 'sentiment-model', fromText: asText,
    description: 'Sentiment model id from `callqa models list`', expected: 'a model id such as sentiment-multilingual',
  }),
  languages: defineSetting({
    schema: Type.Array(Language, { minItems: 1, uniqueItems: true }), default: [...analyzeDefaults.languages],
    env: 'CALLQA_LANGUAGES', flag: 'languages', fromText: asList,
    description: 'Languages to detect among', expected: `a non-empty list of distinct codes from ${analyzeDefaults.languages.join(', ')} (comma-separated in flags and env)`,
  }),
  forcedLanguage: defineSetting({
    schema: Type.Union([Language, Type.Null()]), default: null, env: 'CALLQA_LANGUAGE', flag: 'language', fromText: asText,
    description: 'Force the call language instead of detecting it (null: detect)', expected: `one of ${analyzeDefaults.languages.join(', ')}`,
  }),
  agentChannel: defineSetting({
    schema: Type.Union([Type.Literal(0), Type.Literal(1)]), default: analyzeDefaults.agentChannel,
    env: 'CALLQA_AGENT_CHANNEL', flag: 'agent-channel', fromText: asInteger,
    description: 'Stereo channel that carries the agent; the other is the customer', expected: '0 or 1',
  }),
  maxDurationS: defineSetting({
    schema: Type.Number({ exclusiveMinimum: 0 }), default: defaultInputLimits.maxDurationS, env: 'CALLQA_MAX_DURATION_S', flag: 'max-duration-s', fromText: asNumber,
    description: 'Longest recording accepted, in seconds; longer ones fail with CQA_ERR_INPUT_TOO_LONG', expected: 'a number of seconds above 0',
  }),
  agentSentiment: defineSetting({
    schema: Type.Boolean(), default: true, env: 'CALLQA_AGENT_SENTIMENT', flag: 'agent-sentiment', fromText: asBoolean,
    description: "Score the agent's utterances with the sentiment model; false (EU AI Act Art. 5(1)(f): no emotion recognition of workers) scores, stores and serves customer sentiment only",
    expected: 'true or false',
  }),
  redaction: defineSetting({
    schema: Type.Union(redactionModes.map((mode) => Type.Literal(mode))), default: analyzeDefaults.redaction, env: 'CALLQA_REDACTION', flag: 'redaction', fromText: asText,
    description: 'Personal data in transcripts (card and phone numbers, IBANs, e-mail addresses, birth dates, requested data items): text masks it in everything stored and served, text+audio also bleeps it in served audio and clips, off keeps it',
    expected: redactionModes.join(', '),
  }),
  namePattern: defineSetting({
    schema: Type.Union([Type.String({ minLength: 1 }), Type.Null()]), default: null, env: 'CALLQA_NAME_PATTERN', flag: 'name-pattern', fromText: asText,
    description: "How recordings' file names give agent, queue, date…: a template such as {date:YYYYMMDD}-{time:HHmmss}_{agent}_{queue}.wav, or a ^regex with named groups (null: none)",
    expected: 'a template or a regular expression starting with ^',
  }),
  rulePacksDir: defineSetting({
    schema: Type.Union([Path, Type.Null()]), default: null, env: 'CALLQA_RULE_PACKS', flag: 'rule-packs', fromText: asText,
    description: 'Folder of rule packs (<language>.json and the base they extend) calls are judged with (null: the shipped pipeline/rules/packs/)',
    expected: 'a folder path',
  }),
  scorecardPath: defineSetting({
    schema: Type.Union([Path, Type.Null()]), default: null, env: 'CALLQA_SCORECARD', flag: 'scorecard', fromText: asText,
    description: 'Scorecard file calls are scored with (null: the shipped pipeline/score/scorecard.json)', expected: 'a file path',
  }),
  duckdbThreads: defineSetting({
    schema: Type.Union([Type.Integer({ minimum: 1, maximum: 256 }), Type.Null()]), default: null,
    env: 'CALLQA_DB_THREADS', flag: 'db-threads', fromText: asInteger,
    description: "DuckDB worker threads for the server (null: DuckDB's, one per core); 1–2 keep small queries fast on a busy machine",
    expected: 'an integer from 1 to 256',
  }),
  host: defineSetting({
    schema: Type.String({ minLength: 1 }), default: '127.0.0.1', env: 'CALLQA_HOST', flag: 'host', fromText: asText,
    description: 'Address the server listens on; 0.0.0.0 exposes it to the network', expected: 'a host name or IP address',
  }),
  port: defineSetting({
    schema: Type.Integer({ minimum: 0, maximum: 65_535 }), default: 8080, env: 'CALLQA_PORT', flag: 'port', fromText: asInteger,
    description: 'TCP port of the server (0 picks a free one)', expected: 'an integer from 0 to 65535',
  }),
  uploadsDir: defineSetting({
    schema: Type.Union([Path, Type.Null()]), default: null, env: 'CALLQA_UPLOADS_DIR', flag: 'uploads-dir', fromText: asText,
    description: 'Folder for uploaded recordings (null: uploads/ beside the database file)', expected: 'a folder path',
  }),
  cacheDir: defineSetting({
    schema: Type.Union([Path, Type.Null()]), default: null, env: 'CALLQA_CACHE_DIR', flag: 'cache-dir', fromText: asText,
    description: 'Folder for transcoded audio and clips, safe to delete (null: cache/ beside the database file)', expected: 'a folder path',
  }),
  queueLimit: defineSetting({
    schema: Type.Integer({ minimum: 1 }), default: 100, env: 'CALLQA_QUEUE_LIMIT', flag: 'queue-limit', fromText: asInteger,
    description: 'Upload jobs waiting or running before the server answers 503', expected: 'a positive integer',
  }),
  redisUrl: defineSetting({
    schema: Type.Union([Type.String({ pattern: '^rediss?://' }), Type.Null()]), default: null, env: 'CALLQA_REDIS_URL', flag: 'redis', fromText: asText,
    description: 'Redis (or Valkey) whose BullMQ queues carry analysis jobs to `callqa worker` processes (null: analyse in the server\'s own in-process queue)',
    expected: 'a redis:// or rediss:// URL',
  }),
  disputeWindowDays: defineSetting({
    schema: Type.Integer({ minimum: 0, maximum: 365 }), default: 7, env: 'CALLQA_DISPUTE_WINDOW_DAYS', flag: 'dispute-window-days', fromText: asInteger,
    description: "Days after a call's evaluation (its analysis, or its newest review) within which its agent may dispute it (0: no disputes)",
    expected: 'an integer from 0 to 365',
  }),
  retentionDays: defineSetting({
    schema: Type.Union([Type.Integer({ minimum: 1, maximum: 36_500 }), Type.Null()]), default: null,
    env: 'CALLQA_RETENTION_DAYS', flag: 'retention-days', fromText: asInteger,
    description: 'Calls that took place more than this many days ago are deleted by `callqa purge` and by the server daily (null: kept until deleted)',
    expected: 'an integer from 1 to 36500',
  }),
  hubUrl: defineSetting({
    schema: Type.String({ pattern: '^https?://' }), default: defaultHubUrl, env: 'CALLQA_HUB_URL', flag: 'hub-url', fromText: asText,
    description: 'Hugging Face Hub, or a mirror of it, that `callqa models pull` downloads from', expected: 'an http(s) URL',
  }),
});

export type SettingKey = keyof typeof settingsSchema;
export type SettingValue<K extends SettingKey> = Static<(typeof settingsSchema)[K]['schema']>;
export const settingKeys = Object.freeze(Object.keys(settingsSchema) as SettingKey[]);

/** The settings that decide how a call is analysed: recorded with each analysis run, by the CLI and the server alike. */
export const analysisSettingKeys = Object.freeze([
  'agentChannel', 'languages', 'forcedLanguage', 'maxDurationS', 'namePattern', 'modelsDir', 'whisperModelId', 'sentimentModelId', 'agentSentiment',
  'redaction', 'rulePacksDir', 'scorecardPath',
] as const satisfies readonly SettingKey[]);
