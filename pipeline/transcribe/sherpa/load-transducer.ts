/**
 * Loads a NeMo transducer (Parakeet TDT, GigaAM) into sherpa-onnx's offline recognizer, once per
 * thread and settings. sherpa-onnx decodes in C++ on its own threads with its bundled
 * onnxruntime (1.28 in sherpa-onnx-node 1.13.8), which loads beside onnxruntime-node's under a
 * different soname: sessions of both run in one process (tested in transcribe-transducer.test.ts).
 */
import sherpa, { type OfflineRecognizer } from 'sherpa-onnx-node';
import { CallqaError } from '../../../core/errors.ts';
import { createLoadOnce } from '../../../models/load-once.ts';
import type { TranscribeConfig } from '../transcribe-config.ts';
import { findTransducerFiles } from './transducer-files.ts';

export type TransducerLoadSettings = Pick<TranscribeConfig, 'modelDir' | 'modelId' | 'threadsPerWorker'>;

export interface LoadedTransducer {
  modelId: string;
  recognizer: OfflineRecognizer;
  loadMs: number;
}

async function loadUncached(settings: TransducerLoadSettings): Promise<LoadedTransducer> {
  const found = await findTransducerFiles(settings.modelDir);
  if (!found.files) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `transducer model ${settings.modelId} in ${settings.modelDir} lacks ${found.missing.join(', ')}; run callqa models pull or copy the files there`);
  }
  const startedMs = Date.now();
  const recognizer = await sherpa.OfflineRecognizer.createAsync({
    // The model's metadata (feat_dim) overrides the feature size: 128 for Parakeet, 64 for GigaAM.
    featConfig: { sampleRate: 16000, featureDim: 80 },
    modelConfig: {
      transducer: { encoder: found.files.encoder, decoder: found.files.decoder, joiner: found.files.joiner },
      tokens: found.files.tokens,
      numThreads: settings.threadsPerWorker > 0 ? settings.threadsPerWorker : 1,
      provider: 'cpu',
      modelType: 'nemo_transducer',
    },
    decodingMethod: 'greedy_search',
  }).catch((cause: unknown) => {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `transducer model ${settings.modelId} in ${settings.modelDir} failed to load (${String(cause)}); pull it again`, { cause });
  });
  return { modelId: settings.modelId, recognizer, loadMs: Date.now() - startedMs };
}

/** Loads the recognizer once per thread and settings. */
export const loadTransducer: (settings: TransducerLoadSettings) => Promise<LoadedTransducer> = createLoadOnce(
  (settings) => JSON.stringify([settings.modelDir, settings.threadsPerWorker]),
  loadUncached,
);
