/**
 * Finds a call's recording on disk from the database only: the path comes from `calls.source`
 * (as analysed) and the bytes must still hash to `calls.sha256`. No request value is ever part
 * of a path, and a file that was replaced since analysis is refused rather than served.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CallqaError } from '../../core/errors.ts';

export interface RecordingRef {
  call_id: string;
  sha256: string;
  source: string;
}

async function hashFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The recording's absolute path, verified by content hash. */
export async function findVerifiedRecording(call: RecordingRef): Promise<string> {
  const recordingPath = path.resolve(call.source);
  const found = await stat(recordingPath).catch(() => undefined);
  if (!found?.isFile()) {
    throw new CallqaError(
      'CQA_ERR_API_RECORDING_MISSING',
      `call ${call.call_id}: its recording is no longer at ${call.source}; put the file back or upload the recording again`,
    );
  }
  if ((await hashFile(recordingPath)) !== call.sha256) {
    throw new CallqaError(
      'CQA_ERR_API_RECORDING_MISSING',
      `call ${call.call_id}: the file at ${call.source} has changed since it was analysed; analyse or upload it again`,
    );
  }
  return recordingPath;
}
