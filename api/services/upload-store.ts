/**
 * Uploaded recordings land in `<uploads>/<sha256>/<file name>`: content-addressed, so the same
 * bytes uploaded twice are kept once, and the uploader's file name survives as the call's
 * `file_name`. Bytes stream to a temporary file while being counted and hashed; past the
 * limit the upload stops with a 413 and the partial file is removed. Raw bodies and multipart
 * file parts take the same path (`receiveUpload`, then `keep` or `discard`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CallqaError } from '../../core/errors.ts';

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

/** Refuses a file name that is not a plain name: it becomes a path. */
export function checkFileName(fileName: string): void {
  if (fileName === '' || path.basename(fileName) !== fileName || fileName.startsWith('.') || fileName.includes('\0')) {
    throw new CallqaError('CQA_ERR_API_BAD_REQUEST', `file name "${fileName}" must be a plain name without folders`);
  }
}

/** An upload received in full into `<uploads>/.incoming/`, hashed and counted, not yet kept. */
export interface ReceivedUpload {
  sha256: string;
  sizeBytes: number;
  /** Moves it to `<uploads>/<sha256>/<fileName>` (kept once if those bytes are already there). */
  keep(fileName: string): Promise<StoredUpload>;
  /** Removes the temporary file; safe to call after keep or twice. */
  discard(): Promise<void>;
}

/**
 * Streams a body into a temporary file under the uploads folder, hashing and counting as it
 * goes; past `limitBytes` it stops with a 413, and on any failure the partial file is removed.
 * `label` names the upload in messages. The caller keeps or discards what it received, so a
 * multipart request can still be refused after its file part (a bad field, a second file).
 */
export async function receiveUpload(body: Readable, uploadsDir: string, limitBytes: number, label: string): Promise<ReceivedUpload> {
  const incomingDir = path.join(uploadsDir, '.incoming');
  await mkdir(incomingDir, { recursive: true });
  const temporaryPath = path.join(incomingDir, randomUUID());
  const discard = () => rm(temporaryPath, { force: true });
  try {
    const counter = createCountingHasher(limitBytes);
    // body.pipe rather than pipeline(body, …): past the limit the request must stay open so
    // the 413 can still be sent on it; Node discards the rest and closes the connection.
    body.once('error', (error) => counter.stream.destroy(error));
    body.pipe(counter.stream);
    await pipeline(counter.stream, createWriteStream(temporaryPath));
    const { sha256, sizeBytes } = counter.finish();
    if (sizeBytes === 0) throw new CallqaError('CQA_ERR_INPUT_EMPTY', `upload ${label} has zero bytes; send the recording's contents`);
    return {
      sha256, sizeBytes, discard,
      async keep(fileName) {
        checkFileName(fileName);
        const storedPath = path.join(uploadsDir, sha256, fileName);
        try {
          await mkdir(path.dirname(storedPath), { recursive: true });
          if (!(await stat(storedPath).catch(() => undefined))) await rename(temporaryPath, storedPath);
        } finally {
          await discard();
        }
        return { storedPath, sha256, sizeBytes };
      },
    };
  } catch (error) {
    await discard();
    throw error;
  }
}

/**
 * Saves a request body under the uploads folder. `fileName` must already be a plain name
 * (the route's schema allows no separators); it is checked again here because it becomes a path.
 */
export async function storeUpload(body: Readable, uploadsDir: string, fileName: string, limitBytes: number): Promise<StoredUpload> {
  checkFileName(fileName);
  const received = await receiveUpload(body, uploadsDir, limitBytes, fileName);
  return received.keep(fileName);
}

/** Removes an upload's folder; only ever one directly inside the uploads folder. */
export async function removeUpload(storedPath: string, uploadsDir: string): Promise<void> {
  const folder = path.dirname(storedPath);
  if (path.dirname(folder) !== path.resolve(uploadsDir)) return;
  await rm(folder, { recursive: true, force: true });
}
