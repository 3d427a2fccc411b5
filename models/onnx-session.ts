/**
 * ONNX models are loaded once per process: every caller shares the same InferenceSession (and
 * the same in-flight promise while it is being created), so a batch of calls pays the load once.
 */
import { InferenceSession } from 'onnxruntime-node';
import { CallqaError } from '../core/errors.ts';
import { resolveModel } from './registry.ts';

const sessions = new Map<string, Promise<InferenceSession>>();

/**
 * One thread per session: callqa scales by analysing calls in parallel workers, and small
 * recurrent models such as Silero gain nothing from intra-op threads.
 */
const sessionOptions: InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
};

async function createSession(modelId: string): Promise<InferenceSession> {
  const model = await resolveModel(modelId);
  const onnxFile = model.files.find((file) => file.absolutePath.endsWith('.onnx'));
  if (!onnxFile) throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${modelId} lists no .onnx file in models/manifest.json`);
  try {
    return await InferenceSession.create(onnxFile.absolutePath, sessionOptions);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${modelId}: onnxruntime cannot load ${onnxFile.absolutePath} (${detail})`, { cause });
  }
}

/** Loads (once per process) the ONNX session of a single-file model from the registry. */
export function loadOnnxSession(modelId: string): Promise<InferenceSession> {
  const cached = sessions.get(modelId);
  if (cached) return cached;
  const loading = createSession(modelId);
  loading.catch(() => sessions.delete(modelId));
  sessions.set(modelId, loading);
  return loading;
}
