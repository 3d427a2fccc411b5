/**
 * Server options: loose in (`ApiOptionsSpec`, what a caller or the CLI passes), strict and
 * frozen out (`ApiOptions`). Limits live here as data; those a deployment tunes (queue limit,
 * DuckDB threads, folders) are settings, with their defaults in config/.
 */
import { settingsSchema } from '../config/index.ts';
import type { AnalyzeConfig } from '../pipeline/analyze-config.ts';
import { silentEffects, type Effects } from '../core/effects.ts';
import { CallqaError } from '../core/errors.ts';
import type { Store } from '../store/index.ts';
import { resolveDataFolders } from '../store/retention/delete-calls.ts';
import { resolveTokenLifetimeDays } from './services/tokens.ts';

export interface RateLimitBudget {
  /** Requests allowed per window. */
  maxRequests: number;
  windowMs: number;
}

export interface ApiOptions {
  store: Store;
  /** How uploads are analysed (models, rule packs, scorecard); the scorecard also drives coaching flags. */
  analyzeConfig: AnalyzeConfig;
  effects: Effects;
  /** Transcoded audio and cut clips; rebuilt on demand, safe to delete. */
  cacheDir: string;
  /** Uploaded recordings, one folder per sha256. */
  uploadsDir: string;
  /** Largest JSON body, in bytes. */
  bodyLimitBytes: number;
  /** Largest recording upload, in bytes. */
  uploadLimitBytes: number;
  /** An upload whose body sends nothing for this long is answered 408 and its partial file removed. */
  uploadIdleTimeoutMs: number;
  /** Per client address (before authentication) and per authenticated user. */
  rateLimit: { perAddress: RateLimitBudget; perUser: RateLimitBudget; maxTrackedKeys: number };
  /** Lifetime of a token issued over the API (POST /users) unless the request says; CALLQA_TOKEN_LIFETIME_DAYS, else 90. */
  tokenLifetimeDays: number;
  /** Jobs waiting or running before uploads are refused with 503. */
  queueLimit: number;
  /** Redis whose BullMQ queues carry uploads to `callqa worker` processes; null: the in-process queue analyses them. */
  redisUrl: string | null;
  /** Days after a call's evaluation within which its agent may dispute it; 0 turns disputes off. */
  disputeWindowDays: number;
  /** Calls that took place more than this many days ago are purged once a day; null keeps them. */
  retentionDays: number | null;
  /**
   * DuckDB worker threads, or null to keep DuckDB's default (one per core). The server runs one
   * query at a time, and its queries are small: on a busy 2-core machine, 1 thread halved the
   * list route's p95 (bench/api.bench.ts). Large exports gain from more.
   */
  duckdbThreads: number | null;
  /** Fastify's pino logger; off in tests. */
  logger: boolean | { level: string; stream?: NodeJS.WritableStream };
}

export type ApiOptionsSpec = Pick<ApiOptions, 'store'> & Partial<Omit<ApiOptions, 'store'>>;
export type ResolvableApiOptions = ApiOptionsSpec & Pick<ApiOptions, 'analyzeConfig'>;

const mebibyte = 1024 * 1024;

export const apiDefaults = {
  bodyLimitBytes: 64 * 1024,
  uploadLimitBytes: 512 * mebibyte,
  uploadIdleTimeoutMs: 30_000,
  rateLimit: {
    perAddress: { maxRequests: 1200, windowMs: 60_000 },
    perUser: { maxRequests: 600, windowMs: 60_000 },
    maxTrackedKeys: 10_000,
  },
  logger: false,
} as const satisfies Partial<ApiOptions>;

function requirePositive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `server option ${name} must be a positive number, got ${value}`);
  }
  return value;
}

function resolveThreads(threads: number | null): number | null {
  if (threads === null || (Number.isInteger(threads) && threads >= 1 && threads <= 256)) return threads;
  throw new CallqaError('CQA_ERR_CONFIG_INVALID', `server option duckdbThreads must be an integer from 1 to 256, got ${threads}`);
}

/** Fills defaults (folders beside the database file) and checks the limits. */
export function resolveApiOptions(spec: ResolvableApiOptions): ApiOptions {
  const folders = resolveDataFolders(spec.store.dbPath, spec);
  const rateLimit = spec.rateLimit ?? apiDefaults.rateLimit;
  for (const [name, budget] of Object.entries({ perAddress: rateLimit.perAddress, perUser: rateLimit.perUser })) {
    requirePositive(`rateLimit.${name}.maxRequests`, budget.maxRequests);
    requirePositive(`rateLimit.${name}.windowMs`, budget.windowMs);
  }
  return Object.freeze({
    store: spec.store,
    analyzeConfig: spec.analyzeConfig,
    effects: spec.effects ?? silentEffects,
    ...folders,
    bodyLimitBytes: requirePositive('bodyLimitBytes', spec.bodyLimitBytes ?? apiDefaults.bodyLimitBytes),
    uploadLimitBytes: requirePositive('uploadLimitBytes', spec.uploadLimitBytes ?? apiDefaults.uploadLimitBytes),
    rateLimit: Object.freeze({ ...rateLimit, maxTrackedKeys: requirePositive('rateLimit.maxTrackedKeys', rateLimit.maxTrackedKeys) }),
    uploadIdleTimeoutMs: requirePositive('uploadIdleTimeoutMs', spec.uploadIdleTimeoutMs ?? apiDefaults.uploadIdleTimeoutMs),
    tokenLifetimeDays: resolveTokenLifetimeDays(spec.tokenLifetimeDays),
    queueLimit: requirePositive('queueLimit', spec.queueLimit ?? settingsSchema.queueLimit.default),
    redisUrl: spec.redisUrl ?? settingsSchema.redisUrl.default,
    disputeWindowDays: spec.disputeWindowDays ?? settingsSchema.disputeWindowDays.default,
    retentionDays: spec.retentionDays ?? settingsSchema.retentionDays.default,
    duckdbThreads: resolveThreads(spec.duckdbThreads ?? settingsSchema.duckdbThreads.default),
    logger: spec.logger ?? apiDefaults.logger,
  });
}
