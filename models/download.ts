/**
 * Resumable, verified file download. Bytes go to `<dest>.part`; an interrupted download
 * continues from there with an HTTP Range request; the file is renamed into place only after
 * its size and sha256 match, so a half-downloaded or tampered file is never used.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CallqaError } from '../core/errors.ts';
import { createProgressMeter, type ProgressSink } from './progress.ts';

export interface DownloadSpec {
  url: string;
  destPath: string;
  /** Expected size and sha256; null where the source does not publish them. */
  sizeBytes: number | null;
  sha256: string | null;
}

export interface DownloadedFile {
  destPath: string;
  sizeBytes: number;
  sha256: string;
  resumedFromBytes: number;
}

async function hashExisting(filePath: string, hash: Hash): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(filePath)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return bytes;
}

function failure(spec: DownloadSpec, problem: string): CallqaError {
  return new CallqaError('CQA_ERR_MODEL_INVALID', `${spec.url}: ${problem}; run the pull again (it resumes) or check the network`);
}

/** Downloads one file with resume and verification; `fetchImpl` is injectable for tests. */
export async function downloadFile(spec: DownloadSpec, progress: ProgressSink, fetchImpl: typeof fetch = fetch): Promise<DownloadedFile> {
  await mkdir(path.dirname(spec.destPath), { recursive: true });
  const partPath = `${spec.destPath}.part`;
  let hash = createHash('sha256');
  let haveBytes = await stat(partPath).then(() => hashExisting(partPath, hash), () => 0);
  const resumedFromBytes = haveBytes;
  if (spec.sizeBytes === null || haveBytes < spec.sizeBytes) {
    const response = await fetchImpl(spec.url, { headers: haveBytes > 0 ? { Range: `bytes=${haveBytes}-` } : {}, redirect: 'follow' }).catch(
      (cause: unknown) => {
        throw failure(spec, `request failed (${cause instanceof Error ? cause.message : String(cause)})`);
      },
    );
    if (response.status === 200 && haveBytes > 0) {
      // The server ignored the Range header: start over rather than append a second copy.
      hash = createHash('sha256');
      haveBytes = 0;
    } else if (response.status !== 200 && response.status !== 206) {
      throw failure(spec, `HTTP ${response.status}`);
    }
    if (!response.body) throw failure(spec, 'empty response body');
    const totalBytes = spec.sizeBytes ?? (Number(response.headers.get('content-length')) || 0) + haveBytes;
    const meter = createProgressMeter(path.basename(spec.destPath), totalBytes, haveBytes, progress);
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      haveBytes += chunk.length;
      meter.update(haveBytes);
    });
    const partFile = createWriteStream(partPath, { flags: haveBytes > 0 || response.status === 206 ? 'a' : 'w' });
    await pipeline(body, partFile).catch(async (cause: unknown) => {
      // pipeline rejects as soon as the body fails, while the file may still be flushing
      // bytes it was handed: wait for it to close so a retry resumes from its final size.
      if (!partFile.closed) await new Promise<void>((resolve) => partFile.once('close', () => resolve()));
      throw failure(spec, `download interrupted at ${haveBytes} bytes (${cause instanceof Error ? cause.message : String(cause)})`);
    });
    meter.finish();
  }
  const sha256 = hash.digest('hex');
  if ((spec.sizeBytes !== null && haveBytes !== spec.sizeBytes) || (spec.sha256 !== null && sha256 !== spec.sha256)) {
    await rm(partPath, { force: true });
    throw failure(spec, `got ${haveBytes} bytes with sha256 ${sha256}, expected ${spec.sizeBytes ?? '?'} bytes with sha256 ${spec.sha256 ?? '?'}; the partial file was removed`);
  }
  await rename(partPath, spec.destPath);
  return { destPath: spec.destPath, sizeBytes: haveBytes, sha256, resumedFromBytes };
}
