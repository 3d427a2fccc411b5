/**
 * ffmpeg around the degradation steps: the clean mix is band-limited exactly as the sample
 * generator exports it, and a degraded call is stored in its condition's codec. GSM 06.10 is
 * mono only, so each channel goes through the codec on its own and the call is kept as PCM.
 */
import { rename } from 'node:fs/promises';
import { quiet, telephoneBand } from '../../samples/generator/encode.ts';
import { deinterleave } from '../../samples/generator/energy.ts';
import { runTool, toFloat32 } from '../../samples/generator/exec.ts';
import { sampleRateHz } from '../../samples/generator/speak.ts';
import type { Codec, Encoding } from './conditions.ts';
import type { StereoChannels } from './degrade.ts';

const rawInput = (channels: number) => ['-f', 'f32le', '-ar', String(sampleRateHz), '-ac', String(channels), '-i', 'pipe:0'];
const bytesOf = (samples: Float32Array) => new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);

/** The clean interleaved mix in the telephone band, as two channels. */
export async function bandLimit(stereo: Float32Array): Promise<StereoChannels> {
  const raw = await runTool('ffmpeg', [...quiet, ...rawInput(2), '-af', telephoneBand, '-f', 'f32le', 'pipe:1'], bytesOf(stereo));
  const limited = toFloat32(raw);
  return [deinterleave(limited, 2, 0), deinterleave(limited, 2, 1)];
}

function interleave(channels: StereoChannels): Float32Array {
  const out = new Float32Array(channels[0].length * 2);
  for (let i = 0; i < channels[0].length; i++) {
    out[2 * i] = Math.max(-1, Math.min(1, channels[0][i]!));
    out[2 * i + 1] = Math.max(-1, Math.min(1, channels[1][i]!));
  }
  return out;
}

const extensionOf: Record<Codec, string> = { pcm: 'wav', mulaw: 'wav', alaw: 'wav', gsm: 'wav', mp3: 'mp3', opus: 'ogg' };

function codecArgs(encoding: Encoding): string[] {
  const bitrate = `${encoding.bitrateKbps ?? 0}k`;
  switch (encoding.codec) {
    case 'mulaw': return ['-c:a', 'pcm_mulaw', '-f', 'wav'];
    case 'alaw': return ['-c:a', 'pcm_alaw', '-f', 'wav'];
    case 'mp3': return ['-c:a', 'libmp3lame', '-b:a', bitrate, '-f', 'mp3'];
    // Mapping family 255 codes the two legs as separate streams: coupled stereo at these rates
    // would mix the parties, which no recorder storing two legs does.
    case 'opus': return ['-c:a', 'libopus', '-b:a', bitrate, '-application', 'voip', '-mapping_family', '255', '-f', 'ogg'];
    case 'pcm':
    case 'gsm': return ['-c:a', 'pcm_s16le', '-ar', String(encoding.rateHz), '-f', 'wav'];
  }
}

/** One channel through GSM 06.10 and back. */
async function throughGsm(channel: Float32Array): Promise<Float32Array> {
  const gsm = await runTool('ffmpeg', [...quiet, ...rawInput(1), '-c:a', 'libgsm', '-f', 'gsm', 'pipe:1'], bytesOf(channel.map((v) => Math.max(-1, Math.min(1, v)))));
  const decoded = toFloat32(await runTool('ffmpeg', [...quiet, '-f', 'gsm', '-i', 'pipe:0', '-f', 'f32le', 'pipe:1'], gsm));
  // The codec works in 20 ms frames: the last one is padded, so cut back to the call's length.
  const aligned = new Float32Array(channel.length);
  aligned.set(decoded.subarray(0, channel.length));
  return aligned;
}

/** Stores `channels` at `pathStem`.<extension> in the condition's codec; returns the file path. */
export async function writeConditionAudio(channels: StereoChannels, encoding: Encoding, pathStem: string): Promise<string> {
  const stored: StereoChannels = encoding.codec === 'gsm' ? [await throughGsm(channels[0]), await throughGsm(channels[1])] : channels;
  const path = `${pathStem}.${extensionOf[encoding.codec]}`;
  const partial = `${path}.partial`;
  await runTool('ffmpeg', [
    ...quiet, ...rawInput(2), ...codecArgs(encoding), '-fflags', '+bitexact', '-flags:a', '+bitexact', '-y', partial,
  ], bytesOf(interleave(stored)));
  await rename(partial, path);
  return path;
}
