/**
 * `callqa worker`'s engine: takes analysis jobs, runs every stage on the recording the job
 * names, and puts the outcome on the results queue for the database's owner to store. It
 * keeps nothing between jobs but its loaded models, so any number may run on any machine.
 */
import { Worker, type Job } from 'bullmq';
import type { Effects } from '../core/effects.ts';
import type { AnalyzeConfig } from '../pipeline/analyze-config.ts';
import { analyzeForRecording } from '../pipeline/record-call.ts';
import {
  analysisQueueName, redisConnection, resultJobOptions, type AnalysisJobData, type AnalysisJobReturn, type RedisQueues,
} from './redis-queues.ts';

export interface AnalysisWorkerOptions {
  redisUrl: string;
  queues: RedisQueues;
  config: AnalyzeConfig;
  /** Jobs analysed at once. */
  concurrency: number;
  /**
   * A job whose worker has not renewed its lock for this long is taken to be stalled (its
   * worker was killed) and given to another; the lock is renewed at half this interval.
   */
  stalledAfterS: number;
  effects: Effects;
}

/** How many times a job may stall before it becomes a dead letter: a recording that kills every worker that opens it must stop somewhere. */
const maxStalledCount = 2;

/** Starts taking jobs; `close()` finishes the jobs in flight and stops. */
export function startAnalysisWorker(options: AnalysisWorkerOptions): Worker<AnalysisJobData, AnalysisJobReturn> {
  const { queues, config, effects } = options;
  const lockMs = options.stalledAfterS * 1000;

  async function analyse(job: Job<AnalysisJobData, AnalysisJobReturn>): Promise<AnalysisJobReturn> {
    const jobEffects: Effects = { log: (line) => effects.log(`job ${job.id}: ${line}`), now: effects.now };
    const analysed = await analyzeForRecording(job.data.request, config, jobEffects);
    // The run id names the result's content, so handing the same result on twice adds one job.
    await queues.results.add('result', analysed, { ...resultJobOptions, jobId: analysed.run.runId });
    const { result } = analysed.outcome;
    jobEffects.log(`${result.source}: ${result.status}${result.error ? ` ${result.error.code}: ${result.error.message}` : ''}`);
    return {
      runId: analysed.run.runId, status: result.status, callId: result.status === 'ok' ? result.call_id : null,
      durationS: result.duration_s ?? null, error: result.error ?? null,
    };
  }

  const worker = new Worker<AnalysisJobData, AnalysisJobReturn>(analysisQueueName, analyse, {
    connection: redisConnection(options.redisUrl),
    concurrency: options.concurrency,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount,
  });
  // Redis gone is reported and waited out: the connection retries and the worker carries on.
  worker.on('error', (error) => effects.log(`worker: ${error.message}`));
  worker.on('failed', (job, error) => effects.log(`job ${job?.id ?? '?'}: failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
  return worker;
}
