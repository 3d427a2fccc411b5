import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../pipeline/testing/audio-fixtures.ts';
import { loadModelLock, pullModel, type PullableModel } from './pull.ts';

const files: Record<string, Buffer> = {
  'config.json': Buffer.from('{"model_type":"whisper"}'),
  'onnx/encoder_model.onnx': randomBytes(200_000),
  'onnx/decoder_model_merged.onnx': randomBytes(300_000),
};
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const revision = 'a'.repeat(40);

/** A stand-in for the Hub: `/resolve/<rev>/<path>` serves files, the tree API lists LFS checksums. */
function startHub(options: { breakDecoder: boolean }): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const url = request.url ?? '';
    if (url.startsWith(`/api/models/org/tiny/tree/${revision}`)) {
      const tree = Object.entries(files).map(([filePath, bytes]) => ({
        type: 'file', path: filePath, size: bytes.length,
        ...(filePath.endsWith('.onnx') ? { lfs: { oid: sha256(bytes), size: bytes.length } } : {}),
      }));
      response.end(JSON.stringify(tree));
      return;
    }
    const filePath = url.replace(`/org/tiny/resolve/${revision}/`, '');
    const bytes = files[filePath];
    if (!bytes) {
      response.writeHead(404).end();
      return;
    }
    const served = options.breakDecoder && filePath.includes('decoder') ? Buffer.from(bytes).fill(0, 0, 10) : bytes;
    response.end(served);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  }));
}

const modelAt = (baseUrl: string): PullableModel => ({
  id: 'whisper-tiny-test',
  baseUrl: `${baseUrl}/org/tiny/resolve/${revision}`,
  hub: { apiBaseUrl: baseUrl, repo: 'org/tiny', revision },
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
    const broken = await startHub({ breakDecoder: true });
    try {
      await expect(pullModel(modelAt(broken.baseUrl), modelsDir, { draw: () => {} })).rejects.toThrow(/decoder_model_merged\.onnx.*sha256/);
      await expect(stat(path.join(modelsDir, 'whisper-tiny-test'))).rejects.toThrow();
    } finally {
      broken.server.close();
    }
    const hub = await startHub({ breakDecoder: false });
    try {
      const lock = await pullModel(modelAt(hub.baseUrl), modelsDir, { draw: () => {} });
      const modelDir = path.join(modelsDir, 'whisper-tiny-test');
      expect(await loadModelLock(modelDir)).toEqual(lock);
      expect(lock.files.map((file) => [file.path, file.sha256])).toEqual(Object.entries(files).map(([filePath, bytes]) => [filePath, sha256(bytes)]));
      expect(Buffer.compare(await readFile(path.join(modelDir, 'onnx/encoder_model.onnx')), files['onnx/encoder_model.onnx']!)).toBe(0);
      expect(await readdir(path.join(modelsDir, '.partial'))).toEqual([]);
    } finally {
      hub.server.close();
    }
  });
});
