/** What `callqa jobs` and the API show of the Redis queues: counts per state, and the dead letters. */
import type { RedisQueues } from './redis-queues.ts';

export interface DeadLetter {
  jobId: string;
  queue: 'analysis' | 'results';
  source: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

export interface QueueReport {
  analysis: Record<string, number>;
  results: Record<string, number>;
  deadLetters: DeadLetter[];
}

const countedStates = ['waiting', 'active', 'delayed', 'completed', 'failed'] as const;

/** Jobs that used up their attempts or stalled too often, newest first; `limit` per queue. */
export async function listDeadLetters(queues: RedisQueues, limit = 100): Promise<DeadLetter[]> {
  const [analysis, results] = await Promise.all([queues.analysis.getFailed(0, limit - 1), queues.results.getFailed(0, limit - 1)]);
  const toLetter = (queue: DeadLetter['queue'], job: (typeof analysis)[number] | (typeof results)[number]): DeadLetter => ({
    jobId: String(job.id),
    queue,
    source: 'request' in job.data ? job.data.request.source : job.data.run.source,
    reason: job.failedReason,
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  });
  return [...analysis.map((job) => toLetter('analysis', job)), ...results.map((job) => toLetter('results', job))];
}

/** Whether nothing is waiting, delayed or being worked on in either queue. */
export async function isQueueIdle(queues: RedisQueues): Promise<boolean> {
  const counts = await Promise.all([queues.analysis, queues.results].map((queue) => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
  return counts.every((count) => Object.values(count).every((value) => value === 0));
}

export async function readQueueReport(queues: RedisQueues): Promise<QueueReport> {
  const [analysis, results, deadLetters] = await Promise.all([
    queues.analysis.getJobCounts(...countedStates), queues.results.getJobCounts(...countedStates), listDeadLetters(queues),
  ]);
  return { analysis, results, deadLetters };
}
