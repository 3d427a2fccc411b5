/**
 * The committed sentiment fixture as the files a Hub repository would serve, and installed into
 * a models folder as `callqa models pull` leaves it (files plus lock file), for any variant: the
 * variant's weights file gets the fixture's fp32 graph, which every dtype can load.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesOfVariant, findModelEntry, type ModelVariant } from '../manifest.ts';
import { lockFileName, type ModelLock } from '../pull.ts';

export const sentimentFixtureDir = fileURLToPath(new URL('./distilbert-random-fixture/', import.meta.url));

/** Every fixture file by its path in the model directory, as the fake Hub serves them. */
export async function readSentimentFixtureFiles(): Promise<Record<string, Buffer>> {
  const entries = await readdir(sentimentFixtureDir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(sentimentFixtureDir, path.join(entry.parentPath, entry.name)));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(sentimentFixtureDir, file))] as const)));
}

/** Installs the fixture as `<modelsDir>/<modelId>` with a lock file naming `variant`; returns the model directory. */
export async function installSentimentFixture(modelsDir: string, variant: ModelVariant, modelId = 'sentiment-multilingual'): Promise<string> {
  const fixture = await readSentimentFixtureFiles();
  const modelDir = path.join(modelsDir, modelId);
  const lock: ModelLock = { id: modelId, variant, revision: 'fixture', files: [] };
  for (const { path: file } of filesOfVariant(findModelEntry(modelId), variant)) {
    const bytes = fixture[file.startsWith('onnx/') ? 'onnx/model.onnx' : file]!;
    await mkdir(path.dirname(path.join(modelDir, file)), { recursive: true });
    await writeFile(path.join(modelDir, file), bytes);
    lock.files.push({ path: file, size_bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  await writeFile(path.join(modelDir, lockFileName), `${JSON.stringify(lock, null, 2)}\n`);
  return modelDir;
}
