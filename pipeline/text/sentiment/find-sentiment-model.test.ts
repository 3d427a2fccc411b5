import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installSentimentFixture } from '../../../models/sentiment-fixture/sentiment-fixture.test-helper.ts';
import { createTempFolder, type TempFolder } from '../../../core/temp-folder.test-helper.ts';
import { findSentimentModel } from './find-sentiment-model.ts';
import { loadSentimentClassifier } from './sentiment-classifier.ts';

describe('findSentimentModel', () => {
  let temp: TempFolder;
  beforeEach(async () => (temp = await createTempFolder()));
  afterEach(() => temp.remove());

  it('finds nothing in an empty models folder', async () => {
    expect(await findSentimentModel(temp.file('models'), 'sentiment-multilingual')).toBeNull();
  });

  it('takes the dtype from the lock file, and the q8 install loads onnx/model_quantized.onnx', async () => {
    const modelDir = await installSentimentFixture(temp.file('models'), 'q8');
    const settings = await findSentimentModel(temp.file('models'), 'sentiment-multilingual', 1);
    expect(settings).toEqual({ modelId: 'sentiment-multilingual', modelDir, dtype: 'q8', threads: 1 });
    const classifier = await loadSentimentClassifier(settings!);
    expect(await classifier.classify(['Спасибо!'])).toHaveLength(1);
  });

  it('finds nothing when a file of the locked variant is gone', async () => {
    const modelDir = await installSentimentFixture(temp.file('models'), 'fp16');
    expect((await findSentimentModel(temp.file('models'), 'sentiment-multilingual'))?.dtype).toBe('fp16');
    await rm(path.join(modelDir, 'onnx/model_fp16.onnx'));
    expect(await findSentimentModel(temp.file('models'), 'sentiment-multilingual')).toBeNull();
  });

  it('rejects a model that is not a text classifier', async () => {
    await expect(findSentimentModel(temp.file('models'), 'whisper-tiny')).rejects.toMatchObject({ code: 'CQA_ERR_CONFIG_INVALID' });
  });
});
