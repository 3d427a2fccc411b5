import { cp, rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../../core/temp-folder.test-helper.ts';
import { fixtureModelDir } from '../transcribe-fixtures.test-helper.ts';
import { inspectWhisperModelDir, listWhisperFiles } from './model-files.ts';

let temp: TempFolder;
beforeEach(async () => {
  temp = await createTempFolder('callqa-model-files-');
});
afterEach(() => temp.remove());

describe('inspectWhisperModelDir', () => {
  it('finds the committed fixture complete', async () => {
    expect(await inspectWhisperModelDir(fixtureModelDir, { encoder_model: 'fp32', decoder_model_merged: 'fp32' })).toEqual({ modelDir: fixtureModelDir, complete: true, missing: [] });
  });

  it('names each missing file, with the weight format suffixes transformers.js looks for', async () => {
    const modelDir = temp.file('model');
    await cp(fixtureModelDir, modelDir, { recursive: true });
    await rm(`${modelDir}/generation_config.json`);
    const check = await inspectWhisperModelDir(modelDir, { encoder_model: 'fp32', decoder_model_merged: 'q8' });
    expect(check).toEqual({ modelDir, complete: false, missing: ['generation_config.json', 'onnx/decoder_model_merged_quantized.onnx'] });
    expect((await inspectWhisperModelDir(temp.file('none'), { encoder_model: 'fp16', decoder_model_merged: 'q4' })).missing).toEqual(
      listWhisperFiles({ encoder_model: 'fp16', decoder_model_merged: 'q4' }),
    );
  });
});
