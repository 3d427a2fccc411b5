/**
 * Speech clips: espeak-ng renders a line to a temporary WAV, sox resamples it to the
 * telephone rate, and the clip is trimmed to where its energy really starts and ends, so
 * the truth times describe the audio and not espeak's padding.
 */
import { join } from 'node:path';
import { frameRms } from './energy.ts';
import { runTool, toFloat32 } from './exec.ts';
import type { LineTurn, VoiceProfile } from './script-types.ts';

export const sampleRateHz = 8000;

/** A clip with its silence trimmed; `heardSamples` is where a cut-off line stops. */
export interface SpeechClip {
  samples: Float32Array;
  heardSamples: number | null;
}

/**
 * How lines are voiced. Angry customers and sharp agents are faster and louder (G13 looks
 * at loudness); backchannels are quick and soft, as listeners' "uh-huh"s are.
 */
function delivery(line: LineTurn): { speedFactor: number; peak: number } {
  if (line.backchannelAt !== null) return { speedFactor: 1.2, peak: 0.3 };
  if (line.tags.includes('angry') || line.tags.includes('sharp')) return { speedFactor: 1.12, peak: 0.75 };
  return { speedFactor: 1, peak: 0.45 };
}

/**
 * Frames of 10 ms; a frame is speech when its RMS is within 26 dB of the loudest frame —
 * quieter edges would be lost under the line noise anyway.
 */
const frameSamples = sampleRateHz / 100;
const relativeThreshold = 0.05;

/** The part of `samples` between the first and the last frame above the energy threshold. */
export function trimSilence(samples: Float32Array): Float32Array {
  const rms = frameRms(samples, frameSamples);
  const threshold = Math.max(...rms) * relativeThreshold;
  const first = rms.findIndex((value) => value > threshold);
  const last = rms.findLastIndex((value) => value > threshold);
  if (first < 0) return new Float32Array(0);
  return samples.slice(first * frameSamples, (last + 1) * frameSamples);
}

async function render(text: string, voice: VoiceProfile, speedFactor: number, wavPath: string): Promise<Float32Array> {
  const speed = String(Math.round(voice.speedWpm * speedFactor));
  await runTool('espeak-ng', ['-v', voice.voice, '-s', speed, '-p', String(voice.pitch), '-w', wavPath, text]);
  const raw = await runTool('sox', [wavPath, '-t', 'raw', '-e', 'floating-point', '-b', '32', '-L', '-r', String(sampleRateHz), '-c', '1', '-']);
  return trimSilence(toFloat32(raw));
}

/**
 * Synthesizes one line. A line that will be cut off is also rendered up to its cut marker:
 * that clip's length is where the full clip is cut, so the truth text is what was heard.
 */
export async function speakLine(line: LineTurn, voice: VoiceProfile, tmpDir: string, id: string): Promise<SpeechClip> {
  const { speedFactor, peak } = delivery(line);
  const [samples, heard] = await Promise.all([
    render(line.text, voice, speedFactor, join(tmpDir, `${id}.wav`)),
    line.heardText === null ? null : render(line.heardText, voice, speedFactor, join(tmpDir, `${id}-heard.wav`)),
  ]);
  let loudest = 0;
  for (const value of samples) loudest = Math.max(loudest, Math.abs(value));
  const gain = loudest > 0 ? peak / loudest : 0;
  for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] ?? 0) * gain;
  return { samples, heardSamples: heard === null ? null : Math.min(heard.length, samples.length) };
}
