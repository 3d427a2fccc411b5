/**
 * The committed random-weight DistilBERT loads and runs through the real transformers.js 4.3.1 +
 * onnxruntime-node path, offline, as the Xenova export does: the text-classification pipeline,
 * and AutoTokenizer + AutoModelForSequenceClassification on a padded batch.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoModelForSequenceClassification, AutoTokenizer, env, pipeline, type Tensor } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const modelDir = fileURLToPath(new URL('./distilbert-random-fixture', import.meta.url));
const texts = ['Thank you for calling, how can I help?', 'Это просто ужасно, я жду уже час!', 'Köszönöm szépen, nagyon kedves.'];
let temp: string;

beforeAll(async () => {
  env.allowRemoteModels = false;
  temp = await mkdtemp(path.join(os.tmpdir(), 'callqa-sentiment-fixture-'));
  env.cacheDir = temp;
});
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('the random-weight DistilBERT sentiment fixture', () => {
  it('tokenizes English, Russian and Hungarian into cased WordPiece pieces without [UNK]', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(modelDir);
    expect(tokenizer.tokenize('Köszönöm, Ёлка')).toEqual(['Kö', '##szö', '##nö', '##m', ',', 'Ё', '##л', '##ка']);
    for (const text of texts) {
      const ids = (tokenizer(text).input_ids as Tensor).tolist() as bigint[][];
      expect(ids[0]![0]).toBe(101n);
      expect(ids[0]!.at(-1)).toBe(102n);
      expect(ids[0]).not.toContain(100n);
    }
  });

  it('classifies through the text-classification pipeline with the three labels', async () => {
    const classify = await pipeline('text-classification', modelDir, { dtype: 'fp32' });
    const output = (await classify(texts, { top_k: null })) as { label: string; score: number }[][];
    for (const scores of output) {
      expect(scores.map(({ label }) => label).sort()).toEqual(['negative', 'neutral', 'positive']);
      expect(scores.reduce((sum, { score }) => sum + score, 0)).toBeCloseTo(1, 5);
    }
    await classify.dispose();
  });

  it('returns logits [batch, 3] from AutoModelForSequenceClassification, unchanged by padding', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(modelDir);
    const model = await AutoModelForSequenceClassification.from_pretrained(modelDir, { dtype: 'fp32' });
    const { logits } = (await model(tokenizer(texts, { padding: true }))) as { logits: Tensor };
    expect(logits.dims).toEqual([3, 3]);
    const alone = (await model(tokenizer(texts[0]!))) as { logits: Tensor };
    const batched = (logits.tolist() as number[][])[0]!;
    (alone.logits.tolist() as number[][])[0]!.forEach((value, index) => expect(batched[index]).toBeCloseTo(value, 4));
    await model.dispose();
  });
});
