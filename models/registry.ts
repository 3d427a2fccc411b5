/**
 * The model registry: `manifest.json` lists every model callqa can use (files, sizes,
 * checksums, licence); `resolveModel` turns an id into verified absolute file paths. Stages
 * ask for an id and never know where a model lives.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CallqaError } from '../core/errors.ts';
import { findModelEntry, type ModelEntry, type ModelFileEntry } from './manifest.ts';
import { loadModelLock } from './pull.ts';

export interface ResolvedModelFile {
  absolutePath: string;
  sizeBytes: number;
  sha256: string;
}

/** A model whose files exist and match the manifest's sizes and checksums. */
export interface ResolvedModel {
  id: string;
  task: string;
  licence: string;
  languages: readonly string[];
  files: readonly ResolvedModelFile[];
}

export interface ResolveModelOptions {
  /** Look every model up under `<modelsRootDir>/<id>/` instead of its source (an offline mirror, or a test). */
  modelsRootDir?: string;
}

const requireFromHere = createRequire(import.meta.url);

/** The directory holding a model's files, and a hint on how to repair them when they are wrong. */
function locateModelDir(entry: ModelEntry, options: ResolveModelOptions): { dir: string; fix: string } {
  if (options.modelsRootDir) {
    const dir = path.join(options.modelsRootDir, entry.id);
    const fix = 'hub' in entry.source ? `run \`callqa models pull ${entry.id}\`` : `copy the model's files into ${dir}`;
    return { dir, fix };
  }
  if ('hub' in entry.source) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${entry.id} is downloaded from the Hub: give the models directory it was pulled into`);
  }
  const { package: packageName, version } = entry.source.npm;
  const fix = `reinstall ${packageName}@${version} (npm ci)`;
  try {
    const packageJsonPath = requireFromHere.resolve(`${packageName}/package.json`);
    const installed = (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: string }).version;
    const versionNote = installed === version ? '' : ` (installed ${packageName} is ${installed}, the manifest pins ${version})`;
    return { dir: path.dirname(packageJsonPath), fix: fix + versionNote };
  } catch (cause) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${entry.id}: npm package ${packageName} is not installed; ${fix}`, { cause });
  }
}

async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function verifyFile(entry: ModelEntry, file: Required<ModelFileEntry>, dir: string, fix: string): Promise<ResolvedModelFile> {
  const absolutePath = path.join(dir, file.path);
  const sizeBytes = await stat(absolutePath).then((found) => found.size, () => null);
  if (sizeBytes === null) throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${entry.id}: ${absolutePath} is missing; ${fix}`);
  if (sizeBytes !== file.size_bytes) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${entry.id}: ${absolutePath} has ${sizeBytes} bytes, the manifest expects ${file.size_bytes}; ${fix}`);
  }
  const sha256 = await sha256OfFile(absolutePath);
  if (sha256 !== file.sha256) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${entry.id}: ${absolutePath} has sha256 ${sha256}, the manifest expects ${file.sha256}; ${fix}`);
  }
  return Object.freeze({ absolutePath, sizeBytes, sha256 });
}

/**
 * What the files should be: the manifest's sizes and checksums for models shipped by npm; for
 * models pulled from the Hub, the lock file written when the pull verified them.
 */
async function expectedFiles(entry: ModelEntry, dir: string, fix: string): Promise<Required<ModelFileEntry>[]> {
  if ('npm' in entry.source) {
    return entry.files.map((file) => {
      if (file.size_bytes === undefined || file.sha256 === undefined) {
        throw new CallqaError('CQA_ERR_MODEL_INVALID', `models/manifest.json: ${entry.id} ${file.path} needs size_bytes and sha256; fix the manifest`);
      }
      return { path: file.path, size_bytes: file.size_bytes, sha256: file.sha256 };
    });
  }
  const lock = await loadModelLock(dir);
  if (!lock) throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${entry.id} is not installed in ${dir}; ${fix}`);
  return lock.files;
}

/** Verified models by models root and id: hashing happens once per process, even for concurrent callers. */
const resolvedModels = new Map<string, Promise<ResolvedModel>>();

/**
 * Resolves a model id to its verified files. Rejects with CQA_ERR_MODEL_INVALID naming the file
 * and the fix when the id is unknown or a file is missing or differs from the manifest.
 */
export function resolveModel(id: string, options: ResolveModelOptions = {}): Promise<ResolvedModel> {
  const cacheKey = `${options.modelsRootDir ?? ''}\u0000${id}`;
  const cached = resolvedModels.get(cacheKey);
  if (cached) return cached;
  const resolving = (async (): Promise<ResolvedModel> => {
    const entry = findModelEntry(id);
    const { dir, fix } = locateModelDir(entry, options);
    const expected = await expectedFiles(entry, dir, fix);
    const files = await Promise.all(expected.map((file) => verifyFile(entry, file, dir, fix)));
    return Object.freeze({ id, task: entry.task, licence: entry.licence, languages: Object.freeze([...entry.languages]), files: Object.freeze(files) });
  })();
  // A failed check is not remembered, so repairing the files and retrying works without a restart.
  resolving.catch(() => resolvedModels.delete(cacheKey));
  resolvedModels.set(cacheKey, resolving);
  return resolving;
}
