/**
 * ffmpeg invocations for the server's media: whole-file transcodes and in-memory cuts. Inputs
 * are held to local files and the containers ingest accepts, like every ffmpeg run on a
 * recording (pipeline/ingest/input-format.ts).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolveFfmpegBinaries, safeInputArgs } from '../../pipeline/ingest/index.ts';

const run = promisify(execFile);

/**
 * Encodes `inputPath` into `targetPath` through a temporary file renamed at the end, so a
 * reader (or a crash) never sees half a file.
 */
export async function transcodeToFile(inputPath: string, outputArgs: readonly string[], targetPath: string): Promise<void> {
  await mkdir(path.dirname(targetPath), { recursive: true });
  const temporaryPath = path.join(path.dirname(targetPath), `.${randomUUID()}.partial`);
  try {
    await run(resolveFfmpegBinaries().ffmpegPath, ['-v', 'error', '-nostdin', '-y', ...safeInputArgs, '-i', inputPath, ...outputArgs, temporaryPath]);
    await rename(temporaryPath, targetPath);
  } finally {
    await rm(temporaryPath, { force: true });
  }
}

/** Cuts [startS, endS) of a recording and returns it encoded, in memory (clips are short). */
export async function cutToBuffer(inputPath: string, startS: number, endS: number, outputArgs: readonly string[]): Promise<Buffer> {
  const { stdout } = await run(
    resolveFfmpegBinaries().ffmpegPath,
    ['-v', 'error', '-nostdin', ...safeInputArgs, '-ss', String(startS), '-t', String(endS - startS), '-i', inputPath, ...outputArgs, 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}
