import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import ffmpeg, { type FfprobeData } from 'fluent-ffmpeg';
import { CallqaError } from '../../core/errors.ts';
import { resolveFfmpegBinaries } from './ffmpeg-binaries.ts';
import { checkAuHeader, readAuHeader } from './au-header.ts';
import { checkInputFile } from './input-file.ts';
import { findContainerRefusal, resolveInputDemuxer, safeInputArgs } from './input-format.ts';
import { defaultInputLimits, tooLong, type InputLimits } from './input-limits.ts';
import { findOggEndProblem } from './ogg-end.ts';
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

interface WavHeader {
  /** Bytes the data chunk declares beyond the end of the file; 0 when it fits or is unknown. */
  shortfallBytes: number;
  /** The fmt chunk, or null when the file has none within the first 64 kB. */
  format: { formatTag: number; channels: number; sampleRateHz: number; byteRate: number; blockAlign: number; bitsPerSample: number } | null;
}

/** WAVE_FORMAT_PCM, IEEE_FLOAT, ALAW, MULAW and EXTENSIBLE: samples of whole bytes, one block per frame. */
const wholeByteFormatTags = new Set([0x0001, 0x0003, 0x0006, 0x0007, 0xfffe]);

/**
 * Reads a RIFF/WAVE header; null for any other file. A data chunk declaring more bytes than
 * the file holds means a cut-off file (a recorder that crashed, a partial copy): ffprobe
 * silently reports the shorter length. Sizes 0 and 0xFFFFFFFF are what streaming recorders
 * write when the length is unknown.
 */
async function readWavHeader(filePath: string, sizeBytes: number): Promise<WavHeader | null> {
  const handle = await open(filePath, 'r');
  try {
    const header = Buffer.alloc(Math.min(sizeBytes, 65_536));
    await handle.read(header, 0, header.length, 0);
    if (header.length < 12 || header.toString('ascii', 0, 4) !== 'RIFF' || header.toString('ascii', 8, 12) !== 'WAVE') return null;
    const found: WavHeader = { shortfallBytes: 0, format: null };
    let offset = 12;
    while (offset + 8 <= header.length) {
      const chunkId = header.toString('ascii', offset, offset + 4);
      const chunkSize = header.readUInt32LE(offset + 4);
      if (chunkId === 'fmt ' && offset + 24 <= header.length) {
        found.format = {
          formatTag: header.readUInt16LE(offset + 8), channels: header.readUInt16LE(offset + 10),
          sampleRateHz: header.readUInt32LE(offset + 12), byteRate: header.readUInt32LE(offset + 16),
          blockAlign: header.readUInt16LE(offset + 20), bitsPerSample: header.readUInt16LE(offset + 22),
        };
      }
      if (chunkId === 'data') {
        if (chunkSize !== 0 && chunkSize !== 0xffffffff) found.shortfallBytes = Math.max(0, offset + 8 + chunkSize - sizeBytes);
        break;
      }
      offset += 8 + chunkSize + (chunkSize % 2);
    }
    return found;
  } finally {
    await handle.close();
  }
}

/**
 * A WAV whose block size or sample width contradicts itself decodes to a wrong length (ffmpeg
 * guesses), so the call's times would be wrong while the analysis reports ok.
 */
function checkWavHeader(source: string, wav: WavHeader): void {
  const refuse = (problem: string) =>
    new CallqaError('CQA_ERR_INPUT_BAD_HEADER', `${source}: invalid WAV header: ${problem}; export the recording again`);
  if (wav.shortfallBytes > 0) {
    throw new CallqaError(
      'CQA_ERR_INPUT_TRUNCATED',
      `${source}: truncated WAV: its header declares ${wav.shortfallBytes} more bytes of audio than the file holds; copy or export it again`,
    );
  }
  const format = wav.format;
  if (!format) return;
  if (format.blockAlign === 0) throw refuse('block_align is 0');
  if (!wholeByteFormatTags.has(format.formatTag)) return;
  if (format.bitsPerSample === 0 || format.bitsPerSample % 8 !== 0) {
    throw refuse(`${format.bitsPerSample} bits per sample (PCM samples are 8, 16, 24, 32 or 64 bits)`);
  }
  const expectedBlockAlign = (format.channels * format.bitsPerSample) / 8;
  if (format.blockAlign !== expectedBlockAlign) {
    throw refuse(`block_align is ${format.blockAlign}, but ${format.channels} channel(s) of ${format.bitsPerSample} bits make ${expectedBlockAlign}`);
  }
  // The sample rate is written twice (rate, and bytes per second): a damaged one disagrees.
  if (format.byteRate !== format.sampleRateHz * format.blockAlign) {
    throw refuse(`${format.byteRate} bytes per second, but ${format.sampleRateHz} Hz of ${format.blockAlign}-byte blocks make ${format.sampleRateHz * format.blockAlign}`);
  }
}

/** Reads what a recording is without decoding it; every failure names the file and the fix. */
export async function probeRecording(source: string, limits: InputLimits = defaultInputLimits): Promise<RecordingProbe> {
  const absolutePath = path.resolve(source);
  const fileStat = await checkInputFile(source, absolutePath);
  if (fileStat.size === 0) {
    throw new CallqaError('CQA_ERR_INPUT_EMPTY', `${source}: the file is empty (0 bytes); export the recording again`);
  }
  const wav = await readWavHeader(absolutePath, fileStat.size);
  if (wav) checkWavHeader(source, wav);
  const au = wav ? null : await readAuHeader(absolutePath, fileStat.size);
  if (au) checkAuHeader(source, au, limits);
  const data = await runFfprobe(absolutePath).catch((error: unknown) => {
    throw findContainerRefusal(source, error instanceof Error ? error.message : String(error)) ?? new CallqaError(
      'CQA_ERR_INPUT_NOT_MEDIA',
      `${source}: not a readable audio or video file (ffprobe: ${ffprobeReason(error)}); check that it is a recording and not renamed text or a partial download`,
      { cause: error },
    );
  });
  const container = data.format.format_name ?? 'unknown';
  resolveInputDemuxer(source, container);
  const oggEndProblem = container === 'ogg' ? await findOggEndProblem(absolutePath, fileStat.size) : null;
  if (oggEndProblem) {
    throw new CallqaError('CQA_ERR_INPUT_TRUNCATED', `${source}: truncated Ogg: ${oggEndProblem}; copy or export it again`);
  }
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
  // Matroska and WebM give no stream duration (ffprobe prints "N/A"), only the container's.
  const declaredDurationS = [audio.duration, data.format.duration].map(Number).find(Number.isFinite) ?? null;
  if (channels < 1 || !Number.isFinite(sampleRateHz) || sampleRateHz <= 0 || declaredDurationS === 0) {
    throw new CallqaError('CQA_ERR_INPUT_NO_SAMPLES', `${source}: the audio track is empty (no samples); export the recording again`);
  }
  if (sampleRateHz < limits.minSampleRateHz) {
    throw new CallqaError(
      'CQA_ERR_INPUT_SAMPLE_RATE',
      `${source}: the audio track declares ${sampleRateHz} Hz; callqa reads ${limits.minSampleRateHz} Hz and above (telephone audio is 8000 Hz), so the header is damaged: export the recording again`,
    );
  }
  if (declaredDurationS !== null && declaredDurationS > limits.maxDurationS) {
    throw tooLong(source, `declares ${declaredDurationS.toFixed(0)} s`, limits.maxDurationS);
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
    tags: Object.fromEntries(Object.entries({ ...audio.tags, ...data.format.tags }).map(([name, value]) => [name, String(value)])),
  };
}
