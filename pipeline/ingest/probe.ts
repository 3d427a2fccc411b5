import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import ffmpeg, { type FfprobeData } from 'fluent-ffmpeg';
import { CallqaError } from '../../core/errors.ts';
import { resolveFfmpegBinaries } from './ffmpeg-binaries.ts';
import { findContainerRefusal, resolveInputDemuxer, safeInputArgs } from './input-format.ts';
import type { RecordingProbe } from './types.ts';

async function hashFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function runFfprobe(filePath: string): Promise<FfprobeData> {
  const { ffprobePath } = resolveFfmpegBinaries();
  return new Promise((resolve, reject) => {
    ffmpeg(filePath)
      .setFfprobePath(ffprobePath)
      .ffprobe([...safeInputArgs], (error: unknown, data: FfprobeData) => (error ? reject(error) : resolve(data)));
  });
}

/** The last line ffprobe printed, which carries its reason ("Invalid data found…"). */
function ffprobeReason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.at(-1)?.replace(/^.*?: /, '') ?? 'unknown reason';
}

/**
 * A WAV whose data chunk declares more bytes than the file holds was cut off (a recorder that
 * crashed, a partial copy). ffprobe silently reports the shorter length, so read the header.
 * Sizes 0 and 0xFFFFFFFF are what streaming recorders write when the length is unknown.
 */
async function findWavShortfallBytes(filePath: string, sizeBytes: number): Promise<number> {
  const handle = await open(filePath, 'r');
  try {
    const header = Buffer.alloc(Math.min(sizeBytes, 65_536));
    await handle.read(header, 0, header.length, 0);
    if (header.toString('ascii', 0, 4) !== 'RIFF' || header.toString('ascii', 8, 12) !== 'WAVE') return 0;
    let offset = 12;
    while (offset + 8 <= header.length) {
      const chunkId = header.toString('ascii', offset, offset + 4);
      const chunkSize = header.readUInt32LE(offset + 4);
      if (chunkId === 'data') {
        if (chunkSize === 0 || chunkSize === 0xffffffff) return 0;
        return Math.max(0, offset + 8 + chunkSize - sizeBytes);
      }
      offset += 8 + chunkSize + (chunkSize % 2);
    }
    return 0;
  } finally {
    await handle.close();
  }
}

/** Reads what a recording is without decoding it; every failure names the file and the fix. */
export async function probeRecording(source: string): Promise<RecordingProbe> {
  const absolutePath = path.resolve(source);
  const fileStat = await stat(absolutePath).catch(() => undefined);
  if (!fileStat || !fileStat.isFile()) {
    throw new CallqaError('CQA_ERR_INPUT_NOT_FOUND', `${source}: no such file; check the path`);
  }
  if (fileStat.size === 0) {
    throw new CallqaError('CQA_ERR_INPUT_EMPTY', `${source}: the file is empty (0 bytes); export the recording again`);
  }
  const data = await runFfprobe(absolutePath).catch((error: unknown) => {
    throw findContainerRefusal(source, error instanceof Error ? error.message : String(error)) ?? new CallqaError(
      'CQA_ERR_INPUT_NOT_MEDIA',
      `${source}: not a readable audio or video file (ffprobe: ${ffprobeReason(error)}); check that it is a recording and not renamed text or a partial download`,
      { cause: error },
    );
  });
  const container = data.format.format_name ?? 'unknown';
  resolveInputDemuxer(source, container);
  const audio = data.streams.find((stream) => stream.codec_type === 'audio');
  if (!audio) {
    throw new CallqaError('CQA_ERR_INPUT_NO_AUDIO', `${source}: the file has no audio track; export it with its audio`);
  }
  const channels = Number(audio.channels);
  if (channels > 2) {
    throw new CallqaError(
      'CQA_ERR_INPUT_TOO_MANY_CHANNELS',
      `${source}: ${channels} audio channels; callqa reads mono or stereo (agent and customer), so export those two channels`,
    );
  }
  const sampleRateHz = Number(audio.sample_rate);
  const declared = Number(audio.duration ?? data.format.duration);
  const declaredDurationS = Number.isFinite(declared) ? declared : null;
  if (channels < 1 || !Number.isFinite(sampleRateHz) || sampleRateHz <= 0 || declaredDurationS === 0) {
    throw new CallqaError('CQA_ERR_INPUT_NO_SAMPLES', `${source}: the audio track is empty (no samples); export the recording again`);
  }
  const shortfallBytes = await findWavShortfallBytes(absolutePath, fileStat.size);
  if (shortfallBytes > 0) {
    throw new CallqaError(
      'CQA_ERR_INPUT_TRUNCATED',
      `${source}: truncated WAV: its header declares ${shortfallBytes} more bytes of audio than the file holds; copy or export it again`,
    );
  }
  return {
    source,
    absolutePath,
    sizeBytes: fileStat.size,
    sha256: await hashFile(absolutePath),
    container,
    codec: audio.codec_name ?? 'unknown',
    sampleRateHz,
    channels: channels === 2 ? 2 : 1,
    declaredDurationS,
    hasVideo: data.streams.some((stream) => stream.codec_type === 'video' && stream.disposition?.attached_pic !== 1),
  };
}
