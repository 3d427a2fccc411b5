/**
 * A worker_threads pool behind the SpeechRecognizer face. Each worker loads the model once and
 * runs one chunk at a time; chunks queue for the next free worker. Samples are transferred, not
 * copied. Idle workers are unref'd so they never keep the process alive on their own.
 */
import { Worker } from 'node:worker_threads';
import { CallqaError, type ErrorCode } from '../../core/errors.ts';
import type { ChunkRecognition, RecognitionRequest, SpeechRecognizer } from './types.ts';
import type { WhisperLoadSettings } from './whisper/load-whisper.ts';

export interface WorkerTask {
  settings: WhisperLoadSettings;
  request: RecognitionRequest;
}

export type WorkerReply = { ok: true; recognition: ChunkRecognition } | { ok: false; code: ErrorCode; message: string };

interface QueuedTask {
  request: RecognitionRequest;
  resolve(recognition: ChunkRecognition): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  busyWith: QueuedTask | null;
}

const workerUrl = new URL('./recognizer-worker-bootstrap.mjs', import.meta.url);

/** Starts `size` workers (each loading the model on its first chunk) and returns the pool. */
export function createWorkerPool(settings: WhisperLoadSettings, size: number): SpeechRecognizer {
  const queue: QueuedTask[] = [];
  const workers: PoolWorker[] = [];
  // A worker that dies (it failed to start, or crashed) fails the pool: every waiting chunk is rejected.
  let brokenBy: Error | null = null;
  const breakPool = (error: Error) => {
    brokenBy ??= new CallqaError('CQA_ERR_INTERNAL', `a Whisper worker thread died: ${error.message}; please report it with the command you ran`, { cause: error });
    for (const task of [...workers.flatMap((member) => (member.busyWith ? [member.busyWith] : [])), ...queue.splice(0)]) task.reject(brokenBy);
    for (const member of workers) member.busyWith = null;
  };

  const dispatch = () => {
    for (const member of workers) {
      if (member.busyWith || queue.length === 0) continue;
      const task = queue.shift()!;
      member.busyWith = task;
      member.worker.ref();
      const message: WorkerTask = { settings, request: task.request };
      member.worker.postMessage(message, [task.request.samples.buffer as ArrayBuffer]);
    }
  };

  const settle = (member: PoolWorker, outcome: (task: QueuedTask) => void) => {
    const task = member.busyWith;
    member.busyWith = null;
    member.worker.unref();
    if (task) outcome(task);
    dispatch();
  };

  for (let index = 0; index < size; index++) {
    const member: PoolWorker = { worker: new Worker(workerUrl), busyWith: null };
    member.worker.unref();
    member.worker.on('message', (reply: WorkerReply) =>
      settle(member, (task) => (reply.ok ? task.resolve(reply.recognition) : task.reject(new CallqaError(reply.code, reply.message)))),
    );
    member.worker.on('error', breakPool);
    member.worker.on('exit', (exitCode) => breakPool(new Error(`exit code ${exitCode}`)));
    workers.push(member);
  }

  return {
    modelId: settings.modelId,
    parallelism: size,
    recognise: (request) =>
      new Promise<ChunkRecognition>((resolve, reject) => {
        if (brokenBy) return reject(brokenBy);
        queue.push({ request, resolve, reject });
        dispatch();
      }),
    close: async () => {
      brokenBy ??= new CallqaError('CQA_ERR_INTERNAL', 'the Whisper worker pool was closed');
      await Promise.all(workers.map((member) => member.worker.terminate()));
    },
  };
}
