/**
 * Browser-playable audio per call, transcoded once with ffmpeg and kept under the cache folder
 * by sha256 (so re-analysis or a new call id never re-encodes the same bytes) and, when values
 * are bleeped, by the bleeps too (bleeps.ts). Concurrent requests for the same file share one
 * transcode.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { bleepCacheKey, bleepFilterArgs, type BleepSpan } from './bleeps.ts';
import { browserAudioFormat } from './media-formats.ts';
import { findVerifiedRecording, type RecordingRef } from './recording-files.ts';
import { transcodeToFile } from './run-ffmpeg.ts';

export interface CachedAudio {
  filePath: string;
  sizeBytes: number;
  contentType: string;
}

export interface AudioCache {
  /** The call's transcoded audio with `bleeps` toned over, creating it on first use. */
  load(call: RecordingRef, bleeps: readonly BleepSpan[]): Promise<CachedAudio>;
}

/** An audio cache keeping its files under `<cacheDir>/audio`. */
export function createAudioCache(cacheDir: string): AudioCache {
  const inFlight = new Map<string, Promise<CachedAudio>>();
  async function loadOrTranscode(call: RecordingRef, bleeps: readonly BleepSpan[], filePath: string): Promise<CachedAudio> {
    const cached = await stat(filePath).catch(() => undefined);
    if (!cached) await transcodeToFile(await findVerifiedRecording(call), [...bleepFilterArgs(bleeps), ...browserAudioFormat.encodeArgs], filePath);
    const { size } = cached ?? (await stat(filePath));
    return { filePath, sizeBytes: size, contentType: browserAudioFormat.contentType };
  }
  return {
    load(call, bleeps) {
      // The hash comes from the database, but it becomes a file name: check it anyway.
      if (!/^[0-9a-f]{64}$/.test(call.sha256)) return Promise.reject(new Error(`call ${call.call_id} has a malformed sha256 in the database`));
      const filePath = path.join(cacheDir, 'audio', `${call.sha256}${bleepCacheKey(bleeps)}${browserAudioFormat.extension}`);
      const pending = inFlight.get(filePath) ?? loadOrTranscode(call, bleeps, filePath).finally(() => inFlight.delete(filePath));
      inFlight.set(filePath, pending);
      return pending;
    },
  };
}
