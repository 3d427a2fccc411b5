/** Entry of a pool worker: loads Whisper once, then transcribes each chunk it is sent. */
import { parentPort } from 'node:worker_threads';
import { toCallqaError } from '../../core/errors.ts';
import { loadWhisper } from './whisper/load-whisper.ts';
import { recogniseChunk } from './whisper/recognise-chunk.ts';
import type { WorkerReply, WorkerTask } from './worker-pool.ts';

const port = parentPort;
if (!port) throw new Error('recognizer-worker.ts runs only as a worker thread');

port.on('message', async (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, recognition: await recogniseChunk(await loadWhisper(task.settings), task.request) };
  } catch (thrown) {
    const error = toCallqaError(thrown);
    reply = { ok: false, code: error.code, message: error.message };
  }
  port.postMessage(reply);
});
