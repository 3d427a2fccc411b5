import { createHash, randomBytes } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { startFakeHub } from './fake-hub.test-helper.ts';
import { loadModelLock, pullModel, type PullableModel } from './pull.ts';

const files: Record<string, Buffer> = {
  'config.json': Buffer.from('{"model_type":"whisper"}'),
  'onnx/encoder_model.onnx': randomBytes(200_000),
  'onnx/decoder_model_merged.onnx': randomBytes(300_000),
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const repo = 'org/tiny';
const revision = 'a'.repeat(40);

const modelAt = (baseUrl: string): PullableModel => ({
  id: 'whisper-tiny-test',
  variant: 'fp32',
  baseUrl: `${baseUrl}/${repo}/resolve/${revision}`,
  hub: { apiBaseUrl: baseUrl, repo, revision },
  files: Object.keys(files).map((filePath) => ({ path: filePath, sizeBytes: null, sha256: null })),
});

describe('models pull', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder();
  });
  afterAll(() => temp.remove());

  it('installs a model only when every file matches the Hub checksums, and writes a lock file', async () => {
    const modelsDir = temp.file('models');
    const broken = await startFakeHub({ repo, revision, files, damagedPath: 'onnx/decoder_model_merged.onnx' });
    try {
      await expect(pullModel(modelAt(broken.baseUrl), modelsDir, { draw: () => {} })).rejects.toThrow(/decoder_model_merged\.onnx.*sha256/);
      await expect(stat(path.join(modelsDir, 'whisper-tiny-test'))).rejects.toThrow();
    } finally {
      broken.close();
    }
    const hub = await startFakeHub({ repo, revision, files });
    try {
      const lock = await pullModel(modelAt(hub.baseUrl), modelsDir, { draw: () => {} });
      const modelDir = path.join(modelsDir, 'whisper-tiny-test');
      expect(await loadModelLock(modelDir)).toEqual(lock);
      expect(lock.variant).toBe('fp32');
      expect(lock.files.map((file) => [file.path, file.sha256])).toEqual(Object.entries(files).map(([filePath, bytes]) => [filePath, sha256(bytes)]));
      expect(Buffer.compare(await readFile(path.join(modelDir, 'onnx/encoder_model.onnx')), files['onnx/encoder_model.onnx']!)).toBe(0);
      expect(await readdir(path.join(modelsDir, '.partial'))).toEqual([]);
    } finally {
      hub.close();
    }
  });

  it('checks a file kept outside LFS against its git blob id, refusing a damaged one', async () => {
    const broken = await startFakeHub({ repo, revision, files, damagedPath: 'config.json' });
    try {
      await expect(pullModel(modelAt(broken.baseUrl), temp.file('models-blob'), { draw: () => {} })).rejects.toThrow(/config\.json has git blob id [0-9a-f]{40}, the Hub lists/);
      await expect(stat(path.join(temp.file('models-blob'), 'whisper-tiny-test'))).rejects.toThrow();
    } finally {
      broken.close();
    }
  });
});
