/** F0 of sox-synthesised tones with a known pitch, at both analysis rates. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createPitchTracker } from './pitch.ts';
import { defaultAudioThresholds } from './thresholds.ts';

const run = promisify(execFile);

async function synth(rateHz: number, waveform: string, hz: number, volume: number): Promise<Float32Array> {
  const { stdout } = await run('sox', ['-n', '-t', 'raw', '-e', 'floating-point', '-b', '32', '-L', '-r', String(rateHz), '-c', '1', '-', 'synth', '0.5', waveform, String(hz), 'vol', String(volume)], { encoding: 'buffer' });
  return new Float32Array(new Uint8Array(stdout).buffer);
}

/** Median F0 over the whole 32 ms frames of a signal. */
function medianPitch(samples: Float32Array, rateHz: 8000 | 16000, levelDb: number): number {
  const frameSamples = rateHz === 8000 ? 256 : 512;
  const tracker = createPitchTracker(frameSamples, rateHz, defaultAudioThresholds.pitch);
  const found: number[] = [];
  for (let at = 0; at + frameSamples <= samples.length; at += frameSamples) found.push(tracker.pitchHz(samples.subarray(at, at + frameSamples), levelDb));
  return found.sort((a, b) => a - b)[found.length >> 1]!;
}

describe('pitch tracker', () => {
  it.each([
    [8000, 'sawtooth', 85],
    [8000, 'sawtooth', 150],
    [8000, 'square', 220],
    [16000, 'sawtooth', 110],
    [16000, 'sawtooth', 310],
  ] as const)('finds the F0 of a %i Hz-sampled %s at %i Hz within 1 %', async (rateHz, waveform, hz) => {
    expect(Math.abs(medianPitch(await synth(rateHz, waveform, hz, 0.3), rateHz, -20) / hz - 1)).toBeLessThan(0.01);
  });

  it('gives no pitch to noise or to frames under pitch.minLevelDbfs', async () => {
    expect(medianPitch(await synth(8000, 'whitenoise', 0, 0.3), 8000, -20)).toBe(0);
    expect(medianPitch(await synth(8000, 'sawtooth', 150, 0.3), 8000, defaultAudioThresholds.pitch.minLevelDbfs - 1)).toBe(0);
  });
});
