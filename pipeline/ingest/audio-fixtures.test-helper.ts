/**
 * Test fixtures made on the fly with the real ffmpeg: recordings in any format, with a
 * distinct, measurable tone per channel so a test can tell which channel ended up where.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ToneRecordingSpec {
  durationS: number;
  sampleRateHz: number;
  /** Peak amplitude (0–1) of the sine on each channel; its length sets the channel count. */
  channelAmplitudes: number[];
  /** ffmpeg output arguments choosing codec and container, e.g. ['-c:a', 'pcm_mulaw']. */
  codecArgs: string[];
  /** Adds a small video stream (for containers such as MP4). */
  withVideo?: boolean;
}

const layoutOf = (channelCount: number) => (channelCount === 2 ? 'stereo' : `${channelCount - 1}.1`);

/** Writes a recording whose channel c carries a (300 + 200c) Hz sine at the given amplitude. */
export async function makeToneRecording(outputPath: string, spec: ToneRecordingSpec): Promise<string> {
  await mkdir(path.dirname(outputPath), { recursive: true });
  const inputs = spec.channelAmplitudes.flatMap((_, channel) => [
    '-f', 'lavfi', '-i', `sine=frequency=${300 + 200 * channel}:duration=${spec.durationS}:sample_rate=${spec.sampleRateHz}`,
  ]);
  const gains = spec.channelAmplitudes.map((amplitude, channel) => `[${channel}:a]volume=${amplitude * 8}[c${channel}]`);
  // lavfi's sine has amplitude 1/8, hence the factor 8 above.
  const merge = spec.channelAmplitudes.length === 1
    ? '[c0]anull[a]'
    : `${spec.channelAmplitudes.map((_, channel) => `[c${channel}]`).join('')}join=inputs=${spec.channelAmplitudes.length}:channel_layout=${layoutOf(spec.channelAmplitudes.length)}[a]`;
  const video = spec.withVideo
    ? ['-f', 'lavfi', '-i', `testsrc=size=64x48:rate=5:duration=${spec.durationS}`]
    : [];
  const videoMap = spec.withVideo ? ['-map', `${spec.channelAmplitudes.length}:v`, '-c:v', 'mpeg4'] : [];
  await run('ffmpeg', [
    '-v', 'error', '-y', ...inputs, ...video,
    '-filter_complex', [...gains, merge].join(';'),
    '-map', '[a]', ...videoMap, '-ar', String(spec.sampleRateHz), ...spec.codecArgs, outputPath,
  ]);
  return outputPath;
}

/** A video file with no audio track at all. */
export async function makeSilentVideo(outputPath: string, durationS: number): Promise<string> {
  await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=64x48:rate=5:duration=${durationS}`, '-c:v', 'mpeg4', outputPath]);
  return outputPath;
}

export interface FilesPointingElsewhere {
  /** An HLS playlist whose one segment is a local FLAC recording of 41 s. */
  playlist: string;
  /** An ffconcat script naming a local WAV recording of 41 s. */
  concatScript: string;
  /** An HLS playlist whose segment is a FIFO: opening it would block forever. */
  fifoPlaylist: string;
}

/**
 * Small files whose entries make ffmpeg read other local files, as an attacker would upload
 * them: written to `folder`, pointing (by absolute path) at recordings in `targetFolder`.
 */
export async function makeFilesPointingElsewhere(folder: string, targetFolder: string): Promise<FilesPointingElsewhere> {
  const tone = { durationS: 41, sampleRateHz: 8000, channelAmplitudes: [0.4, 0.2] };
  const localFlac = await makeToneRecording(path.join(targetFolder, 'private.flac'), { ...tone, codecArgs: ['-c:a', 'flac'] });
  const localWav = await makeToneRecording(path.join(targetFolder, 'private.wav'), { ...tone, codecArgs: ['-c:a', 'pcm_s16le'] });
  const fifo = path.join(targetFolder, 'feed.mp3');
  await run('mkfifo', [fifo]);
  await mkdir(folder, { recursive: true });
  const hls = (target: string) => `#EXTM3U\n#EXT-X-TARGETDURATION:41\n#EXTINF:41.0,\n${target}\n#EXT-X-ENDLIST\n`;
  const files = { playlist: path.join(folder, 'call.m3u8'), concatScript: path.join(folder, 'call.ffconcat'), fifoPlaylist: path.join(folder, 'live.m3u8') };
  await writeFile(files.playlist, hls(localFlac));
  await writeFile(files.concatScript, `ffconcat version 1.0\nfile ${localWav}\n`);
  await writeFile(files.fifoPlaylist, hls(fifo));
  return files;
}
