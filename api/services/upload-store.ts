/**
 * Uploaded recordings land in `<uploads>/<sha256>/<file name>`: content-addressed, so the same
 * bytes uploaded twice are kept once, and the uploader's file name survives as the call's
 * `file_name`. Bytes stream to a temporary file while being counted and hashed; past the
 * limit the upload stops with a 413 and the partial file is removed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CallqaError } from '../../pipeline/errors.ts';

export interface StoredUpload {
  storedPath: string;
  sha256: string;
  sizeBytes: number;
}

/** The 413 for an upload over the limit. */
export function tooLarge(limitBytes: number): CallqaError {
  return new CallqaError(
    'CQA_ERR_API_PAYLOAD_TOO_LARGE',
    `the upload is larger than the server's limit of ${limitBytes} bytes; send a shorter recording or raise uploadLimitBytes`,
  );
}

function createCountingHasher(limitBytes: number) {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > limitBytes) return done(tooLarge(limitBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, finish: () => ({ sha256: hash.digest('hex'), sizeBytes }) };
}

/**
 * Saves a request body under the uploads folder. `fileName` must already be a plain name
 * (the route's schema allows no separators); it is checked again here because it becomes a path.
 */
export async function storeUpload(body: Readable, uploadsDir: string, fileName: string, limitBytes: number): Promise<StoredUpload> {
  if (path.basename(fileName) !== fileName || fileName.startsWith('.')) {
    throw new CallqaError('CQA_ERR_API_BAD_REQUEST', `file name "${fileName}" must be a plain name without folders`);
  }
  const incomingDir = path.join(uploadsDir, '.incoming');
  await mkdir(incomingDir, { recursive: true });
  const temporaryPath = path.join(incomingDir, randomUUID());
  try {
    const counter = createCountingHasher(limitBytes);
    // body.pipe rather than pipeline(body, …): past the limit the request must stay open so
    // the 413 can still be sent on it; Node discards the rest and closes the connection.
    body.once('error', (error) => counter.stream.destroy(error));
    body.pipe(counter.stream);
    await pipeline(counter.stream, createWriteStream(temporaryPath));
    const { sha256, sizeBytes } = counter.finish();
    if (sizeBytes === 0) throw new CallqaError('CQA_ERR_INPUT_EMPTY', `upload ${fileName} has zero bytes; send the recording's contents`);
    const storedPath = path.join(uploadsDir, sha256, fileName);
    await mkdir(path.dirname(storedPath), { recursive: true });
    if (await stat(storedPath).catch(() => undefined)) return { storedPath, sha256, sizeBytes };
    await rename(temporaryPath, storedPath);
    return { storedPath, sha256, sizeBytes };
  } finally {
    await rm(temporaryPath, { force: true });
  }
}

/** Removes an upload's folder; only ever one directly inside the uploads folder. */
export async function removeUpload(storedPath: string, uploadsDir: string): Promise<void> {
  const folder = path.dirname(storedPath);
  if (path.dirname(folder) !== path.resolve(uploadsDir)) return;
  await rm(folder, { recursive: true, force: true });
}
