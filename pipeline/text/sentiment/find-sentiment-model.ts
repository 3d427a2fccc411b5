/**
 * Whether the sentiment model is installed, and how to load it: `callqa models pull` writes
 * `<modelsDir>/<id>/` with a lock file naming the weights variant it fetched.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { filesOfVariant, findModelEntry, modelVariants, type ModelVariant } from '../../../models/manifest.ts';
import { loadModelLock } from '../../../models/pull.ts';
import { CallqaError } from '../../../core/errors.ts';
import type { SentimentDtype, SentimentModelSettings } from './sentiment-classifier.ts';


/** transformers.js dtype per manifest variant: separate vocabularies (Whisper's q8 keeps its encoder fp32) that coincide for a one-file model. */
const dtypeOfVariant: Record<ModelVariant, SentimentDtype> = { q8: 'q8', fp16: 'fp16', fp32: 'fp32' };

const isModelVariant = (value: string | null): value is ModelVariant => (modelVariants as readonly (string | null)[]).includes(value);

/**
 * The settings for a pulled sentiment model, or null when it is not installed (no lock file,
 * or a file the lock's variant needs is gone). Rejects an id the registry does not know or
 * that is not a text classifier.
 */
export async function findSentimentModel(modelsDir: string, modelId: string, threads = 0): Promise<SentimentModelSettings | null> {
  const entry = findModelEntry(modelId);
  if (entry.task !== 'text-classification') {
    throw new CallqaError('CQA_ERR_CONFIG_INVALID', `model ${modelId} is for ${entry.task}, not sentiment; choose a text-classification model from \`callqa models list\``);
  }
  const modelDir = path.resolve(modelsDir, modelId);
  const lock = await loadModelLock(modelDir);
  if (!lock) return null;
  const variant = isModelVariant(lock.variant) ? lock.variant : (entry.default_variant ?? 'fp32');
  const needed = filesOfVariant(entry, variant).map((file) => path.join(modelDir, file.path));
  const present = await Promise.all(needed.map((file) => access(file).then(() => true, () => false)));
  if (present.includes(false)) return null;
  return Object.freeze({ modelId, modelDir, dtype: dtypeOfVariant[variant], threads });
}
