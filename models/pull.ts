/**
 * `callqa models pull`: downloads every file of a model into a staging folder, verifies it,
 * writes a lock file with each file's size and sha256, and only then renames the folder into
 * place, so a model directory is either complete and verified or absent.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CallqaError } from '../core/errors.ts';
import { downloadFile } from './download.ts';
import type { ProgressSink } from './progress.ts';

export interface PullableFile {
  path: string;
  sizeBytes: number | null;
  sha256: string | null;
  /** Git blob id (sha1 of "blob <size>\0" + bytes) the Hub lists for a file kept outside LFS, which has no sha256 there. */
  gitBlobId?: string | null;
}

export interface PullableModel {
  id: string;
  /** Which weights variant these files are (q8, fp16, fp32); recorded in the lock file. */
  variant: string | null;
  /** Files are fetched from `${baseUrl}/${file.path}`. */
  baseUrl: string;
  /** A Hugging Face repository and pinned revision whose tree API supplies missing sizes and checksums. */
  hub?: { apiBaseUrl: string; repo: string; revision: string };
  files: readonly PullableFile[];
}

export interface ModelLock {
  id: string;
  variant: string | null;
  revision: string | null;
  files: { path: string; size_bytes: number; sha256: string }[];
}

export const lockFileName = 'callqa-model.lock.json';

interface HubTreeEntry {
  type: string;
  path: string;
  size: number;
  /** Git blob id of the file at this revision. */
  oid?: string;
  lfs?: { oid: string; size: number };
}

/** The Hub lists each file's size, for LFS files its sha256 and for the others their git blob id, at a pinned revision. */
async function fillFromHubTree(model: PullableModel, fetchImpl: typeof fetch): Promise<PullableFile[]> {
  if (!model.hub || model.files.every((file) => file.sha256 && file.sizeBytes)) return [...model.files];
  const { apiBaseUrl, repo, revision } = model.hub;
  const url = `${apiBaseUrl}/api/models/${repo}/tree/${revision}?recursive=true`;
  const response = await fetchImpl(url).catch(() => undefined);
  if (!response?.ok) {
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${model.id}: cannot list ${url} (${response?.status ?? 'no connection'}); check the network and try again`);
  }
  const tree = (await response.json()) as HubTreeEntry[];
  return model.files.map((file) => {
    const listed = tree.find((entry) => entry.type === 'file' && entry.path === file.path);
    if (!listed) throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${model.id}: ${file.path} is not in ${repo}@${revision}; the manifest is out of date`);
    const sha256 = file.sha256 ?? listed.lfs?.oid ?? null;
    const gitBlobId = sha256 === null ? (listed.oid ?? null) : null;
    if (sha256 === null && gitBlobId === null) {
      throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${model.id}: ${repo}@${revision} lists no checksum for ${file.path}; record its sha256 in models/manifest.json`);
    }
    return { path: file.path, sizeBytes: file.sizeBytes ?? listed.lfs?.size ?? listed.size, sha256, gitBlobId };
  });
}

/** Checks a file kept outside LFS against the git blob id its revision lists, so no pulled file goes unchecked. */
async function verifyGitBlob(modelId: string, file: PullableFile, filePath: string): Promise<void> {
  if (!file.gitBlobId) return;
  const bytes = await readFile(filePath);
  const blobId = createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
  if (blobId !== file.gitBlobId) {
    await rm(filePath, { force: true });
    throw new CallqaError('CQA_ERR_MODEL_INVALID', `model ${modelId}: ${file.path} has git blob id ${blobId}, the Hub lists ${file.gitBlobId}; the file was removed, pull again`);
  }
}

/** Downloads, verifies and atomically installs a model into `<modelsDir>/<id>`; resumes interrupted pulls. */
export async function pullModel(model: PullableModel, modelsDir: string, progress: ProgressSink, fetchImpl: typeof fetch = fetch): Promise<ModelLock> {
  const files = await fillFromHubTree(model, fetchImpl);
  const stagingDir = path.join(modelsDir, '.partial', model.id);
  const targetDir = path.join(modelsDir, model.id);
  const lock: ModelLock = { id: model.id, variant: model.variant, revision: model.hub?.revision ?? null, files: [] };
  for (const file of files) {
    const downloaded = await downloadFile(
      { url: `${model.baseUrl}/${file.path}`, destPath: path.join(stagingDir, file.path), sizeBytes: file.sizeBytes, sha256: file.sha256 },
      progress,
      fetchImpl,
    );
    await verifyGitBlob(model.id, file, downloaded.destPath);
    lock.files.push({ path: file.path, size_bytes: downloaded.sizeBytes, sha256: downloaded.sha256 });
  }
  await writeFile(path.join(stagingDir, lockFileName), `${JSON.stringify(lock, null, 2)}\n`);
  await mkdir(modelsDir, { recursive: true });
  const replacedDir = path.join(modelsDir, '.partial', `${model.id}.replaced`);
  const hadPrevious = await stat(targetDir).then(() => true, () => false);
  if (hadPrevious) await rename(targetDir, replacedDir);
  await rename(stagingDir, targetDir);
  if (hadPrevious) await rm(replacedDir, { recursive: true, force: true });
  return lock;
}

export async function loadModelLock(modelDir: string): Promise<ModelLock | null> {
  const text = await readFile(path.join(modelDir, lockFileName), 'utf8').catch(() => null);
  return text === null ? null : (JSON.parse(text) as ModelLock);
}
