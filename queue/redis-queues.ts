/**
 * The two BullMQ queues on Redis that carry analysis between machines: `callqa-analysis`
 * (a recording to analyse, by file reference) from the server or `callqa enqueue` to the
 * workers, and `callqa-results` (the `callqa.call/1` outcome) from the workers to the one
 * process that owns the DuckDB file. Jobs never carry audio: workers read the recording from
 * a path every machine sees (a shared volume).
 */
import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import type { CallRequest } from '../pipeline/analyze.ts';
import type { AnalysedCall } from '../pipeline/record-call.ts';

export const analysisQueueName = 'callqa-analysis';
export const resultsQueueName = 'callqa-results';

/** A recording to analyse, named by path in the request; a server upload's job keeps its id in the queue. */
export interface AnalysisJobData {
  request: CallRequest;
  /** Of the recording, for progress by bytes. */
  sizeBytes: number;
}

/** What a results job returns once stored: a duplicate is a run recorded before. */
export type ResultJobReturn =
  | { status: 'ok'; callId: string }
  | { status: 'error'; error: { code: string; message: string } }
  | { status: 'duplicate' };

/** What an analysis job returns once its outcome is on the results queue. */
export interface AnalysisJobReturn {
  runId: string;
  status: 'ok' | 'error';
  callId: string | null;
  durationS: number | null;
  error: { code: string; message: string } | null;
}

export type ResultJobData = AnalysedCall;

/** A call's outcome as the writer recorded it: an ok analysis the store refused is an error. */
export function recordedOutcome(analysed: AnalysisJobReturn, stored: ResultJobReturn | undefined): AnalysisJobReturn {
  return stored?.status === 'error' ? { ...analysed, status: 'error', callId: null, error: stored.error } : analysed;
}

/**
 * Attempts count failures outside the analysis (Redis gone while handing the result on): an
 * unreadable or damaged recording is an outcome, recorded once, not a failure to retry. Jobs
 * that use up their attempts, or stall (a killed worker) more than the worker allows, stay in
 * the failed set: the dead letters `callqa jobs` and the API list.
 */
export const analysisJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { count: 10_000 },
} as const satisfies DefaultJobOptions;

/** Stored results are needed only until `callqa enqueue` has seen them stored. */
export const resultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { count: 10_000 },
} as const satisfies DefaultJobOptions;

/**
 * Connection options from a redis:// URL. `maxRetriesPerRequest: null` makes commands wait
 * through a Redis restart instead of failing, which is what BullMQ's workers need to
 * reconnect and carry on.
 */
export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export interface RedisQueues {
  analysis: Queue<AnalysisJobData, AnalysisJobReturn>;
  results: Queue<ResultJobData, ResultJobReturn>;
  close(): Promise<void>;
}

export function openRedisQueues(redisUrl: string): RedisQueues {
  const connection = redisConnection(redisUrl);
  const analysis = new Queue<AnalysisJobData, AnalysisJobReturn>(analysisQueueName, { connection, defaultJobOptions: analysisJobOptions });
  const results = new Queue<ResultJobData, ResultJobReturn>(resultsQueueName, { connection, defaultJobOptions: resultJobOptions });
  return { analysis, results, close: async () => void (await Promise.all([analysis.close(), results.close()])) };
}
