/**
 * Submitting recordings to the analysis queue and following them until they are stored: what
 * `callqa enqueue` shows. A recording counts as done once the writer has stored its result (or
 * recorded its failure), not when a worker finished it.
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Effects } from '../core/effects.ts';
import type { CallRequest } from '../pipeline/analyze.ts';
import { describeProgress } from '../pipeline/run-batch.ts';
import { recordedOutcome, type AnalysisJobReturn, type RedisQueues } from './redis-queues.ts';

/** Queues each request as a job of its own; returns their ids in order. */
export async function enqueueRequests(queues: RedisQueues, requests: readonly CallRequest[]): Promise<string[]> {
  const jobs = await Promise.all(requests.map(async (request) => ({
    name: 'analyse',
    data: { request, sizeBytes: await stat(request.source).then((found) => found.size, () => 0) },
    opts: { jobId: randomUUID() },
  })));
  await queues.analysis.addBulk(jobs);
  return jobs.map((job) => job.opts.jobId);
}

/** How one job ended: stored (its analysis ok or failed), or a dead letter (never analysed). */
export type JobFate =
  | { state: 'stored'; analysis: AnalysisJobReturn; sizeBytes: number }
  | { state: 'dead'; source: string; reason: string; sizeBytes: number };

/** The fate of a job once it has one; `undefined` while it is still on its way. */
async function findFate(queues: RedisQueues, jobId: string): Promise<JobFate | undefined> {
  // The state first: a job read before it completed would carry no return value.
  const state = await queues.analysis.getJobState(jobId);
  const job = await queues.analysis.getJob(jobId);
  if (!job) return { state: 'dead', source: '?', reason: 'the job is no longer in the queue', sizeBytes: 0 };
  const { sizeBytes } = job.data;
  if (state === 'failed') return { state: 'dead', source: job.data.request.source, reason: job.failedReason, sizeBytes };
  if (state !== 'completed') return undefined;
  const result = await queues.results.getJob(job.returnvalue.runId);
  // Removed after storing (its age passed), or stored.
  const resultState = result ? await result.getState() : 'completed';
  if (resultState === 'failed') return { state: 'dead', source: job.data.request.source, reason: `not stored: ${result?.failedReason ?? ''}`, sizeBytes };
  return resultState === 'completed' ? { state: 'stored', analysis: recordedOutcome(job.returnvalue, result?.returnvalue), sizeBytes } : undefined;
}

export interface WatchedBatch {
  fates: Map<string, JobFate>;
  elapsedS: number;
  audioS: number;
}

/**
 * Polls the jobs until every one has a fate, logging `[done/total]`, × real time and the ETA
 * whenever more are done. Redis unreachable for a while (a restart) is waited out.
 */
export async function watchJobs(queues: RedisQueues, jobIds: readonly string[], effects: Effects, pollMs = 500): Promise<WatchedBatch> {
  const startedMs = effects.now();
  const fates = new Map<string, JobFate>();
  const totalBytes = (await Promise.all(jobIds.map(async (id) => (await queues.analysis.getJob(id))?.data.sizeBytes ?? 0)))
    .reduce((sum, size) => sum + size, 0);
  let audioS = 0;
  let doneBytes = 0;
  while (fates.size < jobIds.length) {
    const before = fates.size;
    for (const jobId of jobIds) {
      if (fates.has(jobId)) continue;
      const fate = await findFate(queues, jobId);
      if (!fate) continue;
      fates.set(jobId, fate);
      doneBytes += fate.sizeBytes;
      if (fate.state === 'stored') audioS += fate.analysis.durationS ?? 0;
    }
    if (fates.size > before) {
      const elapsedS = (effects.now() - startedMs) / 1000;
      effects.log(`[${fates.size}/${jobIds.length}] stored · ${describeProgress({ audioS, elapsedS, doneBytes, totalBytes })}`);
    }
    if (fates.size < jobIds.length) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return { fates, elapsedS: (effects.now() - startedMs) / 1000, audioS };
}
