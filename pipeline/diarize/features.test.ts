import { describe, expect, it } from 'vitest';
import type { PcmBlock } from '../ingest/index.ts';
import { createFeatureExtractor, type SpeechFeatures } from './features.ts';
import { defaultDiarizeThresholds } from './thresholds.ts';

const rateHz = 8000;
/** A 180 Hz buzz (fundamental and harmonics) for 1 s, silence for 1 s. */
const buzz = Float32Array.from({ length: 2 * rateHz }, (_, n) => (n < rateHz ? [1, 2, 3, 4].reduce((sum, k) => sum + Math.sin((2 * Math.PI * 180 * k * n) / rateHz) / k, 0) * 0.2 : 0));

function extract(blockSize: number, speech = [{ startS: 0, endS: 1 }]): SpeechFeatures {
  const extractor = createFeatureExtractor(0, rateHz, speech, defaultDiarizeThresholds.features);
  for (let start = 0; start < buzz.length; start += blockSize) {
    const block: PcmBlock = { channels: [buzz.subarray(start, start + blockSize)], startFrame: start };
    extractor.add(block);
  }
  return extractor.finish();
}

describe('speech features', () => {
  it('keeps only frames centred in speech, 10 ms apart', () => {
    const features = extract(4096);
    const times = Array.from(features.frameIndex, (frame) => frame * features.hopS + features.centreS);
    expect(times.every((time) => time >= 0 && time < 1)).toBe(true);
    expect(features.frameIndex.length).toBeGreaterThan(90);
    expect(features.values.length).toBe(features.frameIndex.length * features.dimensions);
  });

  it('finds the pitch of a voiced frame', () => {
    const features = extract(4096);
    const pitches = Array.from(features.frameIndex, (_, row) => Math.exp(features.values[row * features.dimensions + features.dimensions - 1]!));
    const median = pitches.sort((a, b) => a - b)[pitches.length >> 1]!;
    expect(median).toBeGreaterThan(170);
    expect(median).toBeLessThan(190);
  });

  it('gives the same features whatever the decoder block size', () => {
    const large = extract(4096);
    const small = extract(333);
    expect(Array.from(small.frameIndex)).toEqual(Array.from(large.frameIndex));
    expect(Array.from(small.values)).toEqual(Array.from(large.values));
  });
});
