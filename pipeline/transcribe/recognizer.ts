/**
 * Where speech-to-text runs. Whisper: in this thread, or in a worker_threads pool that runs one
 * chunk per worker at a time. A NeMo transducer: in this thread's sherpa-onnx recognizer, which
 * decodes on native threads, `workerCount` chunks at once. Recognizers are shared per settings
 * for the life of the process, so a model loads once per thread however many calls are transcribed.
 */
import type { TranscribeConfig } from './transcribe-config.ts';
import type { SpeechRecognizer } from './types.ts';
import { loadWhisper, type WhisperLoadSettings } from './whisper/load-whisper.ts';
import { recogniseChunk } from './whisper/recognise-chunk.ts';
import { createWorkerPool } from './worker-pool.ts';
import { loadTransducer, type TransducerLoadSettings } from './sherpa/load-transducer.ts';
import { recogniseTransducerChunk } from './sherpa/recognise-transducer-chunk.ts';

export type RecognizerSettings = WhisperLoadSettings & Pick<TranscribeConfig, 'workerCount' | 'engine'>;

function createInProcessRecognizer(settings: WhisperLoadSettings): SpeechRecognizer {
  return {
    modelId: settings.modelId,
    parallelism: 1,
    recognise: async (request) => recogniseChunk(await loadWhisper(settings), request),
    close: async () => {},
  };
}

function createTransducerRecognizer(settings: TransducerLoadSettings, parallelism: number): SpeechRecognizer {
  return {
    modelId: settings.modelId,
    parallelism,
    recognise: async (request) => recogniseTransducerChunk(await loadTransducer(settings), request),
    close: async () => {},
  };
}

const recognizers = new Map<string, SpeechRecognizer>();

function settingsKey(settings: RecognizerSettings): string {
  return JSON.stringify([settings.engine, settings.modelDir, settings.modelId, settings.dtype, settings.threadsPerWorker, settings.workerCount]);
}

/** The shared recognizer for these settings, created on first use. */
export function obtainRecognizer(settings: RecognizerSettings): SpeechRecognizer {
  const key = settingsKey(settings);
  let recognizer = recognizers.get(key);
  if (!recognizer) {
    const loadSettings: WhisperLoadSettings = { modelDir: settings.modelDir, modelId: settings.modelId, dtype: settings.dtype, threadsPerWorker: settings.threadsPerWorker };
    if (settings.engine === 'nemo-transducer') recognizer = createTransducerRecognizer(loadSettings, settings.workerCount);
    else recognizer = settings.workerCount > 1 ? createWorkerPool(loadSettings, settings.workerCount) : createInProcessRecognizer(loadSettings);
    recognizers.set(key, recognizer);
  }
  return recognizer;
}

/** Stops every shared recognizer's workers; the next call starts afresh. */
export async function closeRecognizers(): Promise<void> {
  const closing = [...recognizers.values()].map((recognizer) => recognizer.close());
  recognizers.clear();
  await Promise.all(closing);
}
