/**
 * The in-process analysis queue. The server is the single writer of its DuckDB file, so
 * uploads are analysed inside it, one job at a time (analysis is CPU-heavy; running two would
 * only make both slower). Jobs are rows in `jobs`, so their status survives a restart: queued
 * jobs resume, a job cut off mid-analysis is marked abandoned. The database is touched only
 * under the server's lock, and the slow part, the analysis, outside it, so reads go on while a
 * recording is analysed.
 */
import { randomUUID } from 'node:crypto';
import type { Effects } from '../../core/effects.ts';
import { CallqaError, toCallqaError } from '../../core/errors.ts';
import type { AnalyzeConfig } from '../../pipeline/analyze-config.ts';
import { analyzeAndRecord } from '../../pipeline/record-call.ts';
import { createCallWriter } from '../../store/index.ts';
import type { DeadLetter } from '../../queue/queue-report.ts';
import type { Job } from '../schemas/job.ts';
import { findJob, insertJob, listQueuedJobs, markJobFinished, markJobRunning, type JobOutcome, type JobSubmission } from './job-rows.ts';
import type { SerializedDb } from './serialized-db.ts';
import { removeUpload } from './upload-store.ts';

/**
 * The server's analysis queue, whichever runs it: this in-process one, or BullMQ on Redis
 * (`redis-job-queue.ts`) when `redisUrl` is set. The upload route and the job routes see only this.
 */
export interface JobQueue {
  submit(submission: JobSubmission): Promise<Job>;
  find(jobId: string): Promise<Job | undefined>;
  /** Jobs set aside after using up their attempts; the in-process queue never sets one aside. */
  deadLetters(): Promise<DeadLetter[]>;
  /** Resolves when no job is queued or running; for tests. */
  whenIdle(): Promise<void>;
  /** Stops taking jobs once the one being written is stored. */
  close(): Promise<void>;
}

interface QueueSettings {
  limit: number;
  analyzeConfig: AnalyzeConfig;
  uploadsDir: string;
  effects: Effects;
}

/** Most progress lines kept per job: enough to see where an analysis got to. */
const maxLogLines = 200;

/** Starts the queue: marks jobs cut off by a previous stop abandoned and resumes queued ones. */
export async function createJobQueue(db: SerializedDb, settings: QueueSettings): Promise<JobQueue> {
  await db.run("UPDATE jobs SET status = 'abandoned', finished_at = now() WHERE status = 'running'");
  const waiting: string[] = (await listQueuedJobs(db)).map((job) => job.jobId);
  const logs = new Map<string, string[]>();
  let worker: Promise<void> = Promise.resolve();
  let running = 0;
  const writer = createCallWriter(db.exclusive);

  async function runJob(jobId: string): Promise<void> {
    const job = await markJobRunning(db, jobId);
    const log: string[] = [];
    logs.set(jobId, log);
    const effects: Effects = {
      log: (line) => {
        if (log.length < maxLogLines) log.push(line);
        settings.effects.log(`job ${jobId}: ${line}`);
      },
      now: settings.effects.now,
    };
    const request = { source: job.storedPath, agentChannel: job.agentChannel, known: { agent_id: job.agentId }, transcriptPath: null };
    const outcome = await analyzeAndRecord(request, settings.analyzeConfig, writer, effects).then(
      (recorded): JobOutcome => recorded.status === 'ok'
        ? { status: 'ok', runId: recorded.runId, callId: recorded.result.call_id }
        : { status: 'error', runId: recorded.runId, error: recorded.error },
      (thrown: unknown): JobOutcome => {
        const { code, message } = toCallqaError(thrown);
        return { status: 'error', runId: null, error: { code, message } };
      },
    );
    await markJobFinished(db, jobId, outcome, log);
    logs.delete(jobId);
    if (outcome.status === 'error') {
      // A rejected upload leaves nothing behind, unless an earlier analysis of the same file still uses it.
      const stillUsed = await db.all('SELECT 1 FROM calls WHERE source = $1', [job.storedPath]);
      if (stillUsed.length === 0) await removeUpload(job.storedPath, settings.uploadsDir);
    }
  }

  function drain(): void {
    worker = worker.then(async () => {
      for (let jobId = waiting.shift(); jobId !== undefined; jobId = waiting.shift()) {
        running++;
        // A failure outside the analysis (the database itself) must not stop the queue.
        await runJob(jobId).catch((thrown: unknown) => settings.effects.log(`job ${jobId}: ${toCallqaError(thrown).message}`));
        running--;
      }
    });
  }

  drain();
  return {
    async submit(submission) {
      if (waiting.length + running >= settings.limit) {
        throw new CallqaError(
          'CQA_ERR_API_QUEUE_FULL', `${waiting.length + running} jobs are queued or running, the most the server takes; retry when some finish`,
        );
      }
      const jobId = randomUUID();
      await insertJob(db, jobId, submission);
      waiting.push(jobId);
      drain();
      return (await findJob(db, jobId, []))!;
    },
    find: (jobId) => findJob(db, jobId, logs.get(jobId) ?? []),
    deadLetters: async () => [],
    whenIdle: () => worker,
    close: () => worker,
  };
}
