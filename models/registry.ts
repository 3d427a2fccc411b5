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
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { CallqaError } from '../pipeline/errors.ts';

const ModelFileEntry = Type.Object({
  path: Type.String({ minLength: 1, description: 'Path inside the npm package, or under the model directory.' }),
  size_bytes: Type.Integer({ minimum: 1 }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

const ModelEntry = Type.Object({
  id: Type.String({ minLength: 1 }),
  task: Type.String({ minLength: 1 }),
  description: Type.String(),
  source: Type.Union([
    Type.Object({ npm: Type.Object({ package: Type.String({ minLength: 1 }), version: Type.String({ minLength: 1 }) }) }),
    Type.Object({ url: Type.String({ minLength: 1 }) }),
  ]),
  files: Type.Array(ModelFileEntry, { minItems: 1 }),
  licence: Type.String({ minLength: 1 }),
  languages: Type.Array(Type.String(), { description: 'Language codes, or "*" for language-independent models.' }),
});

export const ModelManifest = Type.Object({ models: Type.Array(ModelEntry) });
export type ModelManifest = Static<typeof ModelManifest>;
type ModelEntry = Static<typeof ModelEntry>;

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

const manifestPath = new URL('./manifest.json', import.meta.url);
let bundledManifest: ModelManifest | undefined;

function loadBundledManifest(): ModelManifest {
  if (bundledManifest) return bundledManifest;
  const parsed: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const firstError = Value.Errors(ModelManifest, parsed).First();
  if (firstError) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `models/manifest.json: ${firstError.path || '/'} ${firstError.message}; fix the manifest`);
  }
  bundledManifest = parsed as ModelManifest;
  return bundledManifest;
}

const requireFromHere = createRequire(import.meta.url);

/** The directory holding a model's files, and a hint on how to repair them when they are wrong. */
function locateModelDir(entry: ModelEntry, options: ResolveModelOptions): { dir: string; fix: string } {
  if (options.modelsRootDir) return { dir: path.join(options.modelsRootDir, entry.id), fix: `copy the model's files into ${path.join(options.modelsRootDir, entry.id)}` };
  if ('url' in entry.source) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${entry.id} is downloaded from ${entry.source.url}: give a models directory that holds it`);
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

async function verifyFile(entry: ModelEntry, file: Static<typeof ModelFileEntry>, dir: string, fix: string): Promise<ResolvedModelFile> {
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
    const models = loadBundledManifest().models;
    const entry = models.find((candidate) => candidate.id === id);
    if (!entry) {
      throw new CallqaError('CQA_ERR_MODEL_INVALID', `unknown model "${id}"; models/manifest.json lists ${models.map((model) => model.id).join(', ')}`);
    }
    const { dir, fix } = locateModelDir(entry, options);
    const files = await Promise.all(entry.files.map((file) => verifyFile(entry, file, dir, fix)));
    return Object.freeze({ id, task: entry.task, licence: entry.licence, languages: Object.freeze([...entry.languages]), files: Object.freeze(files) });
  })();
  // A failed check is not remembered, so repairing the files and retrying works without a restart.
  resolving.catch(() => resolvedModels.delete(cacheKey));
  resolvedModels.set(cacheKey, resolving);
  return resolving;
}
