/**
 * The sentiment model behind one face: texts in, each label's probability out. Loaded through
 * transformers.js, offline, once per process and settings: concurrent callers share one
 * in-flight promise, so a batch of calls holds a single copy of the model.
 */
import { pipeline, type TextClassificationPipeline } from '@huggingface/transformers';
import { CallqaError } from '../../../core/errors.ts';
import { sentimentLabels, type SentimentLabel } from '../../result/call-result.ts';
import { createLoadOnce } from '../../../models/load-once.ts';
import { configureOfflineTransformers } from '../../../models/transformers-env.ts';

/** Weight formats transformers.js maps to a file suffix (fp32 none, fp16 `_fp16`, q8 `_quantized`). */
export type SentimentDtype = 'fp32' | 'fp16' | 'q8';

export interface SentimentModelSettings {
  /** Registry id, as `model:<id>` names it in the result. */
  readonly modelId: string;
  /** Directory holding config.json, tokenizer.json and onnx/model{suffix}.onnx. */
  readonly modelDir: string;
  readonly dtype: SentimentDtype;
  /** onnxruntime intra-op threads; 0 lets onnxruntime choose. */
  readonly threads: number;
}

export type SentimentProbabilities = Readonly<Record<SentimentLabel, number>>;

export interface SentimentClassifier {
  readonly modelId: string;
  /** Each text's label probabilities, in input order; one model run for all of them. */
  classify(texts: readonly string[]): Promise<SentimentProbabilities[]>;
}

interface LabelScore {
  label: string;
  score: number;
}

/** Labels are read by name, never by index: exports differ in their order (this one's is positive, neutral, negative). */
function toProbabilities(scores: readonly LabelScore[]): SentimentProbabilities {
  const byLabel = new Map(scores.map(({ label, score }) => [label.toLowerCase(), score]));
  return Object.fromEntries(sentimentLabels.map((label) => [label, byLabel.get(label) ?? 0])) as Record<SentimentLabel, number>;
}

async function loadUncached(settings: SentimentModelSettings): Promise<SentimentClassifier> {
  configureOfflineTransformers();
  const sessionOptions = settings.threads > 0 ? { intraOpNumThreads: settings.threads, interOpNumThreads: 1 } : {};
  const fix = `pull it again with \`callqa models pull ${settings.modelId}\``;
  const classifier = (await pipeline('text-classification', settings.modelDir, { dtype: settings.dtype, session_options: sessionOptions }).catch((cause: unknown) => {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `sentiment model ${settings.modelId} in ${settings.modelDir} failed to load (${String(cause)}); ${fix}`, { cause });
  })) as TextClassificationPipeline;
  const known = Object.values((classifier.model.config as { id2label?: Record<string, string> }).id2label ?? {}).map((label) => label.toLowerCase());
  const missing = sentimentLabels.filter((label) => !known.includes(label));
  if (missing.length > 0) {
    await classifier.dispose();
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `sentiment model ${settings.modelId} in ${settings.modelDir} has no label ${missing.join(', ')} (it has ${known.join(', ')}); use a negative / neutral / positive classifier`);
  }
  return {
    modelId: settings.modelId,
    classify: async (texts) => {
      if (texts.length === 0) return [];
      const output = (await classifier([...texts], { top_k: null })) as LabelScore[][];
      return output.map(toProbabilities);
    },
  };
}

/** The shared classifier for these settings, loaded on first use. */
export const loadSentimentClassifier: (settings: SentimentModelSettings) => Promise<SentimentClassifier> = createLoadOnce(
  (settings) => JSON.stringify([settings.modelDir, settings.dtype, settings.threads]),
  loadUncached,
);
