import { describe, expect, it } from 'vitest';
import { createPowerSpectrum } from './fft.ts';

/** The textbook DFT of the Hann-windowed frame, O(N²): slow and obviously right. */
function naivePower(frame: Float32Array): number[] {
  const size = frame.length;
  const windowed = Array.from(frame, (value, n) => value * (0.5 - 0.5 * Math.cos((2 * Math.PI * n) / size)));
  return Array.from({ length: size / 2 + 1 }, (_, bin) => {
    let real = 0;
    let imaginary = 0;
    windowed.forEach((value, n) => {
      real += value * Math.cos((2 * Math.PI * bin * n) / size);
      imaginary -= value * Math.sin((2 * Math.PI * bin * n) / size);
    });
    return real * real + imaginary * imaginary;
  });
}

describe('power spectrum', () => {
  it.each([4, 256, 512])('matches the DFT for %i samples', (size) => {
    const frame = Float32Array.from({ length: size }, (_, n) => Math.sin(n * 0.37) + 0.5 * Math.cos(n * 1.9) + ((n * 7919) % 13) / 26 - 0.25);
    const power = createPowerSpectrum(size)(frame);
    naivePower(frame).forEach((expected, bin) => expect(power[bin]).toBeCloseTo(expected, 6));
  });

  it('rejects sizes that are not powers of two', () => {
    expect(() => createPowerSpectrum(300)).toThrow(RangeError);
  });
});
