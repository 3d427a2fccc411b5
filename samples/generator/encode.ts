/**
 * Writes the mixed call with ffmpeg and reads recordings back. Committed recordings are
 * G.711 µ-law at 8 kHz, the format contact-centre platforms export; the telephone band
 * (300–3400 Hz) is imposed here so every export shares it. `bitexact` keeps ffmpeg's version
 * string out of the headers, so regenerating gives identical bytes.
 */
import { rename } from 'node:fs/promises';
import { runTool, toFloat32 } from './exec.ts';
import { sampleRateHz } from './speak.ts';

export const audioExports = {
  'stereo-mulaw': ['-c:a', 'pcm_mulaw', '-f', 'wav'],
  'mono-mulaw': ['-ac', '1', '-c:a', 'pcm_mulaw', '-f', 'wav'],
  // MPEG-2.5 layer III at 8 kHz; 16 kbit/s is a typical low-bitrate archive copy.
  mp3: ['-c:a', 'libmp3lame', '-b:a', '16k', '-f', 'mp3'],
} as const;
export type AudioExport = keyof typeof audioExports;

export const quiet = ['-hide_banner', '-loglevel', 'error'];
export const telephoneBand = 'highpass=f=300,lowpass=f=3400';

/** Encodes interleaved stereo f32 samples to `path` (via a temporary file, then renamed). */
export async function writeCallAudio(stereo: Float32Array, path: string, format: AudioExport): Promise<void> {
  const input = new Uint8Array(stereo.buffer, stereo.byteOffset, stereo.byteLength);
  const partial = `${path}.partial`;
  await runTool('ffmpeg', [
    ...quiet,
    '-f', 'f32le', '-ar', String(sampleRateHz), '-ac', '2', '-i', 'pipe:0',
    '-af', telephoneBand, ...audioExports[format],
    '-fflags', '+bitexact', '-flags:a', '+bitexact', '-y', partial,
  ], input);
  await rename(partial, path);
}

/** Decodes any recording to interleaved f32 samples at 8 kHz with `channels` channels. */
export async function readRecording(path: string, channels: 1 | 2): Promise<Float32Array> {
  const raw = await runTool('ffmpeg', [
    ...quiet, '-nostdin', '-i', path, '-f', 'f32le', '-ac', String(channels), '-ar', String(sampleRateHz), 'pipe:1',
  ]);
  return toFloat32(raw);
}
