/**
 * The server's queue on BullMQ, when `redisUrl` is set: uploads are queued on Redis for
 * `callqa worker` processes (on this machine or others, reading the uploads folder from a
 * shared volume), and the server, as the database's one writer, stores what they send back.
 * The `jobs` table keeps each upload's job; until its result is stored, its state is read
 * from the queue.
 */
import { randomUUID } from 'node:crypto';
import type { Effects } from '../../core/effects.ts';
import { CallqaError } from '../../core/errors.ts';
import { isQueueIdle, listDeadLetters } from '../../queue/queue-report.ts';
import { openRedisQueues, recordedOutcome, type RedisQueues } from '../../queue/redis-queues.ts';
import { startResultWriter } from '../../queue/result-writer.ts';
import { recordAnalysedCalls } from '../../store/index.ts';
import type { Job } from '../schemas/job.ts';
import type { JobQueue } from './job-queue.ts';
import { findJob, insertJob, markJobFinished } from './job-rows.ts';
import type { SerializedDb } from './serialized-db.ts';

interface RedisQueueSettings {
  redisUrl: string;
  limit: number;
  effects: Effects;
}

/** A queued job as it stands on Redis: running, set aside, or done (its outcome recorded in `jobs` now). */
async function followJob(db: SerializedDb, queues: RedisQueues, job: Job): Promise<Job> {
  // The state first: a job read before it completed would carry no return value.
  const state = await queues.analysis.getJobState(job.job_id);
  const queued = await queues.analysis.getJob(job.job_id);
  if (!queued) return job;
  if (state === 'active') return { ...job, status: 'running' };
  if (state === 'failed') {
    const error = { code: 'CQA_ERR_QUEUE_DEAD_LETTER', message: `${job.file_name}: ${queued.failedReason}` };
    await markJobFinished(db, job.job_id, { status: 'error', runId: null, error }, []);
  } else if (state === 'completed') {
    const resultState = await queues.results.getJobState(queued.returnvalue.runId);
    const analysed = recordedOutcome(queued.returnvalue, (await queues.results.getJob(queued.returnvalue.runId))?.returnvalue);
    if (resultState === 'failed') {
      const error = { code: 'CQA_ERR_QUEUE_DEAD_LETTER', message: `${job.file_name}: analysed but not stored` };
      await markJobFinished(db, job.job_id, { status: 'error', runId: analysed.runId, error }, []);
    } else if (resultState !== 'completed' && resultState !== 'unknown') {
      return { ...job, status: 'running' };
    } else if (analysed.status === 'error') {
      await markJobFinished(db, job.job_id, { status: 'error', runId: analysed.runId, error: analysed.error! }, []);
    } else {
      await markJobFinished(db, job.job_id, { status: 'ok', runId: analysed.runId, callId: analysed.callId! }, []);
    }
  } else {
    return job;
  }
  return (await findJob(db, job.job_id, []))!;
}

export async function createRedisJobQueue(db: SerializedDb, settings: RedisQueueSettings): Promise<JobQueue> {
  const queues = openRedisQueues(settings.redisUrl);
  const writer = startResultWriter({
    redisUrl: settings.redisUrl, effects: settings.effects,
    record: (calls) => db.exclusive((store) => recordAnalysedCalls(store, calls)),
  });
  await writer.waitUntilReady();
  return {
    async submit(submission) {
      const counts = await queues.analysis.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      const inQueue = Object.values(counts).reduce((sum, count) => sum + count, 0);
      if (inQueue >= settings.limit) {
        throw new CallqaError('CQA_ERR_API_QUEUE_FULL', `${inQueue} jobs are queued or running, the most the server takes; retry when some finish`);
      }
      const jobId = randomUUID();
      await insertJob(db, jobId, submission);
      const request = { source: submission.storedPath, agentChannel: submission.agentChannel, known: { agent_id: submission.agentId }, transcriptPath: null };
      await queues.analysis.add('analyse', { request, sizeBytes: submission.sizeBytes }, { jobId });
      return (await findJob(db, jobId, []))!;
    },
    async find(jobId) {
      const job = await findJob(db, jobId, []);
      return job?.status === 'queued' ? followJob(db, queues, job) : job;
    },
    deadLetters: () => listDeadLetters(queues),
    async whenIdle() {
      while (!(await isQueueIdle(queues))) await new Promise((resolve) => setTimeout(resolve, 100));
    },
    async close() {
      await writer.close();
      await queues.close();
    },
  };
}
