/**
 * The unmutated inputs of the fuzz: a few seconds cut from bundled sample calls, re-encoded
 * with the real ffmpeg into every container callqa accepts, each with the duration and
 * channels that ffmpeg decodes from it (what an ok analysis of it must report).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolveFfmpegBinaries } from '../../pipeline/ingest/index.ts';

const run = promisify(execFile);

export interface Encoding {
  id: string;
  extension: string;
  args: readonly string[];
}

/**
 * One per accepted container (pipeline/ingest/accepted-containers.json) and WAV codec. AMR is
 * accepted but missing: distribution ffmpeg builds have no AMR encoder.
 */
export const encodings: readonly Encoding[] = [
  { id: 'wav-pcm16', extension: '.wav', args: ['-c:a', 'pcm_s16le'] },
  { id: 'wav-mulaw', extension: '.wav', args: ['-c:a', 'pcm_mulaw'] },
  { id: 'wav-alaw', extension: '.wav', args: ['-c:a', 'pcm_alaw'] },
  { id: 'mp3', extension: '.mp3', args: ['-c:a', 'libmp3lame', '-b:a', '32k'] },
  { id: 'ogg-vorbis', extension: '.ogg', args: ['-c:a', 'libvorbis'] },
  { id: 'ogg-opus', extension: '.opus', args: ['-c:a', 'libopus', '-b:a', '24k'] },
  { id: 'flac', extension: '.flac', args: ['-c:a', 'flac'] },
  { id: 'm4a-aac', extension: '.m4a', args: ['-c:a', 'aac', '-b:a', '32k'] },
  { id: 'aac-adts', extension: '.aac', args: ['-c:a', 'aac', '-b:a', '32k', '-f', 'adts'] },
  { id: 'gsm', extension: '.gsm', args: ['-c:a', 'libgsm', '-ac', '1', '-ar', '8000', '-f', 'gsm'] },
  { id: 'au', extension: '.au', args: ['-c:a', 'pcm_mulaw', '-f', 'au'] },
  { id: 'asf-wma', extension: '.wma', args: ['-c:a', 'wmav2', '-b:a', '32k', '-f', 'asf'] },
  { id: 'matroska-opus', extension: '.mkv', args: ['-c:a', 'libopus', '-b:a', '24k'] },
  { id: 'webm-opus', extension: '.webm', args: ['-c:a', 'libopus', '-b:a', '24k'] },
];

export interface EncodedSource {
  encoding: Encoding;
  /** Which sample call it was cut from. */
  sample: string;
  filePath: string;
  durationS: number;
  channels: number;
}

/** Seconds of audio ffmpeg decodes from a file, counted in output samples (not the header's claim). */
async function decodedDurationS(filePath: string): Promise<number> {
  const { ffmpegPath } = resolveFfmpegBinaries();
  const rateHz = 8000;
  const { stdout } = await run(ffmpegPath, ['-v', 'error', '-i', filePath, '-ac', '1', '-ar', String(rateHz), '-f', 's16le', '-'], {
    encoding: 'buffer', maxBuffer: 1 << 28,
  });
  return stdout.length / 2 / rateHz;
}

async function channelsOf(filePath: string): Promise<number> {
  const { ffprobePath } = resolveFfmpegBinaries();
  const { stdout } = await run(ffprobePath, ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=channels', '-of', 'csv=p=0', filePath]);
  return Number(stdout.trim());
}

/** Cuts `cutS` seconds from each sample and encodes the cut into every container, into `folder`. */
export async function encodeSources(samples: readonly string[], cutS: number, folder: string): Promise<EncodedSource[]> {
  const { ffmpegPath } = resolveFfmpegBinaries();
  const sources: EncodedSource[] = [];
  for (const sample of samples) {
    const sampleName = path.basename(sample, path.extname(sample));
    for (const encoding of encodings) {
      const filePath = path.join(folder, `source-${sampleName}-${encoding.id}${encoding.extension}`);
      await run(ffmpegPath, ['-v', 'error', '-y', '-t', String(cutS), '-i', sample, '-map_metadata', '-1', ...encoding.args, filePath]);
      sources.push({ encoding, sample: sampleName, filePath, durationS: await decodedDurationS(filePath), channels: await channelsOf(filePath) });
    }
  }
  return sources;
}
