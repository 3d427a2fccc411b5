/**
 * The one writer: the process that owns the DuckDB file (`callqa serve`, or `callqa ingest`)
 * takes analysed calls off the results queue and records them. Jobs taken together are
 * committed together (group commit): the worker runs up to `batchSize` jobs at once, each
 * waits for the batch it joined, and a batch is written when full or after `maxWaitMs`.
 * A job is acknowledged only after its batch committed, so a writer killed mid-batch loses
 * nothing: the jobs stall, come back, and the runs already recorded are skipped.
 */
import { Worker, type Job } from 'bullmq';
import type { Effects } from '../core/effects.ts';
import type { AnalysedCall, RecordedCall } from '../pipeline/record-call.ts';
import { redisConnection, resultsQueueName, type ResultJobData, type ResultJobReturn } from './redis-queues.ts';

/** Records calls in one go (in one transaction where it can), answering each one's fate: null when it was recorded before. */
export type RecordAnalysedCalls = (calls: readonly AnalysedCall[]) => Promise<(RecordedCall | null)[]>;

export interface ResultWriterOptions {
  redisUrl: string;
  record: RecordAnalysedCalls;
  /** Called after each batch commits, with each job's data and fate (a server marks its uploads done here). */
  onRecorded?: (recorded: readonly { data: ResultJobData; fate: RecordedCall | null }[]) => Promise<void>;
  batchSize?: number;
  maxWaitMs?: number;
  effects: Effects;
}

interface Pending {
  data: ResultJobData;
  settle: (outcome: { fate: RecordedCall | null } | { error: unknown }) => void;
}

export function startResultWriter(options: ResultWriterOptions): Worker<ResultJobData, ResultJobReturn> {
  const batchSize = options.batchSize ?? 64;
  const maxWaitMs = options.maxWaitMs ?? 50;
  let pending: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    // One batch at a time: the store has one writer, and batches commit in the order taken.
    writing = writing.then(async () => {
      try {
        const fates = await options.record(batch.map(({ data }) => data));
        const recorded = batch.map(({ data }, index) => ({ data, fate: fates[index] ?? null }));
        await options.onRecorded?.(recorded);
        batch.forEach(({ settle }, index) => settle({ fate: fates[index] ?? null }));
      } catch (error) {
        for (const { settle } of batch) settle({ error });
      }
    });
  }

  async function store(job: Job<ResultJobData, ResultJobReturn>): Promise<ResultJobReturn> {
    const settled = await new Promise<{ fate: RecordedCall | null } | { error: unknown }>((settle) => {
      pending.push({ data: job.data, settle });
      if (pending.length >= batchSize) flush();
      else timer ??= setTimeout(flush, maxWaitMs);
    });
    if ('error' in settled) throw settled.error;
    const { fate } = settled;
    if (fate === null) return { status: 'duplicate' };
    return fate.status === 'ok' ? { status: 'ok', callId: fate.result.call_id } : { status: 'error', error: fate.error };
  }

  const worker = new Worker<ResultJobData, ResultJobReturn>(resultsQueueName, store, {
    connection: redisConnection(options.redisUrl),
    concurrency: batchSize,
  });
  worker.on('error', (error) => options.effects.log(`result writer: ${error.message}`));
  worker.on('failed', (job, error) => options.effects.log(`result ${job?.id ?? '?'}: not stored (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`));
  return worker;
}
