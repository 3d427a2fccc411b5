/**
 * Test calls built from real sound: espeak-ng speech resampled by sox, synthesized chords as
 * hold music, laid out per channel at known times over faint line noise and written as 8 kHz
 * 16-bit WAV by ffmpeg. Each clip is trimmed to where its energy starts and ends, so the
 * times a test places clips at are where speech really is.
 */
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const fixtureRateHz = 8000;

/** Speech (or music) placed on one channel at `atS` seconds. */
export interface Placement {
  channel: number;
  atS: number;
  samples: Float32Array;
}

/** Trims to the first and last 10 ms frame whose RMS is within 34 dB of the loudest. */
function trimToEnergy(samples: Float32Array): Float32Array {
  const frame = fixtureRateHz / 100;
  const rms = Array.from({ length: Math.floor(samples.length / frame) }, (_, index) => {
    let sum = 0;
    for (const value of samples.subarray(index * frame, (index + 1) * frame)) sum += value * value;
    return Math.sqrt(sum / frame);
  });
  const threshold = Math.max(...rms) * 0.02;
  const first = rms.findIndex((value) => value > threshold);
  const last = rms.findLastIndex((value) => value > threshold);
  return samples.slice(first * frame, (last + 1) * frame);
}

/** How far espeak-ng's intonation swings (SSML prosody range): x-low is all but monotone. */
export type PitchRange = 'x-low' | 'low' | 'medium' | 'high' | 'x-high';

/** Speaks `text` with espeak-ng at 8 kHz, scaled to `peak`, trimmed to its audible extent. */
export async function speak(folder: string, text: string, options: { voice?: string; speedWpm?: number; peak?: number; pitchRange?: PitchRange } = {}): Promise<Float32Array> {
  const wavPath = path.join(folder, `speech-${Math.random().toString(36).slice(2)}.wav`);
  const voiced = options.pitchRange ? ['-m', `<speak><prosody range="${options.pitchRange}">${text}</prosody></speak>`] : [text];
  await run('espeak-ng', ['-v', options.voice ?? 'en-us', '-s', String(options.speedWpm ?? 165), '-w', wavPath, ...voiced]);
  const { stdout } = await run('sox', [wavPath, '-t', 'raw', '-e', 'floating-point', '-b', '32', '-L', '-r', String(fixtureRateHz), '-c', '1', '-'], {
    encoding: 'buffer',
    maxBuffer: 1 << 26,
  });
  const samples = trimToEnergy(new Float32Array(new Uint8Array(stdout).buffer));
  const peak = samples.reduce((loudest, value) => Math.max(loudest, Math.abs(value)), 0);
  return samples.map((value) => (value * (options.peak ?? 0.45)) / peak);
}

/** Hold music: a loop of four sustained major chords, each note with three harmonics. */
export function chords(durationS: number): Float32Array {
  const roots = [220, 293.66, 329.63, 246.94];
  const out = new Float32Array(Math.round(durationS * fixtureRateHz));
  const chordSamples = Math.round(1.5 * fixtureRateHz);
  for (let index = 0; index < out.length; index++) {
    const root = roots[Math.floor(index / chordSamples) % roots.length]!;
    const t = index / fixtureRateHz;
    let value = 0;
    for (const ratio of [1, 1.26, 1.5]) for (let harmonic = 1; harmonic <= 3; harmonic++) value += Math.sin(2 * Math.PI * root * ratio * harmonic * t) / harmonic;
    out[index] = 0.04 * value;
  }
  return out;
}

export function durationS(samples: Float32Array): number {
  return samples.length / fixtureRateHz;
}

/** Writes a call of `channelCount` channels and `lengthS` seconds with the placements mixed in. */
export async function writeCall(filePath: string, channelCount: number, lengthS: number, placements: readonly Placement[]): Promise<string> {
  const frames = Math.round(lengthS * fixtureRateHz);
  const interleaved = new Float32Array(frames * channelCount);
  // Faint line noise (about -60 dBFS), so silence is not digital zero.
  let seed = 12345;
  for (let index = 0; index < interleaved.length; index++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    interleaved[index] = ((seed / 2 ** 32) - 0.5) * 0.003;
  }
  for (const { channel, atS, samples } of placements) {
    const start = Math.round(atS * fixtureRateHz);
    for (let index = 0; index < samples.length && start + index < frames; index++) {
      interleaved[(start + index) * channelCount + channel]! += samples[index]!;
    }
  }
  await new Promise<void>((resolve, reject) => {
    const ffmpeg = spawn('ffmpeg', ['-v', 'error', '-y', '-f', 'f32le', '-ar', String(fixtureRateHz), '-ac', String(channelCount), '-i', 'pipe:0', '-c:a', 'pcm_s16le', filePath]);
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code} writing ${filePath}`))));
    ffmpeg.stdin.end(new Uint8Array(interleaved.buffer));
  });
  return filePath;
}
